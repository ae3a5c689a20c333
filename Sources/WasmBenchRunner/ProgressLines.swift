import WasmBenchModel
import WasmBenchReport

/// The line a progress event prints on stderr, or nil for an event that prints none. A live
/// progress line is the runner's output while it runs, not a report of a saved artifact.
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

/// A run's progress lines in order: each unavailable runtime said once (not once per workload), and
/// every finished process followed by the time since the start and an estimate of the time left
/// (the time per step so far times the steps left; rounds added for precision add steps).
///
/// A value that keeps only what it has said; the caller owns the clock and passes the elapsed time.
package struct ProgressLines: Sendable {
    /// The runtimes and reasons already said to be skipped.
    private var skipped: Set<[String]> = []
    /// The time of the first event: the run's start, after planning and provisioning.
    private var origin: Double?

    package init() {}

    /// The line for `event` at `elapsed` seconds on the caller's clock (times are counted from the
    /// first event), or nil when it says nothing new.
    package mutating func line(for event: ProgressEvent, elapsed: Double) -> String? {
        let origin = self.origin ?? elapsed
        self.origin = origin
        let elapsed = elapsed - origin
        switch event {
        case .skipped(let runtime, _, let reason):
            guard skipped.insert([runtime, reason]).inserted else { return nil }
            return InertText.stripped("skip  \(runtime): \(reason) (every workload it was asked for is skipped)")
        case .finished(let step, let total, _, _, _, _, _), .counted(let step, let total, _, _, _, _, _):
            return progressLine(event).map { $0 + "  " + Self.timing(step: step, of: total, elapsed: elapsed) }
        default:
            return progressLine(event)
        }
    }

    /// `1m 05s · ~3m 10s left`: the elapsed time, and the time left at the pace so far.
    static func timing(step: Int, of total: Int, elapsed: Double) -> String {
        guard step > 0, step < total, elapsed.isFinite, elapsed > 0 else { return clock(elapsed) }
        return "\(clock(elapsed)) · ~\(clock(elapsed / Double(step) * Double(total - step))) left"
    }

    /// A duration as a clock reading: `42s`, `3m 05s`, `1h 02m`.
    static func clock(_ seconds: Double) -> String {
        let whole = seconds.isFinite ? max(0, Int(seconds.rounded())) : 0
        if whole < 60 { return "\(whole)s" }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        if whole < 3600 { return "\(whole / 60)m \(two(whole % 60))s" }
        return "\(whole / 3600)h \(two(whole / 60 % 60))m"
    }
}
