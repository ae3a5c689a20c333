/// What to spawn: a program, its arguments, environment and where its output goes.
///
/// The child writes its standard output and error into pipes that wasmbench copies into the two
/// files as they come (one pipe for both when both paths are the same), keeping at most
/// ``outputLimit`` bytes of each; past it the child is killed and the rest counted, never stored.
///
/// Children start with standard input from `/dev/null`, in a process group of their own (so a
/// time limit kills the whole tree), with every signal at its default and none blocked, no
/// descriptor of wasmbench's but the three standard ones, and exactly the environment given
/// here. The group dies when the child ends, and when wasmbench dies (see ``ProcessLauncher``).
public struct ProcessSpec: Sendable, Equatable {
    /// Absolute path of the program.
    public var executable: String
    /// Arguments after the program name.
    public var arguments: [String]
    /// The complete environment of the child.
    public var environment: [String: String]
    /// File that receives the child's standard output (created or truncated).
    public var stdoutPath: String
    /// File that receives the child's standard error (created or truncated); the same path as
    /// ``stdoutPath`` gives both streams one file, in the order they were written.
    public var stderrPath: String
    /// Wall-clock limit in seconds after which the child's process group is killed; `nil` for none.
    /// It covers reading the child's output: at most a second after the child ends is spent
    /// draining pipes a helper that left its process group may hold open.
    public var timeout: Double?
    /// The most bytes kept of each stream; the first byte past it kills the child's process group
    /// (``Termination/outputLimitExceeded``). `nil` keeps everything (wasmbench's own tool steps).
    public var outputLimit: Int?

    /// The output limit of guests unless `--output-limit` says otherwise: 16 MiB per stream.
    public static let defaultOutputLimit = 16 << 20

    /// Creates a spec.
    public init(
        executable: String, arguments: [String] = [], environment: [String: String] = [:],
        stdoutPath: String, stderrPath: String, timeout: Double? = nil, outputLimit: Int? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
        self.timeout = timeout
        self.outputLimit = outputLimit
    }

    /// The command line, shell-quoted so that it can be pasted into a shell to run it again.
    public var commandLine: String {
        ([executable] + arguments).map(shellQuote).joined(separator: " ")
    }
}

/// Quotes a word for a POSIX shell when it needs quoting.
public func shellQuote(_ word: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
    if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
    var quoted = "'"
    for character in word {
        if character == "'" { quoted += "'\\''" } else { quoted.append(character) }
    }
    return quoted + "'"
}
