/// One Debian binary package as its control fields describe it: name, version and the packages
/// it needs installed to run.
public struct DebianPackage: Sendable, Equatable, Hashable {
    /// The package name, e.g. `pypy3`.
    public var name: String
    /// The exact version, e.g. `7.3.11+dfsg-2+deb12u3`.
    public var version: String
    /// The packages named by `Pre-Depends` and `Depends`, in order, without version constraints
    /// or architecture qualifiers; of alternatives (`a | b`) only the first.
    public var dependencies: [String]

    /// Creates a package description.
    public init(name: String, version: String, dependencies: [String] = []) {
        self.name = name
        self.version = version
        self.dependencies = dependencies
    }

    /// Reads the fields `dpkg-deb -f FILE Package Version Pre-Depends Depends` prints (or a
    /// `Packages` stanza); `nil` without `Package` or `Version`. Continuation lines are joined.
    public init?(control text: String) {
        var fields: [String: String] = [:]
        var last: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let first = line.first, first == " " || first == "\t" {
                if let last { fields[last, default: ""] += " " + line.trimmingCharacters(in: .whitespaces) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            last = name
        }
        guard let name = fields["package"], !name.isEmpty, let version = fields["version"], !version.isEmpty else {
            return nil
        }
        self.init(
            name: name, version: version,
            dependencies: Self.packageNames(inRelationship: fields["pre-depends"] ?? "")
                + Self.packageNames(inRelationship: fields["depends"] ?? ""))
    }

    /// The package names of a relationship field (`libc6 (>= 2.35), libffi8 | libffi7,
    /// zlib1g:amd64`): version constraints, architecture qualifiers and restrictions dropped, the
    /// first of each group of alternatives kept.
    public static func packageNames(inRelationship field: String) -> [String] {
        field.split(separator: ",").compactMap { group in
            let first = group.split(separator: "|").first ?? ""
            let word = first.trimmingCharacters(in: .whitespaces).prefix { !" (<[".contains($0) }
            let name = word.split(separator: ":").first.map(String.init) ?? ""
            return name.isEmpty ? nil : name
        }
    }

    /// The names `dpkg-query -W -f '${Package} ${db:Status-Abbrev}\n' NAMES…` reports as
    /// installed (status `ii`); packages it does not know are simply absent from its output.
    public static func installedNames(fromQuery output: String) -> Set<String> {
        var names: Set<String> = []
        for line in output.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ")
            guard words.count >= 2, words[1].hasPrefix("ii") else { continue }
            names.insert(String(words[0].split(separator: ":").first ?? words[0]))
        }
        return names
    }

    /// One line per package, `name version dependency,dependency…`: the manifest of a cache entry.
    public static func manifest(_ packages: [DebianPackage]) -> String {
        packages.map { package in
            ([package.name, package.version]
                + (package.dependencies.isEmpty
                    ? []
                    : [
                        package.dependencies.joined(separator: ",")
                    ]))
                .joined(separator: " ") + "\n"
        }.joined()
    }

    /// The packages of a manifest written by ``manifest(_:)``; malformed lines are skipped.
    public static func packages(fromManifest text: String) -> [DebianPackage] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let words = line.split(separator: " ")
            guard words.count == 2 || words.count == 3 else { return nil }
            let dependencies = words.count == 3 ? words[2].split(separator: ",").map(String.init) : []
            return DebianPackage(name: String(words[0]), version: String(words[1]), dependencies: dependencies)
        }
    }
}
