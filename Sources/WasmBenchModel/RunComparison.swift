/// The layout version of a saved comparison (`wasmbench compare --format json`); readers check
/// it first. Bumped whenever a field changes meaning or goes away. Version 2: a verdict follows the
/// comparison's ``RunComparison/estimator``, no longer always the median.
public let comparisonSchemaVersion = 2

/// A closed set of verdicts on one change between two runs, given a threshold t (5% by default).
public enum ComparisonVerdict: String, Codable, Sendable, CaseIterable {
    /// The new run is slower (or larger): new ÷ base is at least 1 + t and its whole 95% interval
    /// lies above 1.
    case slower
    /// The new run is faster (or smaller): new ÷ base is at most 1 ÷ (1 + t) and its whole 95%
    /// interval lies below 1.
    case faster
    /// The whole 95% interval lies within [1 ÷ (1 + t), 1 + t]: any change is smaller than the
    /// threshold.
    case unchanged
    /// The interval is too wide to tell: it reaches past the threshold, or the point estimate
    /// does while the interval still holds 1. More processes narrow it.
    case uncertain
}

/// One side of a comparison: which run it is and where it ran.
public struct ComparedRun: Codable, Sendable, Equatable {
    /// The file the run was read from, as given.
    public var path: String
    /// The wasmbench version that measured it.
    public var toolVersion: String
    /// When it started (ISO 8601).
    public var startedAt: String
    /// Whether every planned cell ran.
    public var complete: Bool
    /// The machine it ran on.
    public var machine: MachineInfo
    /// Its settings.
    public var configuration: RunConfiguration

    /// Creates a side.
    public init(
        path: String, toolVersion: String, startedAt: String, complete: Bool, machine: MachineInfo,
        configuration: RunConfiguration
    ) {
        self.path = path
        self.toolVersion = toolVersion
        self.startedAt = startedAt
        self.complete = complete
        self.machine = machine
        self.configuration = configuration
    }
}

/// One estimator's view of a change between two runs: both runs' values, new ÷ base with its 95%
/// interval, and what they say given the threshold.
public struct ComparedEstimate: Codable, Sendable, Equatable {
    /// The base run's value; `nil` for a geometric mean over workloads.
    public var base: Double?
    /// The new run's value; `nil` for a geometric mean over workloads.
    public var new: Double?
    /// New ÷ base.
    public var ratio: Double
    /// Lower end of the ratio's 95% confidence interval; `nil` when there is none (a run with a
    /// single process gives ``Estimator/processMinimum`` no spread to estimate).
    public var ciLow: Double?
    /// Upper end of the ratio's 95% confidence interval; `nil` exactly when ``ciLow`` is.
    public var ciHigh: Double?
    /// What the ratio and its interval say; `uncertain` without an interval.
    public var verdict: ComparisonVerdict
    /// The two speeds the cell's processes ran at, when they split into two (see
    /// ``TwoSpeeds``); the verdict then needs a change larger than the gap between them. `nil`
    /// for one speed, and in comparisons written before it existed.
    public var twoSpeeds: TwoSpeeds?

    /// Creates an estimate of a change.
    public init(
        base: Double? = nil, new: Double? = nil, ratio: Double, ciLow: Double?, ciHigh: Double?,
        verdict: ComparisonVerdict, twoSpeeds: TwoSpeeds? = nil
    ) {
        self.base = base
        self.new = new
        self.ratio = ratio
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.verdict = verdict
        self.twoSpeeds = twoSpeeds
    }
}

/// A cell whose processes, pooled from both runs, fall into a fast and a slow cluster: the machine
/// ran that code at two speeds, and how many processes landed in each moved between the runs. A
/// change smaller than the gap cannot be told apart from such a move.
public struct TwoSpeeds: Codable, Sendable, Equatable {
    /// The fast cluster's median per-process value.
    public var fast: Double
    /// The slow cluster's median per-process value.
    public var slow: Double
    /// The share of the base run's processes in the slow cluster (0…1).
    public var baseSlowShare: Double
    /// The share of the new run's processes in the slow cluster (0…1).
    public var newSlowShare: Double

