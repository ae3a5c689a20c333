import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchProvision
import WasmBenchRuntime
import WasmBenchSubprocess
import WasmBenchWasmKit
import WasmBenchWasmtimeCAPI

/// The one table of runtimes wasmbench knows, and how a ``RuntimeID`` resolves against it and the
/// interpreter catalog.
///
/// An id resolves to a runtime of the table, a native interpreter, or an interpreter hosted on a
/// runtime that can host it; anything else is an error that lists the ids, never skipped.
public enum RuntimeRegistry {
    /// Every runtime, in the order reports list them.
    public static let entries: [RuntimeEntry] = [
        RuntimeEntry(
            "native", "the same C source built for the host by the same compiler (the default baseline)",
            capabilities: [.native]
        ) { context in
            let compiler = context.toolbox.compiler.tool
            return NativeRuntime(
                launcher: context.launcher, compilerDescription: "\(compiler.name) \(compiler.version)")
        },
        RuntimeEntry(
            "wasmkit", "WasmKit 0.4.2 interpreter embedded in wasmbench, eager translation, in a worker process",
            engine: { _, _ in WasmKitEngine() },
            make: { context in
                WorkerRuntime(
                    engine: WasmKitEngine(), workerExecutable: context.workerExecutable, launcher: context.launcher)
            }),
        wasm3(),
        wasmtime(.cranelift, "wasmtime CLI, Cranelift optimising JIT, compile cache off"),
        wasmtime(.winch, "wasmtime CLI, Winch baseline JIT, compile cache off"),
        wasmtime(.aot, "`wasmtime compile` to .cwasm (timed, with artifact size), then `run --allow-precompiled`"),
        wasmtime(
            .pulley,
            "wasmtime CLI, Pulley portable interpreter (`--target pulley64`): Cranelift compiles to Pulley bytecode, which is interpreted"
        ),
        wasmtime(
            .pulleyAOT,
            "`wasmtime compile --target pulley64` to Pulley bytecode (timed, with artifact size), then interpreted by `run --allow-precompiled`"
        ),
        wamrAOT(),
        RuntimeEntry(
            "wasmtime-capi",
            "libwasmtime via dlopen: compile, serialize, deserialize, instantiate, call, each timed in-process",
            tools: [.libwasmtime],
            engine: { library, version in
                WasmtimeCAPIEngine(
                    libraryPath: library, version: version ?? "unknown",
                    unavailableReason: library == nil ? "no --library given" : nil)
            },
            make: { context in
                let library = context.toolbox.libwasmtime
                return WorkerRuntime(
                    engine: WasmtimeCAPIEngine(
                        libraryPath: library.path, version: library.version,
                        unavailableReason: library.unavailableReason),
                    workerExecutable: context.workerExecutable, launcher: context.launcher,
                    engineArguments: library.path.map { ["--library", $0, "--engine-version", library.version] }
                        ?? [])
            }),
        node(.dynamic, "Node.js/V8, Liftoff then TurboFan tier-up, lazy compilation off, timed by a driver script"),
        node(.liftoff, "Node.js/V8, Liftoff baseline compiler only"),
        node(.turbofan, "Node.js/V8, TurboFan optimising compiler only"),
        browser(
            .chromium, "headless Chromium (V8) running the module in a page of ours, timed by performance.now()"),
        browser(.chromiumLiftoff, "headless Chromium, V8's Liftoff baseline compiler only"),
        browser(.chromiumTurbofan, "headless Chromium, V8's TurboFan optimising compiler only"),
        browser(
            .firefox,
            "headless Firefox ESR (SpiderMonkey) running the module in a page of ours, timed by performance.now()"),
        browser(.firefoxBaseline, "headless Firefox ESR, SpiderMonkey's baseline compiler only"),
        browser(.firefoxIon, "headless Firefox ESR, SpiderMonkey's Ion optimising compiler only"),
        wasmer(.cranelift, "Wasmer 2.1.1 engine (late 2021) via wasmer-python 1.1.0 (Jan 2022), Cranelift compiler"),
        wasmer(
            .singlepass,
            "Wasmer 2.1.1 engine (late 2021) via wasmer-python 1.1.0 (Jan 2022), Singlepass baseline compiler"),
        wasmer(.llvm, "Wasmer 2.1.1 engine (late 2021) via wasmer-python 1.1.0 (Jan 2022), LLVM 13 compiler"),
    ]

