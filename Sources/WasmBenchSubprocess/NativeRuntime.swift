import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// Runs a workload's native executable, built from the same source by the same compiler.
///
/// Exposes `startup` (spawn to the guest's first clock reading), per-iteration `execute` from the
/// guest's markers, and `wall` with CPU time and peak RSS. Nothing else: there is no module to
/// parse, compile or instantiate.
public struct NativeRuntime: BenchmarkRuntime {
    /// Spawns the executable.
    public let launcher: ProcessLauncher
    /// The compiler that built the native side, for the runtime's version field.
    public let compilerDescription: String

    /// Creates the native runtime.
    public init(launcher: ProcessLauncher, compilerDescription: String) {
        self.launcher = launcher
        self.compilerDescription = compilerDescription
    }

    /// The runtime id.
    public var id: String { "native" }

    /// Version, flags, availability and the phases this runtime exposes.
    public func describe() -> RuntimeInfo {
        RuntimeInfo(
            id: id, name: "native", version: compilerDescription, kind: .native, flags: [], available: true,
            exposedPhases: [.startup, .execute, .wall],
            notes: ["startup = process spawn to the guest's first clock reading (exec, dynamic loading, libc init)"])
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        program.needsInterpreterReason
            ?? (program.nativePath == nil ? "\(program.workload) has no native build (only a .wasm was given)" : nil)
    }

    /// Runs the program once in a fresh process; failures are outcomes, never thrown.
    public func run(_ request: RunRequest) -> RunOutcome {
        guard let native = request.program.nativePath else {
            return .failure(.unsupported, unsupportedReason(for: request.program) ?? "no native build")
        }
        let child = ChildRun(launcher: launcher, classify: { _ in nil })
        let arguments = request.program.commandArguments(iterations: request.iterations)
        switch child.spawn(native, arguments, environment: request.program.hosting.environment, request: request) {
        case .success(let finished):
            return child.outcome(finished, request: request)
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        }
    }
}
