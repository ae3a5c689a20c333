import Foundation
import WasmBenchModel
import WasmBenchReport

/// Prints live progress on stderr, one line per event.
struct ProgressPrinter: Sendable {
    let quiet: Bool

    func line(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func handle(_ event: ProgressEvent) {
        if let text = progressLine(event) { line(text) }
    }
}
