/// What to do when a process of a cell fails.
public enum FailurePolicy: String, Codable, Sendable, CaseIterable {
    /// Record the failure and go on with the next process and cell (default).
    case `continue`
    /// Record the failure, skip the rest of that cell, go on with the next cell.
    case skipCell = "skip-cell"
    /// Record the failure and stop the whole run (results so far are kept).
    case stop
}

/// The settings a run was measured with, saved with its rows.
public struct RunConfiguration: Codable, Sendable, Equatable {
    /// Fresh processes per workload × runtime cell (at most; the cell budget may stop earlier).
    public var processes: Int
    /// Iterations inside each process, warm-ups included.
    public var iterations: Int
    /// Leading iterations of each process left out of the summaries.
    public var warmups: Int
    /// Seed of the shuffled order and of the bootstrap.
    public var seed: UInt64
    /// The runtime ratios are taken against.
    public var baseline: String
    /// Time limit of one process, in seconds.
    public var timeoutSeconds: Double
    /// Time budget of one cell, in seconds: no new process starts once it is spent (two processes
    /// always run, so every cell gets an interval).
    public var cellBudgetSeconds: Double
    /// What a failure does to the run.
    public var failurePolicy: FailurePolicy
    /// The CI width (relative to the median) above which a summary is flagged as noisy.
    public var noiseThreshold: Double
    /// How close to their own median (relative) a process's last iterations must all lie for its
    /// series to count as settled; the iterations before are warm-up and left out of `execute`.
    public var steadyStateTolerance: Double
    /// What the run measured: time (the default, and what a configuration saved before this field
    /// existed means) or instructions.
    public var measure: Measure
    /// For ``Measure/instructions``: the iteration counts of each counted set (two or more, all
    /// different, fewest first); `nil` for time. ``processes`` is then the number of counted sets
    /// per cell.
    public var countedIterations: [Int]?
    /// The estimator the tables show and the noise warnings judge (summaries keep every one).
    public var estimator: Estimator
    /// The precision asked of the execute ratios: processes are added beyond ``processes`` to the
    /// cells that miss it, within its budgets; `nil` runs exactly ``processes`` per cell.
    public var precision: PrecisionGoal?
    /// The most bytes of a process's standard output, and of its standard error, kept; a process
    /// that writes more is killed and fails as ``FailureKind/outputLimit``. `nil` (a run saved
    /// before the limit existed, or one made in code) means ``defaultOutputLimitBytes``.
    public var outputLimitBytes: Int?

    /// The output limit unless `--output-limit` says otherwise: 16 MiB per stream.
    public static let defaultOutputLimitBytes = 16 << 20

    /// Creates a configuration.
    public init(
        processes: Int, iterations: Int, warmups: Int, seed: UInt64, baseline: String, timeoutSeconds: Double,
        cellBudgetSeconds: Double, failurePolicy: FailurePolicy, noiseThreshold: Double = 0.05,
        steadyStateTolerance: Double = 0.1, measure: Measure = .time, countedIterations: [Int]? = nil,
        estimator: Estimator = .processMinimum, precision: PrecisionGoal? = nil, outputLimitBytes: Int? = nil
    ) {
        self.processes = processes
        self.iterations = iterations
        self.warmups = warmups
        self.seed = seed
        self.baseline = baseline
        self.timeoutSeconds = timeoutSeconds
        self.cellBudgetSeconds = cellBudgetSeconds
        self.failurePolicy = failurePolicy
        self.noiseThreshold = noiseThreshold
        self.steadyStateTolerance = steadyStateTolerance
        self.measure = measure
        self.countedIterations = countedIterations
        self.estimator = estimator
        self.precision = precision
        self.outputLimitBytes = outputLimitBytes
    }

    private enum CodingKeys: String, CodingKey {
        case processes, iterations, warmups, seed, baseline, timeoutSeconds, cellBudgetSeconds, failurePolicy,
            noiseThreshold, steadyStateTolerance, measure, countedIterations, estimator, precision, outputLimitBytes
    }

    /// Reads a configuration; one saved before steady-state detection existed gets the default
    /// tolerance, one saved before instruction counting existed measured time, and one saved
    /// before the estimator was chosen the median, which it showed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            processes: try container.decode(Int.self, forKey: .processes),
            iterations: try container.decode(Int.self, forKey: .iterations),
            warmups: try container.decode(Int.self, forKey: .warmups),
            seed: try container.decode(UInt64.self, forKey: .seed),
            baseline: try container.decode(String.self, forKey: .baseline),
            timeoutSeconds: try container.decode(Double.self, forKey: .timeoutSeconds),
            cellBudgetSeconds: try container.decode(Double.self, forKey: .cellBudgetSeconds),
            failurePolicy: try container.decode(FailurePolicy.self, forKey: .failurePolicy),
            noiseThreshold: try container.decode(Double.self, forKey: .noiseThreshold),
            steadyStateTolerance: try container.decodeIfPresent(Double.self, forKey: .steadyStateTolerance) ?? 0.1,
            measure: try container.decodeIfPresent(Measure.self, forKey: .measure) ?? .time,
            countedIterations: try container.decodeIfPresent([Int].self, forKey: .countedIterations),
            estimator: try container.decodeIfPresent(Estimator.self, forKey: .estimator) ?? .median,
            precision: try container.decodeIfPresent(PrecisionGoal.self, forKey: .precision),
            outputLimitBytes: try container.decodeIfPresent(Int.self, forKey: .outputLimitBytes))
    }
}
