/// The charts of values against sizes, runs or iterations: each series' points with their
/// intervals as whiskers, and its fitted line or the line through its points in the same colour.
extension HTMLWriter {
    /// Against sizes or runs 760 × 250 px, a point and a line break at a time; against iterations
    /// 340 × 210 px, a line per process, the iterations left out as warm-up shaded and the
    /// steady-state median dashed.
    func pointChart(_ chart: PointChart) -> HTML {
        let small = if case .iterations = chart.across { true } else { false }
        let fitted = if case .sizes = chart.across { true } else { false }
        let (left, top, right, bottom) = small ? (64.0, 12.0, 328.0, 170.0) : (80.0, 12.0, 740.0, 200.0)
        let points = chart.series.flatMap(\.points)
        let largest = points.map(\.size).filter(\.isFinite).max() ?? 1
        let highest = points.flatMap { [$0.value, $0.high ?? 0] }.filter(\.isFinite).max() ?? 0
        let show = { (value: Double) in ReportIndex.format(value, unit: chart.unit) }
        var y = Axis.linear(upTo: highest, ticks: 4, from: bottom, to: top)
        var svg: HTML
        let x: Axis
        switch chart.across {
        case .sizes(let name, let unit):
            x = Axis.linear(upTo: largest, ticks: 8, from: left + 10, to: right - 10)
            let showSize = { (size: Double) in unit.map { ReportIndex.format(size, unit: $0) } ?? formatCount(size) }
            svg = Self.svg("chart fit", width: 760, height: 250, label: chart.label)
            svg += Self.axes(
                x: x, showSize, y: y, show, left: left, right: right, bottom: bottom, title: name, gap: 34)
        case .runs(let steps):
            x = Axis.linear(upTo: max(largest, 1), ticks: 10, minimumStep: 1, from: left + 10, to: right - 10)
            svg = Self.svg("chart series", width: 760, height: 250, label: chart.label)
            svg += Self.axes(
                x: x, { String(Int($0) + 1) }, y: y, show, left: left, right: right, bottom: bottom,
                title: "run, oldest first", gap: 34)
            for step in steps where step > 0 {
                let edge = (x.position(Double(step - 1)) + x.position(Double(step))) / 2
                svg += Self.line("median", edge, top, edge, bottom, hover: "step change before run \(step + 1)") + "\n"
            }
        case .iterations(let median, let leftOut):
            // Points keep a few pixels off the plot's edges.
            x = Axis.linear(upTo: max(largest, 1), ticks: 8, minimumStep: 1, from: left + 8, to: right - 8)
            y = Axis.linear(upTo: max(highest, median ?? 0), ticks: 4, from: bottom, to: top)
            svg = Self.svg("chart warm-up", width: 340, height: 210, label: chart.label)
            if let leftOut, leftOut > 0 {
                let edge = min(max(x.position(Double(leftOut) - 0.5), left), right)
                let hover = "\(leftOut) iterations left out as warm-up (median over processes)"
                svg +=
                    Self.element("rect", "warm-up-band", [left, top, edge - left, bottom - top], hover: hover) + "\n"
            }
            svg += Self.axes(
                x: x, { String(Int($0)) }, y: y, show, left: left, right: right, bottom: bottom, title: "iteration",
                gap: 32)
            if let median {
                let level = y.position(median)
                svg += Self.line("median", left, level, right, level, hover: "steady-state median \(show(median))")
                svg += "\n"
            }
        }
        for series in chart.series {
            let colour = Self.colour(series.colour)
            let positions = series.points.map { (x: x.position($0.size), y: y.position($0.value)) }
            if fitted, let line = series.line {
                // Clipped to the plot: from the smallest to the largest size, inside the y range.
                let sizes = series.points.map(\.size)
                let ends = [sizes.min() ?? 0, sizes.max() ?? 0].map { size in
                    (
                        x: x.position(size),
                        y: y.position(min(max(line.intercept + line.slope * size, 0), y.ticks.last ?? highest))
                    )
                }
                svg += Self.polyline(ends, colour: colour, hover: "\(series.label): fitted line")
            } else if !fitted {
                svg += Self.polyline(positions, colour: colour)
            }
            for (point, position) in zip(series.points, positions) {
                if let low = point.low, let high = point.high, low.isFinite, high.isFinite {
                    let (from, to) = (Self.number(y.position(max(low, 0))), Self.number(y.position(high)))
                    let (start, end) = (Self.number(position.x - 4), Self.number(position.x + 4))
                    let middle = Self.number(position.x)
                    svg += Self.element(
                        "path", "whisker", [],
                        ["M\(middle) \(from)V\(to)M\(start) \(from)H\(end)M\(start) \(to)H\(end)"])
                }
                svg += Self.element(
                    "circle", point.warmUp ? "point warm-up-point" : "point",
                    [position.x, position.y, small ? 3 : 3.5],
                    [point.warmUp ? "#ffffff" : colour, colour], hover: point.hover)
                if !small { svg += "\n" }
            }
            if small { svg += "\n" }
        }
        return svg + "</svg>"
    }
}
