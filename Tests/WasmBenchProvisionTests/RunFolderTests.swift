import Foundation
import TestSupport
import Testing

@testable import WasmBenchProvision

@Suite("Run folders: kept for the commands, locked while alive, the oldest pruned")
struct RunFolderTests {
    let folder = TemporaryFolder()

    @Test("A new folder holds a lock with our pid until released; its name carries the start time")
    func lock() throws {
        let home = WasmBenchHome(root: folder.url)
        let run = try RunFolder.create(in: home, now: Date(timeIntervalSince1970: 0))
        #expect(run.url.lastPathComponent.hasPrefix("run-1970-01-01T00-00-00Z-"))
        #expect(RunFolder.lockOwner(run.url) == getpid())
        run.release()
        #expect(RunFolder.lockOwner(run.url) == nil)
        #expect(FileManager.default.fileExists(atPath: run.url.path))
    }

    @Test("Pruning keeps the newest folders and any whose lock a live run holds")
    func prune() throws {
        let runs = folder.url.appendingPathComponent("runs")
        for index in 0..<5 {
            try FileManager.default.createDirectory(
                at: runs.appendingPathComponent("run-2026-0\(index + 1)"), withIntermediateDirectories: true)
        }
        // The oldest belongs to a live run (its lock held); the second to a dead one (a lock file
        // no one holds, as a killed run leaves it, naming a process that may even be alive).
        let live = try #require(try RunLock.acquire(runs.appendingPathComponent("run-2026-01/lock").path))
        defer { live.release() }
        try Data("1\n".utf8).write(to: runs.appendingPathComponent("run-2026-02/lock"))
        RunFolder.prune(runs, keeping: 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted()
        #expect(left == ["run-2026-01", "run-2026-04", "run-2026-05"])
    }

    @Test("A folder the user names is created, never locked or pruned")
    func user() throws {
        let run = try RunFolder.user(folder.path("mine/deep"))
        #expect(run.isUserFolder)
        #expect(FileManager.default.fileExists(atPath: folder.path("mine/deep")))
        #expect(RunFolder.lockOwner(run.url) == nil)
    }
}

@Suite("Results files: unique names, created exclusively")
struct ResultsFileTests {
    @Test("Two runs started in the same second each get their own file")
    func unique() throws {
        let folder = TemporaryFolder()
        let home = WasmBenchHome(root: folder.url)
        let now = Date(timeIntervalSince1970: 1_000_000)
        let first = try home.newResultsFile(now: now)
        let second = try home.newResultsFile(now: now)
        #expect(first != second)
        #expect(first.hasSuffix("run-1970-01-12T13-46-40Z.json"))
        #expect(second.hasSuffix("run-1970-01-12T13-46-40Z-2.json"))
        #expect(FileManager.default.fileExists(atPath: first) && FileManager.default.fileExists(atPath: second))
    }
}
