/// Whether one external tool is usable, and where it came from.
public struct ToolStatus: Sendable, Equatable {
    /// The tool's name, e.g. `wasmtime`.
    public var name: String
    /// Absolute path, when usable.
    public var path: String?
    /// The version it reported (or was pinned at), `unknown` when it could not say.
    public var version: String
    /// Where it came from: an environment variable, the cache (with package pin), or PATH.
    public var source: String
    /// Why it is not usable and what to do, when ``path`` is `nil`.
    public var unavailableReason: String?

    /// A usable tool.
    public static func found(_ name: String, path: String, version: String, source: String) -> ToolStatus {
        ToolStatus(name: name, path: path, version: version, source: source, unavailableReason: nil)
    }

    /// A tool that could not be had.
    public static func missing(_ name: String, unavailableReason problem: String) -> ToolStatus {
        ToolStatus(name: name, path: nil, version: "unknown", source: "none", unavailableReason: problem)
    }
}

/// Every external tool wasmbench can use, resolved once per run.
public struct Toolbox: Sendable, Equatable {
    /// The wasmtime command-line program.
    public var wasmtime: ToolStatus
    /// libwasmtime for the C API runtime.
    public var libwasmtime: ToolStatus
    /// Node.js (V8).
    public var node: ToolStatus
    /// The C compiler that builds the kernels for both targets.
    public var compiler: CompilerStatus
    /// Chromium, for the headless-browser runtime.
    public var chromium: ToolStatus
    /// Firefox, for the other headless-browser runtime.
    public var firefox: ToolStatus
    /// Wasmer 2 through wasmer-python, for the `wasmer-*` runtimes.
    public var wasmer: WasmerPython
    /// wasmbench's wasm3 driver, built against PyPI pywasm3's wasm3 core (see ``Wasm3Driver``).
    public var wasm3: ToolStatus
    /// The Zig port of WAMR's AOT runtime (`wamr`, PyPI `wamr-bin`).
    public var wamr: ToolStatus
    /// The same port's ahead-of-time compiler (`wamrc`, PyPI `wamrc-bin`).
    public var wamrc: ToolStatus

    /// Creates a toolbox.
    public init(
        wasmtime: ToolStatus, libwasmtime: ToolStatus, node: ToolStatus, compiler: CompilerStatus,
        chromium: ToolStatus = .missing("chromium", unavailableReason: "not looked for"),
        firefox: ToolStatus = .missing("firefox", unavailableReason: "not looked for"),
        wasmer: WasmerPython = .notLookedFor(),
        wasm3: ToolStatus = .missing("wasm3", unavailableReason: "not looked for"),
        wamr: ToolStatus = .missing("wamr", unavailableReason: "not looked for"),
        wamrc: ToolStatus = .missing("wamrc", unavailableReason: "not looked for")
    ) {
        self.wasmtime = wasmtime
        self.libwasmtime = libwasmtime
        self.node = node
        self.compiler = compiler
        self.chromium = chromium
        self.firefox = firefox
        self.wasmer = wasmer
        self.wasm3 = wasm3
        self.wamr = wamr
        self.wamrc = wamrc
    }
}

/// The C compiler found for the kernels, and how to call it for each target.
public struct CompilerStatus: Sendable, Equatable {
    /// Which compiler family.
    public enum Family: String, Sendable {
        /// `zig cc` (clang inside zig, with its own wasi-libc and glibc stubs).
        case zig
        /// Debian's clang-14 with wasi-libc.
        case clang
    }
    /// The tool status (path, version line).
    public var tool: ToolStatus
    /// The family, when found.
    public var family: Family?
    /// Leading arguments before the compiler flags (`cc` for zig).
    public var leadingArguments: [String]
    /// Environment additions (zig's cache folders).
    public var environment: [String: String]

    /// Creates a compiler status.
    public init(tool: ToolStatus, family: Family?, leadingArguments: [String] = [], environment: [String: String] = [:])
    {
        self.tool = tool
        self.family = family
        self.leadingArguments = leadingArguments
        self.environment = environment
    }
}
