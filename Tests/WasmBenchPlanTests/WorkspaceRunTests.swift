import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchPlan

@Suite("What a run takes from its workspace: valgrind, its folder, its results file, and an interrupted set-up")
struct WorkspaceRunTests {
    let folder = TemporaryFolder()

    func workspace(home: String? = nil) -> Workspace {
        Workspace(
            environment: ["PATH": folder.path("empty"), "WASMBENCH_HOME": home ?? folder.path("home")],
            progress: { _ in })
    }

    @Test("No valgrind on PATH is an environment error that says how to install it")
    func noValgrind() {
        #expect(
            throws: PlanError.environment(
                "valgrind is not on PATH; install it (Debian: `apt-get install valgrind`) and run again")
        ) { try workspace().valgrind() }
    }

    @Test("The run folder is the user's when named, else a new locked one in the cache")
    func runFolder() throws {
        let mine = try workspace().runFolder(named: folder.path("mine"))
        #expect(mine.isUserFolder && mine.url.path == folder.path("mine"))
        let cached = try workspace().runFolder(named: nil)
        #expect(!cached.isUserFolder)
        #expect(cached.url.path.hasPrefix(folder.path("home/runs/run-")))
        cached.release()
    }

    @Test("A cache that cannot hold the folder or the results file is an output error naming the way out")
    func notWritable() throws {
        let file = folder.path("file")
        try Data().write(to: URL(fileURLWithPath: file))
        let blocked = workspace(home: file)
        let folderError = try #require(throws: PlanError.self) { try blocked.runFolder(named: nil) }
        guard case .outputNotWritable(let message) = folderError else {
            Issue.record("\(folderError)")
            return
        }
        #expect(message.contains("\(file) (it is a file, not a folder)"), "\(message)")
        #expect(message.hasSuffix("set WASMBENCH_HOME to a writable folder, or pass --keep-artifacts DIR"))
        let fileError = try #require(throws: PlanError.self) { try blocked.newResultsFile() }
        guard case .outputNotWritable(let text) = fileError else {
            Issue.record("\(fileError)")
            return
        }
        #expect(text.hasSuffix("; set WASMBENCH_HOME or pass --json FILE"))
        #expect(try workspace().newResultsFile().hasPrefix(folder.path("home/results/run-")))
    }

    @Test("A set-up that fails once the launcher was stopped (Ctrl-C) is an interruption, not its failure")
    func interruptedSetUp() throws {
        let workspace = workspace()
        var selection = RunSelection(runtimes: [RuntimeID("wasmtime")].compactMap { $0 }, modules: [])
        selection.install = false
        // Nothing can run here: without the interruption this is an environment error.
        let plain = try #require(throws: PlanError.self) { try Planner(workspace: workspace).plan(selection) }
        guard case .environment = plain else {
            Issue.record("\(plain)")
            return
        }
        workspace.launcher.terminateAll()
        #expect(throws: PlanError.interrupted("interrupted while setting up; nothing was measured")) {
            try Planner(workspace: workspace).plan(selection)
        }
    }
}

@Suite("A workspace's scratch folder: locked while in use, removed at the end, swept at the next start")
struct WorkspaceScratchTests {
    let folder = TemporaryFolder()

    func workspace() -> Workspace {
        Workspace(
            environment: ["PATH": folder.path("empty"), "WASMBENCH_HOME": folder.path("home")], progress: { _ in })
    }

    @Test("The scratch folder is made once per workspace, removed on request; a new workspace sweeps a dead one")
    func scratch() throws {
        let first = workspace()
        let scratch = first.runScratch
        #expect(first.runScratch == scratch)
        #expect(FileManager.default.fileExists(atPath: scratch.path + ".lock"))
        // Held: a second workspace (another run) keeps it.
        _ = workspace()
        #expect(FileManager.default.fileExists(atPath: scratch.path))
        first.removeScratch()
        #expect(!FileManager.default.fileExists(atPath: scratch.path))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + ".lock"))
        // What a killed run leaves: the folder and an unheld lock file.
        let dead = folder.url.appendingPathComponent("home/scratch/run-7-dead")
        try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
        try Data("7\n".utf8).write(to: URL(fileURLWithPath: dead.path + ".lock"))
        _ = workspace()
        #expect(!FileManager.default.fileExists(atPath: dead.path))
    }
}

extension WorkspaceScratchTests {
    @Test("A workspace that goes takes its scratch folder along")
    func removedWithWorkspace() {
        var workspace: Workspace? = workspace()
        let scratch = workspace?.runScratch ?? folder.url
        #expect(FileManager.default.fileExists(atPath: scratch.path))
        workspace = nil
        #expect(!FileManager.default.fileExists(atPath: scratch.path))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + ".lock"))
    }
}
