import Foundation

/// A fresh folder per test, removed when the value is released.
public final class TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates an empty folder under the system's temporary directory.
    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wasmbench-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of a file or folder inside.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` (a guest's WAT, a spec) to a file inside and returns its path.
    public func file(_ name: String, containing text: String) throws -> String {
        let path = path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
