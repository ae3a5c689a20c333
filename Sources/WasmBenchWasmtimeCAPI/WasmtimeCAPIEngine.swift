import Foundation
import WasmBenchInstrument
import WasmBenchModel
import WasmBenchRuntime

/// Wasmtime embedded through its C API: libwasmtime from the PyPI `wasmtime` wheel, loaded with
/// `dlopen` inside wasmbench's worker process.
///
/// Each run compiles the module with Cranelift (`compile`), serializes it (its size is the
/// `aot-compile` artifact), deserializes it (`aot-load`), instantiates the deserialized module
/// with WASI preview 1 (`instantiate`) and calls the command's entry (`_start` or the command
/// export its ``GuestHosting`` names) or the invoked export (`execute`), each step timed on the
/// host. The compile cache is off. The guest gets only the folders (read-only) and environment
/// variables its hosting declares; with ``GuestHosting/trapUnknownImports``, function imports WASI
/// does not provide are linked as functions that trap when called.
public struct WasmtimeCAPIEngine: InProcessEngine {
    /// The mode and flags of every run: Cranelift at opt-level speed, no compile cache.
    public static let flags = ["strategy=cranelift", "opt-level=speed", "cache=off"]

    /// The shared library's path, or `nil` when none was found.
    public let libraryPath: String?
    /// The wasmtime version the library belongs to (the wheel's version: the C API reports none).
    public let version: String
    /// Why the engine cannot run here, as the caller found out; `nil` if nothing is known against it.
    public let unavailableReason: String?

    /// Describes the engine at `libraryPath`.
    ///
    /// - Parameters:
    ///   - libraryPath: `wasmtime/<platform>/_libwasmtime.so` inside an installed `wasmtime` wheel.
    ///   - version: the wheel's version (libwasmtime has no version function).
    ///   - unavailableReason: why it cannot be used (e.g. the install failed), with what to do.
    public init(libraryPath: String?, version: String, unavailableReason: String?) {
        self.libraryPath = libraryPath
        self.version = version
        self.unavailableReason = unavailableReason
    }

    /// `wasmtime-capi`.
    public var id: String { "wasmtime-capi" }

    /// Version, flags and phases; unavailable without a readable library file. Does not load the
    /// library: a library lacking a C API function fails its runs with a message naming it.
    public func describe() -> RuntimeInfo {
        let reason = availabilityProblem()
        return RuntimeInfo(
            id: id, name: "wasmtime (C API)", version: version, kind: .inProcess, flags: Self.flags,
            available: reason == nil, unavailableReason: reason,
            exposedPhases: [.compile, .aotCompile, .aotLoad, .instantiate, .startup, .execute, .wall],
            notes: Self.notes, source: libraryPath.map { "\($0) (PyPI wasmtime \(version))" })
    }