    /// Creates the split.
    public init(fast: Double, slow: Double, baseSlowShare: Double, newSlowShare: Double) {
        self.fast = fast
        self.slow = slow
        self.baseSlowShare = baseSlowShare
        self.newSlowShare = newSlowShare
    }

    /// Slow ÷ fast.
    public var ratio: Double { slow / fast }
}

/// One workload × runtime × phase × metric measured in both runs: new ÷ base with its interval, by
/// the median (the flat fields) and by the process minimum.
public struct Comparison: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// The phase.
    public var phase: Phase
    /// The metric.
    public var metric: Metric
    /// The unit of both medians.
    public var unit: MeasureUnit
    /// The base run's median.
    public var baseMedian: Double
    /// The new run's median.
    public var newMedian: Double
    /// New median ÷ base median.
    public var ratio: Double
    /// Lower end of the ratio's 95% confidence interval.
    public var ciLow: Double
    /// Upper end of the ratio's 95% confidence interval.
    public var ciHigh: Double
    /// The verdict of the comparison's estimator (``RunComparison/estimator``), given the
    /// threshold: the one that gates.
    public var verdict: ComparisonVerdict
    /// What the median's ratio and interval (``ratio``, ``ciLow``, ``ciHigh``) say on their own.
    public var medianVerdict: ComparisonVerdict
    /// The change by ``Estimator/processMinimum``; `nil` in comparisons written before it existed
    /// and where a value is zero or negative.
    public var processMinimum: ComparedEstimate?
    /// What else differs between the runs for this cell: the runtime's version or flags, the
    /// workload's module. Empty when only the measurement differs.
    public var changes: [String]

    /// Creates a comparison; the median's verdict is `verdict` unless given.
    public init(
        workload: String, runtime: String, phase: Phase, metric: Metric, baseMedian: Double, newMedian: Double,
        ratio: Double, ciLow: Double, ciHigh: Double, verdict: ComparisonVerdict,
        medianVerdict: ComparisonVerdict? = nil, processMinimum: ComparedEstimate? = nil, changes: [String] = []
    ) {
        self.workload = workload
        self.runtime = runtime
        self.phase = phase
        self.metric = metric
        self.unit = metric.unit
        self.baseMedian = baseMedian
        self.newMedian = newMedian
        self.ratio = ratio
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.verdict = verdict
        self.medianVerdict = medianVerdict ?? verdict
        self.processMinimum = processMinimum
        self.changes = changes
    }

    private enum CodingKeys: String, CodingKey {
        case workload, runtime, phase, metric, unit, baseMedian, newMedian, ratio, ciLow, ciHigh, verdict,
            medianVerdict, processMinimum, changes
    }

    /// Reads a comparison; one written before the process minimum existed was the median's alone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let verdict = try container.decode(ComparisonVerdict.self, forKey: .verdict)
        self.init(
            workload: try container.decode(String.self, forKey: .workload),
            runtime: try container.decode(String.self, forKey: .runtime),
            phase: try container.decode(Phase.self, forKey: .phase),
            metric: try container.decode(Metric.self, forKey: .metric),
            baseMedian: try container.decode(Double.self, forKey: .baseMedian),
            newMedian: try container.decode(Double.self, forKey: .newMedian),
            ratio: try container.decode(Double.self, forKey: .ratio),
            ciLow: try container.decode(Double.self, forKey: .ciLow),
            ciHigh: try container.decode(Double.self, forKey: .ciHigh), verdict: verdict,
            medianVerdict: try container.decodeIfPresent(ComparisonVerdict.self, forKey: .medianVerdict),
            processMinimum: try container.decodeIfPresent(ComparedEstimate.self, forKey: .processMinimum),
            changes: try container.decode([String].self, forKey: .changes))
        unit = try container.decode(MeasureUnit.self, forKey: .unit)
    }

    /// The change by `estimator`: the median's from the flat fields, or ``processMinimum``.
    public func estimate(_ estimator: Estimator) -> ComparedEstimate? {
        switch estimator {
        case .median:
            ComparedEstimate(
                base: baseMedian, new: newMedian, ratio: ratio, ciLow: ciLow, ciHigh: ciHigh, verdict: medianVerdict)
        case .processMinimum: processMinimum
        }
    }
}

