/// Whether the two builds of the pair are built alike: version, compiler, flags, allocator,
/// computed gotos, LTO and PGO of each side, and every way in which they differ.
///
/// Some differences are the target's own (the cross-compilation options, the WASI site file, the
/// linker's stack and memory options, WASI's emulation libraries, the compiler's path and target
/// options); others say which extension modules exist on one side only (benchmarks importing them
/// fail on the other side, a recorded failure). ``mismatches`` keeps the rest: the differences
/// that make a ratio between the two sides compare builds rather than targets (version, compiler
/// version, flags, allocator, computed gotos, LTO, PGO). The pair wasmbench builds has none.
public struct BuildParity: Codable, Sendable, Equatable {
    /// What one build was configured with, as its own sysconfig data says.
    public struct Side: Codable, Sendable, Equatable {
        /// The target triple (`x86_64-pc-linux-gnu`, `wasm32-unknown-wasi`).
        public var target: String
        /// `sys.version`'s first word when the build ran (`3.11.2`), else sysconfig's `VERSION`.
        public var pythonVersion: String
        /// `CC` as configured: the compiler's path and any target options.
        public var compiler: String
        /// The first line of that compiler's `--version`.
        public var compilerVersion: String
        /// `OPT`.
        public var opt: String
        /// `CFLAGS` (base flags, `OPT`, configure's and the user's `CFLAGS`).
        public var cflags: String
        /// The flags used only to build CPython itself (`CONFIGURE_CFLAGS_NODIST`, `CFLAGS_NODIST`).
        public var cflagsNodist: String
        /// `LDFLAGS` and `LDFLAGS_NODIST` as the interpreter is linked (`PY_LDFLAGS`, `PY_LDFLAGS_NODIST`).
        public var ldflags: String
        /// `LIBS`.
        public var libs: String
        /// Configure's arguments (`CONFIG_ARGS`), shell-quoted as configure records them.
        public var configureArguments: String
        /// Whether pymalloc is the object allocator (`WITH_PYMALLOC`).
        public var pymalloc: Bool
        /// Whether the evaluation loop dispatches with computed gotos (`HAVE_COMPUTED_GOTOS` and
        /// `USE_COMPUTED_GOTOS` not 0).
        public var computedGotos: Bool
        /// Whether link-time optimisation was on (`--with-lto`, `-flto`).
        public var lto: Bool
        /// Whether profile-guided optimisation was on (`--enable-optimizations`, `profile-opt`).
        public var pgo: Bool
        /// The extension modules the build has (built in or shared), when it ran; `nil` when it
        /// could not be run to ask (no wasmtime for the WASI side).
        public var extensionModules: [String]?

        /// Creates a side record.
        public init(
            target: String, pythonVersion: String, compiler: String, compilerVersion: String, opt: String,
            cflags: String, cflagsNodist: String, ldflags: String, libs: String, configureArguments: String,
            pymalloc: Bool, computedGotos: Bool, lto: Bool, pgo: Bool, extensionModules: [String]? = nil
        ) {
            self.target = target
            self.pythonVersion = pythonVersion
            self.compiler = compiler
            self.compilerVersion = compilerVersion
            self.opt = opt
            self.cflags = cflags
            self.cflagsNodist = cflagsNodist
            self.ldflags = ldflags
            self.libs = libs
            self.configureArguments = configureArguments
            self.pymalloc = pymalloc
            self.computedGotos = computedGotos
            self.lto = lto
            self.pgo = pgo
            self.extensionModules = extensionModules
        }
    }

    /// The native build.
    public var native: Side
    /// The wasm32-wasi build.
    public var wasi: Side
    /// Every difference between the sides, one sentence each, target-specific ones included.
    public var differences: [String]
    /// The differences that are not the target's own: each one makes the comparison unfair.
    public var mismatches: [String]

    /// Compares two sides.
    public init(native: Side, wasi: Side) {
        self.native = native
        self.wasi = wasi
        let found = Self.compare(native, wasi)
        differences = found.map(\.text)
        mismatches = found.filter(\.unfair).map(\.text)
    }

    /// Whether nothing but the target differs: the pair is a fair comparison.
    public var isMatched: Bool { mismatches.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case native, wasi, differences, mismatches
    }

    /// Reads the two sides and compares them again: the saved differences are for readers of the
    /// JSON; a record read back always carries those of the current comparison rules.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            native: try container.decode(Side.self, forKey: .native),
            wasi: try container.decode(Side.self, forKey: .wasi))
    }
}
