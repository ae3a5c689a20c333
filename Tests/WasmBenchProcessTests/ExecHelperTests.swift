import Foundation
import TestSupport
import Testing
import WasmBenchProcess

/// Children run through the exec helper report its figures: the helper writes one line
/// (`status maxrss-KiB user-s system-s wall-ns fork-realtime-ns`) next to the child's stdout.
/// The real helper is a C program wasmbench compiles; here a shell script stands in for it and
/// writes a line the test chose, so the units can be checked exactly.
@Suite("The exec helper's report: its figures and their units replace the launcher's own")
struct ExecHelperTests {
    let folder = TemporaryFolder()

    /// Writes a helper that runs the child, then reports `line` with the child's wait status first.
    func helper(reporting line: String) throws -> String {
        let path = folder.path("helper")
        try ExecutableFile.write(
            """
            #!/bin/sh
            report=$1
            shift
            "$@"
            status=$?
            printf '%s %s\\n' "$((status * 256))" \(shellQuote(line)) > "$report"
            exit "$status"

            """, to: path)
        return path
    }

    func run(_ script: String, helper: String) throws -> ProcessResult {
        let launcher = ProcessLauncher()
        launcher.useExecHelper(helper)
        #expect(launcher.hasExecHelper)
        return try launcher.run(
            ProcessSpec(
                executable: "/bin/sh", arguments: ["-c", script], stdoutPath: folder.path("out"),
                stderrPath: folder.path("err")))
    }

    @Test("peak RSS in KiB becomes bytes, wall nanoseconds become seconds, and the status is the child's")
    func units() throws {
        let result = try run("echo hi; exit 3", helper: try helper(reporting: "2048 0.25 0.125 1500000000 1234567890"))
        #expect(result.termination == .exited(3))
        #expect(result.maxRSSBytes == 2_097_152)
        #expect(result.userSeconds == 0.25)
        #expect(result.systemSeconds == 0.125)
        #expect(result.wallSeconds == 1.5)
        #expect(result.spawnRealtimeNanoseconds == 1_234_567_890)
        #expect(try String(contentsOfFile: folder.path("out"), encoding: .utf8) == "hi\n")
    }

    @Test("an unreadable helper line is ignored: no peak RSS, the launcher's own times")
    func malformed() throws {
        let before = realtimeNanoseconds()
        let result = try run("exit 0", helper: try helper(reporting: "lots 0.25 0.125 1500000000 1234567890"))
        #expect(result.termination == .exited(0))
        #expect(result.maxRSSBytes == nil)
        #expect(result.wallSeconds != 1.5)
        #expect(result.spawnRealtimeNanoseconds >= before)
    }
}
