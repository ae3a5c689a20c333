import Foundation
import TestSupport
import Testing
import WasmBenchProvision

@Suite("Scratch folders: locked while their run lives, removed at the next start once it is dead")
struct ScratchFolderTests {
    let folder = TemporaryFolder()
    var home: WasmBenchHome { WasmBenchHome(root: folder.url) }

    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: home.scratch.path).sorted()
    }

    @Test("A lock is held by one holder at a time, and taken over only once its holder let it go")
    func lock() throws {
        let path = folder.path("run.lock")
        let held = try #require(try RunLock.acquire(path))
        #expect(try RunLock.acquire(path) == nil)
        #expect(RunLock.takeOver(path) == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "\(getpid())\n")
        held.release()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(RunLock.takeOver(path) == nil)
        let again = try #require(try RunLock.acquire(path))
        again.release()
    }

    @Test("A dead run's folder is removed and a live one (lock held) is kept")
    func deadRemovedLiveKept() throws {
        let live = try ScratchFolder.create(in: home)
        // A run that ends without removing its folder (killed): its lock goes with it, the files stay.
        var dead: ScratchFolder? = try ScratchFolder.create(in: home)
        let deadURL = try #require(dead?.url)
        try Data("x".utf8).write(to: deadURL.appendingPathComponent("artifact"))
        dead = nil
        #expect(FileManager.default.fileExists(atPath: deadURL.path))
        // Another test of this process may fork a child that briefly shares the closed lock's
        // descriptor until its exec (O_CLOEXEC acts only then): sweep again until that child
        // has exec'd, as the next wasmbench start (another process) would find it.
        for _ in 0..<100 where FileManager.default.fileExists(atPath: deadURL.path) {
            ScratchFolder.sweep(home.scratch)
            if FileManager.default.fileExists(atPath: deadURL.path) { usleep(20_000) }
        }
        #expect(!FileManager.default.fileExists(atPath: deadURL.path))
        #expect(!FileManager.default.fileExists(atPath: deadURL.path + ".lock"))
        #expect(FileManager.default.fileExists(atPath: live.url.path))
        #expect(try entries() == [live.url.lastPathComponent, live.url.lastPathComponent + ".lock"].sorted())
        live.remove()
        #expect(try entries().isEmpty)
    }

    @Test("Older versions' unlocked folders go once their process is gone; a stray lock file goes too")
    func legacyAndStray() throws {
        try home.ensure(home.scratch)
        for name in ["run-999999999", "run-1", "other"] {
            try home.ensure(home.scratch.appendingPathComponent(name))
        }
        try Data("123\n".utf8).write(to: home.scratch.appendingPathComponent("run-5-abc.lock"))
        ScratchFolder.sweep(home.scratch)
        // PID 1 is always alive; a folder that is not a run's is not ours to judge.
        #expect(try entries() == ["other", "run-1"])
    }
}
