import Foundation
import TestSupport
import Testing
import WasmBenchProcess

#if canImport(Glibc)
    import Glibc
#endif

/// A child's output is bounded (issue 13, item 5): it goes through pipes that wasmbench copies
/// into the files up to a limit; past it the child is killed and the rest only counted.
@Suite("Output limits: a child's stdout and stderr kept up to a limit, the rest counted, the child killed")
struct OutputLimitTests {
    let launcher = ProcessLauncher()
    let folder = TemporaryFolder()
    let environment = ["PATH": "/usr/bin:/bin"]

    func spec(_ script: String, limit: Int?, timeout: Double = 60, sameFile: Bool = false) -> ProcessSpec {
        ProcessSpec(
            executable: "/bin/sh", arguments: ["-c", script], environment: environment,
            stdoutPath: folder.path("out"), stderrPath: folder.path(sameFile ? "out" : "err"), timeout: timeout,
            outputLimit: limit)
    }

    func size(_ name: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: folder.path(name))[.size] as? Int)
    }

    @Test(
        "a child that writes forever is killed at the limit, not at its time limit; its file holds exactly the limit",
        arguments: ["yes", "yes >&2"])
    func writesForever(script: String) throws {
        let limit = 1 << 20
        let result = try launcher.run(spec(script, limit: limit, timeout: 60))
        #expect(result.termination == .outputLimitExceeded)
        let stream = script.hasSuffix(">&2") ? "err" : "out"
        #expect(try size(stream) == limit)
        #expect(try size(stream == "out" ? "err" : "out") == 0)
        let written = stream == "out" ? result.output.stdoutBytes : result.output.stderrBytes
        #expect(written > limit)
        #expect(result.output.exceeded)
        #expect(result.output.discardedBytes == written - limit)
        #expect(result.output.limit == limit)
    }

    @Test("under the limit everything is kept and counted exactly, and the exit status stands")
    func underTheLimit() throws {
        let result = try launcher.run(spec("head -c 300000 /dev/zero; printf abc >&2; exit 3", limit: 300_000))
        #expect(result.termination == .exited(3))
        #expect(try size("out") == 300_000)
        #expect(try String(contentsOfFile: folder.path("err"), encoding: .utf8) == "abc")
        #expect(result.output == OutputTally(stdoutBytes: 300_000, stderrBytes: 3, limit: 300_000))
        #expect(!result.output.exceeded)
    }

    @Test("one byte past the limit fails the child even when it exits at once, and the file keeps the limit")
    func oneBytePast() throws {
        let result = try launcher.run(spec("head -c 4097 /dev/zero", limit: 4096))
        #expect(result.termination == .outputLimitExceeded)
        #expect(try size("out") == 4096)
        #expect(result.output.stdoutBytes == 4097)
    }

    @Test("without a limit a large output is kept whole, through the pipe")
    func noLimit() throws {
        let result = try launcher.run(spec("head -c 3000000 /dev/zero", limit: nil))
        #expect(result.termination == .exited(0))
        #expect(try size("out") == 3_000_000)
        #expect(result.output.stdoutBytes == 3_000_000 && !result.output.exceeded)
    }

    @Test("one path for both streams keeps them in the order they were written (a build step's log)")
    func oneFile() throws {
        let result = try launcher.run(spec("echo a; echo b >&2; echo c", limit: nil, sameFile: true))
        #expect(result.termination == .exited(0))
        #expect(try String(contentsOfFile: folder.path("out"), encoding: .utf8) == "a\nb\nc\n")
    }

    @Test("a helper that left the child's group and holds its stdout open does not hold the launcher past the child")
    func escapedHelper() throws {
        let pidFile = folder.path("helper.pid")
        let start = monotonicNanoseconds()
        let result = try launcher.run(
            spec("setsid sh -c 'echo $$ > \(pidFile); exec sleep 60' & sleep 0.5; echo done", limit: 1024))
        let elapsed = secondsSince(start)
        let helper = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let helperID = try #require(pid_t(helper))
        // The helper is still alive (it left the group), yet the launcher returned.
        #expect(kill(helperID, 0) == 0)
        kill(helperID, SIGKILL)
        #expect(result.termination == .exited(0))
        #expect(try String(contentsOfFile: folder.path("out"), encoding: .utf8) == "done\n")
        #expect(elapsed < 30, "the launcher waited \(elapsed) s for a pipe a helper held open")
    }
}
