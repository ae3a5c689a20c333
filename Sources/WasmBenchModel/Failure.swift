/// Why one process of a workload × runtime cell produced no (or not all) measurements.
///
/// A failure is a recorded outcome, not a crash of the harness: the run goes on (unless the
/// failure policy says stop) and the failure is saved with the rows.
public enum FailureKind: String, Codable, Sendable {
    /// The guest trapped (unreachable, out-of-bounds access, stack exhaustion…).
    case trap
    /// The guest or the runtime exited with a non-zero status.
    case nonZeroExit = "non-zero-exit"
    /// The run went past its time limit and was killed.
    case timeout
    /// The runtime process died from a signal.
    case crash
    /// The guest's self-check reported a wrong result.
    case wrongResult = "wrong-result"
    /// The guest program failed on its own terms: a Python benchmark raised, or imports a module
    /// the interpreter lacks (`wasmbench:check error`).
    case guestError = "guest-error"
    /// The runtime rejected the module (malformed or invalid) or could not link it.
    case invalidModule = "invalid-module"
    /// The runtime could not be started or misbehaved (no output, unreadable report).
    case runtimeError = "runtime-error"
    /// The guest's markers contradict themselves or the process (iterations out of order, a time
    /// of zero or longer than the whole process): none of its numbers can be believed.
    case badReport = "bad-report"
    /// The guest wrote more than the output limit (`--output-limit`) on its standard output or
    /// error: it was killed there, only the first bytes were kept and the rest counted.
    case outputLimit = "output-limit"
    /// The runtime cannot run this workload (e.g. no native build for a `.wasm`-only workload).
    case unsupported
    /// The run was interrupted (Ctrl-C) before it finished.
    case interrupted
}

/// One failed process, with what to do about it.
public struct Failure: Codable, Sendable, Equatable {
    /// The runtime id.
    public var runtime: String
    /// The workload id.
    public var workload: String
    /// The process index in its cell, or `nil` when the whole cell was skipped.
    public var process: Int?
    /// What went wrong.
    public var kind: FailureKind
    /// A message that says what happened and what to do next.
    public var message: String
    /// The command line that failed, for runs in a child process.
    public var command: String?

    /// Creates a failure record.
    public init(
        runtime: String, workload: String, process: Int?, kind: FailureKind, message: String, command: String? = nil
    ) {
        self.runtime = runtime
        self.workload = workload
        self.process = process
        self.kind = kind
        self.message = message
        self.command = command
    }
}
