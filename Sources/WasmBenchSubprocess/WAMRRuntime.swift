import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// A Zig port of WAMR (the WebAssembly Micro Runtime) from PyPI `wamr-bin` and `wamrc-bin`: not
/// the Bytecode Alliance's WAMR. Its `wamr` runs ahead-of-time artifacts only, so every process
/// is `wamrc compile` (timed, with the artifact's size) then `wamr run` of the artifact.
///
/// The guest gets WASI with no folders and an empty environment. `wamr run` has no way to call an
/// export, so only commands entered through `_start` run.
public struct WAMRRuntime: BenchmarkRuntime {
    /// The runtime id.
    public static let id = "wamr-aot"
    /// The `wamr` runtime program, or nil.
    public let wamr: String?
    /// The `wamrc` compiler program, or nil.
    public let wamrc: String?
    /// The version `wamr version` reported.
    public let version: String
    /// Why it is unavailable, when either program is missing.
    public let unavailableReason: String?
    /// Where the programs came from.
    public let source: String?
    /// Spawns them.
    public let launcher: ProcessLauncher
    /// Where this run keeps artifacts that workloads allow to be reused across processes.
    public let artifactFolder: String?

    /// Creates the runtime.
    public init(
        wamr: String?, wamrc: String?, version: String, unavailableReason: String?, source: String?,
        launcher: ProcessLauncher, artifactFolder: String? = nil
    ) {
        self.wamr = wamr
        self.wamrc = wamrc
        self.version = version
        self.unavailableReason = unavailableReason
        self.source = source
        self.launcher = launcher
        self.artifactFolder = artifactFolder
    }

    /// The runtime id.
    public var id: String { Self.id }

    /// The options of every `wamrc compile`: its IR optimisations off. With them on, wamrc
    /// 3.0.0-dev.14 miscompiles the C start-up code of every kernel (the guest grows its memory
    /// to 4 GiB and exits with status 70 before `main`); at `-O0` every kernel passes its check.
    static let compileOptions = ["-O0"]

    /// What `wamr run` can host: plain commands through `_start`.
    static let hosting = PlainHosting(engine: "wamr", entersOtherExports: false, invokes: false)

    /// Why it cannot run anything here, or nil when both programs are there.
    var missing: String? {
        wamr != nil && wamrc != nil ? nil : (unavailableReason ?? "wamr and wamrc are not installed")
    }

    /// Version, flags, availability and the phases this runtime exposes.
    public func describe() -> RuntimeInfo {
        RuntimeInfo(
            id: id, name: "wamr (Zig port)", version: version, kind: .subprocess, flags: ["aot"] + Self.compileOptions,
            available: missing == nil, unavailableReason: missing, exposedPhases: [.aotCompile, .execute, .wall],
            notes: [
                "not the Bytecode Alliance's WAMR: a Zig port of it from PyPI (wamr-bin and wamrc-bin), ahead-of-time only",
                "aot-compile = the whole `wamrc compile -O0` process (includes its own start-up); artifact-bytes = size of the .cwasm",
                "compiled at -O0: with its IR optimisations on, this wamrc miscompiles the kernels' C start-up (the guest exits with status 70)",
                "startup is unavailable: this wamr's WASI realtime clock reads the monotonic clock (time since boot), so the guest's start marker cannot be set against the spawn",
                "execute comes from the guest's monotonic clock, which this wamr reads in whole microseconds",
            ], source: source)
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        program.needsInterpreterReason ?? missing ?? Self.hosting.problem(program)
    }

    /// Compiles the module with `wamrc`, then runs the artifact in a fresh `wamr` process;
    /// failures are outcomes, never thrown.
    public func run(_ request: RunRequest) -> RunOutcome {
        if let reason = unsupportedReason(for: request.program) { return .failure(.unsupported, reason) }
        guard let wamr, let wamrc else { return .failure(.unsupported, missing ?? "wamr is not available") }
        let child = ChildRun(launcher: launcher, classify: Self.classify)
        let module = request.program.wasmPath
        let compile = AheadOfTimeCompile(
            compiler: wamrc, arguments: { ["compile"] + Self.compileOptions + [module, "-o", $0] },
            options: Self.compileOptions, fileExtension: "cwasm", artifactFolder: artifactFolder)
        let compiled: AheadOfTimeCompile.Compiled
        switch compile.run(request, child: child) {
        case .success(let artifact): compiled = artifact
        case .failure(let early): return early.outcome
        }
        let arguments = ["run", compiled.artifact] + request.program.commandArguments(iterations: request.iterations)
        switch child.spawn(wamr, arguments, request: request) {
        case .success(let finished):
            return child.outcome(finished, request: request, extra: compiled.samples)
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        }
    }

    /// Reads wamr's and wamrc's stderr: a trap, a rejected module, or neither.
    static let classify: @Sendable (String) -> FailureKind? = { stderr in
        if stderr.contains("WasmTrap") { return .trap }
        let rejected = ["no _start or main function", "InvalidModule", "Malformed", "Unsupported"]
        return rejected.contains(where: stderr.contains) ? .invalidModule : nil
    }
}
