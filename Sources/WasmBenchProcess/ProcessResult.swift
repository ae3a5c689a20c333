/// How a child process ended.
public enum Termination: Sendable, Equatable {
    /// It exited with this status.
    case exited(Int32)
    /// A signal killed it (not one of ours).
    case signaled(Int32)
    /// It ran past its time limit and we killed its process group.
    case timedOut
    /// We killed it because the run was interrupted (Ctrl-C).
    case interrupted
    /// It wrote more than its output limit on standard output or error (see
    /// ``ProcessSpec/outputLimit``): we killed its process group, and its files hold only the
    /// first bytes of what it wrote (``ProcessResult/output`` counts the rest).
    case outputLimitExceeded
}

/// What the kernel reported about a finished child.
public struct ProcessResult: Sendable, Equatable {
    /// How it ended.
    public var termination: Termination
    /// The child's start (its guard's vfork) to its reaping, in seconds (monotonic clock); from
    /// before the spawn when the guard was killed first (a time limit, an interruption).
    public var wallSeconds: Double
    /// User CPU seconds of the child (and its reaped children).
    public var userSeconds: Double
    /// System CPU seconds of the child (and its reaped children).
    public var systemSeconds: Double
    /// Peak resident set size in bytes, when measured through the exec helper (else `nil`: see
    /// ``ProcessLauncher/useExecHelper(_:)``).
    public var maxRSSBytes: Double?
    /// CLOCK_REALTIME in nanoseconds just before the child's start (its guard's vfork), to compare
    /// with a guest's own reading.
    public var spawnRealtimeNanoseconds: UInt64
    /// How much it wrote on standard output and error, and the limit of what was kept.
    public var output: OutputTally

    /// Creates a result.
    public init(
        termination: Termination, wallSeconds: Double, userSeconds: Double, systemSeconds: Double,
        maxRSSBytes: Double?, spawnRealtimeNanoseconds: UInt64, output: OutputTally = OutputTally()
    ) {
        self.termination = termination
        self.wallSeconds = wallSeconds
        self.userSeconds = userSeconds
        self.systemSeconds = systemSeconds
        self.maxRSSBytes = maxRSSBytes
        self.spawnRealtimeNanoseconds = spawnRealtimeNanoseconds
        self.output = output
    }
}

/// Why a child could not be started.
public enum ProcessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The program does not exist or is not executable.
    case notExecutable(path: String)
    /// An output file could not be opened.
    case cannotOpen(path: String, errno: Int32)
    /// The child could not be started (fork, or its `execve`, failed).
    case spawnFailed(path: String, errno: Int32)

    /// How the process ended, in words.
    public var description: String {
        switch self {
        case .notExecutable(let path):
            "\(path) is missing or not executable; check the path or run `wasmbench setup`"
        case .cannotOpen(let path, let code):
            "cannot open \(path) for output (errno \(code)); check that its folder exists and is writable"
        case .spawnFailed(let path, let code):
            "could not start \(path) (errno \(code)); check that it is a program for this machine"
        }
    }
}
