import Foundation
import WasmBenchProcess

/// The folder one run keeps its per-process files in: every file a recorded command names (an
/// AOT artifact, a worker request, a driver's hosting file, captured output) stays there after
/// the run, so the command can be run again by hand (`wasmbench reproduce`).
///
/// Default folders live under ``WasmBenchHome/runs``, named by start time and process id, with a
/// `lock` file (a ``RunLock``: held while the run lives, with its process id in it). Creating one
/// prunes the oldest default folders beyond ``keptRuns`` whose lock no live run holds; a folder
/// the user named (`--keep-artifacts DIR`) is never pruned.
public struct RunFolder: Sendable, Equatable {
    /// How many default run folders are kept.
    public static let keptRuns = 10

    /// The folder.
    public let url: URL
    /// Whether the user named it (never pruned, no lock).
    public let isUserFolder: Bool
    /// The run's lock, for a default folder.
    private let lock: RunLock?

    /// Two values are the same folder.
    public static func == (left: RunFolder, right: RunFolder) -> Bool {
        left.url == right.url && left.isUserFolder == right.isUserFolder
    }

    /// Creates a fresh default folder for this process under `home`, pruning old ones.
    ///
    /// - Parameters:
    ///   - home: the cache.
    ///   - now: the start time that names the folder.
    /// - Returns: the folder, created, with a lock holding this process's id.
    /// - Throws: ``ProvisionError/cacheNotWritable(path:reason:)`` when it cannot be created.
    public static func create(in home: WasmBenchHome, now: Date = Date()) throws(ProvisionError) -> RunFolder {
        prune(home.runs, keeping: keptRuns - 1)
        let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "-")
        let folder = home.runs.appendingPathComponent("run-\(stamp)-\(getpid())", isDirectory: true)
        try home.ensure(folder)
        let path = folder.appendingPathComponent("lock").path
        guard let lock = try RunLock.acquire(path) else {
            throw .cacheNotWritable(path: path, reason: "another run holds this lock")
        }
        return RunFolder(url: folder, isUserFolder: false, lock: lock)
    }

    /// Uses a folder the user named, creating it if needed.
    ///
    /// - Throws: ``ProvisionError/cacheNotWritable(path:reason:)`` when it cannot be created.
    public static func user(_ path: String) throws(ProvisionError) -> RunFolder {
        let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .cacheNotWritable(path: url.path, reason: FileSystem.reason(error))
        }
        return RunFolder(url: url, isUserFolder: true, lock: nil)
    }

    /// Marks the run finished: its lock is removed, so a later run may prune the folder.
    public func release() {
        lock?.release()
    }

    /// Removes the oldest run folders under `folder` beyond the newest `count`, except those
    /// whose lock a live run holds.
    static func prune(_ folder: URL, keeping count: Int) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix("run-") }.sorted()
        for name in names.dropLast(max(0, count)) {
            let run = folder.appendingPathComponent(name, isDirectory: true)
            let lock = run.appendingPathComponent("lock").path
            let dead = RunLock.takeOver(lock)
            if dead == nil && FileManager.default.fileExists(atPath: lock) { continue }
            try? FileManager.default.removeItem(at: run)
            dead?.release()
        }
    }

    /// The process id a run folder's lock holds, or nil without a readable lock.
    static func lockOwner(_ run: URL) -> pid_t? {
        (try? String(contentsOf: run.appendingPathComponent("lock"), encoding: .utf8))
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
