/// How an interpreter runtime's interpreter was built: what a ratio between two interpreters
/// compares besides the host, so a report can tell a fair comparison from one across versions,
/// implementations or compilers.
public struct InterpreterBuild: Codable, Sendable, Equatable {
    /// The implementation: `CPython`, `PyPy`, `MicroPython`.
    public var implementation: String
    /// The language version it implements, e.g. `3.11.2`.
    public var version: String
    /// The compiler that built it and its version (e.g. `clang 14.0.6`), or `nil` when unknown.
    public var compiler: String?
    /// The optimisation and code-generation flags (e.g. CPython's `OPT`), or `nil` when unknown.
    public var flags: String?
    /// Further build facts, e.g. `pymalloc`, `computed gotos`, `LTO`, `PGO`, `JIT`.
    public var features: [String]
    /// Where it came from: a package and version, a source tree and the tool that built it.
    public var origin: String
    /// The cache key of the matched pair it is one side of, when wasmbench built it as a pair
    /// and checked both sides' parity; `nil` otherwise.
    public var matchedPair: String?

    /// Creates a build record.
    public init(
        implementation: String, version: String, compiler: String? = nil, flags: String? = nil,
        features: [String] = [], origin: String, matchedPair: String? = nil
    ) {
        self.implementation = implementation
        self.version = version
        self.compiler = compiler
        self.flags = flags
        self.features = features
        self.origin = origin
        self.matchedPair = matchedPair
    }

    /// One line: implementation, version, compiler, flags and features.
    public var summary: String {
        var parts = ["\(implementation) \(version)", compiler ?? "compiler unknown"]
        if let flags { parts.append(flags) }
        parts += features
        return parts.joined(separator: ", ")
    }

    /// Why a ratio of this build to `baseline` compares more than the host: every difference
    /// in implementation, version, compiler, flags or features. Empty when both are sides of
    /// the same matched pair, or when nothing recorded differs.
    public func differences(from baseline: InterpreterBuild) -> [String] {
        if let pair = matchedPair, pair == baseline.matchedPair { return [] }
        var found: [String] = []
        if implementation != baseline.implementation {
            found.append("different implementation (\(implementation) vs \(baseline.implementation))")
        }
        if Self.minorVersion(version) != Self.minorVersion(baseline.version) {
            found.append("different version (\(version) vs \(baseline.version))")
        }
        switch (compiler, baseline.compiler) {
        case (let mine?, let theirs?) where mine != theirs:
            found.append("different compiler (\(mine) vs \(theirs))")
        case (nil, _), (_, nil):
            found.append("compiler not known for both sides")
        default:
            break
        }
        switch (flags, baseline.flags) {
        case (let mine?, let theirs?) where mine != theirs:
            found.append("different flags (\(mine) vs \(theirs))")
        case (nil, _), (_, nil):
            found.append("flags not known for both sides")
        default:
            break
        }
        if Set(features) != Set(baseline.features) {
            found.append(
                "different build features (\(Self.list(features)) vs \(Self.list(baseline.features)))")
        }
        return found
    }

    /// A compiler's name and version in one form, whatever reported it: `Debian clang version
    /// 14.0.6` (a `--version` line), `Clang 14.0.6 ` or `GCC 12.2.0` (`platform.python_compiler()`),
    /// `PyPy 7.3.11 with GCC 12.2.0`, `gcc (Debian 12.2.0-14) 12.2.0` all become `clang 14.0.6` or
    /// `GCC 12.2.0`. Text it does not recognise comes back trimmed.
    public static func normalizedCompiler(_ text: String) -> String {
        let words = text.split { $0 == " " || $0 == "[" || $0 == "]" }.map(String.init)
        func version(after position: Int) -> String? {
            words[(position + 1)...].first { $0.first?.isNumber == true }
        }
        // The last compiler named wins: "PyPy 7.3.11 with GCC 12.2.0" names GCC last.
        for (position, word) in words.enumerated().reversed() {
            switch word.lowercased() {
            case "clang":
                if let found = version(after: position) { return "clang \(found)" }
            case "gcc":
                // gcc's own --version line puts the package version in parentheses first.
                if let found = words.last(where: { $0.first?.isNumber == true }) { return "GCC \(found)" }
            default:
                continue
            }
        }
        return words.joined(separator: " ")
    }

    /// `3.11` of `3.11.2`; the whole string when it has fewer parts.
    static func minorVersion(_ version: String) -> String {
        version.split(separator: ".").prefix(2).joined(separator: ".")
    }

    private static func list(_ features: [String]) -> String {
        features.isEmpty ? "none" : features.joined(separator: ", ")
    }
}

extension RuntimeInfo {
    /// Why a ratio of this runtime to `baseline` is not like for like, or an empty list when it
    /// is. Runtimes without a build record (Wasm engines running the same module) compare
    /// engines only; an interpreter against a runtime without a record is never like for like.
    public func fairnessProblems(against baseline: RuntimeInfo?) -> [String] {
        switch (build, baseline?.build) {
        case (nil, nil): return []
        case (let mine?, let theirs?): return mine.differences(from: theirs)
        case (.some, nil): return ["the baseline \(baseline?.id ?? "?") records no interpreter build to compare with"]
        case (nil, .some): return ["this runtime records no interpreter build to compare with the baseline's"]
        }
    }
}
