/// One raw measurement: the saved artifact is a list of these, and every derived number is
/// computed from them.
public struct Row: Codable, Sendable, Equatable {
    /// The runtime id, e.g. `wasmtime-aot` (see ``RuntimeInfo``).
    public var runtime: String
    /// The runtime's version as it reported it.
    public var runtimeVersion: String
    /// The flags the runtime ran with.
    public var flags: [String]
    /// The workload id, e.g. `kernels/fib`.
    public var workload: String
    /// The phase measured.
    public var phase: Phase
    /// What the value measures (time, cpu, peak RSS, artifact size).
    public var metric: Metric
    /// The value, in ``unit``.
    public var value: Double
    /// The unit of ``value``.
    public var unit: MeasureUnit
    /// Which fresh process (0-based) of this workload × runtime cell produced the row; for a
    /// counted run (``iterations`` set), which counted set of the cell it belongs to, whose runs
    /// differ by ``iterations``.
    public var process: Int
    /// The iteration inside that process (0-based) for per-iteration phases, else `nil`.
    public var iteration: Int?
    /// Whether the iteration is a warm-up, kept as data but left out of the summaries.
    public var warmup: Bool
    /// The exact command line that produced the row, for runs done in a child process.
    public var command: String?
    /// For a counted run's whole-process total (phase `wall`, metric `instructions`): how many
    /// iterations the process ran. The summaries derive the cost of one iteration from the
    /// totals of a set's runs (see ``InstructionCount``); `nil` for every other row.
    public var iterations: Int?
    /// On a process's `wall` time row: what the guest's passing self-check reported (a kernel's
    /// checksum), so that the summaries can tell when runtimes, or processes, disagree on the
    /// result of the same workload; `nil` for every other row and for guests that report none.
    public var checkValue: String?

    /// Creates a row; the unit follows from the metric.
    public init(
        runtime: String, runtimeVersion: String, flags: [String], workload: String, phase: Phase,
        metric: Metric = .time, value: Double, process: Int, iteration: Int? = nil, warmup: Bool = false,
        command: String? = nil, iterations: Int? = nil
    ) {
        self.runtime = runtime
        self.runtimeVersion = runtimeVersion
        self.flags = flags
        self.workload = workload
        self.phase = phase
        self.metric = metric
        self.value = value
        self.unit = metric.unit
        self.process = process
        self.iteration = iteration
        self.warmup = warmup
        self.command = command
        self.iterations = iterations
    }
}
