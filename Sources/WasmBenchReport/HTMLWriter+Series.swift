extension HTMLWriter {
    /// Value against run for one series, 760 × 250 px: a line through the runs' values, each
    /// point's interval as a whisker, a dashed line before each step change.
    func seriesChart(_ chart: SeriesChart) -> HTML {
        let (left, top, right, bottom) = (80.0, 12.0, 740.0, 200.0)
        let highest = chart.points.flatMap { [$0.value, $0.high ?? 0] }.filter(\.isFinite).max() ?? 0
        let x = Axis.linear(
            upTo: Double(max(chart.points.count - 1, 1)), ticks: 10, minimumStep: 1, from: left + 10, to: right - 10)
        let y = Axis.linear(upTo: highest, ticks: 4, from: bottom, to: top)
        let show = { (value: Double) in ReportIndex.format(value, unit: chart.unit) }
        var svg = Self.svg("chart series", width: 760, height: 250, label: chart.label)
        for tick in y.ticks {
            let level = y.position(tick)
            svg +=
                Self.line("grid", left, level, right, level) + Self.text("tick", left - 6, level + 4, "end", show(tick))
            svg += "\n"
        }
        svg += HTML(
            joining: x.ticks.map { Self.text("tick", x.position($0), bottom + 14, "middle", String(Int($0) + 1)) })
        svg +=
            "\n" + Self.line("axis", left, bottom, right, bottom)
            + Self.text("axis-title", (left + right) / 2, bottom + 34, "middle", "run, oldest first") + "\n"
        for step in chart.steps where step > 0 {
            let edge = (x.position(Double(step - 1)) + x.position(Double(step))) / 2
            svg += Self.line("median", edge, top, edge, bottom, hover: "step change before run \(step + 1)") + "\n"
        }
        let positions = chart.points.enumerated().map {
            (x: x.position(Double($0.offset)), y: y.position($0.element.value))
        }
        let path = positions.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        svg += Self.element("polyline", "curve", [], [path, Self.colour(0)]) + "\n"
        for (point, position) in zip(chart.points, positions) {
            if let low = point.low, let high = point.high, low.isFinite, high.isFinite {
                let (from, to) = (Self.number(y.position(low)), Self.number(y.position(high)))
                let (start, end) = (Self.number(position.x - 4), Self.number(position.x + 4))
                let middle = Self.number(position.x)
                svg += Self.element(
                    "path", "whisker", [], ["M\(middle) \(from)V\(to)M\(start) \(from)H\(end)M\(start) \(to)H\(end)"])
            }
            svg += Self.element(
                "circle", "point", [position.x, position.y, 3.5], [Self.colour(0), Self.colour(0)], hover: point.hover)
            svg += "\n"
        }
        return svg + "</svg>"
    }
}
