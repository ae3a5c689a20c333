import Synchronization

/// Remembers the first failed save of a run, so that the command can end with an error instead of
/// saying the results were saved.
public final class SaveFailures: Sendable {
    private let first = Mutex<String?>(nil)

    /// Creates an empty record.
    public init() {}

    /// Records a failure (the first one is kept).
    public func record(_ message: String) {
        first.withLock { if $0 == nil { $0 = message } }
    }

    /// The first failure's message, or `nil` when every save worked.
    public var firstFailure: String? { first.withLock { $0 } }
}
