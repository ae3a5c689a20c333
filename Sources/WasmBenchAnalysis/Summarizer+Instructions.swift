import WasmBenchModel

extension Summarizer {
    /// How the counted sets of one cell went: how many gave a count, and how many of those could
    /// tell (three or more runs) and found the cost of an iteration steady.
    struct CountRecord {
        var sets = 0
        var steady = 0
        var unsteady = 0
    }

    /// The cost of one iteration from each counted set: per cell and set (a row's
    /// ``Row/process``), the runs' totals go through ``InstructionCount``, whose slope between the
    /// two runs with the most iterations is the set's sample; a set gives none when fewer than two
    /// of its runs (with different iteration counts) were counted. The samples are keyed as
    /// `execute` × `instructions` and grouped by set, so the bootstrap resamples sets.
    ///
    /// Counts repeat to the instruction, so the sets of a cell often agree exactly: the interval
    /// of the median (and of the ratio to the baseline) is then a single point. That says the
    /// counts repeated, not that the cost would be the same on another machine or input.
    func perIterationCounts(_ counted: [Cell: [Int: [CountedRun]]]) -> (
        groups: [Key: Samples], records: [Cell: CountRecord]
    ) {
        var groups: [Key: Samples] = [:]
        var records: [Cell: CountRecord] = [:]
        for (cell, sets) in counted {
            var record = CountRecord()
            for set in sets.keys.sorted() {
                guard
                    let count = InstructionCount(
                        workload: cell.workload, runtime: cell.runtime, runs: sets[set, default: []])
                else { continue }
                let key = Key(workload: cell.workload, runtime: cell.runtime, phase: .execute, metric: .instructions)
                groups[key, default: Samples()].append(count.perIteration, process: set, steady: true)
                record.sets += 1
                switch count.steady {
                case true?: record.steady += 1
                case false?: record.unsteady += 1
                case nil: break
                }
            }
            records[cell] = record
        }
        return (groups, records)
    }
}

extension Summary {
    /// Records how many counted sets the count covers, with a warning when in some of them the
    /// cost of an iteration was still changing.
    mutating func record(_ count: Summarizer.CountRecord) {
        processes = count.sets
        steadyProcesses = count.steady + count.unsteady > 0 ? count.steady : nil
        guard count.unsteady > 0 else { return }
        let percent = Int((InstructionCount.steadyTolerance * 100).rounded())
        warnings.append(
            SummaryWarning(
                kind: .noSteadyState,
                message:
                    "in \(count.unsteady) of \(count.sets) counted sets the cost of an iteration was still changing (the first two runs' slope and the last two's differ by over \(percent)%): a JIT tiering up or caches filling; count more iterations"
            ))
    }
}
