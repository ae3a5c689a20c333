/// How a workload's module is entered.
public enum EntryKind: String, Codable, Sendable {
    /// A WASI command: `_start` with arguments.
    case command
    /// An exported function called with arguments.
    case invoke
}

/// What was run: enough to rebuild or re-identify the workload.
public struct WorkloadInfo: Codable, Sendable, Equatable {
    /// The id, `SUITE/NAME` for suite workloads, the file name for user modules.
    public var id: String
    /// The suite it belongs to (`kernels`), or `user`.
    public var suite: String
    /// One line on what it exercises.
    public var summary: String
    /// How it is entered.
    public var entry: EntryKind
    /// The exported function for ``EntryKind/invoke``.
    public var function: String?
    /// Arguments given to the guest (after the program name) or to the function.
    public var arguments: [String]
    /// Whether the guest prints wasmbench's markers (per-iteration clock readings, self-check).
    public var reportsMarkers: Bool
    /// SHA-256 of the source, when wasmbench built it.
    public var sourceSHA256: String?
    /// SHA-256 of the `.wasm` module.
    public var wasmSHA256: String
    /// SHA-256 of the native executable, when there is one.
    public var nativeSHA256: String?
    /// The compiler that built both sides (path and name).
    public var compiler: String?
    /// The compiler's version line.
    public var compilerVersion: String?
    /// The flags shared by both builds; target flags are in ``wasmFlags``/``nativeFlags``.
    public var flags: [String]
    /// Extra flags of the wasm build (target, sysroot).
    public var wasmFlags: [String]
    /// Extra flags of the native build.
    public var nativeFlags: [String]
    /// For a variant of another workload (a size of a sweep, a stripped module): that workload's
    /// id, e.g. `kernels/fib` for `kernels/fib[n=25]`; `nil` for a workload as built.
    public var variantOf: String?
    /// The problem size this variant runs at (`run --param`), or `nil`.
    public var parameter: WorkloadParameter?
    /// Whether this variant's module had its custom sections removed (`run --strip`); `nil` for no.
    public var stripped: Bool?
    /// The size of the `.wasm` module in bytes; `nil` in runs saved before wasmbench recorded it.
    public var wasmBytes: Int?

    /// Creates a workload description.
    public init(
        id: String, suite: String, summary: String, entry: EntryKind, function: String? = nil,
        arguments: [String] = [], reportsMarkers: Bool, sourceSHA256: String? = nil, wasmSHA256: String,
        nativeSHA256: String? = nil, compiler: String? = nil, compilerVersion: String? = nil,
        flags: [String] = [], wasmFlags: [String] = [], nativeFlags: [String] = []
    ) {
        self.id = id
        self.suite = suite
        self.summary = summary
        self.entry = entry
        self.function = function
        self.arguments = arguments
        self.reportsMarkers = reportsMarkers
        self.sourceSHA256 = sourceSHA256
        self.wasmSHA256 = wasmSHA256
        self.nativeSHA256 = nativeSHA256
        self.compiler = compiler
        self.compilerVersion = compilerVersion
        self.flags = flags
        self.wasmFlags = wasmFlags
        self.nativeFlags = nativeFlags
    }
}

/// A workload's problem size as a variant runs it: the parameter's name and value (`n=25`).
public struct WorkloadParameter: Codable, Sendable, Equatable {
    /// The parameter's name, e.g. `n`.
    public var name: String
    /// The value the variant runs with.
    public var value: Int

    /// Creates a parameter value.
    public init(name: String, value: Int) {
        self.name = name
        self.value = value
    }
}
