import Foundation
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchProvision
import WasmBenchRuntime
import WasmBenchSubprocess
import WasmBenchWasmKit
import WasmBenchWorkloads

/// Turns a ``RunSelection`` into workloads and runtime adapters: provisions tools, builds the
/// suite, loads the user's modules, resolves every runtime id through ``RuntimeRegistry``, and
/// notes every fallback.
public struct Planner: Sendable {
    /// What a run measures.
    public struct Plan: Sendable {
        /// The workloads, ready to run.
        public var workloads: [BuiltWorkload]
        /// The adapters with the descriptions they gave.
        public var runtimes: [(runtime: any BenchmarkRuntime, info: RuntimeInfo)]
        /// Fallbacks and choices made, for the report.
        public var notices: [String]
        /// User modules refused before any runtime saw them (missing, not WebAssembly), as failures.
        public var rejected: [Failure]
        /// The slice of the workloads planned, with every workload id of the whole selection;
        /// nil when the selection asked for all of them.
        public var shard: Shard?
        /// The runtimes that count the workloads' opcodes (`explain --opcodes`), or none.
        public var opcodeRuntimes: [(runtime: any BenchmarkRuntime, info: RuntimeInfo)] = []
    }

    /// The cache, launcher and progress sink.
    public let workspace: Workspace
    /// The folder the run keeps its files in (AOT artifacts go to its `artifacts` folder), or nil
    /// for the workspace's scratch folder.
    public let runFolder: URL?

    /// Creates a planner.
    public init(workspace: Workspace, runFolder: URL? = nil) {
        self.workspace = workspace
        self.runFolder = runFolder
    }

    /// The runtimes the kernels run on when none are asked for: native, the embedded interpreter,
    /// wasmtime just in time and ahead of time, and V8 in Node. One engine of each kind, so the
    /// default run ends within its time budget on 2 cores; `--preset all` runs every runtime.
    public static let defaultKernelRuntimes = ["native", "wasmkit", "wasmtime", "wasmtime-aot", "node"]

    /// The runtimes a suite runs on when none are asked for.
    public static func defaultRuntimes(suite: Suite?, user: [Interpreter] = []) -> [RuntimeID] {
        guard suite == .python else { return defaultKernelRuntimes.map { RuntimeID(base: $0) } }
        let pair = MatchedPairInterpreters.self
        let ids = [
            pair.nativeID, "\(pair.wasiID)@wasmtime-aot", "\(pair.wasiID)@wasmkit", "wasi-python3.15@wasmtime-aot",
            "pyodide@node", "micropython-native", "micropython-wasi@wasmtime-aot", "pypy3", "python3-host",
        ]
        // A user's interpreter joins the defaults, AOT-compiled once per run.
        return (ids + user.map { "\($0.id)@wasmtime-aot" }).compactMap(RuntimeID.init)
    }

    /// The runtimes `explain` counts when none are asked for: the matched pair's two sides for the
    /// python suite, else native and the JIT runtimes whose code differs most.
    public static func explainedRuntimes(suite: Suite?) -> [RuntimeID] {
        let ids =
            suite == .python
            ? [MatchedPairInterpreters.nativeID, "\(MatchedPairInterpreters.wasiID)@wasmtime-aot"]
            : ["native", "wasmtime", "wasmtime-winch", "node"]
        return ids.compactMap(RuntimeID.init)
    }

    /// The runtimes that count the opcodes of the modules `ids` run: WasmKit for a runtime of the
    /// table (native included: a kernel's native build has its Wasm twin), and the same
    /// interpreter on WasmKit for an interpreter built for WASI; `wasmtime-capi` (and
    /// `INTERPRETER@wasmtime-capi`), which also runs the instrumented module and reads its
    /// counters, counts for itself. In the order of `ids`, without repeats. Native interpreters
    /// and JavaScript-hosted ones (Pyodide) have no module of their own to count. A runtime
    /// described by a file (`described`) counts as a runtime of the table does, alone or hosting.
    public static func opcodeRuntimeIDs(for ids: [RuntimeID], user: [String] = [], described: Set<String> = [])
        -> [RuntimeID]
    {
        var counted: [RuntimeID] = []
        for id in ids {
            let counter: RuntimeID?
            let base = id.base == Self.countingWasmtime ? id.base : "wasmkit"
            let resolution =
                described.contains(id.base)
                ? RuntimeRegistry.entry("wasmkit").map { host in
                    id.interpreter.flatMap { InterpreterCatalog.entry($0, user: user) }.map { .hosted($0, on: host) }
                        ?? .runtime(host)
                } : try? RuntimeRegistry.resolve(id, user: user)
            switch resolution {
            case .runtime:
                counter = RuntimeID(base: base)
            case .hosted(let interpreter, _) where interpreter.placement == .wasi:
                counter = RuntimeID(base: base, interpreter: interpreter.id)
            default:
                counter = nil
            }
            if let counter, !counted.contains(counter) { counted.append(counter) }
        }
        return counted
    }

