import Foundation
import WasmBenchProcess

/// The cache folder wasmbench installs runtimes into and keeps builds in.
///
/// `$WASMBENCH_HOME` when set, else `$XDG_CACHE_HOME/wasmbench`, else `~/.cache/wasmbench`.
/// Everything in it but the history store (`history.sqlite`, the only copy of older runs) can be
/// deleted; it is rebuilt on demand.
public struct WasmBenchHome: Sendable, Equatable {
    /// The root folder.
    public let root: URL

    /// Uses the given folder as the root.
    public init(root: URL) {
        self.root = root
    }

    /// Resolves the root from the environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let explicit = environment["WASMBENCH_HOME"], !explicit.isEmpty {
            root = URL(fileURLWithPath: explicit, isDirectory: true)
        } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            root = URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("wasmbench")
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            root = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/wasmbench")
        }
    }

    /// Where PyPI packages are installed, one folder per pinned package.
    public var packages: URL { root.appendingPathComponent("pypi", isDirectory: true) }
    /// Where Debian binary packages are unpacked, one folder per entry (see ``DebianPackageFetcher``).
    public var debian: URL { root.appendingPathComponent("debian", isDirectory: true) }
    /// Where built workloads are cached by content hash.
    public var builds: URL { root.appendingPathComponent("builds", isDirectory: true) }
    /// Where runs keep their per-process scratch folders.
    public var scratch: URL { root.appendingPathComponent("scratch", isDirectory: true) }
    /// Where runs keep the files their recorded commands name (AOT artifacts, worker requests,
    /// driver inputs), one folder per run, so that every command runs again after the run.
    public var runs: URL { root.appendingPathComponent("runs", isDirectory: true) }
    /// Compiler caches (zig's global and local caches).
    public var compilerCache: URL { root.appendingPathComponent("compiler-cache", isDirectory: true) }

    /// Where runs save their results when no `--json` is given.
    public var results: URL { root.appendingPathComponent("results", isDirectory: true) }

    /// Creates a new, empty results file named by the time and a suffix that keeps two runs
    /// started in the same second (or at once) apart, created exclusively so no run takes
    /// another's file.
    ///
    /// - Returns: the file's path.
    /// - Throws: ``ProvisionError/cacheNotWritable(path:reason:)`` when the folder cannot hold it.
    public func newResultsFile(now: Date = Date()) throws(ProvisionError) -> String {
        try ensure(results)
        let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "-")
        for attempt in 0..<1000 {
            let suffix = attempt == 0 ? "" : "-\(attempt + 1)"
            let path = results.appendingPathComponent("run-\(stamp)\(suffix).json").path
            // O_EXCL: fails when the file exists, so two runs never share one.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 {
                close(descriptor)
                return path
            }
            guard errno == EEXIST else {
                throw .cacheNotWritable(path: path, reason: String(cString: strerror(errno)))
            }
        }
        throw .cacheNotWritable(path: results.path, reason: "a thousand runs started in the same second")
    }

    /// Creates a folder (and its parents) if needed.
    public func ensure(_ folder: URL) throws(ProvisionError) {
        do {
            try FileSystem.makeFolder(folder.path)
        } catch {
            throw .cacheNotWritable(path: error.path, reason: error.reason)
        }
    }

    /// Checks that the cache can be written: its root is created if needed and a file is made
    /// and removed in it.
    ///
    /// - Throws: ``ProvisionError/cacheNotWritable(path:reason:)`` naming the folder and the
    ///   system's reason ("Read-only file system", "Permission denied").
    public func checkWritable() throws(ProvisionError) {
        do {
            try FileSystem.makeFolder(root.path)
            try FileSystem.checkWritable(root.path)
        } catch {
            throw .cacheNotWritable(path: error.path, reason: error.reason)
        }
    }
}
