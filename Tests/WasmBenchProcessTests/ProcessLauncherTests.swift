import Foundation
import TestSupport
import Testing
import WasmBenchProcess

@Suite("Child processes: exit codes, signals, spawn errors, environment, resource use")
struct ProcessLauncherTests {
    let folder = TemporaryFolder()
    let launcher = ProcessLauncher()

    func spec(_ script: String, timeout: Double? = nil) -> ProcessSpec {
        ProcessSpec(
            executable: "/bin/sh", arguments: ["-c", script], environment: ["PATH": "/usr/bin:/bin"],
            stdoutPath: folder.path("out"), stderrPath: folder.path("err"), timeout: timeout)
    }

    @Test("exit status and output are captured; wall and CPU time are reported, RSS only through the exec helper")
    func exitStatus() throws {
        let result = try launcher.run(spec("echo hi; echo oops >&2; exit 3"))
        #expect(result.termination == .exited(3))
        #expect(try String(contentsOfFile: folder.path("out"), encoding: .utf8) == "hi\n")
        #expect(try String(contentsOfFile: folder.path("err"), encoding: .utf8) == "oops\n")
        #expect(result.wallSeconds > 0)
        // Without the exec helper ru_maxrss would hold this test process's own peak: not reported.
        #expect(result.maxRSSBytes == nil)
    }

    @Test("a child killed by a signal is reported as such")
    func signal() throws {
        let result = try launcher.run(spec("kill -SEGV $$"))
        #expect(result.termination == .signaled(11))
    }

    @Test(
        "signals the harness may ignore or catch are back to their default in the child, so they still kill it",
        arguments: [SIGINT, SIGTERM, SIGPIPE])
    func defaultSignals(signal: Int32) throws {
        let result = try launcher.run(spec("kill -\(signal) $$; exit 0"))
        #expect(result.termination == .signaled(signal))
    }

    @Test("exit statuses are reported whole, from 0 to 255", arguments: [0, 1, 42, 255])
    func exitStatuses(status: Int32) throws {
        #expect(try launcher.run(spec("exit \(status)")).termination == .exited(status))
    }

    @Test("the wall time covers the child's life, and the spawn's realtime reading lies between ours")
    func clocks() throws {
        let before = realtimeNanoseconds()
        let result = try launcher.run(spec("sleep 0.3"))
        let after = realtimeNanoseconds()
        #expect(result.termination == .exited(0))
        #expect(result.wallSeconds >= 0.3)
        #expect(before <= result.spawnRealtimeNanoseconds && result.spawnRealtimeNanoseconds <= after)
    }

    @Test("the CPU time of a busy child is counted")
    func cpuTime() throws {
        let result = try launcher.run(spec("i=0; while [ $i -lt 200000 ]; do i=$((i + 1)); done"))
        #expect(result.termination == .exited(0))
        #expect(result.userSeconds + result.systemSeconds > 0)
    }

    @Test("a missing program is an error that names it")
    func missing() {
        #expect(throws: ProcessError.notExecutable(path: "/nonexistent/x")) {
            try launcher.run(
                ProcessSpec(executable: "/nonexistent/x", stdoutPath: folder.path("o"), stderrPath: folder.path("e")))
        }
    }

    @Test("a file that is executable but no program is a spawn error with the errno, saying what to check")
    func notAProgram() throws {
        let path = folder.path("not-a-program")
        try ExecutableFile.write("just text, no #! line\n", to: path)
        let error = try #require(throws: ProcessError.self) {
            try launcher.run(ProcessSpec(executable: path, stdoutPath: folder.path("o"), stderrPath: folder.path("e")))
        }
        #expect(error == .spawnFailed(path: path, errno: ENOEXEC))
        #expect(error.description.contains("a program for this machine"))
    }

    @Test("an output file that cannot be created is an error naming it, and nothing is started")
    func unwritableOutput() throws {
        let marker = folder.path("started")
        let error = try #require(throws: ProcessError.self) {
            try launcher.run(
                ProcessSpec(
                    executable: "/bin/sh", arguments: ["-c", "echo > \(marker)"],
                    stdoutPath: folder.path("absent/out"), stderrPath: folder.path("absent/err")))
        }
        guard case .cannotOpen(let path, let code) = error else {
            Issue.record("expected cannotOpen, got \(error)")
            return
        }
        #expect(path.contains(folder.path("absent/out")))
        #expect(code == ENOENT)
        #expect(error.description.contains("writable"))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("after terminateAll, new children are not started")
    func interrupted() throws {
        launcher.terminateAll()
        #expect(try launcher.run(spec("exit 0")).termination == .interrupted)
    }

    @Test("the guest sees only the environment it is given, and stdin is empty")
    func environment() throws {
        _ = try launcher.run(spec("echo \"${HOME:-none}\"; cat"))
        #expect(try String(contentsOfFile: folder.path("out"), encoding: .utf8) == "none\n")
    }

    @Test("command lines are shell-quoted so they can be pasted back")
    func quoting() {
        #expect(shellQuote("plain-word_1.wasm") == "plain-word_1.wasm")
        #expect(shellQuote("two words") == "'two words'")
        #expect(shellQuote("it's") == "'it'\\''s'")
        #expect(spec("exit 0").commandLine == "/bin/sh -c 'exit 0'")
    }
}
