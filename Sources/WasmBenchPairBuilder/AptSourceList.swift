import Foundation

/// Derives `deb-src` entries from the system's configured `deb` entries, for a private apt folder
/// (the system's apt configuration is only read, never changed).
public enum AptSourceList {
    /// The deb822 stanzas (`*.sources`) of `text` that enable `deb`, rewritten as `Types: deb-src`
    /// with every other field (URIs, Suites, Components, Signed-By…) kept; comments and disabled
    /// stanzas are left out. Stanzas are separated by a blank line.
    public static func sourceStanzas(fromDeb822 text: String) -> [String] {
        var stanzas: [[String]] = [[]]
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if stanzas.last?.isEmpty == false { stanzas.append([]) }
            } else if !line.hasPrefix("#") {
                stanzas[stanzas.count - 1].append(line)
            }
        }
        return stanzas.compactMap { lines -> String? in
            guard let types = value(of: "Types", in: lines),
                types.split(separator: " ").contains("deb"),
                value(of: "Enabled", in: lines)?.lowercased() != "no"
            else { return nil }
            let rewritten = lines.map { field(of: $0) == "types" ? "Types: deb-src" : $0 }
            return rewritten.joined(separator: "\n")
        }
    }

    /// The one-line entries (`sources.list`) of `text` that start with `deb`, rewritten to
    /// start with `deb-src`, options (`[signed-by=…]`) kept.
    public static func sourceLines(fromOneLine text: String) -> [String] {
        text.split(separator: "\n").compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("deb ") || line.hasPrefix("deb\t") else { return nil }
            return "deb-src" + line.dropFirst(3)
        }
    }

    /// The lowercased field name of a deb822 line, or `nil` for a continuation line.
    private static func field(of line: String) -> String? {
        guard let first = line.first, first != " ", first != "\t", let colon = line.firstIndex(of: ":") else {
            return nil
        }
        return line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    }

    private static func value(of name: String, in lines: [String]) -> String? {
        for line in lines where field(of: line) == name.lowercased() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
