/// What `wasmbench history` shows: the stored runs a filter kept and, when asked, one workload ×
/// runtime series over them with the step changes found in it. Saved as `history --format json`.
public struct HistoryReport: Codable, Sendable, Equatable {
    /// The store read, as it may be shown (a PostgreSQL password is left out).
    public var store: String
    /// The filter the runs passed.
    public var filter: HistoryFilter
    /// The runs, oldest first.
    public var runs: [HistoryRun]
    /// The series asked for with `--series`; `nil` for a listing only.
    public var series: HistorySeries?

    /// Creates a report.
    public init(store: String, filter: HistoryFilter, runs: [HistoryRun], series: HistorySeries? = nil) {
        (self.store, self.filter, self.runs, self.series) = (store, filter, runs, series)
    }
}

/// Which stored runs to show; a `nil` field keeps every run.
public struct HistoryFilter: Codable, Sendable, Equatable {
    /// A machine key prefix or a part of the machine's description (CPU model, kernel…).
    public var machine: String?
    /// A runtime id the run asked for.
    public var runtime: String?
    /// A workload id the run measured.
    public var workload: String?
    /// The run's `--label`.
    public var label: String?
    /// Runs started at or after this instant, ISO 8601.
    public var since: String?
    /// Runs started at or before this instant, ISO 8601.
    public var until: String?

    /// Creates a filter.
    public init(
        machine: String? = nil, runtime: String? = nil, workload: String? = nil, label: String? = nil,
        since: String? = nil, until: String? = nil
    ) {
        (self.machine, self.runtime, self.workload, self.label) = (machine, runtime, workload, label)
        (self.since, self.until) = (since, until)
    }
}

/// One stored run as a listing shows it.
public struct HistoryRun: Codable, Sendable, Equatable {
    /// The run's key in the store (``RunResult/id``, or one derived for older files).
    public var id: String
    /// When it started, ISO 8601.
    public var startedAt: String
    /// wasmbench's version that measured it.
    public var toolVersion: String
    /// Its `--label`.
    public var label: String?
    /// Its `--commit`.
    public var commit: String?
    /// A short key of the machine's fingerprint (equal keys: the same fingerprint).
    public var machineKey: String
    /// The machine in a few words.
    public var machine: String
    /// The suite, or `nil` for modules given by path.
    public var suite: String?
    /// Each runtime as `id version`.
    public var runtimes: [String]
    /// How many workloads it measured.
    public var workloads: Int
    /// Whether every planned cell ran.
    public var complete: Bool

    /// Creates a listing entry.
    public init(
        id: String, startedAt: String, toolVersion: String, label: String?, commit: String?, machineKey: String,
        machine: String, suite: String?, runtimes: [String], workloads: Int, complete: Bool
    ) {
        (self.id, self.startedAt, self.toolVersion, self.label, self.commit) = (
            id, startedAt, toolVersion, label, commit
        )
        (self.machineKey, self.machine, self.suite, self.runtimes) = (machineKey, machine, suite, runtimes)
        (self.workloads, self.complete) = (workloads, complete)
    }
}

/// One workload × runtime × phase over the stored runs, oldest first, with its step changes.
public struct HistorySeries: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// The phase charted.
    public var phase: Phase
    /// The metric charted.
    public var metric: Metric
    /// The unit of every value.
    public var unit: MeasureUnit
    /// The estimator of every point (one per series, so points compare).
    public var estimator: Estimator
    /// How many points each window of the change detection holds.
    public var window: Int
    /// The relative change a step must exceed, e.g. 0.05.
    public var threshold: Double
    /// One point per stored run that has the cell, oldest first.
    public var points: [HistoryPoint]
    /// The step changes found, oldest first.
    public var changes: [HistoryChange]

    /// Creates a series.
    public init(
        workload: String, runtime: String, phase: Phase, metric: Metric, unit: MeasureUnit, estimator: Estimator,
        window: Int, threshold: Double, points: [HistoryPoint], changes: [HistoryChange]
    ) {
        (self.workload, self.runtime, self.phase, self.metric, self.unit) = (workload, runtime, phase, metric, unit)
        (self.estimator, self.window, self.threshold) = (estimator, window, threshold)
        (self.points, self.changes) = (points, changes)
    }
}

/// One run's value in a series, with its interval from that run.
public struct HistoryPoint: Codable, Sendable, Equatable {
    /// The run's key in the store.
    public var runID: String
    /// When the run started, ISO 8601.
    public var startedAt: String
    /// The run's `--label`.
    public var label: String?
    /// The run's `--commit`.
    public var commit: String?
    /// The runtime's version in that run.
    public var runtimeVersion: String
    /// The run's value by the series' estimator.
    public var value: Double
    /// The run's 95% interval of the value; `nil` when it had none (one process).
    public var low: Double?
    /// The upper end of that interval.
    public var high: Double?

    /// Creates a point.
    public init(
        runID: String, startedAt: String, label: String?, commit: String?, runtimeVersion: String, value: Double,
        low: Double?, high: Double?
    ) {
        (self.runID, self.startedAt, self.label, self.commit) = (runID, startedAt, label, commit)
        (self.runtimeVersion, self.value, self.low, self.high) = (runtimeVersion, value, low, high)
    }
}

/// A step in a series: the windows before and after point ``index`` separate.
public struct HistoryChange: Codable, Sendable, Equatable {
    /// The first point after the step.
    public var index: Int
    /// That point's run.
    public var runID: String
    /// The geometric mean of the window before and its 95% t interval.
    public var before: EstimatedValue
    /// The geometric mean of the window after and its 95% t interval.
    public var after: EstimatedValue
    /// after ÷ before: above 1 slower (for times), below 1 faster.
    public var ratio: Double

    /// Creates a change.
    public init(index: Int, runID: String, before: EstimatedValue, after: EstimatedValue, ratio: Double) {
        (self.index, self.runID, self.before, self.after, self.ratio) = (index, runID, before, after, ratio)
    }
}
