import Foundation
import Synchronization
import WasmBenchModel
import WasmBenchReport

/// Prints live progress on stderr, one line per event that says something new
/// (``ProgressLines``), timed from the printer's creation.
final class ProgressPrinter: Sendable {
    let quiet: Bool
    private let start = ContinuousClock.now
    private let lines = Mutex(ProgressLines())

    init(quiet: Bool) {
        self.quiet = quiet
    }

    func line(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func handle(_ event: ProgressEvent) {
        let elapsed = (ContinuousClock.now - start) / .seconds(1)
        if let text = lines.withLock({ $0.line(for: event, elapsed: elapsed) }) { line(text) }
    }
}
