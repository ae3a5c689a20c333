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

    /// `[ 3/12]`: the step, padded to the width of the total.
    static func step(_ step: Int, of total: Int) -> String {
        let width = String(total).count
        return "[\(String(repeating: " ", count: max(0, width - String(step).count)))\(step)/\(total)]"
    }

    func handle(_ event: ProgressEvent) {
        switch event {
        case .skipped(let runtime, let workload, let reason):
            line("skip  \(runtime) · \(workload): \(reason)")
        case .started:
            break
        case .finished(let step, let total, let runtime, let workload, let process, let execute, let failure):
            let cell = "\(Self.step(step, of: total)) \(Self.pad(runtime, 15)) \(Self.pad(workload, 20)) p\(process)"
            if let failure {
                line("\(cell)  FAILED (\(failure.kind.rawValue)): \(failure.message)")
            } else {
                line("\(cell)  \(execute.map { formatDuration($0) + "/iter" } ?? "ok")")
            }
        case .counted(let step, let total, let runtime, let workload, let set, let perIteration, let failure):
            let cell = "\(Self.step(step, of: total)) \(Self.pad(runtime, 15)) \(Self.pad(workload, 20)) set \(set)"
            if let failure {
                line("\(cell)  FAILED (\(failure.kind.rawValue)): \(failure.message)")
            } else {
                line("\(cell)  \(perIteration.map { "\(Int($0.rounded())) instructions/iter" } ?? "ok")")
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
