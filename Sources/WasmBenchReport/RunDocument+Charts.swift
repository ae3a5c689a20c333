import WasmBenchModel

extension RunDocument {
    /// The ratio charts under the `execute` table (HTML draws them): each workload's ratios, on one
    /// log scale (the geometric means open the report, in ``answer()``).
    func ratioCharts() -> [ReportBlock] {
        let runtimes = index.runtimes(with: .execute, metric: metric).filter { $0 != baseline }
        let workloads = index.workloads.map { workload in
            let bars = runtimes.enumerated().compactMap { position, runtime -> RatioChart.Bar? in
                guard
                    let summary = index.summary(workload: workload, runtime: runtime, phase: .execute, metric: metric),
                    let estimate = summary.ratioEstimate(estimator)
                else { return nil }
                let ratio = ReportIndex.ratio(estimate.value, estimate.ciLow, estimate.ciHigh)
                let shown = ReportIndex.format(summary.estimate(estimator)?.value ?? .nan, unit: summary.unit)
                let hover =
                    "\(runtime) on \(workload): \(ratio) the \(quantity) of \(baseline) (\(estimator.phrase) \(shown))"
                return bar(runtime, estimate.value, estimate.ciLow, estimate.ciHigh, ratio, hover, colour: position)
            }
            return (workload, bars)
        }
        .filter { !$0.1.isEmpty }
        guard !workloads.isEmpty else { return [] }
        let figures = workloads.map { workload, bars in
            let label = "ratio to \(baseline) per runtime, \(workload)"
            let chart = RatioChart(bars: bars, label: label, axis: "ratio to \(baseline)")
            return ReportFigure(chart: .ratios(chart), caption: .code(workload))
        }
        return [
            .charts([
                .heading("Per workload", level: 3), .paragraph([chartIntroduction]), .figures(figures, grid: false),
            ])
        ]
    }

    /// The answer first (Markdown and HTML): each runtime's geometric mean ratio to the baseline
    /// in words, then as a chart; none when no runtime has one.
    func answer() -> ReportSection? {
        guard !compact else { return nil }
        let runtimes = index.runtimes(with: .execute, metric: metric).filter { $0 != baseline }
        let all = index.workloads.count
        let means = runtimes.enumerated().compactMap { position, runtime -> (ReportText, RatioChart.Bar)? in
            guard let mean = index.geometricMean(runtime: runtime, phase: .execute),
                let estimate = mean.estimate(estimator)
            else { return nil }
            let ratio = ReportIndex.ratio(estimate.value, estimate.ciLow, estimate.ciHigh)
            let coverage = mean.workloads < all ? " (\(mean.workloads) of \(all) workloads)" : ""
            let hover =
                "\(runtime): geometric mean \(ratio) the \(quantity) of \(baseline) over \(mean.workloads) workloads"
            let sentence = ReportText(
                .code(runtime), .literal(": "), .styled(ratio, .strong),
                .literal(" the execute \(quantity) of "), .code(baseline),
                .literal(" — \(verdict(estimate)), geometric mean over \(mean.workloads) of \(all) workloads"),
                .symbol(index.isUnfair(runtime) ? " †" : ""))
            let bar = bar(
                runtime, estimate.value, estimate.ciLow, estimate.ciHigh, ratio + coverage, hover, colour: position)
            return (sentence, bar)
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
        let runtimes = index.runtimes(with: .execute, metric: metric).filter { $0 != baseline }
        let unfair = runtimes.contains(where: index.isUnfair) ? " † = not like for like." : ""
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

    /// A runtime's bar, its hover text noting when it is not like for like.
    private func bar(
        _ runtime: String, _ ratio: Double, _ low: Double?, _ high: Double?, _ value: String, _ hover: String,
        colour: Int
    ) -> RatioChart.Bar {
        let unfair = index.isUnfair(runtime)
        return RatioChart.Bar(
            label: runtime, unfair: unfair, ratio: ratio, low: low, high: high, value: value,
            hover: hover + (unfair ? "; not like for like" : ""),
            colour: colour)
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
        let legend = ReportText(
            [.literal("Time of each iteration, one line per process: ")] + keys
                + [
                    .literal(
                        ". ○ = warm-up iteration (configured); shaded = iterations left out as warm-up (median over "
                            + "processes); dashed = steady-state median.")
                ])
        let figures = series.map { entry in
            let summary = index.summary(workload: entry.workload, runtime: entry.runtime, phase: .execute)
            let byProcess = Set(entry.rows.map(\.process)).sorted().map { process in
                (
                    process,
                    entry.rows.filter { $0.process == process }.sorted { ($0.iteration ?? 0) < ($1.iteration ?? 0) }
                )
            }
            let chart = WarmUpChart(
                label: "time per iteration of \(entry.workload) on \(entry.runtime)", processes: byProcess,
                median: summary?.median, leftOut: summary?.warmupIterations)
            let caption = summary.flatMap(ReportIndex.warmUpText).map { " — \($0)" } ?? ""
            return (
                entry.workload,
                ReportFigure(chart: .warmUp(chart), caption: ReportText(.code(entry.runtime), .text(caption)))
            )
        }
        let groups = index.workloads.compactMap { workload -> [ReportBlock]? in
            let mine = figures.filter { $0.0 == workload }.map(\.1)
            return mine.isEmpty ? nil : [.heading(.code(workload), level: 4), .figures(mine, grid: true)]
        }
        return [.charts([.heading("Warm-up curves", level: 3), .paragraph([legend])] + groups.flatMap { $0 })]
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
