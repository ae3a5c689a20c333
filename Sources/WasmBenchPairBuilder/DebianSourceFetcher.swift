import Foundation
import WasmBenchProcess
import WasmBenchProvision

#if canImport(Glibc)
    import Glibc
#endif

/// Fetches a Debian source package with `apt-get source` into the cache, once.
///
/// apt is pointed at a private folder (`Dir::Etc::SourceParts`, `Dir::Etc::SourceList`,
/// `Dir::State::Lists`, `Dir::Cache`) holding `deb-src` twins of the system's `deb` entries, so
/// the system's apt configuration and package lists are never touched. The package goes to a
/// staging folder renamed into place when `apt-get source` succeeded.
public struct DebianSourceFetcher: Sendable {
    /// The cache folder for Debian sources (`$WASMBENCH_HOME/python/debian`).
    public let folder: URL
    /// Spawns apt.
    public let launcher: ProcessLauncher
    /// The environment (PATH).
    public let environment: [String: String]
    /// The system's apt configuration folder, read only (`/etc/apt`).
    public let aptConfiguration: URL
    /// Receives progress lines.
    public let progress: @Sendable (String) -> Void

    /// Creates a fetcher.
    public init(
        folder: URL, launcher: ProcessLauncher, environment: [String: String],
        aptConfiguration: URL = URL(fileURLWithPath: "/etc/apt", isDirectory: true),
        progress: @escaping @Sendable (String) -> Void
    ) {
        self.folder = folder
        self.launcher = launcher
        self.environment = environment
        self.aptConfiguration = aptConfiguration
        self.progress = progress
    }

    /// The unpacked source tree of `package` at `version`, fetching it first if needed.
    public func tree(package: String, version: String) throws(PythonBuildError) -> URL {
        let target = folder.appendingPathComponent("\(package)_\(version)", isDirectory: true)
        if FileManager.default.fileExists(atPath: target.appendingPathComponent(".complete").path) {
            return try unpackedTree(in: target)
        }
        let locator = ToolLocator(environment: environment)
        guard let aptGet = locator.find("apt-get") else { throw .missingTool(name: "apt-get", package: "apt") }
        guard locator.find("dpkg-source") != nil else {
            throw .missingTool(name: "dpkg-source", package: "dpkg-dev")
        }
        let apt = folder.appendingPathComponent("apt", isDirectory: true)
        let logs = folder.appendingPathComponent("logs", isDirectory: true)
        let staging = folder.appendingPathComponent(".staging-\(package)-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        try writePrivateConfiguration(apt)
        try create([logs, staging])
        let options = aptOptions(apt)
        let runner = StepRunner(launcher: launcher, logFolder: logs, progress: progress)
        progress("fetching Debian's \(package)=\(version) source with a private apt folder \(apt.path)")
        for (name, arguments, directory) in [
            ("apt-get update", options + ["update"], apt.path),
            ("apt-get source", options + ["source", "\(package)=\(version)"], staging.path),
        ] {
            let step = BuildStep(
                name: name, logName: "\(name.replacingOccurrences(of: " ", with: "-"))-\(package).log",
                directory: directory, executable: aptGet, arguments: arguments, environment: environment,
                timeout: 1800)
            do {
                try runner.run(step)
            } catch .stepFailed(_, _, let tail, let log) {
                throw .aptFailed(command: "apt-get \(arguments.joined(separator: " "))", tail: tail, log: log)
            }
        }
        _ = try unpackedTree(in: staging)
        if let reason = FileSystem.publish(staging, to: target) {
            throw .cacheNotWritable(path: target.path, reason: reason)
        }
        return try unpackedTree(in: target)
    }

    /// The apt options that point apt at the private folder.
    func aptOptions(_ apt: URL) -> [String] {
        var options = [
            "-o", "Dir::Etc::SourceList=/dev/null",
            "-o", "Dir::Etc::SourceParts=\(apt.appendingPathComponent("sources.list.d").path)",
            "-o", "Dir::State::Lists=\(apt.appendingPathComponent("lists").path)",
            "-o", "Dir::Cache=\(apt.appendingPathComponent("cache").path)",
        ]
        // apt downloads as the `_apt` user, who cannot enter a root-only cache folder; as root,
        // say so up front instead of letting apt warn and fall back.
        if getuid() == 0 { options += ["-o", "APT::Sandbox::User=root"] }
        return options
    }

    /// Writes the `deb-src` twins of the system's entries into the private folder.
    func writePrivateConfiguration(_ apt: URL) throws(PythonBuildError) {
        let parts = aptConfiguration.appendingPathComponent("sources.list.d")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parts.path))?.sorted() ?? []
        var stanzas: [String] = []
        var lines: [String] = []
        for name in names {
            let text = (try? String(contentsOf: parts.appendingPathComponent(name), encoding: .utf8)) ?? ""
            if name.hasSuffix(".sources") { stanzas += AptSourceList.sourceStanzas(fromDeb822: text) }
            if name.hasSuffix(".list") { lines += AptSourceList.sourceLines(fromOneLine: text) }
        }
        let main = aptConfiguration.appendingPathComponent("sources.list")
        lines += AptSourceList.sourceLines(
            fromOneLine: (try? String(contentsOf: main, encoding: .utf8)) ?? "")
        guard !stanzas.isEmpty || !lines.isEmpty else {
            throw .noAptSources(searched: [main.path, parts.path + "/*.sources", parts.path + "/*.list"])
        }
        let target = apt.appendingPathComponent("sources.list.d")
        try create([
            target, apt.appendingPathComponent("lists/partial"), apt.appendingPathComponent("cache/archives/partial"),
        ])
        do {
            try? FileManager.default.removeItem(at: target.appendingPathComponent("wasmbench.sources"))
            try? FileManager.default.removeItem(at: target.appendingPathComponent("wasmbench.list"))
            if !stanzas.isEmpty {
                try (stanzas.joined(separator: "\n\n") + "\n").write(
                    to: target.appendingPathComponent("wasmbench.sources"), atomically: true, encoding: .utf8)
            }
            if !lines.isEmpty {
                try (lines.joined(separator: "\n") + "\n").write(
                    to: target.appendingPathComponent("wasmbench.list"), atomically: true, encoding: .utf8)
            }
        } catch {
            throw .cacheNotWritable(path: target.path, reason: FileSystem.reason(error))
        }
    }

    /// The one folder `apt-get source` unpacked into `folder`.
    private func unpackedTree(in folder: URL) throws(PythonBuildError) -> URL {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let trees = names.sorted().filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }
        guard trees.count == 1, let tree = trees.first else {
            throw .notCPythonSource(
                path: folder.path, reason: "apt-get source left \(trees.count) folders there instead of one")
        }
        return folder.appendingPathComponent(tree, isDirectory: true)
    }

    private func create(_ folders: [URL]) throws(PythonBuildError) {
        for folder in folders {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw .cacheNotWritable(path: folder.path, reason: FileSystem.reason(error))
            }
        }
    }
}
