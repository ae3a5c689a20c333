import Foundation
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchStatistics

extension BenchmarkRunner {
    /// Adds processes to the cells whose execute ratio is wider than the goal, after the
    /// configured rounds: each round summarises the run, picks every ratio still wider than the
    /// target together with its baseline cell (a ratio's interval narrows only when both sides
    /// do), and runs one more process of each in a freshly shuffled order, until every ratio
    /// reaches the target or a limit stops it: the run's time budget, a cell's budget or the most
    /// processes a cell gets. A cell that cannot be added to keeps the limit that stopped it as
    /// its ``PrecisionShortfall``.
    ///
    /// - Returns: a reason to stop the whole run (Ctrl-C, `--on-failure stop`), or nil.
    func refine(
        _ cells: [CellSchedule], goal: PrecisionGoal, sampler: NoiseSampler?, runStarted: Date, step: inout Int,
        total: inout Int, result: inout RunResult
    ) -> String? {
        var round = configuration.processes
        while true {
            Summarizer(configuration: configuration).summarize(&result)
            var wanted = Set<Int>()
            var wide = 0
            for (index, baseline) in wideRatios(cells, goal: goal, result: result) {
                let group = [index] + (baseline.map { [$0] } ?? [])
                if let limit = group.lazy.compactMap({ self.limit(cells[$0], goal: goal) }).first {
                    cells[index].shortfall = limit
                    continue
                }
                wide += 1
                wanted.formUnion(group)
            }
            if wanted.isEmpty { return nil }
            if Date().timeIntervalSince(runStarted) >= goal.timeBudgetSeconds {
                for index in wanted { cells[index].shortfall = cells[index].shortfall ?? .timeBudget }
                return nil
            }
            progress(.refining(round: round, cells: wide, processes: wanted.count, target: goal.target))
            total += wanted.count
            for index in seededShuffle(wanted.sorted(), seed: configuration.seed &+ UInt64(round)) {
                step += 1
                if interruption.isRaised { return "interrupted (Ctrl-C): the results measured so far are kept" }
                guard Date().timeIntervalSince(runStarted) < goal.timeBudgetSeconds else { break }
                let cell = cells[index]
                sampler?.sampleIfAffordable(
                    beforeRuntime: cell.info.id, workload: cell.program.workload, process: cell.processesRun,
                    into: &result)
                if let reason = runProcess(cell, round: round, step: step, total: total, result: &result) {
                    return reason
                }
            }
            sampler?.analyze(&result)
            persist(result)
            round += 1
        }
    }

    /// Every cell whose execute ratio (by the configured estimator) is wider than the target and
    /// has an interval, with the index of its baseline cell.
    private func wideRatios(_ cells: [CellSchedule], goal: PrecisionGoal, result: RunResult) -> [(Int, Int?)] {
        var index: [Cell: Int] = [:]
        for (position, cell) in cells.enumerated() { index[cell.key] = position }
        return result.summaries.compactMap { summary in
            guard summary.phase == .execute, summary.metric == .time, summary.runtime != configuration.baseline,
                let cell = index[Cell(workload: summary.workload, runtime: summary.runtime)],
                let width = summary.ratioEstimate(configuration.estimator)?.relativeHalfWidth, width > goal.target
            else { return nil }
            return (cell, index[Cell(workload: summary.workload, runtime: configuration.baseline)])
        }
    }

    /// Why no process may be added to a cell, or nil when one may.
    private func limit(_ cell: CellSchedule, goal: PrecisionGoal) -> PrecisionShortfall? {
        if cell.closed { return cell.shortfall ?? .stopped }
        if cell.processesRun >= goal.maxProcesses { return .processLimit }
        if cell.secondsSpent > configuration.cellBudgetSeconds { return .cellBudget }
        return nil
    }

    /// What every non-baseline execute ratio of the run reached of the goal, and why not where it
    /// did not: the limit that stopped its cell, no interval, or a run that stopped early.
    func precisionRecord(_ cells: [CellSchedule], goal: PrecisionGoal, stopped: Bool, result: RunResult)
        -> PrecisionRecord
    {
        let schedules = Dictionary(cells.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let records = result.summaries.compactMap { summary -> PrecisionCell? in
            guard summary.phase == .execute, summary.metric == .time, summary.runtime != configuration.baseline else {
                return nil
            }
            let cell = schedules[Cell(workload: summary.workload, runtime: summary.runtime)]
            let width = summary.ratioEstimate(configuration.estimator)?.relativeHalfWidth
            var shortfall: PrecisionShortfall?
            if let width, width <= goal.target {
                shortfall = nil
            } else if width == nil {
                shortfall = .noInterval
            } else {
                shortfall = cell?.shortfall ?? (stopped ? .stopped : .timeBudget)
            }
            return PrecisionCell(
                workload: summary.workload, runtime: summary.runtime, halfWidth: width,
                processes: cell?.processesRun ?? summary.processes ?? 0, shortfall: shortfall)
        }
        return PrecisionRecord(goal: goal, cells: records)
    }
}
