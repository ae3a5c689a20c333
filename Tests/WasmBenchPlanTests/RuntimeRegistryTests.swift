import Testing
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchPlan

@Suite("The runtime registry: one table, every id resolved or refused")
struct RuntimeRegistryTests {
    @Test("Ids are unique and every runtime has a summary")
    func uniqueIDs() {
        let ids = RuntimeRegistry.ids
        #expect(Set(ids).count == ids.count)
        #expect(RuntimeRegistry.entries.allSatisfy { !$0.summary.isEmpty })
        let interpreters = InterpreterCatalog.builtIn.map(\.id)
        #expect(Set(ids).isDisjoint(with: interpreters))
    }

    @Test(
        "A runtime id parses once and prints back the same text",
        arguments: [
            "native", "wasmtime-aot", "pypy3", "cpython3.11-wasi@wasmkit", "pyodide@node-liftoff",
        ])
    func roundTrip(text: String) throws {
        let id = try #require(RuntimeID(text))
        #expect(id.description == text)
        #expect(id.interpreter == (text.contains("@") ? String(text.split(separator: "@")[0]) : nil))
    }

    @Test("Malformed ids do not parse", arguments: ["", "@wasmtime", "wasi-python3.15@", "a@b@c", "a b"])
    func malformed(text: String) {
        #expect(RuntimeID(text) == nil)
    }

    @Test("Plain runtimes, native interpreters and hosted interpreters resolve")
    func resolves() throws {
        for text in [
            "wasmkit", "firefox", "pypy3", "cpython3.11-native", "micropython-wasi@wasmtime-capi", "pyodide@node",
        ] {
            let id = try #require(RuntimeID(text))
            #expect(RuntimeRegistry.isKnown(id), "\(text)")
        }
        guard
            case .hosted(let interpreter, let host) = try RuntimeRegistry.resolve(
                #require(RuntimeID("wasi-python3.15@wasmtime-aot")))
        else {
            Issue.record("wasi-python3.15@wasmtime-aot is not a hosted interpreter")
            return
        }
        #expect(interpreter.id == "wasi-python3.15" && host.id == "wasmtime-aot")
    }

    @Test("An unknown id, a native interpreter given a host, or a host that cannot run the build is a usage error")
    func refuses() throws {
        for text in ["wasmer", "pypy3@wasmtime", "pyodide@wasmtime", "wasi-python3.15@native", "nobody@wasmkit"] {
            let id = try #require(RuntimeID(text))
            #expect(throws: PlanError.self, "\(text)") { try RuntimeRegistry.resolve(id) }
            #expect(!RuntimeRegistry.isKnown(id))
        }
        let message = try #require(throws: PlanError.self) {
            try RuntimeRegistry.resolve(#require(RuntimeID("wasmer")))
        }
        #expect(message.description.contains("wasmkit") && message.description.contains("INTERPRETER@HOST"))
    }

    @Test("A user's interpreter runs on Wasm hosts only when its id is given")
    func userInterpreters() throws {
        let id = try #require(RuntimeID("mypython@wasmtime"))
        #expect(!RuntimeRegistry.isKnown(id))
        #expect(RuntimeRegistry.isKnown(id, user: ["mypython"]))
    }

    @Test("The worker rebuilds exactly the embedded engines from the registry")
    func engines() {
        #expect(RuntimeRegistry.engineIDs == ["wasmkit", "wasmtime-capi"])
        #expect(RuntimeRegistry.engine(id: "wasmkit", library: nil, version: nil)?.id == "wasmkit")
        #expect(RuntimeRegistry.engine(id: "wasmtime", library: nil, version: nil) == nil)
        let capi = RuntimeRegistry.engine(id: "wasmtime-capi", library: nil, version: nil)
        #expect(capi?.describe().available == false)
    }
}

/// Which runtime counts the opcodes of what the runtimes asked for run.
@Suite("Opcode-counting runtimes")
struct OpcodeRuntimeTests {
    @Test("WasmKit for the runtimes of the table, INTERPRETER@wasmkit for WASI interpreters, none for native ones")
    func counterparts() {
        func ids(_ texts: [String]) -> [String] {
            Planner.opcodeRuntimeIDs(for: texts.compactMap(RuntimeID.init)).map(\.description)
        }
        #expect(ids(["native", "wasmtime", "wasmtime-winch", "node"]) == ["wasmkit"])
        #expect(ids(["cpython3.11-native", "cpython3.11-wasi@wasmtime-aot"]) == ["cpython3.11-wasi@wasmkit"])
        #expect(
            ids(["micropython-wasi@node", "wasi-python3.15@wasmtime"]) == [
                "micropython-wasi@wasmkit", "wasi-python3.15@wasmkit",
            ])
        #expect(ids(["native"]) == ["wasmkit"])
        // A runtime described by a file counts on WasmKit too, alone or hosting a WASI interpreter.
        let described = Planner.opcodeRuntimeIDs(
            for: ["engine", "cpython3.11-wasi@engine", "pyodide@engine"].compactMap(RuntimeID.init),
            described: ["engine"])
        #expect(described.map(\.description) == ["wasmkit", "cpython3.11-wasi@wasmkit"])
        #expect(ids(["cpython3.11-native", "pypy3", "pyodide@node"]).isEmpty)
        // wasmtime's C API counts for itself.
        #expect(ids(["wasmtime-capi", "native"]) == ["wasmtime-capi", "wasmkit"])
        #expect(ids(["cpython3.11-wasi@wasmtime-capi"]) == ["cpython3.11-wasi@wasmtime-capi"])
    }
}

@Suite("Presets")
struct PresetTests {
    @Test("every kernels preset's runtimes are runtimes of the registry, native first, each once")
    func resolve() throws {
        for preset in Preset.allCases where preset.suite == .kernels {
            #expect(preset.runtimes.first == RuntimeID(base: "native"), "\(preset)")
            #expect(Set(preset.runtimes).count == preset.runtimes.count, "\(preset)")
            for id in preset.runtimes {
                guard case .runtime = try RuntimeRegistry.resolve(id) else {
                    Issue.record("\(preset.rawValue): \(id) is not a runtime of the registry")
                    continue
                }
            }
        }
        #expect(Preset.jitVsAot.runtimes.contains(RuntimeID(base: "wasmtime-pulley-aot")))
        #expect(Preset.help.contains("interpreters: WasmKit, wasm3 and wasmtime's Pulley interpreter"))
    }

    @Test(
        "python-browsers runs the python suite: the pair's native side first, then interpreters on hosts that resolve")
    func pythonBrowsers() throws {
        let preset = Preset.pythonBrowsers
        #expect(preset.suite == .python)
        #expect(preset.runtimes.first?.description == "cpython3.11-native")
        #expect(preset.runtimes.count == 7)
        for id in preset.runtimes.dropFirst() {
            guard case .hosted(_, let host) = try RuntimeRegistry.resolve(id) else {
                Issue.record("\(id) is not an interpreter on a host")
                continue
            }
            #expect(["wasmtime-aot", "node", "chromium", "firefox"].contains(host.id))
        }
    }
}
