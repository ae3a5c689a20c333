import Foundation
import WasmBenchProcess

/// One command of the pair's build, run in a folder with its output (stdout and stderr
/// interleaved) going to a log file of its own.
public struct BuildStep: Sendable, Equatable {
    /// A short name for progress lines and errors (`native make`).
    public var name: String
    /// The log file's name (`2-native-make.log`), in the build's log folder.
    public var logName: String
    /// The folder the command runs in.
    public var directory: String
    /// The program (absolute, or relative to ``directory``).
    public var executable: String
    /// Its arguments.
    public var arguments: [String]
    /// Its complete environment.
    public var environment: [String: String]
    /// Seconds after which it is killed.
    public var timeout: Double

    /// Creates a step.
    public init(
        name: String, logName: String, directory: String, executable: String, arguments: [String],
        environment: [String: String], timeout: Double = 4 * 3600
    ) {
        self.name = name
        self.logName = logName
        self.directory = directory
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.timeout = timeout
    }

    /// The command as it could be pasted into a shell (without the environment).
    public var commandLine: String {
        "cd \(shellQuote(directory)) && " + ([executable] + arguments).map(shellQuote).joined(separator: " ")
    }

    /// The spec that runs the step through `/bin/sh` (to change folder and merge stderr into
    /// stdout), writing to `log`.
    func processSpec(log: String) -> ProcessSpec {
        ProcessSpec(
            executable: "/bin/sh",
            arguments: ["-c", "cd \"$1\" || exit 97; shift; exec \"$@\" 2>&1", "sh", directory, executable]
                + arguments,
            environment: environment, stdoutPath: log, stderrPath: log, timeout: timeout)
    }
}
