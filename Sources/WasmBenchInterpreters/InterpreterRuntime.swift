import WasmBenchModel
import WasmBenchRuntime

/// An interpreter on a host, as one runtime: `wasi-python3.15@wasmtime-aot`, `micropython-wasi@wasmkit`,
/// or a native interpreter (`pypy3`) on the native runtime.
///
/// It rewrites each script workload into the interpreter's program (see ``Interpreter``) and lets
/// the host run it, so every phase the host exposes (compile, AOT, instantiate of the interpreter
/// itself) is measured as for any module, plus what the guest runner reports: `startup` (to the
/// runner's first clock reading), `import` (loading the benchmark) and each iteration.
public struct InterpreterRuntime: BenchmarkRuntime {
    /// The interpreter.
    public let interpreter: Interpreter
    /// The runtime that runs it (the native runtime for native builds).
    public let host: any BenchmarkRuntime

    /// The host's: the interpreter is the host's guest.
    public var writesGuestProfiles: Bool { host.writesGuestProfiles }
    /// The host path of wasmbench's guest runner (`wasmbench_runner.py`).
    public let runner: String

    /// Creates the pair.
    public init(interpreter: Interpreter, host: any BenchmarkRuntime, runner: String) {
        self.interpreter = interpreter
        self.host = host
        self.runner = runner
    }

    /// `INTERPRETER@HOST` for Wasm builds, the interpreter's id for native ones.
    public var id: String {
        if case .native = interpreter.build { return interpreter.id }
        return "\(interpreter.id)@\(host.id)"
    }

    /// The host's description, renamed and marked with the interpreter's version and provenance.
    public func describe() -> RuntimeInfo {
        var info = host.describe()
        let hostName = info.name
        let hostVersion = info.version
        info.id = id
        info.name = interpreter.id
        info.version = interpreter.languageVersion
        info.source = interpreter.provenance
        info.build = interpreter.buildRecord
        if let problem = interpreter.unavailableReason {
            info.available = false
            info.unavailableReason = problem
        }
        if case .wasm = interpreter.build {
            info.flags = ["host=\(host.id)", "host-version=\(hostVersion)"] + info.flags
            info.notes.insert(
                "\(interpreter.id) \(interpreter.languageVersion) running on \(hostName) \(hostVersion)", at: 0)
        }
        info.exposedPhases = Array(Set(info.exposedPhases + [.startup, .import, .execute])).sorted()
        info.notes.removeAll { $0.hasPrefix("startup =") || $0.hasPrefix("execute is unavailable for --invoke") }
        info.notes.append(
            "startup = from the process spawn (the _start call for an in-process host) to the guest runner's first clock reading: the host's own start-up and phases, then the interpreter's start-up; import = loading the benchmark file; execute = one call of the benchmark per iteration"
        )
        return info
    }

    /// Why the pair cannot run the workload, or nil.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        if let problem = interpreter.unavailableReason { return problem }
        guard let rewritten = interpreter.program(for: program, runner: runner) else {
            return "\(program.workload) is not a script workload; run it on a runtime without an interpreter"
        }
        return host.unsupportedReason(for: rewritten)
    }

    /// Runs the interpreter with the runner and the benchmark on the host.
    public func run(_ request: RunRequest) -> RunOutcome {
        guard let rewritten = interpreter.program(for: request.program, runner: runner) else {
            return .failure(.unsupported, "\(request.program.workload) is not a script workload")
        }
        var forwarded = request
        forwarded.program = rewritten
        return host.run(forwarded)
    }
}
