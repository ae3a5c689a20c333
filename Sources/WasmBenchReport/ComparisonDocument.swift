import WasmBenchCharts
import WasmBenchModel

/// Builds the report document of a comparison of two runs: which runs, the threshold, the
/// `execute` table (base and new values by the comparison's estimator, new ÷ base with its 95%
/// interval, verdict), the geometric mean per runtime (charted in HTML), other phases that
/// changed, what else changed between the runs, cells in one run only or newly failing, caveats,
/// and the outcome.
struct ComparisonDocument {
    let comparison: RunComparison
    /// Whether this is the terminal's view, which ends with the outcome rather than opening with it.
    let compact: Bool

    func build() -> ReportDocument {
        let metric = comparison.measure.metric
        let execute = comparison.comparisons.filter { $0.phase == .execute && $0.metric == metric }
        let other = comparison.comparisons.filter {
            !($0.phase == .execute && $0.metric == metric) && ($0.verdict == .slower || $0.verdict == .faster)
        }
        let what = comparison.measure == .instructions ? "instructions per iteration" : estimator.perIteration
        let tables = [
            table(
                execute, .init(id: "execute", title: "Execute"), caption: "\(what); new ÷ base [\(estimator.interval)]",
                showMeasure: false),
            comparison.geometricMeans.isEmpty ? nil : means(),
            table(
                other, .init(id: "other-phases", title: "Other phases that changed"),
                caption: "slower or faster past the threshold", showMeasure: true),
        ]
        let sections =
            tables.compactMap { $0 }
            + ReportSection.lists(
                [
                    ("changes", "Changed between the runs", changes().map(ReportText.text)),
                    ("failing", "Newly failing", comparison.newFailures.map(cell)),
                    ("only-base", "Only in the base run", comparison.onlyInBase.map(cell)),
                    ("only-new", "Only in the new run", comparison.onlyInNew.map(cell)),
                    ("caveats", "Caveats", comparison.caveats.map(ReportText.text)),
                ], style: .lines)
        let (introduction, closing) = introductionAndClosing()
        return ReportDocument(
            title: "wasmbench comparison · \(comparison.base.path) → \(comparison.new.path)",
            heading: "wasmbench comparison", introduction: introduction, sections: sections, closing: closing)
    }

    /// Which run is which, the settings and the outcome; the terminal ends with the outcome.
    private func introductionAndClosing() -> ([ReportBlock], [ReportBlock]) {
        let lines = [
            ReportText(.styled("base", .strong), .text(" " + side(comparison.base))),
            ReportText(.styled("new", .strong), .text(" " + side(comparison.new))), .text(settings()),
        ]
        let role: ReportBlock.Role = comparison.regressed ? .alert : .note
        let outcome = ReportBlock.paragraph([.styled(outcome(), comparison.regressed ? .alarm : .strong)], role: role)
        guard compact else { return ([.list(lines, style: .lines), outcome], []) }
        return ([.paragraph([.styled("wasmbench compare", .strong)] + lines)], [outcome])
    }

    /// One run: its file, wasmbench version, start, and whether it is incomplete.
    private func side(_ run: ComparedRun) -> String {
        "\(run.path) · wasmbench \(run.toolVersion) · started \(run.startedAt)" + (run.complete ? "" : " · incomplete")
    }

    /// What was compared, the threshold and the phases that gate the exit status.
    private func settings() -> String {
        let threshold = comparison.threshold
        let gated =
            comparison.gatedPhases.isEmpty
            ? "no phase gates the exit status"
            : "gated: \(comparison.gatedPhases.map(\.rawValue).joined(separator: ", "))"
        let measure = comparison.measure == .instructions ? "instructions per iteration (callgrind)" : "time"
        return
            "measure: \(measure) · threshold \(formatPercent(threshold)) (slower from \(formatRatio(1 + threshold)), "
            + "faster from \(formatRatio(1 / (1 + threshold)))) · \(gated)"
    }

    /// The estimator the tables show: the one the verdicts follow.
    private var estimator: Estimator { comparison.estimator }

