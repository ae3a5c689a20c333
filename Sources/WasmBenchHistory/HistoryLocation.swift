import Foundation

/// Where the history is kept: an SQLite file, a PostgreSQL database, or nowhere.
public enum HistoryLocation: Equatable, Sendable, CustomStringConvertible {
    /// An SQLite file (created with its folder when missing).
    case sqlite(path: String)
    /// A PostgreSQL database, as `postgresql://USER:PASSWORD@HOST:PORT/DATABASE`.
    case postgreSQL(URLComponents)
    /// No history (`--store off`).
    case off

    /// The environment variable naming the store when `--store` is not given.
    public static let environmentVariable = "WASMBENCH_STORE"

    /// The store named by `value` (`--store`), else by `WASMBENCH_STORE`, else
    /// `home/history.sqlite`.
    ///
    /// `value` may be a path, `sqlite:PATH`, a `postgresql://` or `postgres://` URL, or `off`
    /// (also `none`). Throws ``HistoryError/badLocation(_:reason:)`` for an empty value, another
    /// URL scheme or a PostgreSQL URL without a host.
    public static func resolve(_ value: String?, environment: [String: String], home: URL) throws(HistoryError)
        -> HistoryLocation
    {
        guard let value = value ?? environment[environmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return .sqlite(path: home.appendingPathComponent("history.sqlite").path)
        }
        return try parse(value)
    }

    /// The store `value` names; see ``resolve(_:environment:home:)``.
    public static func parse(_ value: String) throws(HistoryError) -> HistoryLocation {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { throw .badLocation(value, reason: "it is empty") }
        if ["off", "none"].contains(trimmed) { return .off }
        if trimmed.hasPrefix("sqlite:") {
            let path = String(trimmed.dropFirst("sqlite:".count))
            if path.isEmpty { throw .badLocation(value, reason: "no path after sqlite:") }
            return .sqlite(path: absolute(path))
        }
        if trimmed.hasPrefix("postgresql://") || trimmed.hasPrefix("postgres://") {
            guard let url = URLComponents(string: trimmed), let host = url.host, !host.isEmpty else {
                throw .badLocation(value, reason: "not a URL with a host")
            }
            return .postgreSQL(url)
        }
        if let colon = trimmed.firstIndex(of: ":"), trimmed[..<colon].allSatisfy(\.isLetter),
            trimmed[trimmed.index(after: colon)...].hasPrefix("//")
        {
            throw .badLocation(value, reason: "\(trimmed[..<colon]) is not a store wasmbench knows")
        }
        return .sqlite(path: absolute(trimmed))
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// The store as messages show it: the path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgreSQL(let url):
            let user = url.user.map { $0 + (url.password == nil ? "" : ":…") + "@" } ?? ""
            let port = url.port.map { ":\($0)" } ?? ""
            return "\(url.scheme ?? "postgresql")://\(user)\(url.host ?? "")\(port)\(url.path)"
        case .off: return "off"
        }
    }
}
