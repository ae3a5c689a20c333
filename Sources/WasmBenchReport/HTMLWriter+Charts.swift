extension HTMLWriter {
    /// Where a ratio chart's parts go: label column, plot and value column, shared by the ratio
    /// charts of a section so their axes line up.
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
        init(bars: [RatioChart.Bar]) {
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

    /// Where a warm-up chart's parts go.
    private enum WarmUpLayout {
        static let width = 340.0
        static let height = 210.0
        static let left = 64.0
        static let right = 12.0
        static let top = 12.0
        static let bottom = 40.0
        static let inset = 8.0
    }

    /// A horizontal bar chart of ratios: each bar runs from the 1× line to its ratio, with its
    /// interval as a whisker, its label before it and its value after the plot.
    func ratioChart(_ chart: RatioChart, layout: RatioLayout) -> HTML {
        let scale = layout.scale
        let top = RatioLayout.top
        let bottom = top + RatioLayout.rowHeight * Double(chart.bars.count)
        var svg = SVG.start(
            class: "chart", width: RatioLayout.width, height: bottom + RatioLayout.bottom, label: chart.label)
        for tick in scale.ticks {
            let x = scale.position(tick)
            svg +=
                SVG.line("grid", from: (x, top), to: (x, bottom))
                + SVG.text("tick", x: x, y: bottom + 14, anchor: .middle, ratioTickLabel(tick)) + "\n"
        }
        svg += SVG.line("reference", from: (scale.position(1), top - 4), to: (scale.position(1), bottom)) + "\n"
        for (row, bar) in chart.bars.enumerated() {
            svg += ratioRow(bar, centre: top + RatioLayout.rowHeight * (Double(row) + 0.5), scale: scale)
        }
        let middle = (scale.start + scale.end) / 2
        return svg + SVG.text("axis-title", x: middle, y: bottom + 32, anchor: .middle, "\(chart.axis) (log scale)")
            + "\n</svg>"
    }

    /// One row of a ratio chart: label, bar with hover text, whisker, value.
    private func ratioRow(_ bar: RatioChart.Bar, centre: Double, scale: LogScale) -> HTML {
        let one = scale.position(1)
        let end = scale.position(bar.ratio)
        var row =
            SVG.text("label", x: scale.start - 8, y: centre + 4, anchor: .end, bar.label + (bar.unfair ? " †" : ""))
            + SVG.rect(
                "bar", x: min(one, end), y: centre - RatioLayout.barHeight / 2, width: max(abs(end - one), 1),
                height: RatioLayout.barHeight, fill: Self.colour(bar.colour), hover: bar.hover)
        if let low = bar.low, let high = bar.high, low.isFinite, high.isFinite {
            row += SVG.whisker("whisker", low: scale.position(low), high: scale.position(high), y: centre, cap: 10)
        }
        return row + SVG.text("value", x: scale.end + 8, y: centre + 4, bar.value) + "\n"
    }

    /// A line chart of iteration index against time for one workload × runtime: the iterations
    /// left out as warm-up shaded, the steady-state median dashed, a line per process.
    func warmUpChart(_ chart: WarmUpChart) -> HTML {
        typealias Layout = WarmUpLayout
        let (left, top) = (Layout.left, Layout.top)
        let (right, bottom) = (Layout.width - Layout.right, Layout.height - Layout.bottom)
        let rows = chart.processes.flatMap(\.rows)
        let iterations = rows.compactMap(\.iteration).max() ?? 1
        // Points keep a few pixels off the plot's edges.
        let x = LinearScale(
            upTo: Double(max(iterations, 1)), ticks: 8, minimumStep: 1, from: left + Layout.inset,
            to: right - Layout.inset)
        let y = LinearScale(upTo: max(rows.map(\.value).max() ?? 0, chart.median ?? 0), ticks: 4, from: bottom, to: top)
        var svg = SVG.start(class: "chart warm-up", width: Layout.width, height: Layout.height, label: chart.label)
        if let leftOut = chart.leftOut, leftOut > 0 {
            let edge = min(max(x.position(Double(leftOut) - 0.5), left), right)
            svg +=
                SVG.rect(
                    "warm-up-band", x: left, y: top, width: edge - left, height: bottom - top,
                    hover: "\(leftOut) iterations left out as warm-up (median over processes)") + "\n"
        }
        for tick in y.ticks {
            let level = y.position(tick)
            svg +=
                SVG.line("grid", from: (left, level), to: (right, level))
                + SVG.text("tick", x: left - 6, y: level + 4, anchor: .end, formatDuration(tick)) + "\n"
        }
        for tick in x.ticks {
            svg += SVG.text("tick", x: x.position(tick), y: bottom + 14, anchor: .middle, String(Int(tick)))
        }
        svg +=
            "\n" + SVG.line("axis", from: (left, bottom), to: (right, bottom))
            + SVG.text("axis-title", x: (left + right) / 2, y: bottom + 32, anchor: .middle, "iteration") + "\n"
        if let median = chart.median {
            let level = y.position(median)
            svg +=
                SVG.line(
                    "median", from: (left, level), to: (right, level),
                    hover: "steady-state median \(formatDuration(median))")
                + "\n"
        }
        for (process, rows) in chart.processes {
            let colour = Self.colour(process)
            let points = rows.map { (x: x.position(Double($0.iteration ?? 0)), y: y.position($0.value)) }
            svg += SVG.polyline("curve", points: points, stroke: colour) + "\n"
            for (row, point) in zip(rows, points) {
                let hover =
                    "process #\(process), iteration \(row.iteration ?? 0): \(formatDuration(row.value))"
                    + (row.warmup ? " (warm-up)" : "")
                svg += SVG.circle(
                    row.warmup ? "point warm-up-point" : "point", x: point.x, y: point.y, radius: 3,
                    fill: row.warmup ? "#ffffff" : colour, stroke: colour, hover: hover)
            }
            svg += "\n"
        }
        return svg + "</svg>"
    }
}
