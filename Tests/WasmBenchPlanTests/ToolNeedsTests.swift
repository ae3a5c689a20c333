import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision

@testable import WasmBenchPlan

/// A run looks for (and installs) only the tools its runtimes are made from.
@Suite("The tools each runtime needs")
struct ToolNeedsTests {
    func ids(_ texts: String...) throws -> [RuntimeID] {
        try texts.map { try #require(RuntimeID($0)) }
    }

    @Test("each id needs its own tools, an interpreter its host's, a native one none")
    func perID() throws {
        #expect(RuntimeRegistry.tools(for: try ids("native", "wasmkit", "cpython3.11-native")).isEmpty)
        #expect(RuntimeRegistry.tools(for: try ids("native", "wasmtime", "wasmtime-aot")) == [.wasmtime])
        #expect(RuntimeRegistry.tools(for: try ids("wasmtime-capi")) == [.libwasmtime])
        #expect(RuntimeRegistry.tools(for: try ids("cpython3.11-wasi@chromium")) == [.chromium, .node])
        #expect(RuntimeRegistry.tools(for: try ids("pyodide@firefox-ion", "pyodide@node")) == [.firefox, .node])
        #expect(
            RuntimeRegistry.tools(for: try ids("wasmer-llvm", "wasm3", "wamr-aot")) == [.wasmer, .wasm3, .wamr, .wamrc])
        #expect(
            RuntimeRegistry.tools(for: try ids("cpython3.11-o2-wasi@wasmtime", "cpython3.11-o2-native")) == [.wasmtime])
        #expect(RuntimeRegistry.tools(for: try ids("no-such-runtime")).isEmpty)
    }

    @Test("an entry made from a toolbox holding only its declared tools reads nothing left unlooked-for")
    func declared() throws {
        for entry in RuntimeRegistry.entries {
            func status(_ tool: Provisioner.Tool) -> ToolStatus {
                .missing(
                    tool.rawValue,
                    unavailableReason: entry.tools.contains(tool) ? "\(tool.rawValue) absent" : "not looked for")
            }
            let compiler = CompilerStatus(
                tool: .found("cc", path: "/bin/true", version: "1", source: "PATH"), family: nil)
            let toolbox = Toolbox(
                wasmtime: status(.wasmtime), libwasmtime: status(.libwasmtime), node: status(.node),
                compiler: compiler, chromium: status(.chromium), firefox: status(.firefox),
                wasmer: entry.tools.contains(.wasmer) ? .notLookedFor("wasmer absent") : .notLookedFor(),
                wasm3: status(.wasm3), wamr: status(.wamr), wamrc: status(.wamrc))
            let context = RuntimeContext(
                toolbox: toolbox, launcher: ProcessLauncher(), workerExecutable: "/bin/false", artifactFolder: nil)
            let reason = entry.make(context).describe().unavailableReason ?? ""
            #expect(!reason.contains("not looked for"), "\(entry.id): \(reason)")
        }
    }
}