    /// Why the engine cannot run `program`: only when it is unavailable. Invoke arguments are
    /// checked against the function's type at run time.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        availabilityProblem()
    }

    /// Runs the program once in this process and reports the host-timed phases.
    ///
    /// A missing module file or library, or a mounted folder wasmtime cannot open, is a
    /// `runtime-error`; a module wasmtime rejects, cannot link (imports beyond WASI preview 1 that
    /// are not linked as traps) or that lacks the entry (or whose command entry takes arguments or
    /// returns results) is an `invalid-module`; a call of an import linked as a trap is a `trap`; invoke
    /// arguments that do not fit the function are `unsupported`; traps and non-zero exits are
    /// recorded as such. Samples gathered before a failure are kept.
    public func runInWorker(_ request: RunRequest) -> WorkerReport {
        if let problem = availabilityProblem() {
            return WorkerReport(samples: [], status: .failed(.runtimeError, problem))
        }
        guard let libraryPath else {
            return WorkerReport(samples: [], status: .failed(.runtimeError, Self.noLibraryMessage))
        }
        let program = request.program
        guard let module = FileManager.default.contents(atPath: program.wasmPath) else {
            let message =
                "cannot read the module \(program.wasmPath); check that it exists and is readable "
                + "(rebuild the workload if it was deleted)"
            return WorkerReport(samples: [], status: .failed(.runtimeError, message))
        }
        let library: WasmtimeCAPILibrary
        do {
            library = try WasmtimeCAPILibrary(path: libraryPath)
        } catch {
            return WorkerReport(samples: [], status: .failed(.runtimeError, error.description))
        }
        var bytes = [UInt8](module)
        var instrumented: InstrumentedModule?
        if request.countOpcodes {
            do {
                instrumented = try ModuleInstrumenter.instrument(bytes)
            } catch {
                return WorkerReport(samples: [], status: .failed(.invalidModule, error.description))
            }
            bytes = instrumented?.bytes ?? bytes
        }
        let measurement = run(
            program, module: bytes, iterations: request.iterations, in: library,
            copyMemory: instrumented.map { (ModuleInstrumenter.counterMemoryExport, $0.counterBytes) })
        let hostTimesCommand = program.entryFunction == nil && !program.reportsMarkers
        return WorkerReport(
            samples: measurement.samples(hostTimesCommand: hostTimesCommand), status: measurement.status,
            entryRealtimeNanoseconds: measurement.entryRealtimeNanoseconds,
            opcodeTally: instrumented.map { module in module.opcodeTally(counterMemory: measurement.memoryCopy ?? []) })
    }

    private func run(
        _ program: GuestProgram, module: [UInt8], iterations: Int, in library: WasmtimeCAPILibrary,
        copyMemory: (export: String, length: Int)?
    ) -> WasmtimeCAPIMeasurement {
        let name = program.wasmPath.split(separator: "/").last.map(String.init) ?? program.wasmPath
        switch program.entry {
        case .command:
            return library.run(
                module: module, argv: [name] + program.commandArguments(iterations: iterations),
                hosting: program.hosting, copyMemory: copyMemory)
        case .invoke(let function, let arguments):
            return library.run(
                module: module, argv: [name], function: function, arguments: arguments, iterations: iterations,
                hosting: program.hosting, copyMemory: copyMemory)
        }
    }

    private func availabilityProblem() -> String? {
        if let unavailableReason { return unavailableReason }
        guard let libraryPath else { return Self.noLibraryMessage }
        guard FileManager.default.isReadableFile(atPath: libraryPath) else {
            return "libwasmtime is not readable at \(libraryPath); reinstall the PyPI `wasmtime` wheel (\(version))"
        }
        return nil
    }

    private static let noLibraryMessage =
        "no libwasmtime was found; it comes from the PyPI `wasmtime` wheel "
        + "(python3 -m pip install --no-deps --target DIR wasmtime==50.0.1)"

    private static let notes = [
        "compile: wasmtime_module_new, i.e. validation plus Cranelift compilation (opt-level speed, "
            + "wasmtime's default parallel compilation); the C API's compile cache is never configured, so it is off",
        "aot-compile: only the artifact-bytes metric, the size of wasmtime_module_serialize's output for the "
            + "compiled module; no time is reported, since the compilation itself is the compile phase",
        "aot-load: wasmtime_module_deserialize of those bytes; the deserialized module is the one that runs",
        "instantiate: wasmtime_linker_instantiate with WASI preview 1 (argv, inherited stdout and stderr, "
            + "only the folders the workload declares, read-only, and only the environment variables it declares); "
            + "store and linker set-up (linking unknown imports as traps, when the workload asks, included) "
            + "are not included",
        "execute: each call of an invoked export, timed on the host; for a command that does not time itself, "
            + "the host-timed call of _start or of the command export the workload names (libc start-up included)",
        "startup: from just before the command's entry is called to the guest's first own clock reading",
        "wall: the whole worker process, loading libwasmtime included",
    ]
}

extension GuestProgram {
    /// The invoked function's name, or `nil` for a WASI command.
    fileprivate var entryFunction: String? {
        guard case .invoke(let function, _) = entry else { return nil }
        return function
    }
}
