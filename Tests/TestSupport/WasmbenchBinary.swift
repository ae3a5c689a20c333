import Foundation
import WasmBenchProcess

/// The `wasmbench` executable built alongside the tests, run as a user would run it.
public enum WasmbenchBinary {
    /// What a finished `wasmbench` invocation left.
    public struct Invocation: Sendable {
        /// Its exit status (or -signal).
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
        /// Wall time in seconds.
        public var seconds: Double
    }

    /// The executable's path: `$WASMBENCH_BINARY` (CI points it at the release build, whose
    /// WasmKit interprets ~100× faster), else the one next to the test bundle in the build folder.
    public static var path: String {
        if let explicit = ProcessInfo.processInfo.environment["WASMBENCH_BINARY"], !explicit.isEmpty {
            return explicit.hasPrefix("/") ? explicit : FileManager.default.currentDirectoryPath + "/" + explicit
        }
        let folder = Bundle.main.bundleURL
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("wasmbench").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return folder.appendingPathComponent("wasmbench").path
    }

    /// The cache folder tests share (CI sets WASMBENCH_HOME; locally the user's default).
    public static var home: String {
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["WASMBENCH_HOME"], !home.isEmpty { return home }
        return (environment["HOME"] ?? "/tmp") + "/.cache/wasmbench"
    }

    /// The environment a test runs wasmbench in: PATH and HOME, the shared cache as WASMBENCH_HOME,
    /// and as WASMBENCH_STORE a history in `folder`, so that every test's runs go to a history of
    /// its own, never the user's or another test's.
    public static func environment(in folder: TemporaryFolder) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME"].contains($0.key) }
        env["WASMBENCH_HOME"] = home
        env["WASMBENCH_STORE"] = folder.path("history.sqlite")
        return env
    }

    /// Runs wasmbench with arguments; `environment` adds to ``environment(in:)``.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: Double = 600, in folder: TemporaryFolder
    ) throws -> Invocation {
        var env = Self.environment(in: folder)
        env.merge(environment) { $1 }
        let out = folder.path("wasmbench-\(UUID().uuidString).out")
        let err = folder.path("wasmbench-\(UUID().uuidString).err")
        let result = try ProcessLauncher().run(
            ProcessSpec(
                executable: path, arguments: arguments, environment: env, stdoutPath: out, stderrPath: err,
                timeout: timeout))
        let status: Int32
        switch result.termination {
        case .exited(let code): status = code
        case .signaled(let signal): status = -signal
        case .timedOut, .interrupted, .outputLimitExceeded: status = -9
        }
        return Invocation(
            status: status, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "", seconds: result.wallSeconds)
    }
}
