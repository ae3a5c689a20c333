import Foundation
import Testing
import WasmBenchProcess

/// `capture` runs a short command (a `--version` probe, a compiler) and hands back its output.
@Suite("Capturing a short command's output")
struct CaptureTests {
    let launcher = ProcessLauncher()

    @Test("stdout, stderr and the exit status come back apart")
    func outputAndStatus() throws {
        let captured = try launcher.capture("/bin/sh", ["-c", "echo out; echo err >&2; exit 2"], environment: [:])
        #expect(captured.termination == .exited(2))
        #expect(captured.stdout == "out\n")
        #expect(captured.stderr == "err\n")
    }

    @Test("a chatty child is captured whole: 2 MB on stdout do not block on a full pipe")
    func largeOutput() throws {
        let captured = try launcher.capture(
            "/bin/sh", ["-c", "head -c 2000000 /dev/zero | tr '\\0' x"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(captured.termination == .exited(0))
        #expect(captured.stdout.utf8.count == 2_000_000)
        #expect(captured.stdout.allSatisfy { $0 == "x" })
    }

    @Test("a command that runs past its limit is a time-out, returned long before it would end")
    func timeout() throws {
        let start = monotonicNanoseconds()
        let captured = try launcher.capture("/bin/sleep", ["30"], environment: [:], timeout: 1)
        #expect(captured.termination == .timedOut)
        #expect(secondsSince(start) < 10)
    }

    @Test("a program that is not there is an error, not an empty capture")
    func missing() {
        #expect(throws: ProcessError.notExecutable(path: "/nonexistent/tool")) {
            try launcher.capture("/nonexistent/tool", ["--version"], environment: [:])
        }
    }
}
