import WasmBenchCharts
import WasmBenchModel

extension RunDocument {
    /// The ratio charts under the `execute` table (HTML draws them): each workload's ratios, on one
    /// log scale (the geometric means open the report, in ``answer()``).
    func ratioCharts() -> [ReportBlock] {
        let figures = index.workloads.compactMap { workload -> ReportFigure? in
            let bars = comparedRuntimes.enumerated().compactMap { position, runtime -> RatioChart.Bar? in
                guard
                    let summary = index.summary(workload: workload, runtime: runtime, phase: .execute, metric: metric),
                    let estimate = summary.ratioEstimate(estimator)
                else { return nil }
                let text = ratio(estimate, of: runtime).text
                let shown = ReportIndex.format(summary.estimate(estimator)?.value ?? .nan, unit: summary.unit)
                let hover =
                    "\(runtime) on \(workload): \(text) the \(quantity) of \(baseline) (\(estimator.phrase) \(shown))"
                return bar(runtime, estimate, value: text, hover: hover, colour: position)
            }
            let label = "ratio to \(baseline) per runtime, \(workload)"
            let chart = RatioChart(bars: bars, label: label, axis: "ratio to \(baseline)")
            return bars.isEmpty ? nil : ReportFigure(chart: .ratios(chart), caption: .code(workload))
        }
        guard !figures.isEmpty else { return [] }
        let introduction = ReportBlock.paragraph([chartIntroduction])
        return [.charts([.heading("Per workload", level: 3), introduction, .figures(figures, grid: false)])]
    }

    /// The answer first (Markdown and HTML): each runtime's geometric mean ratio to the baseline
    /// in words, then as a chart; none when no runtime has one.
    func answer() -> ReportSection? {
        let all = index.workloads.count
        let means = comparedRuntimes.enumerated().compactMap { position, runtime -> (ReportText, RatioChart.Bar)? in
            guard let mean = index.geometricMean(runtime: runtime, phase: .execute),
                let estimate = mean.estimate(estimator)
            else { return nil }
            let text = ratio(estimate, of: runtime).text
            let coverage = mean.workloads < all ? " (\(mean.workloads) of \(all) workloads)" : ""
            let hover =
                "\(runtime): geometric mean \(text) the \(quantity) of \(baseline) over \(mean.workloads) workloads"
            let sentence = ReportText(
                .code(runtime), .literal(": "), .styled(text, .strong),
                .literal(" the execute \(quantity) of "), .code(baseline),
                .literal(" — \(verdict(estimate)), geometric mean over \(mean.workloads) of \(all) workloads"),
                .symbol(index.isUnfair(runtime) ? " †" : ""))
            return (sentence, bar(runtime, estimate, value: text + coverage, hover: hover, colour: position))
        }
        guard !means.isEmpty else { return nil }
        let chart = RatioChart(
            bars: means.map(\.1), label: "geometric mean ratio to \(baseline) per runtime",
            axis: "geometric mean ratio to \(baseline)")
        let caption: ReportText =
            "Geometric mean of each runtime's execute ratios over the workloads, with its 95% interval."
        let figure = ReportFigure(id: "geomean-chart", chart: .ratios(chart), caption: caption)
        let charts: ReportBlock = .charts([.paragraph([chartIntroduction]), .figures([figure], grid: false)])
        return ReportSection(
            .init(id: "answer", title: "In short"),
            caption: "each runtime against \(baseline), by the \(estimator.phrase) [\(estimator.interval)]",
            [.list(means.map(\.0), style: .bullets), charts])
    }

    /// A geometric mean's ratio in words: faster or slower when its interval leaves out 1.
    private func verdict(_ estimate: EstimatedValue) -> String {
        let (less, more) = counted ? ("fewer instructions", "more instructions") : ("faster", "slower")
        if let high = estimate.ciHigh, high < 1 {
            return counted ? less : "\(less) (\(formatRatio(1 / estimate.value)) less time)"
        }
        if let low = estimate.ciLow, low > 1 { return more }
        return estimate.ciLow == nil
            ? (estimate.value < 1 ? less : estimate.value > 1 ? more : "the same") : "no clear difference"
    }

    /// What a ratio chart shows and how to read it.
    private var chartIntroduction: ReportText {
        let unfair = comparedRuntimes.contains(where: index.isUnfair) ? " † = not like for like." : ""
        let (shown, whiskers) =
            estimator == .median
            ? ("", "95% confidence intervals") : (" (\(estimator.perIteration))", "95% t intervals (Welch)")
        return ReportText(
            .literal("Execute \(quantity)\(shown) as a ratio to "), .code(baseline),
            .literal(
                ", on a log scale: left of the 1× line is " + (counted ? "fewer" : "faster") + " than the baseline, "
                    + "right of it " + (counted ? "more" : "slower")
                    + ". Whiskers are \(whiskers); hover over a bar for its numbers." + unfair))
    }

