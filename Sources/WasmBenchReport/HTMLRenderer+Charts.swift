import WasmBenchModel

extension HTMLRenderer {
    /// One bar of a ratio chart: a runtime's ratio to the baseline with its interval.
    struct RatioBar {
        /// The row's label (a runtime id).
        var label: String
        /// Whether the ratio is not like for like (`†` after the label).
        var unfair: Bool
        /// The ratio.
        var ratio: Double
        /// The lower end of its 95% interval, if known.
        var low: Double?
        /// The upper end of its 95% interval, if known.
        var high: Double?
        /// The text after the bar, e.g. `1.42× [1.38–1.47]`.
        var value: String
        /// The bar's hover text.
        var hover: String
        /// The bar's fill colour.
        var colour: String
    }

    /// Where a ratio chart's parts go: label column, plot and value column, shared by every
    /// ratio chart of a report so their axes line up.
    struct RatioLayout {
        /// Width of the whole chart.
        static let width = 760.0
        /// Height of one bar's row.
        static let rowHeight = 26.0
        /// Height of a bar.
        static let barHeight = 16.0
        /// Space above the first row.
        static let top = 10.0
        /// Space below the last row, for tick labels and the axis title.
        static let bottom = 40.0
        /// The horizontal axis.
        var scale: LogScale

        /// A layout fitting every label and value text, with an axis that holds every bar.
        init(bars: [RatioBar]) {
            let labelWidth = Self.textWidth(bars.map { $0.label + ($0.unfair ? " †" : "") }, within: 80...280)
            let valueWidth = Self.textWidth(bars.map(\.value), within: 110...230)
            let values = bars.flatMap { [$0.ratio, $0.low, $0.high].compactMap { $0 } }
            scale = LogScale(covering: values, from: labelWidth, to: Self.width - valueWidth)
        }

        /// About how wide the longest text is at the charts' 12 px font, plus a margin, kept in `range`.
        private static func textWidth(_ texts: [String], within range: ClosedRange<Double>) -> Double {
            let longest = Double(texts.map(\.count).max() ?? 0)
            return min(max(longest * 7 + 16, range.lowerBound), range.upperBound)
        }
    }

    /// The colour of the `position`th runtime or process: Okabe and Ito's colour-blind-safe
    /// palette (without its yellow, too pale on white) and two darker tones, then round again.
    static func colour(_ position: Int) -> String {
        let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#6E6E6E", "#8C564B"]
        return palette[position % palette.count]
    }

    /// Ratio charts: the geometric mean of each runtime, then each workload's ratios, on one
    /// log scale.
    func ratioChartsSection(_ index: ReportIndex) -> HTMLSection? {
        let runtimes = index.runtimes(with: .execute).filter { $0 != index.baseline }
        let means = runtimes.enumerated().compactMap { position, runtime in
            index.geometricMean(runtime: runtime, phase: .execute).map { meanBar($0, colour: position, index: index) }
        }
        let workloads = index.workloads.map { workload in
            (
                workload,
                runtimes.enumerated().compactMap { position, runtime in
                    index.summary(workload: workload, runtime: runtime, phase: .execute).flatMap {
                        workloadBar($0, colour: position, index: index)
                    }
                }
            )
        }
        .filter { !$0.1.isEmpty }
        guard !means.isEmpty || !workloads.isEmpty else { return nil }
        let layout = RatioLayout(bars: means + workloads.flatMap(\.1))
        let baseline = code(index.baseline)
        var body: HTML =
            "<p>Execute time as a ratio to \(baseline), on a log scale: left of the 1× line is faster than the "
            + "baseline, right of it slower. Whiskers are 95% confidence intervals; hover over a bar for its numbers."
            + (runtimes.contains(where: index.isUnfair) ? " † = not like for like." : "") + "</p>\n"
        if !means.isEmpty {
            let chart = ratioChart(
                means, layout: layout, label: "geometric mean ratio to \(index.baseline) per runtime",
                axis: "geometric mean ratio to \(index.baseline)")
            body +=
                "<h3>Geometric mean over workloads</h3>\n<figure id=\"geomean-chart\">\n\(chart)\n<figcaption>"
                + "Geometric mean of each runtime's execute ratios over the workloads, with its 95% interval."
                + "</figcaption>\n</figure>" + (workloads.isEmpty ? "" : "\n")
        }
        if !workloads.isEmpty { body += "<h3>Per workload</h3>\n" }
        let figures = workloads.map { workload, bars -> HTML in
            let chart = ratioChart(
                bars, layout: layout, label: "ratio to \(index.baseline) per runtime, \(workload)",
                axis: "ratio to \(index.baseline)")
            return "<figure>\n\(chart)\n<figcaption>\(code(workload))</figcaption>\n</figure>"
        }
        body += HTML(joining: figures, separator: "\n")
        return HTMLSection(id: "ratios", title: "Ratios to the baseline", body: body)
    }