    /// The runtime besides WasmKit that runs instrumented modules and hands back their counts.
    static let countingWasmtime = "wasmtime-capi"

    /// The interpreters described by the selection's spec files.
    public func userInterpreters(_ selection: RunSelection) throws(PlanError) -> [Interpreter] {
        var loaded: [Interpreter] = []
        for path in selection.interpreterSpecs {
            let interpreter: Interpreter
            do {
                interpreter = try InterpreterSpec.load(path: path, reserved: InterpreterCatalog.reservedIDs)
            } catch {
                throw .usage(error.description)
            }
            if loaded.contains(where: { $0.id == interpreter.id }) {
                throw .usage("two --interpreter specs use the id `\(interpreter.id)`; give each its own")
            }
            loaded.append(interpreter)
        }
        return loaded
    }

    /// The runtimes described by the selection's runtime spec files.
    public func userRuntimes(_ selection: RunSelection) throws(PlanError) -> [RuntimeSpec] {
        let reserved = Set(
            RuntimeRegistry.ids + InterpreterCatalog.reservedIDs + (try userInterpreters(selection)).map(\.id))
        var loaded: [RuntimeSpec] = []
        for path in selection.runtimeSpecs {
            let spec: RuntimeSpec
            do {
                spec = try RuntimeSpec.load(path: path, reserved: reserved)
            } catch {
                throw .usage(error.description)
            }
            if loaded.contains(where: { $0.id == spec.id }) {
                throw .usage("two --runtime-spec files use the id `\(spec.id)`; give each its own")
            }
            loaded.append(spec)
        }
        return loaded
    }

    /// Checks what can be checked before anything is provisioned: spec files, runtime ids, and
    /// options that need one another.
    public func validate(_ selection: RunSelection) throws(PlanError) {
        let user = try userInterpreters(selection).map(\.id)
        let described = Set(try userRuntimes(selection).map(\.id))
        let isKnown = { (id: RuntimeID) in
            described.contains(id.base)
                ? id.interpreter.map { InterpreterCatalog.entry($0, user: user)?.placement == .wasi } ?? true
                : RuntimeRegistry.isKnown(id, user: user)
        }
        let unknown = selection.runtimes.filter { !isKnown($0) }
        if let first = unknown.first, let interpreter = first.interpreter, described.contains(first.base),
            InterpreterCatalog.entry(interpreter, user: user) != nil
        {
            throw .usage(
                "\(first) cannot run: a runtime described by a file (\(first.base)) hosts interpreters built for WASI, "
                    + "and \(interpreter) is not one of them")
        }
        if let first = unknown.first {
            // The registry's own message says why (unknown name, or a host that cannot run it).
            _ = try RuntimeRegistry.resolve(first, user: user)
        }
        // A variant of the matched pair must have been built: its flags are not in its id.
        for id in selection.runtimes + [selection.resolvedBaseline] {
            let interpreter = id.interpreter ?? id.base
            if !user.contains(interpreter),
                let problem = MatchedPairInterpreters.missingVariant(interpreter, home: workspace.home)
            {
                throw .usage(problem)
            }
        }
        if !selection.benchmarks.isEmpty && selection.suite != .python {
            throw .usage("--benchmark applies to --suite python")
        }
        let baseline = selection.resolvedBaseline
        guard isKnown(baseline) else {
            throw .usage("unknown baseline `\(baseline)`; pick one of the runtime ids: \(RuntimeRegistry.idHelp)")
        }
        if let problem = selection.shard?.problem { throw .usage(problem) }
        if let parameter = selection.parameter { _ = try ParameterSweep.parse(parameter) }
        if selection.invoke != nil && selection.modules.isEmpty { throw .usage("--invoke needs a module to call into") }
        if !selection.hosting.isPlain && selection.modules.isEmpty {
            throw .usage("--dir, --env, --entry and --trap-unknown-imports apply to modules given on the command line")
        }
    }

