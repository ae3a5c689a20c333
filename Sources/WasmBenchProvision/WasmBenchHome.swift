import Foundation

/// The cache folder wasmbench installs runtimes into and keeps builds in.
///
/// `$WASMBENCH_HOME` when set, else `$XDG_CACHE_HOME/wasmbench`, else `~/.cache/wasmbench`.
/// Everything in it can be deleted; it is rebuilt on demand.
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

    /// Creates a folder (and its parents) if needed.
    public func ensure(_ folder: URL) throws(ProvisionError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cacheNotWritable(path: folder.path, reason: "\(error.localizedDescription)")
        }
    }
}