    /// The bar of a runtime's geometric mean.
    private func meanBar(_ mean: GeometricMean, colour: Int, index: ReportIndex) -> RatioBar {
        let ratio = formatRatio(mean.value, low: mean.ciLow, high: mean.ciHigh)
        let unfair = index.isUnfair(mean.runtime)
        let coverage = index.coverage(of: mean)
        var hover =
            "\(mean.runtime): geometric mean \(ratio) the time of \(mean.baseline) over \(mean.workloads) workloads"
        if unfair { hover += "; not like for like" }
        return RatioBar(
            label: mean.runtime, unfair: unfair, ratio: mean.value, low: mean.ciLow, high: mean.ciHigh,
            value: ratio + (coverage.map { " (\($0))" } ?? ""), hover: hover, colour: Self.colour(colour))
    }

    /// The bar of one workload × runtime ratio, if the summary has a ratio.
    private func workloadBar(_ summary: Summary, colour: Int, index: ReportIndex) -> RatioBar? {
        guard let value = summary.ratioToBaseline else { return nil }
        let ratio = formatRatio(value, low: summary.ratioCILow, high: summary.ratioCIHigh)
        let unfair = index.isUnfair(summary.runtime)
        var hover =
            "\(summary.runtime) on \(summary.workload): \(ratio) the time of \(index.baseline) "
            + "(median \(formatDuration(summary.median)))"
        if unfair { hover += "; not like for like" }
        return RatioBar(
            label: summary.runtime, unfair: unfair, ratio: value, low: summary.ratioCILow, high: summary.ratioCIHigh,
            value: ratio, hover: hover, colour: Self.colour(colour))
    }

    /// A horizontal bar chart of ratios: each bar runs from the 1× line to its ratio, with its
    /// interval as a whisker, its label before it and its value after the plot. `label` is the
    /// chart's accessible name, `axis` the title under its axis.
    func ratioChart(_ bars: [RatioBar], layout: RatioLayout, label: String, axis: String) -> HTML {
        let scale = layout.scale
        let top = RatioLayout.top
        let bottom = top + RatioLayout.rowHeight * Double(bars.count)
        var svg = SVG.start(
            class: "chart", width: RatioLayout.width, height: bottom + RatioLayout.bottom, label: label)
        for tick in scale.ticks {
            let x = scale.position(tick)
            svg +=
                SVG.line("grid", from: (x, top), to: (x, bottom))
                + SVG.text("tick", x: x, y: bottom + 14, anchor: .middle, ratioTickLabel(tick)) + "\n"
        }
        svg += SVG.line("reference", from: (scale.position(1), top - 4), to: (scale.position(1), bottom)) + "\n"
        for (row, bar) in bars.enumerated() {
            svg += ratioRow(bar, centre: top + RatioLayout.rowHeight * (Double(row) + 0.5), scale: scale)
        }
        let middle = (scale.start + scale.end) / 2
        return svg + SVG.text("axis-title", x: middle, y: bottom + 32, anchor: .middle, "\(axis) (log scale)")
            + "\n</svg>"
    }

    /// One row of a ratio chart: label, bar with hover text, whisker, value.
    private func ratioRow(_ bar: RatioBar, centre: Double, scale: LogScale) -> HTML {
        let one = scale.position(1)
        let end = scale.position(bar.ratio)
        var row =
            SVG.text("label", x: scale.start - 8, y: centre + 4, anchor: .end, bar.label + (bar.unfair ? " †" : ""))
            + SVG.rect(
                "bar", x: min(one, end), y: centre - RatioLayout.barHeight / 2, width: max(abs(end - one), 1),
                height: RatioLayout.barHeight, fill: bar.colour, hover: bar.hover)
        if let low = bar.low, let high = bar.high, low.isFinite, high.isFinite {
            row += SVG.whisker("whisker", low: scale.position(low), high: scale.position(high), y: centre, cap: 10)
        }
        return row + SVG.text("value", x: scale.end + 8, y: centre + 4, bar.value) + "\n"
    }
}
