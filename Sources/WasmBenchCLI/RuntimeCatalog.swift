import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime
import WasmBenchSubprocess
import WasmBenchWasmKit
import WasmBenchWasmtimeCAPI

/// Every runtime id wasmbench knows, and the adapters for them on this machine.
struct RuntimeCatalog {
    /// All ids, in the order reports list them.
    static let allIDs = [
        "native", "wasmkit", "wasmtime", "wasmtime-winch", "wasmtime-aot", "wasmtime-capi", "node", "node-liftoff",
        "node-turbofan", "chromium", "firefox",
    ]

    /// What each id is, for `--help` and the README.
    static let summaries: [String: String] = [
        "native": "the same C source built for the host by the same compiler (the default baseline)",
        "wasmkit": "WasmKit 0.4.2 interpreter embedded in wasmbench, eager translation, in a worker process",
        "wasmtime": "wasmtime CLI, Cranelift optimising JIT, compile cache off",
        "wasmtime-winch": "wasmtime CLI, Winch baseline JIT, compile cache off",
        "wasmtime-aot": "`wasmtime compile` to .cwasm (timed, with artifact size), then `run --allow-precompiled`",
        "wasmtime-capi":
            "libwasmtime via dlopen: compile, serialize, deserialize, instantiate, call, each timed in-process",
        "node": "Node.js/V8, Liftoff then TurboFan tier-up, lazy compilation off, timed by a driver script",
        "node-liftoff": "Node.js/V8, Liftoff baseline compiler only",
        "node-turbofan": "Node.js/V8, TurboFan optimising compiler only",
        "chromium": "headless Chromium (V8) running the module in a page of ours, timed by performance.now()",
        "firefox":
            "headless Firefox ESR (SpiderMonkey) running the module in a page of ours, timed by performance.now()",
    ]

    let toolbox: Toolbox
    let launcher: ProcessLauncher
    let workerExecutable: String
    /// Finds or installs Python interpreters (for `INTERPRETER@HOST` ids).
    let interpreters: InterpreterProvisioner
    /// The guest runner's host path, for interpreter runtimes.
    let pythonRunner: String?
    /// Where this run keeps AOT artifacts that may be reused across processes.
    let artifactFolder: String?
    /// Interpreters the user described in spec files (`run --interpreter FILE`).
    var userInterpreters: [Interpreter] = []

    /// Interpreters that run natively: their id is the runtime id.
    static let nativeInterpreters = [MatchedPairInterpreters.nativeID, "python3-host", "pypy3", "micropython-native"]
    /// Interpreters built for WASI: runtime ids are `INTERPRETER@HOST`.
    static let wasmInterpreters = [
        MatchedPairInterpreters.wasiID, "wasi-python3.15", "wasi-python3.15-snapshot", "micropython-wasi",
    ]
    /// The Wasm runtimes an interpreter can be hosted on.
    static var wasmHosts: [String] { allIDs.filter { $0 != "native" } }
    /// Pyodide (CPython built with Emscripten, which needs a JavaScript host): `pyodide@NODE-TIER`.
    static let pyodideIDs = NodeRuntime.Tier.allCases.map { "pyodide@\($0.id)" }
    /// The runtimes the `python` suite runs on by default.
    static let pythonDefaults = [
        MatchedPairInterpreters.nativeID, "\(MatchedPairInterpreters.wasiID)@wasmtime-aot",
        "\(MatchedPairInterpreters.wasiID)@wasmkit", "wasi-python3.15@wasmtime-aot", "pyodide@node",
        "micropython-native", "micropython-wasi@wasmtime-aot", "pypy3", "python3-host",
    ]

    /// Whether an id names a runtime: a plain one, a native interpreter, or `INTERPRETER@HOST`
    /// (with one of wasmbench's Wasm interpreters or one of `user`, the users' own).
    static func isKnown(_ id: String, user: [String] = []) -> Bool {
        if allIDs.contains(id) || nativeInterpreters.contains(id) || pyodideIDs.contains(id) { return true }
        let parts = id.split(separator: "@", maxSplits: 1).map(String.init)
        return parts.count == 2 && (wasmInterpreters + user).contains(parts[0]) && wasmHosts.contains(parts[1])
    }

    /// Interpreter ids a user's spec may not take.
    static var reservedInterpreterIDs: [String] {
        nativeInterpreters + wasmInterpreters + ["pyodide"]
    }

