/// A closed set of reasons to distrust a summary.
public enum WarningKind: String, Codable, Sendable {
    /// The 95% confidence interval of the estimate the tables show (``RunConfiguration/estimator``)
    /// is wider than the noise threshold (5% by default).
    case wideInterval = "wide-interval"
    /// Some samples lie far from the median (modified z-score above 3.5).
    case outliers
    /// Too few samples for a meaningful interval.
    case fewSamples = "few-samples"
    /// Some processes of the cell failed, so the summary covers fewer samples than asked for.
    case partial
    /// In some processes the per-iteration times never settled (see
    /// ``RunConfiguration/steadyStateTolerance``): their summary covers every iteration after the
    /// configured warm-ups, warming up included. For instruction counts: in some counted sets the
    /// cost of an iteration was still changing (see ``InstructionCount/steady``).
    case noSteadyState = "no-steady-state"
    /// The guest's self-check reported another result here than on the baseline (or than in
    /// another process of the same cell): each check passed on its own, but they cannot all be
    /// right for the same workload and arguments.
    case resultsDiffer = "results-differ"
}

/// A warning attached to a summary, with a readable explanation.
public struct SummaryWarning: Codable, Sendable, Equatable {
    /// The kind of warning.
    public var kind: WarningKind
    /// What was seen, with numbers.
    public var message: String

    /// Creates a warning.
    public init(kind: WarningKind, message: String) {
        self.kind = kind
        self.message = message
    }
}

/// Derived statistics for one workload × runtime × phase × metric, computed from rows.
public struct Summary: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// The phase.
    public var phase: Phase
    /// The metric.
    public var metric: Metric
    /// The unit of every value here.
    public var unit: MeasureUnit
    /// How many (non-warm-up) samples the summary covers.
    public var count: Int
    /// The median.
    public var median: Double
    /// The median absolute deviation (unscaled).
    public var mad: Double
    /// The smallest sample.
    public var min: Double
    /// Lower end of the bootstrap 95% confidence interval of the median.
    public var ciLow: Double
    /// Upper end of the bootstrap 95% confidence interval of the median.
    public var ciHigh: Double
    /// Median of this runtime ÷ median of the baseline runtime, for the same workload and phase.
    public var ratioToBaseline: Double?
    /// Lower end of the 95% confidence interval of that ratio.
    public var ratioCILow: Double?
    /// Upper end of the 95% confidence interval of that ratio.
    public var ratioCIHigh: Double?
    /// Reasons to distrust the numbers.
    public var warnings: [SummaryWarning]
    /// For a per-iteration `execute` series: the median over processes of the first iteration's
    /// time (the cold one, warm-ups included).
    public var firstIteration: Double?
    /// For a per-iteration `execute` series: the median over processes of the leading iterations
    /// left out as warm-up, the configured ones or more where the series settled later.
    public var warmupIterations: Int?
    /// For a per-iteration `execute` series: how many processes' iterations settled into a steady
    /// state (see ``RunConfiguration/steadyStateTolerance``). For an `execute` instruction count:
    /// how many counted sets of three or more runs had a steady cost per iteration (see
    /// ``InstructionCount/steady``).
    public var steadyProcesses: Int?
    /// For a per-iteration `execute` series: how many processes it covers; for an `execute`
    /// instruction count, how many counted sets.
    public var processes: Int?
    /// The values by ``Estimator/processMinimum``: the geometric mean over processes of each
    /// process's minimum, with its t interval. `nil` in runs saved before it existed and when a
    /// value is zero or negative (a peak-rss of 0, say).
    public var processMinimum: EstimatedValue?
    /// ``processMinimum`` of this runtime ÷ that of the baseline runtime, with Welch's t interval.
    public var processMinimumRatio: EstimatedValue?

    /// Creates a summary.
    public init(
        workload: String, runtime: String, phase: Phase, metric: Metric, count: Int, median: Double, mad: Double,
        min: Double, ciLow: Double, ciHigh: Double, ratioToBaseline: Double? = nil, ratioCILow: Double? = nil,
        ratioCIHigh: Double? = nil, warnings: [SummaryWarning] = []
    ) {
        self.workload = workload
        self.runtime = runtime
        self.phase = phase
        self.metric = metric
        self.unit = metric.unit
        self.count = count
        self.median = median
        self.mad = mad
        self.min = min
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.ratioToBaseline = ratioToBaseline
        self.ratioCILow = ratioCILow
        self.ratioCIHigh = ratioCIHigh
        self.warnings = warnings
    }
}

extension Summary {
    /// The value by `estimator`, with its interval: ``median`` and its bootstrap interval, or
    /// ``processMinimum``.
    public func estimate(_ estimator: Estimator) -> EstimatedValue? {
        switch estimator {
        case .median: EstimatedValue(value: median, ciLow: ciLow, ciHigh: ciHigh)
        case .processMinimum: processMinimum
        }
    }

    /// The ratio to the baseline by `estimator`, with its interval: ``ratioToBaseline`` or
    /// ``processMinimumRatio``.
    public func ratioEstimate(_ estimator: Estimator) -> EstimatedValue? {
        switch estimator {
        case .median: ratioToBaseline.map { EstimatedValue(value: $0, ciLow: ratioCILow, ciHigh: ratioCIHigh) }
        case .processMinimum: processMinimumRatio
        }
    }
}

/// The geometric mean over workloads of one runtime's ratios to the baseline, for one phase, of
/// the run's measure (``RunConfiguration/measure``: times, or instruction counts).
public struct GeometricMean: Codable, Sendable, Equatable {
    /// The runtime id.
    public var runtime: String
    /// The baseline runtime id.
    public var baseline: String
    /// The phase the ratios are of (normally `execute`).
    public var phase: Phase
    /// How many workloads contributed.
    public var workloads: Int
    /// The geometric mean of the ratios of medians.
    public var value: Double
    /// Lower end of its bootstrap 95% confidence interval.
    public var ciLow: Double
    /// Upper end of its bootstrap 95% confidence interval.
    public var ciHigh: Double
    /// The geometric mean of the ``Summary/processMinimumRatio`` values, with a t interval whose
    /// degrees of freedom come from Satterthwaite's equation; `nil` in runs saved before it existed.
    public var processMinimum: EstimatedValue?

    /// Creates a geometric mean record.
    public init(
        runtime: String, baseline: String, phase: Phase, workloads: Int, value: Double, ciLow: Double, ciHigh: Double
    ) {
        self.runtime = runtime
        self.baseline = baseline
        self.phase = phase
        self.workloads = workloads
        self.value = value
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }
}

extension GeometricMean {
    /// The geometric mean by `estimator`, with its interval.
    public func estimate(_ estimator: Estimator) -> EstimatedValue? {
        switch estimator {
        case .median: EstimatedValue(value: value, ciLow: ciLow, ciHigh: ciHigh)
        case .processMinimum: processMinimum
        }
    }
}
