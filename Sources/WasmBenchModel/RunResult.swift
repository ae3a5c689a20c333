/// The version of the JSON artifact's layout. Readers check it first and refuse other versions.
public let schemaVersion = 1

/// The saved artifact of a run: raw rows plus what is needed to interpret and re-derive them.
public struct RunResult: Codable, Sendable, Equatable {
    /// The layout version; see ``WasmBenchModel/schemaVersion``.
    public var schemaVersion: Int
    /// The wasmbench version that wrote it.
    public var toolVersion: String
    /// When the run started, ISO 8601.
    public var startedAt: String
    /// When the run ended, ISO 8601; `nil` while it is still going.
    public var finishedAt: String?
    /// Whether every planned cell ran (false for an interrupted or stopped run).
    public var complete: Bool
    /// The machine fingerprint.
    public var machine: MachineInfo
    /// The settings.
    public var configuration: RunConfiguration
    /// Every runtime asked for, with version, flags and availability.
    public var runtimes: [RuntimeInfo]
    /// Every workload, with hashes and build records.
    public var workloads: [WorkloadInfo]
    /// The raw measurements.
    public var rows: [Row]
    /// Failed processes and skipped cells.
    public var failures: [Failure]
    /// Per workload × runtime × phase × metric statistics, derived from ``rows``.
    public var summaries: [Summary]
    /// Geometric means of ratios to the baseline per runtime, derived from ``rows``.
    public var geometricMeans: [GeometricMean]
    /// When each ahead-of-time runtime's compile pays for itself against its just-in-time
    /// counterpart, per workload (empty when the run has no such pair).
    public var crossovers: [AOTCrossover] = []
    /// How each phase grows with a workload's problem size (`run --param`) and with the module's
    /// size; empty when the run has neither a sweep nor workloads of three module sizes.
    public var sizeFits: [SizeFit] = []
    /// Things the reader should know about the run as a whole (fallbacks, unavailable runtimes).
    public var notices: [String]
    /// The folder that keeps every file the recorded commands name (AOT artifacts, worker
    /// requests, driver inputs, captured output), so each command runs again after the run;
    /// nil in runs saved before wasmbench kept them.
    public var runFolder: String?
    /// The machine's noise during the run (the canary's timings and verdict); `nil` in runs saved
    /// before wasmbench recorded it, or run with `--no-canary`.
    public var noise: NoiseRecord?
    /// What the run asked of its ratio intervals (``RunConfiguration/precision``) and what each
    /// cell reached; `nil` when it asked nothing or was saved before wasmbench could.
    public var precision: PrecisionRecord?
    /// The slice of the workloads this run measured (`run --shard K/N`); `nil` for a whole run,
    /// a merged one, or one saved before wasmbench could shard.
    public var shard: Shard?
    /// The run's identity in a history store: a UUID given when the run starts, so pushing the
    /// same file twice stores it once; `nil` in runs saved before wasmbench kept a history (the
    /// store then derives one from the start, machine and settings).
    public var id: String?
    /// A name the user gave the run (`run --label`), e.g. `wasmtime-50` or `nightly`.
    public var label: String?
    /// The commit of the measured thing the user named (`run --commit`).
    public var commit: String?

    /// Creates a run result with no rows yet.
    public init(
        toolVersion: String, startedAt: String, machine: MachineInfo, configuration: RunConfiguration,
        runtimes: [RuntimeInfo] = [], workloads: [WorkloadInfo] = [], notices: [String] = []
    ) {
        self.schemaVersion = WasmBenchModel.schemaVersion
        self.toolVersion = toolVersion
        self.startedAt = startedAt
        self.finishedAt = nil
        self.complete = false
        self.machine = machine
        self.configuration = configuration
        self.runtimes = runtimes
        self.workloads = workloads
        self.rows = []
        self.failures = []
        self.summaries = []
        self.geometricMeans = []
        self.notices = notices
    }
}