/// The geometric mean over workloads of one runtime's new ÷ base `execute` ratios, of the
/// comparison's ``RunComparison/measure``, by the median (the flat fields) and by the process
/// minimum.
public struct ComparedGeometricMean: Codable, Sendable, Equatable {
    /// The runtime id.
    public var runtime: String
    /// How many workloads it covers.
    public var workloads: Int
    /// The geometric mean of the ratios of medians.
    public var value: Double
    /// Lower end of its 95% confidence interval.
    public var ciLow: Double
    /// Upper end of its 95% confidence interval.
    public var ciHigh: Double
    /// The verdict of the comparison's estimator (``RunComparison/estimator``), given the threshold.
    public var verdict: ComparisonVerdict
    /// What the median's geometric mean and interval say on their own.
    public var medianVerdict: ComparisonVerdict
    /// The geometric mean by ``Estimator/processMinimum``; `nil` in comparisons written before it
    /// existed.
    public var processMinimum: ComparedEstimate?

    /// Creates a geometric mean; the median's verdict is `verdict` unless given.
    public init(
        runtime: String, workloads: Int, value: Double, ciLow: Double, ciHigh: Double, verdict: ComparisonVerdict,
        medianVerdict: ComparisonVerdict? = nil, processMinimum: ComparedEstimate? = nil
    ) {
        self.runtime = runtime
        self.workloads = workloads
        self.value = value
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.verdict = verdict
        self.medianVerdict = medianVerdict ?? verdict
        self.processMinimum = processMinimum
    }

    private enum CodingKeys: String, CodingKey {
        case runtime, workloads, value, ciLow, ciHigh, verdict, medianVerdict, processMinimum
    }

    /// Reads a geometric mean; one written before the process minimum existed was the median's alone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            runtime: try container.decode(String.self, forKey: .runtime),
            workloads: try container.decode(Int.self, forKey: .workloads),
            value: try container.decode(Double.self, forKey: .value),
            ciLow: try container.decode(Double.self, forKey: .ciLow),
            ciHigh: try container.decode(Double.self, forKey: .ciHigh),
            verdict: try container.decode(ComparisonVerdict.self, forKey: .verdict),
            medianVerdict: try container.decodeIfPresent(ComparisonVerdict.self, forKey: .medianVerdict),
            processMinimum: try container.decodeIfPresent(ComparedEstimate.self, forKey: .processMinimum))
    }

    /// The geometric mean by `estimator`: the median's from the flat fields, or ``processMinimum``.
    public func estimate(_ estimator: Estimator) -> ComparedEstimate? {
        switch estimator {
        case .median: ComparedEstimate(ratio: value, ciLow: ciLow, ciHigh: ciHigh, verdict: medianVerdict)
        case .processMinimum: processMinimum
        }
    }
}

/// A cell (workload × runtime) that has data in one run only, or that failed in the new run
/// while the base run measured it.
public struct ComparedCell: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// Why it is listed: missing from one run, or the new run's failure message.
    public var reason: String

    /// Creates an entry.
    public init(workload: String, runtime: String, reason: String) {
        self.workload = workload
        self.runtime = runtime
        self.reason = reason
    }
}

