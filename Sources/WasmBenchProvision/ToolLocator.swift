import Foundation

/// Finds programs on PATH.
public struct ToolLocator: Sendable {
    /// The environment whose PATH is searched.
    public let environment: [String: String]

    /// Creates a locator.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The absolute path of the first executable named `name` on PATH, or `nil`.
    public func find(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
