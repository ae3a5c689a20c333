import WasmBenchModel
import WasmBenchRuntime
import WasmKit

/// WasmKit, the Swift WebAssembly interpreter, embedded in wasmbench and run in a worker process.
///
/// Each run times four things apart on CLOCK_MONOTONIC:
/// - `parse`: `WasmKit.parseWasm(bytes:)` on bytes already read into memory;
/// - `instantiate`: linking the WASI imports and instantiating on a fresh store whose engine
///   translates lazily, so no function is translated;
/// - `compile`: the same on another fresh store whose engine translates eagerly (WasmKit translates
///   inside `instantiate` and has no public call that translates on its own);
/// - `execute`: the guest's `_start` or the command export its hosting names (when the guest
///   prints no markers), or each call of an invoked export, on the eagerly translated instance, so
///   no translation happens while it runs.
///
/// The guest gets the module's file name and its arguments, the worker's standard streams, and only
/// the environment variables and folders its ``GuestHosting`` declares (none for the kernels); the
/// folders are preopened read-write, since WasmKit 0.4.2 cannot preopen read-only. With
/// ``GuestHosting/trapUnknownImports``, function imports WASI does not provide are linked as
/// functions that end the run as a trap when called. A trap, a non-zero exit or a module WasmKit
/// rejects is a ``RunStatus/failed(_:_:)`` status, never a crash of the worker.
public struct WasmKitEngine: InProcessEngine {
    /// The WasmKit package version this adapter is built against (pinned exactly in `Package.swift`).
    public static let wasmKitVersion = "0.4.2"

    /// The interpreter stack given to every engine, in bytes (WasmKit's default is 512 KiB).
    ///
    /// Recursive kernels need more than the default; the size is recorded in the flags.
    public static let interpreterStackBytes = 8 << 20

    /// The runtime id, `wasmkit`.
    public let id = "wasmkit"

    /// Creates the engine adapter.
    public init() {}

    /// Version, flags (as actually configured), exposed phases and what each phase means here.
    public func describe() -> RuntimeInfo {
        RuntimeInfo(
            id: id,
            name: "WasmKit",
            version: Self.wasmKitVersion,
            kind: .inProcess,
            flags: Self.flags(of: Engine(configuration: Self.configuration(.eager)).configuration),
            available: true,
            exposedPhases: [.parse, .compile, .instantiate, .startup, .execute, .wall],
            notes: Self.notes,
            source: "Swift package swiftwasm/WasmKit \(Self.wasmKitVersion), linked into wasmbench"
        )
    }

    /// Always `nil`: WasmKit runs WASI commands and invoked exports alike, with any
    /// ``GuestHosting`` (mounts, environment, command export, imports linked as traps).
    ///
    /// Whether the module itself is acceptable is only known once it is parsed and translated; a
    /// module WasmKit rejects fails its run with ``FailureKind/invalidModule``.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        nil
    }

    /// Runs the program once in this process and reports the host-timed phases.
    ///
    /// Never throws and never stops the process on bad input: an unreadable file is a
    /// ``FailureKind/runtimeError``, as is a mounted folder that cannot be opened; a malformed,
    /// invalid or unlinkable module, or one lacking the command's entry (or whose entry takes
    /// arguments or returns results) an ``FailureKind/invalidModule``; a trap (a call of an import
    /// linked as a trap included) a ``FailureKind/trap`` and a non-zero exit status a
    /// ``FailureKind/nonZeroExit``; samples measured before the failure are kept.
    public func runInWorker(_ request: RunRequest) -> WorkerReport {
        var run = WasmKitRun(request: request)
        let status: RunStatus
        do {
            try run.perform()
            status = .completed
        } catch {
            status = .failed(error.kind, error.message)
        }
        return WorkerReport(
            samples: run.samples, status: status, entryRealtimeNanoseconds: run.entryRealtimeNanoseconds,
            opcodeTally: run.opcodeTally())
    }
}

