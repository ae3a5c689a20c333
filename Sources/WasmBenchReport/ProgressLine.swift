import WasmBenchModel

/// The line a progress event prints on stderr, or nil for an event that prints none.
///
/// `[ 3/12] wasmtime        kernels/fib          p0  21.3 ms/iter`: the step padded to the width
/// of the total, the runtime and workload padded to columns (an id is never cut), then the
/// process's median iteration, its instructions per iteration, or its failure. Names and messages
/// are stripped of controls and escape sequences (``InertText/stripped(_:)``).
package func progressLine(_ event: ProgressEvent) -> String? {
    rawProgressLine(event).map(InertText.stripped)
}

/// The line before its text is made inert.
private func rawProgressLine(_ event: ProgressEvent) -> String? {
    func cell(_ step: Int, _ total: Int, _ runtime: String, _ workload: String, _ unit: String) -> String {
        let counter = pad(String(step), to: String(total).count, right: true)
        return "[\(counter)/\(total)] \(pad(runtime, to: 15)) \(pad(workload, to: 20)) \(unit)"
    }
    func failed(_ failure: Failure) -> String { "FAILED (\(failure.kind.rawValue)): \(failure.message)" }
    switch event {
    case .skipped(let runtime, let workload, let reason):
        return "skip  \(runtime) · \(workload): \(reason)"
    case .started:
        return nil
    case .finished(let step, let total, let runtime, let workload, let process, let execute, let failure):
        let result = failure.map(failed) ?? execute.map { formatDuration($0) + "/iter" } ?? "ok"
        return "\(cell(step, total, runtime, workload, "p\(process)"))  \(result)"
    case .counted(let step, let total, let runtime, let workload, let set, let perIteration, let failure):
        let result = failure.map(failed) ?? perIteration.map { "\(Int($0.rounded())) instructions/iter" } ?? "ok"
        return "\(cell(step, total, runtime, workload, "set \(set)"))  \(result)"
    case .budgetSpent(let runtime, let workload, let processes, let seconds):
        return "budget \(runtime) · \(workload): \(processes) processes in \(Int(seconds)) s, no more for this cell"
    case .refining(let round, let cells, let processes, let target):
        return
            "round \(round + 1): \(cells) ratios wider than ±\(formatPercent(target)), \(processes) more processes"
    case .saveFailed(let message):
        return "warning: could not save the results so far: \(message)"
    case .stopped(let reason):
        return "stopped: \(reason)"
    }
}
