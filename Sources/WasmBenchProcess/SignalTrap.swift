import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT) and SIGTERM into a callback instead of an immediate exit, so a command
/// can kill its children, save what it measured and exit with status 130.
public final class SignalTrap {
    private var sources: [DispatchSourceSignal] = []

    /// Traps SIGINT and SIGTERM until ``cancel()``, calling `handler` on a global queue for each.
    public init(_ handler: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    /// Stops trapping and gives SIGINT and SIGTERM their default action back.
    public func cancel() {
        guard !sources.isEmpty else { return }
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
