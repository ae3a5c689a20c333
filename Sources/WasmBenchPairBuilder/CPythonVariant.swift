import Foundation
import WasmBenchProvision

/// A variant of the matched pair: the same source, compiler and recipe with extra C flags, extra
/// configure options or a patch, built natively and for wasm32-wasi like the pair itself and
/// cached apart under its name, so an interpreter change can be measured against the unchanged
/// pair in one run (`cpython3.11-NAME-native`, `cpython3.11-NAME-wasi@HOST`).
///
/// Both sides of a variant get the same difference, so a variant is a matched pair of its own.
/// A name outside `[a-z0-9-]`, a reserved word, a flag that would make the sides differ, and a
/// variant without any difference are errors (``PythonBuildError/invalidVariant(_:)``).
public struct CPythonVariant: Codable, Sendable, Equatable {
    /// The patch a variant applies (`patch -p1`) to a copy of the source.
    public struct Patch: Codable, Sendable, Equatable {
        /// The file as the user named it, made absolute.
        public var file: String
        /// The SHA-256 of its bytes (lowercase hex): what the cache key covers.
        public var sha256: String
    }

    /// The name (`o2`, `no-copy`), part of the runtime ids.
    public var name: String
    /// C flags appended to both sides' `OPT`, one word each (the last `-O` wins).
    public var cflags: [String]
    /// Configure options appended to both sides' shared options.
    public var configureFlags: [String]
    /// The patch, when one is applied.
    public var patch: Patch?
    /// The patch's bytes, as read once: what is hashed is what is applied. Not saved in JSON, not
    /// compared (``Patch/sha256`` is).
    public var patchBytes: [UInt8] = []

    /// Words a variant may not be called: the id parts of the pair's own sides and hosts.
    public static let reservedNames: Set<String> = ["native", "wasi", "wasm", "base", "host", "standard", "default"]

    /// The longest name allowed.
    public static let maximumNameLength = 32

    private enum CodingKeys: String, CodingKey {
        case name, cflags, configureFlags, patch
    }

    /// Equal when name, flags and patch identity are: the bytes are behind ``Patch/sha256``, and a
    /// record read back from JSON has none.
    public static func == (lhs: CPythonVariant, rhs: CPythonVariant) -> Bool {
        lhs.name == rhs.name && lhs.cflags == rhs.cflags && lhs.configureFlags == rhs.configureFlags
            && lhs.patch == rhs.patch
    }

    /// Creates a variant, checking the name and flags and reading the patch.
    ///
    /// - Parameters:
    ///   - cflags: C flags as one shell-like string (`"-O2 -fno-plt"`).
    ///   - patch: a patch file's path, relative to the current folder or absolute.
    /// - Throws: ``PythonBuildError/invalidVariant(_:)`` for a bad name or flag or no difference,
    ///   ``PythonBuildError/patchNotFound(path:)`` for a patch that cannot be read.
    public init(name: String, cflags: String? = nil, configureFlags: [String] = [], patch: String? = nil)
        throws(PythonBuildError)
    {
        try Self.check(name: name)
        let words = BuildParity.words(cflags ?? "")
        if let bad = words.first(where: { $0.contains(where: Self.isShellSpecial) }) {
            throw .invalidVariant(
                "the C flag `\(bad)` holds a space, quote or shell character, which OPT cannot carry; put that change in a --patch"
            )
        }
        for flag in configureFlags {
            guard flag.hasPrefix("-") || flag.contains("=") else {
                throw .invalidVariant("`\(flag)` is not a configure option (`--with-…`, `--enable-…` or `VAR=value`)")
            }
            if BuildParity.isTargetSpecific(flag) {
                throw .invalidVariant(
                    "`\(flag)` is a target's option; a variant's options go to both sides, which must keep their own")
            }
        }
        self.name = name
        self.cflags = words
        self.configureFlags = configureFlags
        if let patch {
            let absolute = URL(fileURLWithPath: patch).standardizedFileURL.path
            guard let data = FileManager.default.contents(atPath: absolute) else { throw .patchNotFound(path: patch) }
            patchBytes = [UInt8](data)
            self.patch = Patch(file: absolute, sha256: SHA256.hex(patchBytes))
        }
        guard !self.cflags.isEmpty || !configureFlags.isEmpty || self.patch != nil else {
            throw .invalidVariant(
                "the variant \(name) changes nothing; give it --cflags, --configure-flag or --patch")
        }
    }

    /// The variant the command-line options describe, or nil when none of them is given.
    ///
    /// - Throws: ``PythonBuildError/invalidVariant(_:)`` for flags or a patch without a name,
    ///   and whatever ``init(name:cflags:configureFlags:patch:)`` throws.
    public static func from(name: String?, cflags: String?, configureFlags: [String], patch: String?)
        throws(PythonBuildError) -> CPythonVariant?
    {
        guard let name else {
            if cflags != nil || !configureFlags.isEmpty || patch != nil {
                throw .invalidVariant(
                    "--cflags, --configure-flag and --patch build a variant: name it with --variant NAME")
            }
            return nil
        }
        return try CPythonVariant(name: name, cflags: cflags, configureFlags: configureFlags, patch: patch)
    }

    /// Checks a name: 1 to 32 of `[a-z0-9-]`, starting and ending with a letter or digit, not a
    /// reserved word.
    public static func check(name: String) throws(PythonBuildError) {
        let allowed = name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard !name.isEmpty, name.count <= maximumNameLength, allowed, name.first != "-", name.last != "-" else {
            throw .invalidVariant(
                "`\(name)` is not a variant name: use 1 to \(maximumNameLength) lowercase letters, digits and inner hyphens (e.g. o2, no-copy)"
            )
        }
        if reservedNames.contains(name) {
            throw .invalidVariant(
                "`\(name)` is reserved (\(reservedNames.sorted().joined(separator: ", "))); pick another variant name")
        }
    }

    /// Whether `name` is a valid variant name.
    public static func isValid(name: String) -> Bool {
        (try? check(name: name)) != nil
    }

    /// The recipe of the variant: the base one with the C flags appended to `OPT` and the
    /// configure options appended to the shared ones.
    public func recipe(from base: CPythonBuildRecipe) -> CPythonBuildRecipe {
        CPythonBuildRecipe(
            opt: ([base.opt] + cflags).joined(separator: " "), sharedArguments: base.sharedArguments + configureFlags)
    }

    /// The difference from the pair, one phrase each (`OPT += -O2`, `patch x.patch (sha256 …)`).
    public var differences: [String] {
        var found: [String] = []
        if !cflags.isEmpty { found.append("OPT += \(cflags.joined(separator: " "))") }
        if !configureFlags.isEmpty { found.append("configure += \(configureFlags.joined(separator: " "))") }
        if let patch {
            found.append("patch \(URL(fileURLWithPath: patch.file).lastPathComponent) (sha256 \(patch.sha256))")
        }
        return found
    }

    /// The lines the cache key adds for the variant.
    var keyMaterial: [String] {
        [
            "variant: \(name)", "variant cflags: \(cflags.joined(separator: " "))",
            "variant configure: \(configureFlags.joined(separator: " "))",
            "variant patch sha256: \(patch?.sha256 ?? "none")",
        ]
    }

    private static func isShellSpecial(_ character: Character) -> Bool {
        character.isWhitespace || "'\"\\$`;&|<>()*?[]{}#~".contains(character)
    }
}
