import Dispatch
import Foundation
import TestSupport
import Testing
import WasmBenchProcess

/// A time limit or an interruption ends the child's whole process group: a runtime's own helper
/// processes die with it. Each script starts a grandchild (`sleep 30 &`) and writes its pid, so
/// the test can check that the grandchild itself is gone once the launcher returns.
@Suite("A time limit or an interruption kills the child and the children it started")
struct ProcessGroupTests {
    let folder = TemporaryFolder()

    /// `sh -c` running a grandchild that sleeps for 30 s, then sleeping 30 s itself.
    func treeSpec(timeout: Double?) -> ProcessSpec {
        ProcessSpec(
            executable: "/bin/sh", arguments: ["-c", "sleep 30 & echo $! > \"$0\"; sleep 30", folder.path("pid")],
            environment: ["PATH": "/usr/bin:/bin"], stdoutPath: folder.path("out"), stderrPath: folder.path("err"),
            timeout: timeout)
    }

    @Test("a 1 s limit on a 30 s child returns a time-out well before 30 s, and the grandchild is dead")
    func timeLimitKillsGrandchild() throws {
        let result = try ProcessLauncher().run(treeSpec(timeout: 1))
        #expect(result.termination == .timedOut)
        #expect(result.wallSeconds >= 1)
        #expect(result.wallSeconds < 10)
        let grandchild = try #require(ProcessTree.pid(writtenTo: folder.path("pid"), seconds: 0))
        #expect(ProcessTree.waitUntilEnded(grandchild), "the grandchild \(grandchild) outlived the time limit")
    }

    @Test("terminateAll during a run kills the child and its grandchild, and the run reports an interruption")
    func interruptionKillsGrandchild() throws {
        let launcher = ProcessLauncher()
        let pidPath = folder.path("pid")
        // Interrupts once the grandchild exists (or after 10 s, so that the test cannot hang).
        DispatchQueue.global().async {
            _ = ProcessTree.pid(writtenTo: pidPath)
            launcher.terminateAll()
        }
        let result = try launcher.run(treeSpec(timeout: 60))
        #expect(result.termination == .interrupted)
        #expect(result.wallSeconds < 20)
        #expect(launcher.isInterrupted)
        let grandchild = try #require(ProcessTree.pid(writtenTo: pidPath, seconds: 0))
        #expect(ProcessTree.waitUntilEnded(grandchild), "the grandchild \(grandchild) outlived the interruption")
    }

    @Test("a child that ends before its limit is reported as it ended, not as a time-out")
    func endsBeforeLimit() throws {
        let result = try ProcessLauncher().run(
            ProcessSpec(
                executable: "/bin/sh", arguments: ["-c", "exit 4"], stdoutPath: folder.path("out"),
                stderrPath: folder.path("err"), timeout: 30))
        #expect(result.termination == .exited(4))
    }
}