    /// The entry of a runtime id of the table.
    public static func entry(_ id: String) -> RuntimeEntry? {
        entries.first { $0.id == id }
    }

    /// The ids of the table, in order.
    public static var ids: [String] { entries.map(\.id) }

    /// What an id names.
    public enum Resolution: Sendable {
        /// A runtime of the table.
        case runtime(RuntimeEntry)
        /// A native interpreter, which runs on the native runtime.
        case nativeInterpreter(InterpreterCatalog.Entry)
        /// An interpreter on a host that can run its build.
        case hosted(InterpreterCatalog.Entry, on: RuntimeEntry)
    }

    /// Resolves an id against the table, the interpreter catalog and the users' interpreters.
    ///
    /// - Parameter user: the ids of interpreters described in the user's spec files.
    public static func resolve(_ id: RuntimeID, user: [String] = []) throws(PlanError) -> Resolution {
        guard let interpreterID = id.interpreter else {
            if let entry = entry(id.base) { return .runtime(entry) }
            if let interpreter = InterpreterCatalog.entry(id.base, user: user), interpreter.placement == .native {
                return .nativeInterpreter(interpreter)
            }
            throw unknown(id, user: user)
        }
        guard let interpreter = InterpreterCatalog.entry(interpreterID, user: user), let host = entry(id.base) else {
            throw unknown(id, user: user)
        }
        let needed: RuntimeEntry.Capabilities
        switch interpreter.placement {
        case .native:
            throw PlanError.usage(
                "\(interpreterID) is a native interpreter: run it as `\(interpreterID)`, without @HOST")
        case .wasi: needed = .hostsWASI
        case .javaScript: needed = .hostsJavaScript
        }
        guard host.capabilities.contains(needed) else {
            let hosts = entries.filter { $0.capabilities.contains(needed) }.map(\.id)
            throw PlanError.usage(
                "\(id) cannot run: \(interpreterID) runs on \(hosts.joined(separator: ", ")), not on \(host.id)")
        }
        return .hosted(interpreter, on: host)
    }

    /// The external tools the runtimes `ids` are made from: each one's own, or its host's for an
    /// interpreter on a host; an id that does not resolve needs none (the planner refuses it).
    public static func tools(for ids: [RuntimeID], user: [String] = []) -> Set<Provisioner.Tool> {
        ids.reduce(into: []) { tools, id in
            switch try? resolve(id, user: user) {
            case .runtime(let entry), .hosted(_, on: let entry): tools.formUnion(entry.tools)
            case .nativeInterpreter, nil: break
            }
        }
    }

    /// Whether an id resolves.
    public static func isKnown(_ id: RuntimeID, user: [String] = []) -> Bool {
        (try? resolve(id, user: user)) != nil
    }

    /// Every id form, for messages and `--help`.
    public static var idHelp: String {
        let native = InterpreterCatalog.builtIn.filter { $0.placement == .native }.map(\.id)
        let wasi = InterpreterCatalog.builtIn.filter { $0.placement == .wasi }.map(\.id)
        let pyodide = entries.filter { $0.capabilities.contains(.hostsJavaScript) }.map {
            "\(InterpreterCatalog.pyodideID)@\($0.id)"
        }
        return (ids + native + pyodide).joined(separator: ", ")
            + ", and INTERPRETER@HOST with INTERPRETER one of \(wasi.joined(separator: ", "))"
            + " (and cpython3.11-NAME-native, cpython3.11-NAME-wasi@HOST for a variant built by `wasmbench python build --variant NAME`)"
    }

    /// The in-process engine a worker process runs, or nil for an id that is not one.
    public static func engine(id: String, library: String?, version: String?) -> (any InProcessEngine)? {
        entry(id)?.engine?(library, version)
    }

    /// The ids of the embedded engines, for the worker's messages.
    public static var engineIDs: [String] { entries.filter { $0.engine != nil }.map(\.id) }

    private static func unknown(_ id: RuntimeID, user: [String]) -> PlanError {
        .usage("unknown runtime \(id); the runtime ids are: \(idHelp)")
    }

