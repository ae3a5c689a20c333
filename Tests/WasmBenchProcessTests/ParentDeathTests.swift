import Foundation
import TestSupport
import Testing
import WasmBenchProcess

/// Children never outlive wasmbench: killed with SIGKILL, it cannot clean up, so each child's
/// guard (see `CWasmBenchSpawn/spawn.c`) gets a death signal and kills the child's whole group.
/// And a child that ends normally takes the helpers it started along.
@Suite("Children and their helpers die with wasmbench, even on SIGKILL, and with the child that started them")
struct ParentDeathTests {
    let folder = TemporaryFolder()

    /// A child that writes its own pid and starts a grandchild that writes its pid, then waits.
    var tree: String {
        let pids = shellQuote(folder.url.path)
        return "echo $$ > \(pids)/child.pid; sleep 60 & echo $! > \(pids)/grandchild.pid; wait"
    }

    /// The `LaunchProbe` executable built beside the test bundle.
    var probe: String {
        let bundle = Bundle.main.bundleURL
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("LaunchProbe").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return bundle.appendingPathComponent("LaunchProbe").path
    }

    @Test("SIGKILL to a wasmbench-like parent: its child and the child's grandchild die within seconds")
    func parentKilled() throws {
        let parent = Process()
        parent.executableURL = URL(fileURLWithPath: probe)
        parent.arguments = [folder.url.path, tree]
        try parent.run()
        defer { if parent.isRunning { kill(parent.processIdentifier, SIGKILL) } }
        let child = try #require(ProcessTree.pid(writtenTo: folder.path("child.pid")))
        let grandchild = try #require(ProcessTree.pid(writtenTo: folder.path("grandchild.pid")))
        #expect(!ProcessTree.hasEnded(child) && !ProcessTree.hasEnded(grandchild))
        kill(parent.processIdentifier, SIGKILL)
        // Not waitUntilExit first: a descriptor Foundation gave the parent, inherited by a child
        // that lived on, would keep it waiting as long as the child.
        #expect(ProcessTree.waitUntilEnded(child), "the child \(child) outlived its killed parent")
        #expect(ProcessTree.waitUntilEnded(grandchild), "the grandchild \(grandchild) outlived its killed grandparent")
        for pid in [child, grandchild] where !ProcessTree.hasEnded(pid) { kill(pid, SIGKILL) }
    }

    @Test("A child that exits normally takes the helper it left running along")
    func helperOfFinishedChild() throws {
        let result = try ProcessLauncher().run(
            ProcessSpec(
                executable: "/bin/sh", arguments: ["-c", "sleep 60 & echo $! > \"$0/helper.pid\"", folder.url.path],
                environment: ["PATH": "/usr/bin:/bin"], stdoutPath: folder.path("out"), stderrPath: folder.path("err")))
        #expect(result.termination == .exited(0))
        let helper = try #require(ProcessTree.pid(writtenTo: folder.path("helper.pid"), seconds: 0))
        #expect(ProcessTree.waitUntilEnded(helper), "the helper \(helper) outlived the child that started it")
        if !ProcessTree.hasEnded(helper) { kill(helper, SIGKILL) }
    }
}
