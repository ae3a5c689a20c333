import Foundation

/// Both builds' build-time sysconfig variables (`_sysconfigdata_*.py`'s `build_time_vars`, every
/// value a string), as the sysconfig step writes them to `sysconfig.json`.
public struct SysconfigDump: Codable, Sendable, Equatable {
    /// The native build's variables.
    public var native: [String: String]
    /// The WASI build's variables.
    public var wasi: [String: String]

    /// Creates a dump.
    public init(native: [String: String], wasi: [String: String]) {
        self.native = native
        self.wasi = wasi
    }

    /// Parses the JSON the sysconfig step writes.
    public init(json: Data) throws(PythonBuildError) {
        do {
            self = try JSONDecoder().decode(SysconfigDump.self, from: json)
        } catch {
            throw .unexpectedBuild(detail: "its sysconfig data did not parse (\(error))")
        }
    }

    /// Reads a dump, replacing a folder path in every value (the staging folder by the final one).
    static func read(_ file: URL, replacing old: String, with new: String) throws(PythonBuildError) -> SysconfigDump {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .unexpectedBuild(detail: "wrote no \(file.path)")
        }
        let dump = try SysconfigDump(json: data)
        func fix(_ values: [String: String]) -> [String: String] {
            values.mapValues { $0.replacingOccurrences(of: old, with: new) }
        }
        return SysconfigDump(native: fix(dump.native), wasi: fix(dump.wasi))
    }

    /// Writes the dump as pretty, key-sorted JSON.
    func write(to file: URL) throws(PythonBuildError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(self).write(to: file)
        } catch {
            throw .cacheNotWritable(path: file.path, reason: "\(error)")
        }
    }
}

/// What the check script printed: `version …`, `modules …`.
struct CheckOutput: Equatable {
    /// The interpreter's version (`3.11.2`).
    var version: String?
    /// Its extension modules, sorted.
    var modules: [String]?

    /// Parses the script's output.
    init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("version ") { version = String(line.dropFirst("version ".count)) }
            if line.hasPrefix("modules ") {
                modules = line.dropFirst("modules ".count).split(separator: " ").map(String.init)
            }
        }
    }

    /// Parses a check step's log.
    init(log: URL) {
        self.init(text: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