    private static func wasmtime(_ mode: WasmtimeCLIRuntime.Mode, _ summary: String) -> RuntimeEntry {
        RuntimeEntry(mode.id, summary, tools: [.wasmtime]) { context in
            let tool = context.toolbox.wasmtime
            return WasmtimeCLIRuntime(
                mode: mode, executable: tool.path, version: tool.version, unavailableReason: tool.unavailableReason,
                source: tool.source, launcher: context.launcher, artifactFolder: context.artifactFolder)
        }
    }

    private static func wasm3() -> RuntimeEntry {
        RuntimeEntry(
            Wasm3Runtime.id,
            "wasm3 0.5.0 interpreter (the wasm3 core of PyPI pywasm3's sdist) in a C driver of ours built at set-up time: parse, instantiate, eager compile and run timed in-process; a minimal WASI of ours",
            capabilities: [], tools: [.wasm3]
        ) { context in
            let driver = context.toolbox.wasm3
            return Wasm3Runtime(
                driver: driver.path, version: driver.version, unavailableReason: driver.unavailableReason,
                source: driver.source, launcher: context.launcher)
        }
    }

    private static func wamrAOT() -> RuntimeEntry {
        RuntimeEntry(
            WAMRRuntime.id,
            "a Zig port of WAMR (PyPI wamr-bin/wamrc-bin, not the Bytecode Alliance's WAMR): `wamrc compile -O0` to .cwasm (timed, with artifact size), then `wamr run`",
            capabilities: [], tools: [.wamr, .wamrc]
        ) { context in
            let (run, compile) = (context.toolbox.wamr, context.toolbox.wamrc)
            return WAMRRuntime(
                wamr: run.path, wamrc: compile.path, version: run.version,
                unavailableReason: run.unavailableReason ?? compile.unavailableReason, source: run.source,
                launcher: context.launcher, artifactFolder: context.artifactFolder)
        }
    }

    private static func node(_ tier: NodeRuntime.Tier, _ summary: String) -> RuntimeEntry {
        RuntimeEntry(tier.id, summary, capabilities: [.hostsWASI, .hostsJavaScript], tools: [.node]) { context in
            let tool = context.toolbox.node
            return NodeRuntime(
                tier: tier, executable: tool.path, version: tool.version, unavailableReason: tool.unavailableReason,
                launcher: context.launcher)
        }
    }

    private static func wasmer(_ compiler: WasmerRuntime.Compiler, _ summary: String) -> RuntimeEntry {
        RuntimeEntry(compiler.id, summary, capabilities: [], tools: [.wasmer]) { context in
            let wasmer = context.toolbox.wasmer
            let engine = WasmerPython.Compiler(rawValue: compiler.rawValue).map { wasmer.engine($0) }
            return WasmerRuntime(
                compiler: compiler, python: wasmer.python.path, pythonVersion: wasmer.python.version,
                version: "\(WasmerPython.engineVersion) (wasmer-python \(WasmerPython.bindingsVersion))",
                importPaths: engine?.importPaths ?? [], environment: engine?.environment ?? [:],
                unavailableReason: engine == nil
                    ? "wasmbench does not provision the \(compiler.rawValue) compiler; please report this"
                    : engine?.unavailableReason,
                source:
                    "PyPI \(PinnedPackage.wasmerPython.requirement) and wasmer-compiler-\(compiler.rawValue)==\(WasmerPython.bindingsVersion), run by Python \(wasmer.python.version) (\(wasmer.python.source))",
                launcher: context.launcher)
        }
    }

    private static func browser(_ browser: BrowserRuntime.Browser, _ summary: String) -> RuntimeEntry {
        let program: Provisioner.Tool = browser.program == .firefox ? .firefox : .chromium
        return RuntimeEntry(
            browser.rawValue, summary, capabilities: [.hostsWASI, .hostsJavaScript], tools: [program, .node]
        ) { context in
            let tool = browser.program == .firefox ? context.toolbox.firefox : context.toolbox.chromium
            return BrowserRuntime(
                browser: browser, executable: tool.path, version: tool.version,
                unavailableReason: tool.unavailableReason, node: context.toolbox.node.path, launcher: context.launcher)
        }
    }
}
