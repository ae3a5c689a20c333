import Foundation
import WasmBenchExplain
import WasmBenchModel
import WasmBenchRuntime

extension BenchmarkRunner {
    /// Counts the sets of this run: its counted iterations, its time limit, its scratch folder.
    var counter: InstructionCounter? {
        valgrind.map {
            InstructionCounter(
                valgrind: $0, iterations: configuration.countedIterations ?? [2, 4, 6],
                timeoutSeconds: configuration.timeoutSeconds, scratchRoot: scratchRoot)
        }
    }

    /// Counts one set of a cell under callgrind (``Measure/instructions``) and files each counted
    /// run's total as a row: phase `wall`, metric `instructions`, the set as ``Row/process`` and the
    /// run's iteration count as ``Row/iterations``. The runs counted before a failure are kept; the
    /// summaries derive the cost of an iteration from the rows. Returns a reason to stop the whole
    /// run, or nil.
    func countSet(_ cell: CellSchedule, step: Int, total: Int, result: inout RunResult) -> String? {
        let set = cell.processesRun
        progress(.started(step: step, of: total, runtime: cell.info.id, workload: cell.program.workload, process: set))
        let started = Date()
        var runs: [CountedRun] = []
        var failed: RunFailure?
        if let counter {
            switch counter.countSet(cell.program, on: cell.runtime, interruption: interruption) {
            case .success(let counted): runs = counted.runs
            case .failure(let error): (runs, failed) = (error.counted, error.failure)
            }
        } else {
            failed = RunFailure(.runtimeError, "no valgrind was given to this run to count with; please report this")
        }
        cell.secondsSpent += Date().timeIntervalSince(started)
        cell.processesRun += 1
        result.rows += runs.map { run in
            Row(
                runtime: cell.info.id, runtimeVersion: cell.info.version, flags: cell.info.flags,
                workload: cell.program.workload, phase: .wall, metric: .instructions, value: run.instructions,
                process: set, command: run.command, iterations: run.iterations)
        }
        let failure = failed.map {
            Failure(
                runtime: cell.info.id, workload: cell.program.workload, process: set, kind: $0.kind,
                message: $0.message, command: $0.command)
        }
        if let failure { result.failures.append(failure) }
        let count = InstructionCount(workload: cell.program.workload, runtime: cell.info.id, runs: runs)
        progress(
            .counted(
                step: step, of: total, runtime: cell.info.id, workload: cell.program.workload, set: set,
                perIteration: count?.perIteration, failure: failure))
        persist(result)
        return stopReason(after: failure, cell: cell)
    }
}
