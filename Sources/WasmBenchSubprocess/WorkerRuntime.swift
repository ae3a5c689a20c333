import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchRuntime

/// Runs an embedded engine (WasmKit, libwasmtime) inside a worker process of ours.
///
/// The worker is wasmbench itself (`wasmbench _worker --engine ID --request FILE --report FILE`):
/// the engine's own phases come back in the report file, the guest's markers on the worker's
/// stdout, and wall time, CPU time and peak RSS from the worker process. A worker that hangs is
/// killed at the time limit; one that crashes becomes a recorded failure.
public struct WorkerRuntime: BenchmarkRuntime {
    /// The engine the worker will run.
    public let engine: any InProcessEngine
    /// wasmbench's own executable.
    public let workerExecutable: String
    /// Spawns the worker.
    public let launcher: ProcessLauncher
    /// Extra worker arguments the engine needs to be rebuilt in the worker (e.g. `--library PATH`).
    public let engineArguments: [String]

    /// Creates the adapter.
    public init(
        engine: any InProcessEngine, workerExecutable: String, launcher: ProcessLauncher, engineArguments: [String] = []
    ) {
        self.engine = engine
        self.workerExecutable = workerExecutable
        self.launcher = launcher
        self.engineArguments = engineArguments
    }

    /// The runtime id.
    public var id: String { engine.id }

    /// Version, flags, availability and the phases this runtime exposes.
    public func describe() -> RuntimeInfo {
        var info = engine.describe()
        info.notes.append("runs inside a wasmbench worker process; wall, cpu and peak-rss are the worker's")
        return info
    }

    /// Why this runtime cannot run the program, or `nil`.
    public func unsupportedReason(for program: GuestProgram) -> String? {
        program.needsInterpreterReason ?? engine.unsupportedReason(for: program)
    }

    /// Runs the program once in a fresh process; failures are outcomes, never thrown.
    public func run(_ request: RunRequest) -> RunOutcome {
        let requestPath = request.scratchDirectory + "/worker-request.json"
        let reportPath = request.scratchDirectory + "/worker-report.json"
        do {
            try JSONEncoder().encode(request).write(to: URL(fileURLWithPath: requestPath))
        } catch {
            return .failure(
                .runtimeError, "cannot write \(requestPath) (\(FileSystem.reason(error))); check the cache folder")
        }
        let arguments =
            ["_worker", "--engine", engine.id, "--request", requestPath, "--report", reportPath] + engineArguments
        let child = ChildRun(launcher: launcher, classify: { _ in nil })
        switch child.spawn(workerExecutable, arguments, request: request) {
        case .failure(let error):
            return .failure(.runtimeError, error.description)
        case .success(let finished):
            guard let data = FileManager.default.contents(atPath: reportPath),
                let report = try? JSONDecoder().decode(WorkerReport.self, from: data)
            else {
                var outcome = child.outcome(finished, request: request)
                if case .completed = outcome.status {
                    outcome.status = .failed(
                        .runtimeError, "the worker wrote no report\(ChildRun.tail(finished.stderr))")
                }
                return outcome
            }
            var outcome = child.outcome(
                finished, request: request, entryRealtimeNanoseconds: report.entryRealtimeNanoseconds,
                extra: report.samples)
            if case .failed = report.status {
                outcome.status = GuestOutcome.refine(report.status, stdout: finished.stdout, program: request.program)
            }
            outcome.opcodeTally = report.opcodeTally
            if report.entryRealtimeNanoseconds == nil {
                outcome.samples.removeAll { $0.phase == .startup }
            }
            return outcome
        }
    }
}