    /// A section with a table of comparisons, none without any: values by ``estimator`` (the
    /// median's where it has none, as the verdict then follows the median), new ÷ base with its
    /// interval, verdict.
    private func table(_ rows: [Comparison], _ name: ReportSection.Name, caption: String, showMeasure: Bool)
        -> ReportSection?
    {
        guard !rows.isEmpty else { return nil }
        let leading: [ReportText] = ["workload", "runtime"] + (showMeasure ? ["measure"] : [])
        let headers = leading + ["base", "new", ratioHeader, "verdict"]
        let cells = rows.map { row -> [ReportCell] in
            let change = row.estimate(estimator) ?? row.estimate(.median)
            return [.code(row.workload), .code(row.runtime)]
                + (showMeasure ? [.plain(ReportIndex.label(phase: row.phase, metric: row.metric))] : []) + [
                    .plain(ReportIndex.format(change?.base ?? .nan, unit: row.unit)),
                    .plain(ReportIndex.format(change?.new ?? .nan, unit: row.unit)),
                    .plain(formatRatio(change?.ratio ?? .nan, low: change?.ciLow, high: change?.ciHigh)),
                    verdict(row.verdict),
                ]
        }
        let table = ReportTable(headers: headers, numeric: [leading.count, leading.count + 1], rows: cells)
        return ReportSection(name, caption: caption, [.table(table)])
    }

    /// The ratio column's heading.
    private var ratioHeader: ReportText { "new ÷ base [\(estimator.interval)]" }

    /// Each runtime's geometric mean of `execute` ratios, charted in HTML.
    private func means() -> ReportSection {
        let entries = comparison.geometricMeans.enumerated().map { position, mean -> ([ReportCell], RatioChart.Bar) in
            let change = mean.estimate(estimator) ?? mean.estimate(.median)
            let ratio = formatRatio(change?.ratio ?? .nan, low: change?.ciLow, high: change?.ciHigh)
            let verdict = mean.verdict
            let bar = RatioChart.Bar(
                label: mean.runtime, ratio: change?.ratio ?? .nan, low: change?.ciLow, high: change?.ciHigh,
                value: "\(ratio) \(verdict.rawValue)",
                hover: "\(mean.runtime): new ÷ base \(ratio) over \(mean.workloads) workloads, \(verdict.rawValue)",
                colour: position)
            return ([.code(mean.runtime), .plain("\(mean.workloads)"), .plain(ratio), self.verdict(verdict)], bar)
        }
        let headers: [ReportText] = ["runtime", "workloads", ratioHeader, "verdict"]
        let table = ReportTable(headers: headers, numeric: [1], rows: entries.map(\.0))
        let chart = RatioChart(
            bars: entries.map(\.1), label: "geometric mean of new ÷ base per runtime", axis: "new ÷ base")
        return ReportSection(
            .init(id: "geomean", title: "Geometric mean per runtime"),
            caption: "execute ratios over the workloads both runs measured",
            [.charts([.figures([ReportFigure(chart: .ratios(chart))], grid: false)]), .table(table)])
    }

    /// A verdict, in the tone it deserves.
    private func verdict(_ verdict: ComparisonVerdict) -> ReportCell {
        switch verdict {
        case .slower: .text(.styled(verdict.rawValue, .alarm))
        case .faster: .text(.styled(verdict.rawValue, .strong))
        case .uncertain: .text(.styled(verdict.rawValue, .doubt))
        case .unchanged: .plain(verdict.rawValue)
        }
    }

    /// A cell in one run only or newly failing, with the reason.
    private func cell(_ cell: ComparedCell) -> ReportText {
        ReportText(.code(cell.workload), .literal(" · "), .code(cell.runtime), .text(": \(cell.reason)"))
    }

    /// The runtime and workload changes the comparisons recorded, one line each, without repeats.
    private func changes() -> [String] {
        ReportIndex.ordered(
            comparison.comparisons.flatMap { entry in
                entry.changes.map { "\($0.hasPrefix("workload") ? entry.workload : entry.runtime): \($0)" }
            })
    }

    /// The closing sentence: regressed or not, and why.
    private func outcome() -> String {
        let slower = comparison.regressions.count
        let failing = comparison.gatedPhases.isEmpty ? 0 : comparison.newFailures.count
        guard comparison.regressed else {
            let faster = comparison.comparisons.filter { $0.verdict == .faster }.count
            return "no regression past \(formatPercent(comparison.threshold))"
                + (faster > 0 ? "; \(faster) measure(s) faster" : "")
        }
        var parts: [String] = []
        if slower > 0 {
            parts.append("\(slower) slower in \(comparison.gatedPhases.map(\.rawValue).joined(separator: "/"))")
        }
        if failing > 0 { parts.append("\(failing) cell(s) newly failing") }
        return "regressed: " + parts.joined(separator: ", ")
    }
}
