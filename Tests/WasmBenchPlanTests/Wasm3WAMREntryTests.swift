import Testing
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision

@testable import WasmBenchPlan

/// The registry's wasm3 and wamr-aot entries: plain runtimes that host no interpreter, made from
/// the toolbox's statuses, and unavailable with the toolbox's reason when their tools are missing.
@Suite("The wasm3 and wamr-aot entries of the registry")
struct Wasm3WAMREntryTests {
    /// A context whose toolbox has nothing but the given wasm3 and wamr statuses.
    func context(wasm3: ToolStatus, wamr: ToolStatus, wamrc: ToolStatus) -> RuntimeContext {
        let none = ToolStatus.missing("none", unavailableReason: "not here")
        let toolbox = Toolbox(
            wasmtime: none, libwasmtime: none, node: none, compiler: CompilerStatus(tool: none, family: nil),
            wasm3: wasm3, wamr: wamr, wamrc: wamrc)
        return RuntimeContext(
            toolbox: toolbox, launcher: ProcessLauncher(), workerExecutable: "/bin/false", artifactFolder: nil)
    }

    @Test("both are runtime ids; no interpreter can be hosted on them; wasm3 is in the interpreters preset")
    func ids() throws {
        #expect(RuntimeRegistry.ids.contains("wasm3") && RuntimeRegistry.ids.contains("wamr-aot"))
        for text in ["cpython3.11-wasi@wasm3", "micropython-wasi@wamr-aot", "pyodide@wasm3"] {
            let id = try #require(RuntimeID(text))
            #expect(!RuntimeRegistry.isKnown(id), "\(text)")
        }
        #expect(Preset.interpreters.runtimes.contains(RuntimeID(base: "wasm3")))
    }

    @Test("made from the toolbox: available with a driver and both wamr programs, else unavailable with the reason")
    func made() throws {
        let wasm3 = try #require(RuntimeRegistry.entry("wasm3"))
        let wamr = try #require(RuntimeRegistry.entry("wamr-aot"))
        let found = context(
            wasm3: .found("wasm3", path: "/bin/true", version: "0.5.0", source: "built"),
            wamr: .found("wamr", path: "/bin/true", version: "3.0.0-dev.14", source: "PyPI"),
            wamrc: .found("wamrc", path: "/bin/true", version: "3.0.0-dev.14", source: "PyPI"))
        #expect(wasm3.make(found).describe().available && wasm3.make(found).describe().version == "0.5.0")
        #expect(wamr.make(found).describe().available && wamr.make(found).describe().version == "3.0.0-dev.14")
        let missing = context(
            wasm3: .missing("wasm3", unavailableReason: "run `wasmbench setup`"),
            wamr: .found("wamr", path: "/bin/true", version: "3.0.0-dev.14", source: "PyPI"),
            wamrc: .missing("wamrc", unavailableReason: "wamrc-bin==3.0.0.dev5 is not installed yet"))
        #expect(wasm3.make(missing).describe().unavailableReason == "run `wasmbench setup`")
        #expect(wamr.make(missing).describe().unavailableReason == "wamrc-bin==3.0.0.dev5 is not installed yet")
        #expect(wamr.make(missing).describe().available == false)
    }
}
