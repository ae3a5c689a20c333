import WasmBenchModel

/// A documented selection for a comparison people ask for often: `wasmbench run --preset NAME`
/// runs the preset's suite (the kernels, or the python suite) on its runtimes, against the first.
public enum Preset: String, CaseIterable, Sendable {
    /// Every engine with an ahead-of-time form beside its just-in-time one: compile time, artifact
    /// size, load and run, and the runs after which the compile has paid for itself.
    case jitVsAot = "jit-vs-aot"
    /// The interpreters (WasmKit, wasm3, wasmtime's Pulley) against Cranelift's native code and native.
    case interpreters
    /// Node and the two headless browsers against native.
    case browsers
    /// Each JavaScript engine's tiers pinned one at a time: V8's Liftoff and TurboFan (in Node and
    /// Chromium), SpiderMonkey's baseline and Ion, against native.
    case browserTiers = "browser-tiers"
    /// Python in the browsers: the matched pair's WASI side and Pyodide in headless Chromium and
    /// Firefox, beside the same builds on Node and wasmtime, against the pair's native side.
    case pythonBrowsers = "python-browsers"
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
        case .browserTiers:
            "V8's Liftoff and TurboFan (Node, Chromium) and SpiderMonkey's baseline and Ion (Firefox), "
                + "each tier alone, against native"
        case .pythonBrowsers:
            "the python suite: the matched CPython pair's WASI side and Pyodide in Chromium and Firefox, "
                + "beside wasmtime and Node, against the pair's native side"
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
            case .browserTiers:
                [
                    "native", "node-liftoff", "node-turbofan", "chromium-liftoff", "chromium-turbofan",
                    "firefox-baseline", "firefox-ion",
                ]
            case .pythonBrowsers:
                [
                    "cpython3.11-native", "cpython3.11-wasi@wasmtime-aot", "cpython3.11-wasi@chromium",
                    "cpython3.11-wasi@firefox", "pyodide@node", "pyodide@chromium", "pyodide@firefox",
                ]
            case .all: RuntimeRegistry.ids
            }
        return ids.compactMap(RuntimeID.init)
    }

    /// The suite the preset runs.
    public var suite: Suite { self == .pythonBrowsers ? .python : .kernels }

    /// The presets and what each compares, one per line, for the help and `wasmbench runtimes`.
    public static var help: String {
        allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "; ")
    }
}
