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
        "node-turbofan",
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
    ]

    let toolbox: Toolbox
    let launcher: ProcessLauncher
    let workerExecutable: String

    /// The adapter for an id.
    func runtime(_ id: String) -> (any BenchmarkRuntime)? {
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
                source: wasmtime.source, launcher: launcher)
        case "wasmtime-capi":
            let library = toolbox.libwasmtime
            return WorkerRuntime(
                engine: WasmtimeCAPIEngine(
                    libraryPath: library.path, version: library.version, unavailableReason: library.problem),
                workerExecutable: workerExecutable, launcher: launcher,
                engineArguments: library.path.map { ["--library", $0, "--engine-version", library.version] } ?? [])
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