extension WasmKitEngine {
    /// The engine configuration used for a compilation mode: everything else is the same.
    static func configuration(_ mode: EngineConfiguration.CompilationMode) -> EngineConfiguration {
        EngineConfiguration(compilationMode: mode, stackSize: interpreterStackBytes)
    }

    /// The flags of the engine that runs the guest, read back from the engine (which may have
    /// fallen back from the requested bounds checking).
    static func flags(of configuration: EngineConfiguration) -> [String] {
        let compilation =
            switch configuration.compilationMode {
            case .eager: "eager"
            case .lazy: "lazy"
            }
        let threading =
            switch configuration.threadingModel {
            case .direct: "direct"
            case .token: "token"
            }
        let boundsCheck =
            switch configuration.memoryBoundsChecking {
            case .mprotect: "mprotect"
            case .software: "software"
            }
        return [
            "compilation=\(compilation)",
            "threading=\(threading)",
            "bounds-check=\(boundsCheck)",
            "interpreter-stack=\(configuration.stackSize >> 20)MiB",
            "features=\(featureNames(configuration).joined(separator: ","))",
            "fuel=\(configuration.fuelMetering ? "on" : "off")",
            "swift-build=\(swiftBuildConfiguration)",
        ]
    }

    /// The proposals enabled beyond the core specification, in WasmKit's order.
    ///
    /// Spelled with implicit members so that WasmParser (which declares the set) need not be
    /// imported: this target depends on the WasmKit product only.
    private static func featureNames(_ configuration: EngineConfiguration) -> [String] {
        let features = configuration.features
        let named = [
            ("memory64", features.contains(.memory64)),
            ("reference-types", features.contains(.referenceTypes)),
            ("threads", features.contains(.threads)),
            ("tail-call", features.contains(.tailCall)),
            ("simd", features.contains(.simd)),
            ("exception-handling", features.contains(.exceptionHandling)),
            ("function-references", features.contains(.functionReferences)),
            ("multi-memory", features.contains(.multiMemory)),
            ("gc", features.contains(.gc)),
        ]
        return named.filter(\.1).map(\.0)
    }

    /// Whether wasmbench (and WasmKit with it) was built optimised: a debug build interprets
    /// about 100 times slower, so its numbers must not be compared with anything.
    private static var swiftBuildConfiguration: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }

    /// What each phase means for WasmKit.
    static let notes: [String] = [
        "parse = WasmKit.parseWasm(bytes:) on bytes already in memory: it decodes every section and "
            + "checks section order and sizes, the function/code and data-count consistency and constant "
            + "expressions; function bodies are kept as raw bytes, not decoded or validated",
        "instantiate = a fresh engine (lazy translation) and store, linking the WASI imports (and the imports "
            + "linked as traps, when the workload asks for them) and Module.instantiate: module-level validation "
            + "(limits, start function, tags), import matching, memories, tables and data/element segments, but no "
            + "function translated",
        "compile = instantiate with eager translation of every function (WasmKit translates inside "
            + "instantiate); instantiate alone is timed separately with lazy translation. Function bodies "
            + "are decoded and validated here, so an invalid body is reported at this phase",
        "execute = the guest runs on the eagerly translated instance (no translation while it runs); "
            + "for a command without markers, the whole call of _start (or of the command export the workload "
            + "names); for an invoked export, each call (arguments parsed before the clock starts, one interpreter "
            + "stack reused across calls)",
        "startup = from the call of the command's entry to the guest's first clock reading",
        "the guest sees its file name and arguments, the worker's stdout and stderr, and only the environment "
            + "variables and folders the workload declares; the folders are preopened read-write (WasmKit 0.4.2 "
            + "cannot preopen read-only)",
        "a module with a start section runs it in both instantiations",
        "features lists WasmKit's optional proposals that are on (its defaults); SIMD, tail calls, "
            + "bulk memory, multi-value and the other finished proposals are decoded whatever it says",
        "a .wat file is converted to binary before the clock starts (WasmKit's wat2wasm)",
    ]
}
