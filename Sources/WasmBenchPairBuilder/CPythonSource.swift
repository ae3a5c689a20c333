import Foundation
import WasmBenchProvision

/// Where the CPython source of the matched pair comes from.
///
/// Every kind builds the same way; only how the tree is obtained and how it is identified in the
/// cache key differ (see ``fingerprint()``).
public enum CPythonSource: Sendable, Equatable, Codable {
    /// A Debian source package at an exact version, fetched with `apt-get source` into the cache
    /// (through a private apt folder: the system's apt configuration is never changed).
    case debian(package: String, version: String)
    /// A CPython source folder: a git checkout or an unpacked release. It must not hold an
    /// in-tree build (`make distclean` first): both builds are out of tree.
    case folder(path: String)
    /// A release tarball (`Python-3.x.y.tgz`, `.tar.xz`, …) with one top folder.
    case tarball(path: String)

    /// Debian 12's `python3.11` source, pinned to the revision whose source is still served
    /// (the newest security revision's source 404s).
    public static let debianDefault = CPythonSource.debian(package: "python3.11", version: "3.11.2-6+deb12u8")

    /// Classifies a path from the command line: a folder, or a file taken as a tarball.
    ///
    /// A path that does not exist is an error; whether it really is CPython is found out when the
    /// tree is prepared.
    public init(path: String) throws(PythonBuildError) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) else {
            throw .sourceNotFound(path: path)
        }
        self = isFolder.boolValue ? .folder(path: absolute) : .tarball(path: absolute)
    }

    /// A short label for progress lines and the record (`debian python3.11=3.11.2-6+deb12u8`).
    public var label: String {
        switch self {
        case .debian(let package, let version): "debian \(package)=\(version)"
        case .folder(let path): "folder \(path)"
        case .tarball(let path): "tarball \(path)"
        }
    }

    /// What identifies the source in the cache key, cheap enough to compute on every call.
    ///
    /// - A Debian package: its name and version (an archive never changes a published version).
    /// - A tarball: the SHA-256 of its bytes.
    /// - A folder: the relative path, size and modification time of every file, `.git` and
    ///   `__pycache__` left out (as `make` decides what changed, without reading every byte).
    public func fingerprint() throws(PythonBuildError) -> String {
        switch self {
        case .debian(let package, let version):
            return "debian \(package)=\(version)"
        case .tarball(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .sourceNotFound(path: path)
            }
            return "tarball sha256 \(SHA256.hex(data))"
        case .folder(let path):
            return "folder \(try Self.folderManifestHash(path))"
        }
    }

    /// The hash of a folder's manifest: one `path size mtime` line per regular file, sorted.
    static func folderManifestHash(_ path: String) throws(PythonBuildError) -> String {
        let root = URL(fileURLWithPath: path, isDirectory: true)
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: keys, options: [], errorHandler: { _, _ in true })
        else { throw .sourceNotFound(path: path) }
        let prefix = root.standardizedFileURL.path + "/"
        var lines: [String] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            if name == ".git" || name == "__pycache__" {
                walker.skipDescendants()
                continue
            }
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
                continue
            }
            let relative = url.standardizedFileURL.path.replacingOccurrences(of: prefix, with: "")
            let modified = values.contentModificationDate?.timeIntervalSince1970 ?? 0
            lines.append("\(relative) \(values.fileSize ?? 0) \(modified)")
        }
        return SHA256.hex(Array(lines.sorted().joined(separator: "\n").utf8))
    }
}
