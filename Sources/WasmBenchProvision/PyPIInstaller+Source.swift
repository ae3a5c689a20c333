import Foundation
import WasmBenchProcess

extension PyPIInstaller {
    /// The folder a package's source distribution is (or would be) unpacked in; the sources
    /// themselves are in its `NAME-VERSION` folder.
    public func sourceFolder(for package: PinnedPackage) -> URL {
        home.packages.appendingPathComponent("\(package.name)-\(package.version)-sdist", isDirectory: true)
    }

    /// Whether the package's source distribution is already downloaded and unpacked.
    public func hasSource(_ package: PinnedPackage) -> Bool {
        FileManager.default.fileExists(atPath: sourceFolder(for: package).appendingPathComponent(".complete").path)
    }

    /// Downloads the package's source distribution from PyPI (`pip download --no-binary NAME
    /// --no-deps`: pip only prepares its metadata, in an isolated environment with the package's
    /// build requirements; nothing is built or installed) and unpacks it, unless that is done
    /// already.
    ///
    /// - Returns: the unpacked tree (`…/NAME-VERSION`).
    /// - Throws: ``ProvisionError/installFailed(package:detail:)`` when pip or tar fails,
    ///   ``ProvisionError/missingFile(package:path:)`` when the archive holds no `NAME-VERSION`.
    public func ensureSource(_ package: PinnedPackage, progress: (String) -> Void) throws(ProvisionError) -> URL {
        let target = sourceFolder(for: package)
        let tree = "\(package.name)-\(package.version)"
        if hasSource(package) { return target.appendingPathComponent(tree) }
        progress("downloading the source of \(package.requirement) from PyPI into \(target.path)")
        try stage(target, for: package) { (staging: URL, python: String) throws(ProvisionError) in
            try pip(
                python,
                [
                    "download", "--no-binary", package.name, "--no-deps", "--disable-pip-version-check", "--no-input",
                    "--quiet", "--dest", staging.path,
                ], package: package, log: staging.path + ".log")
            try unpack(staging, tree: tree, package: package)
        }
        return target.appendingPathComponent(tree)
    }

    /// Unpacks the one `.tar.gz` in `folder` there, and checks that it held `tree`.
    private func unpack(_ folder: URL, tree: String, package: PinnedPackage) throws(ProvisionError) {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard let archive = files.first(where: { $0.hasSuffix(".tar.gz") }) else {
            throw .missingFile(package: package.requirement, path: "\(tree).tar.gz (pip downloaded no source archive)")
        }
        guard let tar = ToolLocator(environment: environment).find("tar") else {
            throw .installFailed(package: package.requirement, detail: "no tar on PATH to unpack \(archive)")
        }
        let output: CapturedOutput
        do {
            output = try launcher.capture(
                tar, ["-xzf", folder.appendingPathComponent(archive).path, "-C", folder.path],
                environment: environment, timeout: 300)
        } catch {
            throw .installFailed(package: package.requirement, detail: "tar: \(error.description)")
        }
        guard output.termination == .exited(0) else {
            throw .installFailed(package: package.requirement, detail: "tar: \(Self.lastLines(output.stderr))")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(tree).path, isDirectory: &isFolder),
            isFolder.boolValue
        else { throw .missingFile(package: package.requirement, path: tree) }
    }
}
