import Foundation
import WasmBenchReport
import WasmBenchRunner

/// Prints live progress on stderr, one line per event.
struct ProgressPrinter: Sendable {
    let quiet: Bool

    func line(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `text` padded to `width` with spaces; a longer text is kept whole (an id is never cut).
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    func handle(_ event: ProgressEvent) {
        switch event {
        case .skipped(let runtime, let workload, let reason):
            line("skip  \(runtime) · \(workload): \(reason)")
        case .started:
            break
        case .finished(let step, let total, let runtime, let workload, let process, let execute, let failure):
            let width = String(total).count
            let counter = "[\(String(repeating: " ", count: max(0, width - String(step).count)))\(step)/\(total)]"
            let cell = "\(Self.pad(runtime, 15)) \(Self.pad(workload, 20)) p\(process)"
            if let failure {
                line("\(counter) \(cell)  FAILED (\(failure.kind.rawValue)): \(failure.message)")
            } else {
                line("\(counter) \(cell)  \(execute.map { formatDuration($0) + "/iter" } ?? "ok")")
            }
        case .budgetSpent(let runtime, let workload, let processes, let seconds):
            line("budget \(runtime) · \(workload): \(processes) processes in \(Int(seconds)) s, no more for this cell")
        case .saveFailed(let message):
            line("warning: could not save the results so far: \(message)")
        case .stopped(let reason):
            line("stopped: \(reason)")
        }
    }
}