    /// Plans the selection: the runtimes (every one asked for resolved, the unavailable ones kept
    /// with their reason) and the workloads.
    ///
    /// - Throws: the ``PlanError`` that says why; ``PlanError/interrupted(_:)`` when the set-up
    ///   failed because the launcher was stopped (Ctrl-C), which is not a failure of the set-up.
    public func plan(_ selection: RunSelection) throws(PlanError) -> Plan {
        do {
            return try planUninterrupted(selection)
        } catch {
            if workspace.launcher.isInterrupted {
                throw .interrupted("interrupted while setting up; nothing was measured")
            }
            throw error
        }
    }

    private func planUninterrupted(_ selection: RunSelection) throws(PlanError) -> Plan {
        try validate(selection)
        var notices: [String] = []
        let user = try userInterpreters(selection)
        let asked =
            selection.runtimes.isEmpty
            ? (selection.defaultRuntimes ?? Self.defaultRuntimes(suite: selection.suite, user: user))
            : selection.runtimes
        let baseline = selection.resolvedBaseline
        var ids = asked
        if !ids.contains(baseline) {
            ids.insert(baseline, at: 0)
            notices.append("added the baseline runtime \(baseline) to the runtimes asked for")
        }
        let counters =
            selection.countOpcodes
            ? Self.opcodeRuntimeIDs(
                for: ids, user: user.map(\.id), described: Set(try userRuntimes(selection).map(\.id))) : []
        let toolbox = workspace.toolbox(
            install: selection.install, needing: RuntimeRegistry.tools(for: ids + counters, user: user.map(\.id)))
        var factory = workspace.runtimeFactory(
            toolbox, install: selection.install, user: user,
            artifacts: (runFolder ?? workspace.runScratch).appendingPathComponent("artifacts"))
        factory.userRuntimes = try userRuntimes(selection)
        if selection.install, ids.map(\.description).contains(where: MatchedPairInterpreters.isPairSide),
            MatchedPairInterpreters.newestPair(in: workspace.home) == nil
        {
            buildMatchedPair(notices: &notices)
        }
        let runtimes = try ids.map { id throws(PlanError) in
            let runtime = try factory.runtime(id)
            return (runtime: runtime, info: runtime.describe())
        }
        for (id, info) in zip(ids, runtimes.map(\.info)) where !info.available {
            notices.append("\(id) not run: \(info.unavailableReason ?? "unavailable")")
        }
        let available = runtimes.filter(\.info.available).map(\.info.id)
        if available.filter(asked.map(\.description).contains).isEmpty {
            throw .environment("none of the runtimes asked for can run here: \(notices.joined(separator: "; "))")
        }
        if Set(ids).count > 2 && ids.contains(where: { !available.contains($0.description) }) {
            notices.append("running the runtimes that are available here: \(available.joined(separator: ", "))")
        }
        if !available.contains(baseline.description) {
            notices.append(
                "the baseline \(baseline) cannot run here, so no ratios are reported; pick another with --baseline")
        }
        var rejected: [Failure] = []
        var workloads = try workloads(selection, toolbox: toolbox, rejected: &rejected)
        workloads = try variants(of: workloads, selection, notices: &notices)
        var shard: Shard?
        if let asked = selection.shard {
            (workloads, shard) = try Self.slice(workloads, shard: asked)
            notices.append(
                "shard \(asked) of the workloads: \(workloads.map(\.info.id).joined(separator: ", ")); merge the shards with `wasmbench merge`"
            )
        }
        var plan = Plan(workloads: workloads, runtimes: runtimes, notices: notices, rejected: rejected, shard: shard)
        if selection.countOpcodes {
            plan.opcodeRuntimes = try counters.map {
                id throws(PlanError) in
                let runtime = try factory.runtime(id)
                return (runtime: runtime, info: runtime.describe())
            }
            if plan.opcodeRuntimes.isEmpty {
                plan.notices.append("--opcodes: none of the runtimes runs a Wasm module, so no opcodes were counted")
            }
        }
        return plan
    }

