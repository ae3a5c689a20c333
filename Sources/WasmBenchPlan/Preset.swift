import WasmBenchModel

/// A documented selection for a comparison people ask for often: `wasmbench run --preset NAME`
/// runs the kernels on the preset's runtimes, against native.
public enum Preset: String, CaseIterable, Sendable {
    /// Every engine with an ahead-of-time form beside its just-in-time one: compile time, artifact
    /// size, load and run, and the runs after which the compile has paid for itself.
    case jitVsAot = "jit-vs-aot"
    /// The interpreters (WasmKit, wasm3, wasmtime's Pulley) against Cranelift's native code and native.
    case interpreters
    /// Node and the two headless browsers against native.
    case browsers
    /// Every runtime of the registry (``RuntimeRegistry/ids``): the widest picture, about four
    /// times as long as the default set on 2 cores.
    case all

    /// What the preset compares.
    public var summary: String {
        switch self {
        case .jitVsAot:
            "wasmtime and wasmtime-pulley each just in time and ahead of time, and the C API's compile, "
                + "serialize and load: when ahead-of-time compilation pays for itself"
        case .interpreters: "WasmKit, wasm3 and wasmtime's Pulley interpreter against wasmtime's Cranelift and native"
        case .browsers: "Node, headless Chromium and headless Firefox against native"
        case .all: "every runtime wasmbench knows (see `wasmbench runtimes`)"
        }
    }

    /// The runtimes it runs, the baseline first.
    public var runtimes: [RuntimeID] {
        let ids: [String] =
            switch self {
            case .jitVsAot:
                ["native", "wasmtime", "wasmtime-aot", "wasmtime-pulley", "wasmtime-pulley-aot", "wasmtime-capi"]
            case .interpreters: ["native", "wasmtime", "wasmkit", "wasm3", "wasmtime-pulley"]
            case .browsers: ["native", "node", "chromium", "firefox"]
            case .all: RuntimeRegistry.ids
            }
        return ids.map { RuntimeID(base: $0) }
    }

    /// The presets and what each compares, one per line, for the help and `wasmbench runtimes`.
    public static var help: String {
        allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "; ")
    }
}
