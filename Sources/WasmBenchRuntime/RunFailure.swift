import WasmBenchModel

/// Why a run stopped, as an error an adapter or analysis can throw inside itself: the recorded
/// kind, a message that says what to do next, and the command that ran when there was one.
///
/// It never leaves a run as a thrown error: ``RunOutcome/failure(_:)`` turns it into a
/// ``RunStatus/failed(_:_:)`` outcome, recorded like any other.
public struct RunFailure: Error, Sendable, Equatable {
    /// The recorded kind.
    public var kind: FailureKind
    /// What happened and what to do about it.
    public var message: String
    /// The command line that ran, when the failure came from a child process.
    public var command: String?

    /// Creates a failure.
    public init(_ kind: FailureKind, _ message: String, command: String? = nil) {
        self.kind = kind
        self.message = message
        self.command = command
    }

    /// Creates a failure (labelled form).
    public init(kind: FailureKind, message: String, command: String? = nil) {
        self.init(kind, message, command: command)
    }
}

extension RunOutcome {
    /// An outcome with no samples that records `failure`.
    public static func failure(_ failure: RunFailure) -> RunOutcome {
        .failure(failure.kind, failure.message, command: failure.command)
    }
}
