import Foundation
import TestSupport
import Testing
import WasmBenchProcess

@Suite("Child processes: exit codes, signals, time limits, resource use")
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

    @Test("a child that never ends is killed at its time limit, with its own children")
    func timeout() throws {
        let result = try launcher.run(spec("sleep 30 & sleep 30; wait", timeout: 0.3))
        #expect(result.termination == .timedOut)
        #expect(result.wallSeconds < 10)
    }

    @Test("a missing program is an error that names it")
    func missing() {
        #expect(throws: ProcessError.notExecutable(path: "/nonexistent/x")) {
            try launcher.run(
                ProcessSpec(executable: "/nonexistent/x", stdoutPath: folder.path("o"), stderrPath: folder.path("e")))
        }
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
