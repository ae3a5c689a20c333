import Foundation

/// A run's scratch folder under ``WasmBenchHome/scratch``: files no recorded command names,
/// removed at the run's end.
///
/// Beside each folder `NAME` lies `NAME.lock`, a ``RunLock`` its run holds while it lives, taken
/// before the folder is made. A run killed before its end (SIGKILL, a crash) leaves both behind;
/// ``sweep(_:)``, run when a workspace starts, removes every folder whose lock no live run
/// holds, and keeps the others.
public final class ScratchFolder: Sendable {
    /// The folder.
    public let url: URL
    private let lock: RunLock

    private init(url: URL, lock: RunLock) {
        self.url = url
        self.lock = lock
    }

    /// Makes a new, locked scratch folder for this process under `home`'s scratch folder.
    ///
    /// - Throws: ``ProvisionError/cacheNotWritable(path:reason:)`` when it cannot be made.
    public static func create(in home: WasmBenchHome) throws(ProvisionError) -> ScratchFolder {
        try home.ensure(home.scratch)
        let name = "run-\(getpid())-\(UUID().uuidString.prefix(8))"
        let folder = home.scratch.appendingPathComponent(name, isDirectory: true)
        guard let lock = try RunLock.acquire(folder.path + ".lock") else {
            throw .cacheNotWritable(path: folder.path + ".lock", reason: "another run holds this lock")
        }
        try home.ensure(folder)
        return ScratchFolder(url: folder, lock: lock)
    }

    /// Removes the folder and its lock; the run is done with them.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
        lock.release()
    }

    /// Removes the scratch folders (and lock files) of dead runs under `scratch`: those whose lock
    /// no live process holds, and those of older wasmbench versions, which had no lock, whose
    /// process (`run-PID`) is gone. Anything else is kept; nothing here is an error.
    public static func sweep(_ scratch: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []
        for name in names where !name.hasSuffix(".lock") {
            let folder = scratch.appendingPathComponent(name)
            if names.contains(name + ".lock") {
                guard let dead = RunLock.takeOver(folder.path + ".lock") else { continue }
                try? FileManager.default.removeItem(at: folder)
                dead.release()
            } else if name.hasPrefix("run-"), let pid = pid_t(name.dropFirst(4)), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: folder)
            }
        }
        for name in names where name.hasSuffix(".lock") && !names.contains(String(name.dropLast(5))) {
            RunLock.takeOver(scratch.appendingPathComponent(name).path)?.release()
        }
    }
}
