import Dispatch
import Foundation
import WasmBenchProcess
import WasmBenchRuntime

/// Turns Ctrl-C (SIGINT) and SIGTERM into a callback instead of an immediate exit, so the run can
/// kill its children, save what it measured and exit with status 130.
final class SignalTrap {
    private var sources: [DispatchSourceSignal] = []

    init(_ handler: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    /// Traps the signals to raise `interruption` and stop every child `launcher` started.
    convenience init(raising interruption: Interruption, stopping launcher: ProcessLauncher) {
        self.init {
            interruption.raise()
            launcher.terminateAll()
        }
    }

    /// Stops trapping and gives SIGINT and SIGTERM their default action back.
    func cancel() {
        guard !sources.isEmpty else { return }
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
