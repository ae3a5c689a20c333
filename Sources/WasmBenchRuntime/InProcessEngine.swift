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

    /// Creates a report.
    public init(samples: [PhaseSample], status: RunStatus, entryRealtimeNanoseconds: UInt64? = nil) {
        self.samples = samples
        self.status = status
        self.entryRealtimeNanoseconds = entryRealtimeNanoseconds
    }
}
