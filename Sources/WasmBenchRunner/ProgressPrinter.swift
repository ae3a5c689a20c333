import Foundation
import Synchronization
import WasmBenchModel
import WasmBenchReport

/// Prints live progress on stderr, one line per event that says something new
/// (``ProgressLines``), timed from the printer's creation.
package final class ProgressPrinter: Sendable {
    /// Whether nothing is printed (`--quiet`).
    package let quiet: Bool
    private let start = ContinuousClock.now
    private let lines = Mutex(ProgressLines())

    /// Creates a printer; a quiet one prints nothing.
    package init(quiet: Bool) {
        self.quiet = quiet
    }

    /// Prints `text` as one line on stderr, unless quiet.
    package func line(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints the line `event` gives, if it says something new.
    package func handle(_ event: ProgressEvent) {
        let elapsed = (ContinuousClock.now - start) / .seconds(1)
        if let text = lines.withLock({ $0.line(for: event, elapsed: elapsed) }) { line(text) }
    }
}
