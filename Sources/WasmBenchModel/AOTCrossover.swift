/// When compiling ahead of time pays for itself: the number of runs after which a runtime's
/// ahead-of-time compile has cost less than the just-in-time compile its counterpart does on every
/// start (`wasmtime-aot` against `wasmtime`, `wasmtime-pulley-aot` against `wasmtime-pulley`).
///
/// A run is one start of the workload with the run's iterations: it costs `startup` (compiling or
/// loading, instantiating, WASI set-up) plus `iterations × execute`, the latter only when the two
/// sides' execute medians differ beyond their intervals (the same engine runs the same code). The compile is paid once, so
/// after `compile ÷ (run(JIT) − run(AOT))` runs the ahead-of-time form is ahead. Computed from the
/// summaries' medians; the interval takes each input's 95% interval at the end that makes the
/// crossover earliest and latest, so it is conservative (it is not a joint interval).
public struct AOTCrossover: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The ahead-of-time runtime id.
    public var runtime: String
    /// The just-in-time counterpart's id.
    public var counterpart: String
    /// The median time of the ahead-of-time compile, in seconds.
    public var compileSeconds: Double
    /// The size of the compiled artifact, in bytes, when measured.
    public var artifactBytes: Double?
    /// How much less one run costs with the compiled artifact, in seconds (negative when it costs more).
    public var savingPerRun: Double
    /// The iterations one run was taken to have (the run's configured iterations).
    public var iterations: Int
    /// The runs after which the compile has paid for itself; `nil` when a run with the artifact
    /// saves nothing (it never pays).
    public var runs: Double?
    /// The earliest crossover the intervals allow.
    public var runsLow: Double?
    /// The latest crossover the intervals allow; `nil` when they allow a run that saves nothing.
    public var runsHigh: Double?

    /// Creates a crossover record.
    public init(
        workload: String, runtime: String, counterpart: String, compileSeconds: Double, artifactBytes: Double?,
        savingPerRun: Double, iterations: Int, runs: Double?, runsLow: Double?, runsHigh: Double?
    ) {
        self.workload = workload
        self.runtime = runtime
        self.counterpart = counterpart
        self.compileSeconds = compileSeconds
        self.artifactBytes = artifactBytes
        self.savingPerRun = savingPerRun
        self.iterations = iterations
        self.runs = runs
        self.runsLow = runsLow
        self.runsHigh = runsHigh
    }
}
