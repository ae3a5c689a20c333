import Foundation

/// A finished short command's output.
public struct CapturedOutput: Sendable, Equatable {
    /// How it ended.
    public var termination: Termination
    /// Its standard output.
    public var stdout: String
    /// Its standard error.
    public var stderr: String
}

extension ProcessLauncher {
    /// Runs a short command (a `--version` probe, a compiler) and returns its output.
    ///
    /// Output goes through temporary files, so a chatty child cannot block on a full pipe; at
    /// most `outputLimit` bytes of each stream are kept (past it the child is killed:
    /// ``Termination/outputLimitExceeded``).
    public func capture(
        _ executable: String, _ arguments: [String], environment: [String: String], timeout: Double = 60,
        outputLimit: Int = ProcessSpec.defaultOutputLimit
    ) throws(ProcessError) -> CapturedOutput {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("wasmbench-\(UUID().uuidString)").path
        let out = base + ".out"
        let err = base + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
            try? FileManager.default.removeItem(atPath: out + ".rusage")
        }
        let result = try run(
            ProcessSpec(
                executable: executable, arguments: arguments, environment: environment, stdoutPath: out,
                stderrPath: err, timeout: timeout, outputLimit: outputLimit))
        return CapturedOutput(
            termination: result.termination,
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}
