/// The layout version of a saved comparison (`wasmbench compare --format json`); readers check
/// it first. Bumped whenever a field changes meaning or goes away.
public let comparisonSchemaVersion = 1

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

/// One workload × runtime × phase × metric measured in both runs: new ÷ base with its interval.
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
    /// What the ratio and its interval say, given the threshold.
    public var verdict: ComparisonVerdict
    /// What else differs between the runs for this cell: the runtime's version or flags, the
    /// workload's module. Empty when only the measurement differs.
    public var changes: [String]

    /// Creates a comparison.
    public init(
        workload: String, runtime: String, phase: Phase, metric: Metric, baseMedian: Double, newMedian: Double,
        ratio: Double, ciLow: Double, ciHigh: Double, verdict: ComparisonVerdict, changes: [String] = []
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
        self.changes = changes
    }
}

/// The geometric mean over workloads of one runtime's new ÷ base `execute` ratios, of the
/// comparison's ``RunComparison/measure``.
public struct ComparedGeometricMean: Codable, Sendable, Equatable {
    /// The runtime id.
    public var runtime: String
    /// How many workloads it covers.
    public var workloads: Int
    /// The geometric mean.
    public var value: Double
    /// Lower end of its 95% confidence interval.
    public var ciLow: Double
    /// Upper end of its 95% confidence interval.
    public var ciHigh: Double
    /// What it says, given the threshold.
    public var verdict: ComparisonVerdict

    /// Creates a geometric mean.
    public init(
        runtime: String, workloads: Int, value: Double, ciLow: Double, ciHigh: Double, verdict: ComparisonVerdict
    ) {
        self.runtime = runtime
        self.workloads = workloads
        self.value = value
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.verdict = verdict
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
        base: ComparedRun, new: ComparedRun, threshold: Double, gatedPhases: [Phase], comparisons: [Comparison] = [],
        geometricMeans: [ComparedGeometricMean] = [], onlyInBase: [ComparedCell] = [],
        onlyInNew: [ComparedCell] = [], newFailures: [ComparedCell] = [], caveats: [String] = [],
        measure: Measure = .time
    ) {
        self.schemaVersion = comparisonSchemaVersion
        self.base = base
        self.new = new
        self.measure = measure
        self.threshold = threshold
        self.gatedPhases = gatedPhases
        self.comparisons = comparisons
        self.geometricMeans = geometricMeans
        self.onlyInBase = onlyInBase
        self.onlyInNew = onlyInNew
        self.newFailures = newFailures
        self.caveats = caveats
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, base, new, measure, threshold, gatedPhases, comparisons, geometricMeans, onlyInBase,
            onlyInNew, newFailures, caveats
    }

    /// Reads a comparison; one saved before instruction counting existed compared times.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        base = try container.decode(ComparedRun.self, forKey: .base)
        new = try container.decode(ComparedRun.self, forKey: .new)
        measure = try container.decodeIfPresent(Measure.self, forKey: .measure) ?? .time
        threshold = try container.decode(Double.self, forKey: .threshold)
        gatedPhases = try container.decode([Phase].self, forKey: .gatedPhases)
        comparisons = try container.decode([Comparison].self, forKey: .comparisons)
        geometricMeans = try container.decode([ComparedGeometricMean].self, forKey: .geometricMeans)
        onlyInBase = try container.decode([ComparedCell].self, forKey: .onlyInBase)
        onlyInNew = try container.decode([ComparedCell].self, forKey: .onlyInNew)
        newFailures = try container.decode([ComparedCell].self, forKey: .newFailures)
        caveats = try container.decode([String].self, forKey: .caveats)
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
