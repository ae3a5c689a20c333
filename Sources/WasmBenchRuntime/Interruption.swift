import Synchronization

/// A flag the command line raises on Ctrl-C; the runner stops scheduling when it is up.
public final class Interruption: Sendable {
    private let raised = Mutex(false)

    /// Creates a lowered flag.
    public init() {}

    /// Raises the flag.
    public func raise() { raised.withLock { $0 = true } }

    /// Whether the flag is up.
    public var isRaised: Bool { raised.withLock { $0 } }
}
