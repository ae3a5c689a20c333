import WasmBenchModel

/// Lookups over a run result for its report: which runtimes and workloads have data, each cell's
/// summary, and why a cell is empty. It only indexes; it computes no statistics.
struct ReportIndex {
    /// What a table cell holds for one workload × runtime × phase × metric.
    enum Cell {
        /// A summary, shown by an estimator.
        case value(Summary, by: Estimator = .median)
        /// The runtime does not expose the phase: shown as `—`, never estimated.
        case notExposed
        /// A process of this cell failed and left no summary.
        case failed
        /// No summary and no failure (e.g. skipped).
        case noData

        /// The cell's text without the warning mark: the estimate in its unit (`n/a` if the summary has
        /// none; an instruction count that never settled marked `~`), `—`, `failed` or `no data`.
        var text: String {
            switch self {
            case .value(let summary, let estimator):
                ReportIndex.format(summary.estimate(estimator)?.value ?? .nan, unit: summary.unit)
                    + (isUnsteady ? "~" : "")
            case .notExposed: "—"
            case .failed: "failed"
            case .noData: "no data"
            }
        }

        /// Whether the summary has a warning other than the one ``isUnsteady`` shows.
        var isWarned: Bool {
            guard case .value(let summary, _) = self else { return false }
            return summary.warnings.contains { summary.unit != .instructions || $0.kind != .noSteadyState }
        }

        /// Whether an instruction count's cost per iteration was still changing (`~`).
        var isUnsteady: Bool {
            guard case .value(let summary, _) = self, summary.unit == .instructions else { return false }
            return summary.warnings.contains { $0.kind == .noSteadyState }
        }
    }

    /// Which marks a table used, for its legend.
    struct Marks {
        var notExposed = false
        var warned = false
        var failed = false
        var noData = false
        var unfair = false
        var unsteady = false

        mutating func note(_ cell: Cell) {
            switch cell {
            case .value:
                warned = warned || cell.isWarned
                unsteady = unsteady || cell.isUnsteady
            case .notExposed: notExposed = true
            case .failed: failed = true
            case .noData: noData = true
            }
        }
    }

    private struct Key: Hashable {
        var workload: String
        var runtime: String
        var phase: Phase
        var metric: Metric
    }

    let result: RunResult
    /// Runtime ids with at least one summary: `result.runtimes` order, then unknown ids.
    let measuredRuntimes: [String]
    /// Workload ids: `result.workloads` order, then ids only seen in summaries or failures.
    let workloads: [String]
    private let summaries: [Key: Summary]
    private let failedCells: Set<[String]>
    private let runtimesByID: [String: RuntimeInfo]

    init(_ result: RunResult) {
        self.result = result
        summaries = Dictionary(
            result.summaries.map {
                (Key(workload: $0.workload, runtime: $0.runtime, phase: $0.phase, metric: $0.metric), $0)
            },
            uniquingKeysWith: { first, _ in first })
        failedCells = Set(result.failures.map { [$0.workload, $0.runtime] })
        runtimesByID = Dictionary(result.runtimes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let withData = Set(result.summaries.map(\.runtime))
        measuredRuntimes = Self.ordered(result.runtimes.map(\.id) + result.summaries.map(\.runtime))
            .filter(withData.contains)
        workloads = Self.ordered(
            result.workloads.map(\.id) + result.summaries.map(\.workload) + result.failures.map(\.workload))
    }

    var baseline: String { result.configuration.baseline }

    /// Measured runtimes with at least one summary of `phase` (and `metric`, if given).
    func runtimes(with phase: Phase, metric: Metric? = nil) -> [String] {
        let ids = Set(
            result.summaries.filter { $0.phase == phase && (metric == nil || $0.metric == metric) }.map(\.runtime))
        return measuredRuntimes.filter { ids.contains($0) }
    }

    func runtime(_ id: String) -> RuntimeInfo? {
        runtimesByID[id]
    }

    func summary(workload: String, runtime: String, phase: Phase, metric: Metric = .time) -> Summary? {
        summaries[Key(workload: workload, runtime: runtime, phase: phase, metric: metric)]
    }

    /// What to show for one workload × runtime × phase × metric, a value by `estimator`.
    func cell(
        workload: String, runtime: String, phase: Phase, metric: Metric = .time, by estimator: Estimator = .median
    ) -> Cell {
        if let summary = summary(workload: workload, runtime: runtime, phase: phase, metric: metric) {
            return .value(summary, by: estimator)
        }
        if let info = runtimesByID[runtime], !info.exposedPhases.contains(phase) { return .notExposed }
        return failedCells.contains([workload, runtime]) ? .failed : .noData
    }

    func geometricMean(runtime: String, phase: Phase) -> GeometricMean? {
        result.geometricMeans.first { $0.runtime == runtime && $0.phase == phase }
    }

    /// Why `id`'s ratios to the baseline compare more than the host (an empty list when they are
    /// like for like), or `nil` when neither records an interpreter build.
    func fairnessProblems(of id: String) -> [String]? {
        let base = runtime(baseline)
        guard let info = runtime(id), info.build != nil || base?.build != nil else { return nil }
        return id == baseline ? [] : info.fairnessProblems(against: base)
    }

    /// Whether `id`'s ratios to the baseline are not like for like.
    func isUnfair(_ id: String) -> Bool {
        !(fairnessProblems(of: id) ?? []).isEmpty
    }

    /// A summary's warm-up in a few words: first iteration ÷ steady-state median, warm-up
    /// iterations left out, settled processes of all (e.g. `first 3.2× · 2 left out · 3/3 settled`).
    static func warmUpText(_ summary: Summary) -> String? {
        guard let first = summary.firstIteration, summary.median > 0 else { return nil }
        var parts = ["first \(formatRatio(first / summary.median))"]
        if let left = summary.warmupIterations { parts.append("\(left) left out") }
        if let settled = summary.steadyProcesses, let processes = summary.processes {
            parts.append("\(settled)/\(processes) settled")
        }
        return parts.joined(separator: " · ")
    }

    /// The label of a phase and metric: `execute`, or `wall/peak-rss` for a non-time metric.
    static func label(phase: Phase, metric: Metric) -> String {
        metric == .time ? phase.rawValue : "\(phase.rawValue)/\(metric.rawValue)"
    }

    /// What `~` after an instruction count means, in every report that counts instructions.
    static let unsteadyLegend: ReportText =
        "~ = not steady: the first two runs give a cost per iteration more than "
        + "\(formatPercent(InstructionCount.steadyTolerance)) away (a JIT tiering up, background compilation): "
        + "read it as rough"

    /// Formats a value in its unit: a duration or a size.
    static func format(_ value: Double, unit: MeasureUnit) -> String {
        switch unit {
        case .seconds: formatDuration(value)
        case .bytes: formatBytes(value)
        case .instructions: formatCount(value)
        }
    }

    /// A value in `unit` with its interval when it has both ends: `21.3 ms [20.9 ms–21.8 ms]`.
    static func format(_ value: EstimatedValue, unit: MeasureUnit) -> String {
        let point = format(value.value, unit: unit)
        guard let low = value.ciLow, let high = value.ciHigh else { return point }
        return "\(point) [\(format(low, unit: unit))–\(format(high, unit: unit))]"
    }

    /// `items` in order, each only where it first appears.
    static func ordered<Item: Hashable>(_ items: [Item]) -> [Item] {
        var seen = Set<Item>()
        return items.filter { seen.insert($0).inserted }
    }
}
