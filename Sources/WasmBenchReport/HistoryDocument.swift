import WasmBenchCharts
import WasmBenchModel

/// Builds the report document of `wasmbench history`: which store and filter, the runs listed,
/// and for a series its trend (a sparkline in the terminal, a line chart in HTML), a table of its
/// points with their intervals, and the step changes found or the lack of them.
struct HistoryDocument {
    let report: HistoryReport
    /// Whether this is the terminal's view, which shows the trend as a sparkline.
    let compact: Bool

    func build() -> ReportDocument {
        var sections = [runs()]
        if let series = report.series { sections += self.series(series) }
        let count = report.runs.count
        var introduction: [ReportText] = [
            ReportText(.styled("store", .strong), .text(" " + report.store)),
            .text("\(count) run\(count == 1 ? "" : "s")" + filterText()),
        ]
        if compact { introduction.insert(.styled("wasmbench history", .strong), at: 0) }
        return ReportDocument(
            title: "wasmbench history · \(report.store)", heading: "wasmbench history",
            introduction: [.paragraph(introduction)], sections: sections)
    }

    /// ` · machine X · runtime Y …` for each filter set, or nothing.
    private func filterText() -> String {
        let filter = report.filter
        let parts: [(String, String?)] = [
            ("machine", filter.machine), ("runtime", filter.runtime), ("workload", filter.workload),
            ("label", filter.label), ("since", filter.since), ("until", filter.until),
        ]
        return parts.compactMap { name, value in value.map { " · \(name) \($0)" } }.joined()
    }

    private func runs() -> ReportSection {
        let name = ReportSection.Name(id: "runs", title: "Runs")
        guard !report.runs.isEmpty else {
            return ReportSection(name, [.paragraph(["No stored run matches."], role: .note)])
        }
        let rows = report.runs.enumerated().map { index, run -> [ReportCell] in
            [
                .plain(String(index + 1)), .plain(run.startedAt), .plain(run.label ?? ""), .plain(run.commit ?? ""),
                .text(ReportText(.code(run.machineKey), .text(" " + run.machine))),
                .plain(run.runtimes.joined(separator: ", ")), .plain(String(run.workloads)),
                .plain(run.complete ? "" : "incomplete"), .code(run.id),
            ]
        }
        let headers: [ReportText] = [
            "#", "started", "label", "commit", "machine", "runtimes", "workloads", "", "id",
        ]
        var table = ReportTable(headers: headers, numeric: [0, 6], rows: rows, layout: .list)
        table.columns[5].wraps = true
        return ReportSection(name, caption: "oldest first", [.table(table)])
    }

    private func series(_ series: HistorySeries) -> [ReportSection] {
        let format = { (value: Double) in ReportIndex.format(value, unit: series.unit) }
        let title = "\(series.workload) on \(series.runtime)"
        let caption =
            "\(series.phase.rawValue), \(series.estimator.perIteration) per run with its 95% interval; "
            + "steps: windows of \(series.window) runs whose intervals separate by more than "
            + formatPercent(series.threshold)
        var blocks: [ReportBlock] = []
        let steps = Set(series.changes.map(\.index))
        if compact {
            let values = series.points.map(\.value)
            let marks = String(series.points.indices.map { steps.contains($0) ? "^" : " " })
            let range = values.isEmpty ? "" : "  \(format(values.min() ?? 0)) … " + format(values.max() ?? 0)
            let trend: ReportText = .text(sparkline(values) + range)
            blocks.append(.list([trend] + (steps.isEmpty ? [] : [.text(marks + "  ^ step change")]), style: .lines))
        } else {
            let points = series.points.enumerated().map { index, point in
                PointChart.Series.Point(
                    size: Double(index), value: point.value, low: point.low, high: point.high,
                    hover: "run \(index + 1) · \(point.startedAt)" + (point.label.map { " · \($0)" } ?? "") + " · "
                        + format(point.value))
            }
            let chart = PointChart(
                label: "\(title): \(series.phase.rawValue) per run", across: .runs(steps: series.changes.map(\.index)),
                unit: series.unit, series: [.init(points: points, colour: 0, label: series.runtime)])
            blocks.append(.charts([.figures([ReportFigure(chart: .points(chart))], grid: false)]))
        }
        let rows = series.points.enumerated().map { index, point -> [ReportCell] in
            let change = series.changes.first { $0.index == index }.map { "step " + formatRatio($0.ratio) } ?? ""
            return [
                .plain(String(index + 1)), .plain(point.startedAt), .plain(point.label ?? ""),
                .plain(point.commit ?? ""), .plain(point.runtimeVersion),
                .plain(
                    ReportIndex.format(
                        EstimatedValue(value: point.value, ciLow: point.low, ciHigh: point.high), unit: series.unit)),
                .text(change.isEmpty ? "" : .styled(change, .alarm)),
            ]
        }
        let table = ReportTable(
            headers: ["#", "started", "label", "commit", "version", "value [95% CI]", "change"], numeric: [0, 5],
            rows: rows)
        blocks.append(.table(table))
        let name = ReportSection.Name(id: "series", title: .text("Series: " + title))
        return [ReportSection(name, caption: caption, blocks), changes(series)]
    }

    private func changes(_ series: HistorySeries) -> ReportSection {
        let name = ReportSection.Name(id: "changes", title: "Step changes")
        guard !series.changes.isEmpty else {
            let needed = 2 * series.window
            let why =
                series.points.count < needed
                ? "too few runs to tell: a step needs \(series.window) runs on each side (\(series.points.count) of \(needed))"
                : "none: no two windows of \(series.window) runs separate by more than \(formatPercent(series.threshold))"
            return ReportSection(name, [.paragraph([.text(why)], role: .note)])
        }
        let items = series.changes.map { change -> ReportText in
            let point = series.points[change.index]
            let direction = change.ratio > 1 ? "slower" : "faster"
            let interval = { (value: EstimatedValue) in ReportIndex.format(value, unit: series.unit) }
            return ReportText(
                .styled("\(formatRatio(change.ratio)) \(direction)", .alarm),
                .text(
                    " from run \(change.index + 1) (\(point.startedAt)" + (point.label.map { ", \($0)" } ?? "")
                        + (point.commit.map { ", commit \($0)" } ?? "")
                        + ", \(series.runtime) \(point.runtimeVersion)): "
                        + "\(interval(change.before)) → \(interval(change.after))"))
        }
        return ReportSection(name, [.list(items, style: .bullets)])
    }
}
