import WasmBenchModel

/// One measurement made during a run, before it is filed as a ``Row``.
public struct PhaseSample: Codable, Sendable, Equatable {
    /// The phase.
    public var phase: Phase
    /// What is measured.
    public var metric: Metric
    /// The value, in the metric's unit.
    public var value: Double
    /// The iteration, for per-iteration phases.
    public var iteration: Int?
    /// The command line that measured this sample, when it is not the run's main command (e.g. the
    /// `wasmtime compile` step of an AOT run).
    public var command: String?

    /// Creates a sample.
    public init(
        _ phase: Phase, _ metric: Metric = .time, _ value: Double, iteration: Int? = nil, command: String? = nil
    ) {
        self.phase = phase
        self.metric = metric
        self.value = value
        self.iteration = iteration
        self.command = command
    }
}

/// How a run ended, as far as the benchmark is concerned.
public enum RunStatus: Codable, Sendable, Equatable {
    /// It ran to the end and its self-check (if any) passed.
    case completed
    /// It failed; the samples gathered before the failure are still kept.
    case failed(FailureKind, String)
}

/// Everything one run produced: samples, how it ended and how to run it again.
public struct RunOutcome: Codable, Sendable, Equatable {
    /// The measurements, in the order they were made.
    public var samples: [PhaseSample]
    /// How it ended.
    public var status: RunStatus
    /// The command line of the child process, for runs in a child.
    public var command: String?
    /// The Wasm instructions the run executed, when it was asked to count them
    /// (``RunRequest/countOpcodes``) and its runtime can; kept when the run trapped.
    public var opcodeTally: OpcodeTally?
    /// What the guest's passing self-check reported (``GuestReport/checkValue``), if anything.
    public var checkValue: String?

    /// Creates an outcome.
    public init(samples: [PhaseSample], status: RunStatus, command: String? = nil) {
        self.samples = samples
        self.status = status
        self.command = command
    }

    /// An outcome with no samples.
    public static func failure(_ kind: FailureKind, _ message: String, command: String? = nil) -> RunOutcome {
        RunOutcome(samples: [], status: .failed(kind, message), command: command)
    }
}
