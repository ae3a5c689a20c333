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

        /// The runtime id.
        public var id: String {
            switch self {
            case .cranelift: "wasmtime"
            case .winch: "wasmtime-winch"
            case .aot: "wasmtime-aot"
            }
        }
    }

    /// The mode.
    public let mode: Mode
    /// The wasmtime program, or why there is none.
    public let executable: String?
    /// The version it reported.
    public let version: String
    /// Why it is unavailable, when ``executable`` is nil.
    public let problem: String?
    /// Where it came from.
    public let source: String?
    /// Spawns it.
    public let launcher: ProcessLauncher

    /// Creates the runtime for one mode.
    public init(
        mode: Mode, executable: String?, version: String, problem: String?, source: String?, launcher: ProcessLauncher
    ) {
        self.mode = mode
        self.executable = executable
        self.version = version
        self.problem = problem
        self.source = source
        self.launcher = launcher
    }

    /// The runtime id.
    public var id: String { mode.id }

    /// The `-C` options every wasmtime command of this mode gets.
    var codegenOptions: [String] {
        mode == .winch ? ["-C", "cache=n", "-C", "compiler=winch"] : ["-C", "cache=n"]
    }

    /// Version, flags, availability and the phases this runtime exposes.
    public func describe() -> RuntimeInfo {
        var phases: [Phase] = [.startup, .execute, .wall]
        var notes = [
            "startup = spawn to the guest's first clock reading: wasmtime start-up, \(mode == .aot ? "artifact load" : "JIT compile of the whole module"), instantiation and WASI set-up",
            "execute is unavailable for --invoke (the CLI calls the function once and does not time it)",
        ]
        if mode == .aot {
            phases.insert(.aotCompile, at: 0)
            notes.append(
                "aot-compile = the whole `wasmtime compile` process (includes its own start-up); artifact-bytes = size of the .cwasm"
            )
            notes.append("aot-load is unavailable: the CLI loads the .cwasm inside `run`, so it is part of startup")
        }
        let flags = codegenOptions.filter { $0 != "-C" } + (mode == .aot ? ["precompiled"] : [])
        return RuntimeInfo(
            id: id, name: "wasmtime", version: version, kind: .subprocess, flags: flags, available: executable != nil,
            unavailableReason: problem, exposedPhases: phases, notes: notes, source: source)
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        executable == nil ? (problem ?? "wasmtime is not available") : nil
    }

    /// Runs the program once in a fresh process; failures are outcomes, never thrown.
    public func run(_ request: RunRequest) -> RunOutcome {
        guard let wasmtime = executable else { return .failure(.unsupported, problem ?? "wasmtime is not available") }
        let child = ChildRun(launcher: launcher, classify: Self.classify)
        var module = request.program.wasmPath
        var extra: [PhaseSample] = []
        if mode == .aot {
            let artifact = request.scratchDirectory + "/module.cwasm"
            let compile = ["compile"] + codegenOptions + [module, "-o", artifact]
            switch child.spawn(wasmtime, compile, request: request, name: "compile") {
            case .failure(let error):
                return .failure(.runtimeError, error.description)
            case .success(let finished):
                guard finished.result.termination == .exited(0) else {
                    let status = child.status(finished, report: GuestReport(parsing: ""), request: request)
                    return RunOutcome(samples: [], status: status, command: finished.command)
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: artifact)[.size] as? NSNumber)?
                    .doubleValue
                let command = finished.command
                let cpu = finished.result.userSeconds + finished.result.systemSeconds
                extra.append(PhaseSample(.aotCompile, .time, finished.result.wallSeconds, command: command))
                extra.append(PhaseSample(.aotCompile, .cpu, cpu, command: command))
                if let size { extra.append(PhaseSample(.aotCompile, .artifactBytes, size, command: command)) }
                module = artifact
            }
        }
        var arguments = ["run"] + codegenOptions + (mode == .aot ? ["--allow-precompiled"] : [])
        switch request.program.entry {
        case .command:
            arguments += [module] + request.program.commandArguments(iterations: request.iterations)
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
