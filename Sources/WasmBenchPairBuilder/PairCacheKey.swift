import WasmBenchProvision

/// The cache key of a matched pair: a hash of everything that decides what the two builds are.
///
/// It covers the source (``CPythonSource/fingerprint()``), the recipe (`OPT`, the shared
/// configure options, the builder's ``CPythonBuildRecipe/revision``) and the toolchain
/// (``CPythonToolchain/identity``: compiler and linker versions and paths, the WASI C library).
/// For a variant it also covers the variant's name, flags and the SHA-256 of its patch (the
/// recipe passed is then the variant's). It leaves out what does not change the result: `make -j`,
/// the cache folder, the time.
public struct PairCacheKey: Sendable, Equatable {
    /// What identifies the source.
    public var sourceFingerprint: String
    /// The shared flags and options.
    public var recipe: CPythonBuildRecipe
    /// What identifies the toolchain.
    public var toolchainIdentity: String
    /// The variant, or nil for the pair itself (whose key is then what it always was).
    public var variant: CPythonVariant?

    /// Creates a key from its parts.
    public init(
        sourceFingerprint: String, recipe: CPythonBuildRecipe, toolchainIdentity: String,
        variant: CPythonVariant? = nil
    ) {
        self.sourceFingerprint = sourceFingerprint
        self.recipe = recipe
        self.toolchainIdentity = toolchainIdentity
        self.variant = variant
    }

    /// The hashed text, one part a line.
    public var material: String {
        [
            "wasmbench cpython pair revision \(CPythonBuildRecipe.revision)",
            "source: \(sourceFingerprint)",
            "OPT: \(recipe.opt)",
            "configure: \(recipe.sharedArguments.joined(separator: " "))",
            "toolchain: \(toolchainIdentity)",
        ]
        .joined(separator: "\n") + (variant.map { "\n" + $0.keyMaterial.joined(separator: "\n") } ?? "")
    }

    /// The key: the first 16 hex digits of the SHA-256 of ``material``.
    public var value: String { String(SHA256.hex(Array(material.utf8)).prefix(16)) }
}