    /// The workloads of `shard`'s slice (see ``Shard``), and the shard with every workload id.
    ///
    /// - Throws: ``PlanError/usage(_:)`` for a shard that names no slice, or more shards than
    ///   workloads (a shard would be empty).
    public static func slice(_ workloads: [BuiltWorkload], shard: Shard) throws(PlanError)
        -> ([BuiltWorkload], Shard)
    {
        if let problem = shard.problem { throw .usage(problem) }
        let ids = workloads.map(\.info.id)
        guard shard.count <= Set(ids).count else {
            throw .usage(
                "--shard \(shard): \(shard.count) shards but only \(Set(ids).count) workloads, so some shards would be empty; use at most \(Set(ids).count) shards"
            )
        }
        let mine = shard.slice(of: ids)
        return (workloads.filter { mine.contains($0.info.id) }, shard.select(ids))
    }

    /// Builds the matched CPython pair the first time a side of it is asked for; a failed build
    /// leaves both sides unavailable with the reason, and the other runtimes still run.
    private func buildMatchedPair(notices: inout [String]) {
        workspace.progress(
            "setup: building the matched CPython pair once (about 8 minutes on 2 cores; `wasmbench python build` does the same)"
        )
        do {
            _ = try workspace.buildMatchedPair(
                source: .debianDefault, jobs: ProcessInfo.processInfo.activeProcessorCount)
        } catch {
            notices.append("the matched CPython pair could not be built: \(error.description)")
        }
    }

    /// Builds the suite (an error ends the plan) and loads the user's modules (a bad one is
    /// recorded as a failure and the others still run).
    private func workloads(_ selection: RunSelection, toolbox: Toolbox, rejected: inout [Failure]) throws(PlanError)
        -> [BuiltWorkload]
    {
        let progress = workspace.progress
        var built: [BuiltWorkload] = []
        do {
            if selection.suite == .python {
                built += try PythonSuite(installer: workspace.installer).workloads(only: selection.benchmarks) {
                    progress("setup: \($0)")
                }
            }
            if selection.runsKernels {
                var suite = try KernelSuite(
                    home: workspace.home, launcher: workspace.launcher, compiler: toolbox.compiler)
                // --strip compares a module with its custom sections against one without: the kernels
                // keep their name, producers and debug sections for it (the same code).
                suite.symbols = selection.kernelSymbols || selection.strip
                built += try suite.build(only: selection.kernels) { progress("setup: \($0)") }
            }
        } catch {
            switch error {
            case .unknownKernel: throw .invalidInput(error.description)
            default: throw .environment(error.description)
            }
        }
        let loader = UserModule(buildFolder: workspace.home.builds) { text in try WATConverter.wasm(fromWAT: text) }
        for path in selection.modules {
            var module: BuiltWorkload
            do {
                module = try loader.load(
                    path: path, function: selection.invoke, arguments: selection.arguments,
                    reportsMarkers: selection.markers, hosting: selection.hosting)
            } catch {
                rejected.append(
                    Failure(
                        runtime: "wasmbench", workload: path, process: nil, kind: .invalidModule,
                        message: error.description))
                continue
            }
            try Self.checkInvocation(&module, path: path)
            // Two files with the same name (a/x.wasm, b/x.wasm) stay apart.
            if built.contains(where: { $0.info.id == module.info.id }) {
                module.info.id += "#\(built.count + 1)"
                module.program.workload = module.info.id
            }
            built.append(module)
        }
        return built
    }

    /// Checks an invoked export's arguments against its signature, once for every runtime, and
    /// gives every runtime the same spelling of them (``InvokeSignature``); a module whose first
    /// sections do not parse is left to the runtimes, which each say why they reject it.
    ///
    /// - Throws: ``PlanError/usage(_:)`` naming the module, the export, its signature and the bad
    ///   argument (a missing export, a wrong count, a value that is not of its type).
    static func checkInvocation(_ module: inout BuiltWorkload, path: String) throws(PlanError) {
        guard case .invoke(let function, let arguments) = module.program.entry,
            let data = FileManager.default.contents(atPath: module.program.wasmPath)
        else { return }
        do {
            guard let signature = try InvokeSignature.read(function, module: [UInt8](data)) else { return }
            let canonical = try signature.canonical(arguments)
            module.program.entry = .invoke(function: function, arguments: canonical)
            module.program.parameterTypes = signature.type.parameters.map(InvokeSignature.name)
            module.info.arguments = canonical
        } catch {
            throw .usage("\(path): \(error.description)")
        }
    }
}