/// Two runs compared: every summary both have, as a ratio new ÷ base with a bootstrap interval
/// computed from both runs' raw rows, and a verdict on each.
public struct RunComparison: Codable, Sendable, Equatable {
    /// ``comparisonSchemaVersion`` when written.
    public var schemaVersion: Int
    /// The run compared against.
    public var base: ComparedRun
    /// The run under test.
    public var new: ComparedRun
    /// What both runs measured, and so what every `execute` ratio and geometric mean here is of:
    /// time, or instructions counted by callgrind (see ``Measure``).
    public var measure: Measure
    /// The relative change below which a difference counts as none (0.05 is 5%).
    public var threshold: Double
    /// The estimator every ``Comparison/verdict`` follows; the median in comparisons written
    /// before the choice existed.
    public var estimator: Estimator
    /// The phases whose `slower` verdicts (and the new run's failures) count as regressions.
    public var gatedPhases: [Phase]
    /// Every workload × runtime × phase × metric both runs summarised, base run's order.
    public var comparisons: [Comparison]
    /// Per runtime, over the workloads both runs measured.
    public var geometricMeans: [ComparedGeometricMean]
    /// Cells with `execute` data (of the measure) in the base run only.
    public var onlyInBase: [ComparedCell]
    /// Cells with `execute` data (of the measure) in the new run only.
    public var onlyInNew: [ComparedCell]
    /// Cells the base run measured that failed in the new run.
    public var newFailures: [ComparedCell]
    /// What makes the runs hard to compare: other machines, other settings, incomplete runs.
    public var caveats: [String]

    /// Creates a comparison of two runs.
    public init(
        base: ComparedRun, new: ComparedRun, threshold: Double, estimator: Estimator = .processMinimum,
        gatedPhases: [Phase], comparisons: [Comparison] = [],
        geometricMeans: [ComparedGeometricMean] = [], onlyInBase: [ComparedCell] = [],
        onlyInNew: [ComparedCell] = [], newFailures: [ComparedCell] = [], caveats: [String] = [],
        measure: Measure = .time
    ) {
        self.schemaVersion = comparisonSchemaVersion
        self.base = base
        self.new = new
        self.measure = measure
        self.threshold = threshold
        self.estimator = estimator
        self.gatedPhases = gatedPhases
        self.comparisons = comparisons
        self.geometricMeans = geometricMeans
        self.onlyInBase = onlyInBase
        self.onlyInNew = onlyInNew
        self.newFailures = newFailures
        self.caveats = caveats
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, base, new, measure, threshold, estimator, gatedPhases, comparisons, geometricMeans,
            onlyInBase, onlyInNew, newFailures, caveats
    }

    /// Reads a comparison; one saved before instruction counting existed compared times, and one
    /// written before the estimator was chosen followed the median.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            base: try container.decode(ComparedRun.self, forKey: .base),
            new: try container.decode(ComparedRun.self, forKey: .new),
            threshold: try container.decode(Double.self, forKey: .threshold),
            estimator: try container.decodeIfPresent(Estimator.self, forKey: .estimator) ?? .median,
            gatedPhases: try container.decode([Phase].self, forKey: .gatedPhases),
            comparisons: try container.decode([Comparison].self, forKey: .comparisons),
            geometricMeans: try container.decode([ComparedGeometricMean].self, forKey: .geometricMeans),
            onlyInBase: try container.decode([ComparedCell].self, forKey: .onlyInBase),
            onlyInNew: try container.decode([ComparedCell].self, forKey: .onlyInNew),
            newFailures: try container.decode([ComparedCell].self, forKey: .newFailures),
            caveats: try container.decode([String].self, forKey: .caveats),
            measure: try container.decodeIfPresent(Measure.self, forKey: .measure) ?? .time)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
    }

    /// The comparisons of gated phases that got slower.
    public var regressions: [Comparison] {
        comparisons.filter { $0.verdict == .slower && gatedPhases.contains($0.phase) }
    }

    /// Whether the new run regressed: a gated phase got slower, or a cell the base run measured
    /// now fails.
    public var regressed: Bool {
        !regressions.isEmpty || (!gatedPhases.isEmpty && !newFailures.isEmpty)
    }
}