    /// Every id form, for messages.
    static var idHelp: String {
        (allIDs + nativeInterpreters + pyodideIDs).joined(separator: ", ")
            + ", and INTERPRETER@HOST with INTERPRETER one of \(wasmInterpreters.joined(separator: ", "))"
    }

    /// The adapter for an id.
    func runtime(_ id: String) -> (any BenchmarkRuntime)? {
        if Self.pyodideIDs.contains(id) { return pyodideRuntime(id) }
        if Self.nativeInterpreters.contains(id) || id.contains("@") {
            return interpreterRuntime(id)
        }
        return baseRuntime(id)
    }

    private func interpreterRuntime(_ id: String) -> (any BenchmarkRuntime)? {
        let parts = id.split(separator: "@", maxSplits: 1).map(String.init)
        let matched = [MatchedPairInterpreters.nativeID, MatchedPairInterpreters.wasiID].contains(parts[0])
        guard
            let interpreter = userInterpreters.first(where: { $0.id == parts[0] })
                ?? (matched
                    ? MatchedPairInterpreters.interpreter(parts[0], home: interpreters.installer.home)
                    : interpreters.interpreter(parts[0])),
            let host = parts.count == 2 ? baseRuntime(parts[1]) : baseRuntime("native")
        else { return nil }
        return InterpreterRuntime(interpreter: interpreter, host: host, runner: pythonRunner ?? "wasmbench_runner.py")
    }

    private func pyodideRuntime(_ id: String) -> any BenchmarkRuntime {
        let tier = NodeRuntime.Tier.allCases.first { "pyodide@\($0.id)" == id } ?? .dynamic
        let node = toolbox.node
        var folder: String?
        var problem: String?
        switch interpreters.pyodideIndex() {
        case .success(let url): folder = url.path
        case .failure(let error): problem = error.description
        }
        return PyodideRuntime(
            tier: tier, node: node.path, nodeVersion: node.version, nodeProblem: node.problem, indexURL: folder,
            problem: problem, source: InterpreterProvisioner.pyodideSource,
            runner: pythonRunner ?? "wasmbench_runner.py", launcher: launcher)
    }

    private func baseRuntime(_ id: String) -> (any BenchmarkRuntime)? {
        let wasmtime = toolbox.wasmtime
        let node = toolbox.node
        switch id {
        case "native":
            return NativeRuntime(
                launcher: launcher,
                compilerDescription: "\(toolbox.compiler.tool.name) \(toolbox.compiler.tool.version)")
        case "wasmkit":
            return WorkerRuntime(engine: WasmKitEngine(), workerExecutable: workerExecutable, launcher: launcher)
        case "wasmtime", "wasmtime-winch", "wasmtime-aot":
            let mode = WasmtimeCLIRuntime.Mode.allCases.first { $0.id == id } ?? .cranelift
            return WasmtimeCLIRuntime(
                mode: mode, executable: wasmtime.path, version: wasmtime.version, problem: wasmtime.problem,
                source: wasmtime.source, launcher: launcher, artifactFolder: artifactFolder)
        case "wasmtime-capi":
            let library = toolbox.libwasmtime
            return WorkerRuntime(
                engine: WasmtimeCAPIEngine(
                    libraryPath: library.path, version: library.version, unavailableReason: library.problem),
                workerExecutable: workerExecutable, launcher: launcher,
                engineArguments: library.path.map { ["--library", $0, "--engine-version", library.version] } ?? [])
        case "chromium", "firefox":
            let browser: BrowserRuntime.Browser = id == "firefox" ? .firefox : .chromium
            let tool = browser == .firefox ? toolbox.firefox : toolbox.chromium
            return BrowserRuntime(
                browser: browser, executable: tool.path, version: tool.version, problem: tool.problem,
                node: node.path, launcher: launcher)
        case "node", "node-liftoff", "node-turbofan":
            let tier = NodeRuntime.Tier.allCases.first { $0.id == id } ?? .dynamic
            return NodeRuntime(
                tier: tier, executable: node.path, version: node.version, problem: node.problem, launcher: launcher)
        default:
            return nil
        }
    }

    /// The in-process engine a worker process runs.
    static func engine(id: String, library: String?, version: String?) -> (any InProcessEngine)? {
        switch id {
        case "wasmkit":
            return WasmKitEngine()
        case "wasmtime-capi":
            return WasmtimeCAPIEngine(
                libraryPath: library, version: version ?? "unknown",
                unavailableReason: library == nil ? "no --library given" : nil)
        default:
            return nil
        }
    }
}
