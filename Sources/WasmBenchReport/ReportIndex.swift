import WasmBenchModel

/// Lookups over a run result that the renderers share: which runtimes and workloads have data,
/// each cell's summary, and why a cell is empty. It only indexes; it computes no statistics.
struct ReportIndex {
    /// What a table cell holds for one workload × runtime × phase × metric.
    enum Cell {
        /// A summary exists.
        case value(Summary)
        /// The runtime does not expose the phase: shown as `—`, never estimated.
        case notExposed
        /// The runtime exposes the phase but a process of this cell failed and left no summary.
        case failed
        /// The runtime exposes the phase but there is no summary and no failure (e.g. skipped).
        case noData

        /// The cell's text without markers: the median in its unit, `—`, `failed` or `no data`.
        var text: String {
            switch self {
            case .value(let summary): ReportIndex.format(summary.median, unit: summary.unit)
            case .notExposed: "—"
            case .failed: "failed"
            case .noData: "no data"
            }
        }

        /// Whether the cell's summary carries a warning.
        var isWarned: Bool {
            if case .value(let summary) = self { !summary.warnings.isEmpty } else { false }
        }
    }

    /// How a runtime's ratios to the baseline compare builds, for the builds sections.
    enum Verdict: Equatable {
        /// The runtime is the baseline.
        case baseline
        /// The ratios compare more than the host: every difference found.
        case notLikeForLike([String])
        /// The two sides of a matched pair: like for like.
        case matchedPair
        /// Nothing recorded differs but the host.
        case likeForLike
    }

    /// Which markers a table used, for its legend.
    struct Markers {
        var notExposed = false
        var warned = false
        var failed = false
        var noData = false
        var unfair = false

        /// Notes the marker a cell uses.
        mutating func note(_ cell: Cell) {
            switch cell {
            case .value(let summary): warned = warned || !summary.warnings.isEmpty
            case .notExposed: notExposed = true
            case .failed: failed = true
            case .noData: noData = true
            }
        }
    }

    /// Identifies one summary.
    private struct Key: Hashable {
        var workload: String
        var runtime: String
        var phase: Phase
        var metric: Metric
    }

    /// Identifies one workload × runtime cell.
    private struct CellKey: Hashable {
        var workload: String
        var runtime: String
    }

    /// The run result being reported.
    let result: RunResult
    /// Runtime ids with at least one summary: `result.runtimes` order, then unknown ids.
    let measuredRuntimes: [String]
    /// Workload ids: `result.workloads` order, then ids only seen in summaries or failures.
    let workloads: [String]
    private let summaries: [Key: Summary]
    private let failedCells: Set<CellKey>
    private let runtimesByID: [String: RuntimeInfo]

