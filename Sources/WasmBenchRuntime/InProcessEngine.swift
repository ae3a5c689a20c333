import Foundation
import WasmBenchModel

/// An engine embedded in wasmbench (WasmKit, libwasmtime).
///
/// Its runs happen inside a worker process of ours (`wasmbench _worker`), so that a hang can be
/// killed at the time limit, a crash does not take the harness down, and peak memory is the run's
/// own. The worker calls ``runInWorker(_:)``; the guest's standard output is the worker's.
public protocol InProcessEngine: Sendable {
    /// The runtime id.
    var id: String { get }

    /// Version, flags, availability and exposed phases (as ``BenchmarkRuntime/describe()``).
    func describe() -> RuntimeInfo

    /// Why this engine cannot run the program, or `nil` if it can.
    func unsupportedReason(for program: GuestProgram) -> String?

    /// Runs the program once in this process and reports the host-side phases.
    func runInWorker(_ request: RunRequest) -> WorkerReport
}

/// What a worker process hands back to the harness (as JSON in a file).
public struct WorkerReport: Codable, Sendable, Equatable {
    /// Host-timed phases (parse, compile, instantiate, execute for invoked functions…).
    public var samples: [PhaseSample]
    /// How the run ended.
    public var status: RunStatus
    /// CLOCK_REALTIME just before the guest's entry was called, to measure start-up against the
    /// guest's own `wasmbench:start` reading.
    public var entryRealtimeNanoseconds: UInt64?
    /// The Wasm instructions executed, for a request that asked to count them.
    public var opcodeTally: OpcodeTally?

    /// Creates a report.
    public init(
        samples: [PhaseSample], status: RunStatus, entryRealtimeNanoseconds: UInt64? = nil,
        opcodeTally: OpcodeTally? = nil
    ) {
        self.opcodeTally = opcodeTally
        self.samples = samples
        self.status = status
        self.entryRealtimeNanoseconds = entryRealtimeNanoseconds
    }
}

/// Why a worker process could not run its request: the request file could not be read or
/// decoded, or the report could not be written.
public struct WorkerFileError: Error, Sendable {
    /// Which file failed.
    public enum Kind: Sendable { case request, report }
    /// Which file failed.
    public var kind: Kind
    /// What happened, naming the file.
    public var message: String
}

extension InProcessEngine {
    /// Reads a request from `requestPath`, runs it in this process and writes the report to
    /// `reportPath` atomically: what `wasmbench _worker` does.
    ///
    /// - Throws: ``WorkerFileError`` when the request cannot be read or the report written; a
    ///   failed run is a report, not an error.
    public func runInWorker(requestPath: String, reportPath: String) throws(WorkerFileError) {
        guard let data = FileManager.default.contents(atPath: requestPath) else {
            throw WorkerFileError(kind: .request, message: "cannot read the worker request \(requestPath)")
        }
        let request: RunRequest
        do {
            request = try JSONDecoder().decode(RunRequest.self, from: data)
        } catch {
            throw WorkerFileError(kind: .request, message: "the worker request \(requestPath) does not parse: \(error)")
        }
        do {
            try JSONEncoder().encode(runInWorker(request)).write(to: URL(fileURLWithPath: reportPath), options: .atomic)
        } catch {
            throw WorkerFileError(
                kind: .report, message: "cannot write the worker report \(reportPath): \(error.localizedDescription)")
        }
    }
}