    /// The metric of the run's `execute` summaries: time, or instructions.
    var metric: Metric { result.configuration.measure.metric }

    /// What the run's `execute` ratios are of: `time` or `instructions`.
    private var quantity: String { counted ? "instructions" : "time" }

    /// The runtimes with `execute` summaries of the run's metric, but the baseline.
    private var comparedRuntimes: [String] {
        index.runtimes(with: .execute, metric: metric).filter { $0 != baseline }
    }

    /// A ratio to the baseline as a cell or a bar shows it: the interval left out when it has no
    /// width (a count that repeats), and whether `runtime`'s ratios are not like for like.
    func ratio(_ estimate: EstimatedValue, of runtime: String) -> ReportRatio {
        let (value, low, high) = (estimate.value, estimate.ciLow, estimate.ciHigh)
        let text = low == high ? formatRatio(value) : formatRatio(value, low: low, high: high)
        return ReportRatio(text: text, value: value, unfair: index.isUnfair(runtime))
    }

    /// A runtime's bar, its hover text noting when it is not like for like.
    private func bar(_ runtime: String, _ estimate: EstimatedValue, value: String, hover: String, colour: Int)
        -> RatioChart.Bar
    {
        let unfair = index.isUnfair(runtime)
        return RatioChart.Bar(
            label: runtime, unfair: unfair, ratio: estimate.value, low: estimate.ciLow, high: estimate.ciHigh,
            value: value, hover: hover + (unfair ? "; not like for like" : ""), colour: colour)
    }

    /// The warm-up curves (HTML draws them), grouped by workload, with one key for all; nothing when no
    /// rows have per-iteration times.
    func warmUpCurves() -> [ReportBlock] {
        let series = warmUpSeries()
        guard !series.isEmpty else { return [] }
        let processes = (series.flatMap { $0.rows.map(\.process) }.max() ?? -1) + 1
        let keys = (0..<processes).flatMap { process -> [ReportText.Span] in
            (process > 0 ? [.text(" ")] : []) + [.swatch(process), .text(" #\(process)")]
        }
        let legend: ReportText =
            "Time of each iteration, one line per process: " + ReportText(keys)
            + ". ○ = warm-up iteration (configured); shaded = iterations left out as warm-up (median over processes); "
            + "dashed = steady-state median."
        let groups = index.workloads.flatMap { workload -> [ReportBlock] in
            let figures = series.filter { $0.workload == workload }.map(warmUpFigure)
            return figures.isEmpty ? [] : [.heading(.code(workload), level: 4), .figures(figures, grid: true)]
        }
        return [.charts([.heading("Warm-up curves", level: 3), .paragraph([legend])] + groups)]
    }

    /// One workload × runtime's curves, a line per process, captioned with its warm-up in words.
    private func warmUpFigure(_ entry: (workload: String, runtime: String, rows: [Row])) -> ReportFigure {
        let summary = index.summary(workload: entry.workload, runtime: entry.runtime, phase: .execute)
        let processes = Dictionary(grouping: entry.rows, by: \.process).sorted { $0.key < $1.key }.map {
            process, rows in
            let points = rows.sorted { ($0.iteration ?? 0) < ($1.iteration ?? 0) }.map { row in
                let hover =
                    "process #\(process), iteration \(row.iteration ?? 0): \(formatDuration(row.value))"
                    + (row.warmup ? " (warm-up)" : "")
                return PointChart.Series.Point(
                    size: Double(row.iteration ?? 0), value: row.value, hover: hover, warmUp: row.warmup)
            }
            return PointChart.Series(points: points, colour: process, label: "process #\(process)")
        }
        let chart = PointChart(
            label: "time per iteration of \(entry.workload) on \(entry.runtime)",
            across: .iterations(median: summary?.median, leftOut: summary?.warmupIterations), unit: .seconds,
            series: processes)
        let caption = summary.flatMap(ReportIndex.warmUpText).map { " — \($0)" } ?? ""
        return ReportFigure(chart: .points(chart), caption: ReportText(.code(entry.runtime), .text(caption)))
    }

    /// Every workload × runtime whose rows hold `execute` times of two iterations or more, in
    /// the report's workload and runtime order.
    private func warmUpSeries() -> [(workload: String, runtime: String, rows: [Row])] {
        let rows = result.rows.filter {
            $0.phase == .execute && $0.metric == .time && $0.iteration != nil && $0.value.isFinite && $0.process >= 0
        }
        let cells = Dictionary(grouping: rows) { [$0.workload, $0.runtime] }
        return index.workloads.flatMap { workload in
            index.measuredRuntimes.compactMap { runtime in
                cells[[workload, runtime]].flatMap {
                    Set($0.compactMap(\.iteration)).count >= 2 ? (workload, runtime, $0) : nil
                }
            }
        }
    }
}
