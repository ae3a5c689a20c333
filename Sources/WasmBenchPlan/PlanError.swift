/// Why a selection cannot be planned; each message says what to do next.
///
/// The case is what the command maps to an exit status; planning never exits by itself.
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The selection itself is wrong: an unknown runtime id, a flag that needs another one, a bad
    /// interpreter spec file.
    case usage(String)
    /// A workload cannot be had: an unknown kernel or benchmark, no module left to run.
    case invalidInput(String)
    /// This machine cannot do what was asked: no compiler for the kernels, none of the runtimes,
    /// no valgrind for counting.
    case environment(String)
    /// The run's folder or results file cannot be created.
    case outputNotWritable(String)
    /// Ctrl-C stopped the set-up (the launcher was stopped); nothing was measured.
    case interrupted(String)

    /// The message.
    public var description: String {
        switch self {
        case .usage(let message), .invalidInput(let message), .environment(let message),
            .outputNotWritable(let message), .interrupted(let message):
            message
        }
    }
}