    /// Indexes `result`.
    init(_ result: RunResult) {
        self.result = result
        var summaries: [Key: Summary] = [:]
        for summary in result.summaries {
            let key = Key(
                workload: summary.workload, runtime: summary.runtime, phase: summary.phase, metric: summary.metric)
            summaries[key] = summaries[key] ?? summary
        }
        self.summaries = summaries
        failedCells = Set(result.failures.map { CellKey(workload: $0.workload, runtime: $0.runtime) })
        runtimesByID = Dictionary(result.runtimes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let runtimeIDs = Self.ordered(result.runtimes.map(\.id) + result.summaries.map(\.runtime))
        let withData = Set(result.summaries.map(\.runtime))
        measuredRuntimes = runtimeIDs.filter { withData.contains($0) }
        workloads = Self.ordered(
            result.workloads.map(\.id) + result.summaries.map(\.workload) + result.failures.map(\.workload))
    }

    /// The baseline runtime id.
    var baseline: String { result.configuration.baseline }

    /// Measured runtimes with at least one summary of `phase`.
    func runtimes(with phase: Phase) -> [String] {
        let ids = Set(result.summaries.filter { $0.phase == phase }.map(\.runtime))
        return measuredRuntimes.filter { ids.contains($0) }
    }

    /// The runtime description, if the result has one for `id`.
    func runtime(_ id: String) -> RuntimeInfo? {
        runtimesByID[id]
    }

    /// The summary of one workload × runtime × phase × metric, if any.
    func summary(workload: String, runtime: String, phase: Phase, metric: Metric = .time) -> Summary? {
        summaries[Key(workload: workload, runtime: runtime, phase: phase, metric: metric)]
    }

    /// What to show for one workload × runtime × phase × metric.
    func cell(workload: String, runtime: String, phase: Phase, metric: Metric = .time) -> Cell {
        if let summary = summary(workload: workload, runtime: runtime, phase: phase, metric: metric) {
            return .value(summary)
        }
        if let info = runtimesByID[runtime], !info.exposedPhases.contains(phase) {
            return .notExposed
        }
        return failedCells.contains(CellKey(workload: workload, runtime: runtime)) ? .failed : .noData
    }

    /// What the `execute` table holds, for a renderer to lay out: per workload one cell per
    /// runtime, each runtime's geometric mean, and the markers used (`†` included).
    struct ExecuteGrid {
        /// Per workload, in report order, one cell per runtime.
        var rows: [(workload: String, cells: [Cell])]
        /// Per runtime, its geometric mean; `nil` when no runtime has one (no geomean row).
        var means: [GeometricMean?]?
        /// The markers the cells and means use.
        var markers: Markers
    }

    /// The `execute` table's content for `runtimes`, in that order.
    func executeGrid(runtimes: [String]) -> ExecuteGrid {
        var markers = Markers()
        let rows = workloads.map { workload in
            let cells = runtimes.map { cell(workload: workload, runtime: $0, phase: .execute) }
            for cell in cells { markers.note(cell) }
            return (workload, cells)
        }
        let means = runtimes.map { geometricMean(runtime: $0, phase: .execute) }
        markers.unfair = runtimes.contains(where: isUnfair)
        return ExecuteGrid(rows: rows, means: means.contains { $0 != nil } ? means : nil, markers: markers)
    }

    /// The `phases` table's cells of `runtime`: per workload, in report order, one per column;
    /// the markers they use are noted in `markers`.
    func phaseRows(
        runtime: String, columns: [PhaseColumn], markers: inout Markers
    ) -> [(workload: String, cells: [Cell])] {
        workloads.map { workload in
            let cells = columns.map {
                cell(workload: workload, runtime: runtime, phase: $0.phase, metric: $0.metric)
            }
            for cell in cells { markers.note(cell) }
            return (workload, cells)
        }
    }

    /// The geometric mean of `runtime`'s ratios for `phase`, if the result has one.
    func geometricMean(runtime: String, phase: Phase) -> GeometricMean? {
        result.geometricMeans.first { $0.runtime == runtime && $0.phase == phase }
    }

    /// Why `runtime`'s ratios to the baseline compare more than the host (an empty list when
    /// they are like for like), or `nil` when neither records an interpreter build.
    func fairnessProblems(of id: String) -> [String]? {
        let base = runtime(baseline)
        guard let info = runtime(id), info.build != nil || base?.build != nil else { return nil }
        return id == baseline ? [] : info.fairnessProblems(against: base)
    }

    /// Whether `runtime`'s ratios to the baseline are not like for like.
    func isUnfair(_ id: String) -> Bool {
        !(fairnessProblems(of: id) ?? []).isEmpty
    }

    /// How `info`'s ratios to the baseline compare builds.
    func verdict(of info: RuntimeInfo) -> Verdict {
        if info.id == baseline { return .baseline }
        if let problems = fairnessProblems(of: info.id), !problems.isEmpty { return .notLikeForLike(problems) }
        return info.build?.matchedPair != nil ? .matchedPair : .likeForLike
    }

    /// How many workloads a geometric mean covers, when it is not all of them
    /// (e.g. `2 of 3 workloads`).
    func coverage(of mean: GeometricMean) -> String? {
        mean.workloads < workloads.count ? "\(mean.workloads) of \(workloads.count) workloads" : nil
    }

    /// Runtimes that record how their interpreter was built.
    var interpreterRuntimes: [RuntimeInfo] {
        result.runtimes.filter { $0.build != nil }
    }

    /// Whether any `execute` summary says how its iterations warmed up.
    var hasWarmUpData: Bool {
        result.summaries.contains { $0.phase == .execute && $0.firstIteration != nil }
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

    /// Every summary warning with the summary it belongs to, in the result's order.
    var warnings: [(summary: Summary, warning: SummaryWarning)] {
        result.summaries.flatMap { summary in summary.warnings.map { (summary, $0) } }
    }

    /// Runtimes that could not run here.
    var unavailableRuntimes: [RuntimeInfo] {
        result.runtimes.filter { !$0.available }
    }

    /// The label of a phase and metric: `execute`, or `wall/peak-rss` for a non-time metric.
    static func label(phase: Phase, metric: Metric) -> String {
        metric == .time ? phase.rawValue : "\(phase.rawValue)/\(metric.rawValue)"
    }

    /// Formats a value in its unit.
    static func format(_ value: Double, unit: MeasureUnit) -> String {
        switch unit {
        case .seconds: formatDuration(value)
        case .bytes: formatBytes(value)
        case .instructions: GapText.count(value)
        }
    }

    /// Removes repeated ids, keeping the first occurrence.
    private static func ordered(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
