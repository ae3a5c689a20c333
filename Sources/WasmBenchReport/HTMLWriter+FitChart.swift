/// The size charts: each runtime's estimates against the size, with their intervals, and the
/// fitted line in the same colour.
extension HTMLWriter {
    func fitChart(_ chart: FitChart) -> HTML {
        let (left, top, right, bottom) = (80.0, 12.0, 740.0, 200.0)
        let points = chart.series.flatMap(\.points)
        let largest = points.map(\.size).filter(\.isFinite).max() ?? 1
        let highest = points.flatMap { [$0.value, $0.high ?? 0] }.filter(\.isFinite).max() ?? 0
        let x = Axis.linear(upTo: largest, ticks: 8, from: left + 10, to: right - 10)
        let y = Axis.linear(upTo: highest, ticks: 4, from: bottom, to: top)
        let showSize = { (size: Double) in
            chart.sizeUnit.map { ReportIndex.format(size, unit: $0) } ?? formatCount(size)
        }
        var svg = Self.svg("chart fit", width: 760, height: 250, label: chart.label)
        svg += Self.axes(
            x: x, showSize, y: y, { ReportIndex.format($0, unit: chart.unit) }, left: left, right: right,
            bottom: bottom, title: chart.axis, gap: 34)
        for series in chart.series {
            let colour = Self.colour(series.colour)
            if let line = series.line {
                // Clipped to the plot: from the smallest to the largest size, inside the y range.
                let sizes = series.points.map(\.size)
                let ends = [sizes.min() ?? 0, sizes.max() ?? 0].map { size in
                    (
                        x: x.position(size),
                        y: y.position(min(max(line.intercept + line.slope * size, 0), y.ticks.last ?? highest))
                    )
                }
                let hover = "\(series.label): fitted line"
                svg +=
                    Self.element(
                        "polyline", "curve", [],
                        [ends.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " "), colour],
                        hover: hover) + "\n"
            }
            for point in series.points {
                let position = (x: x.position(point.size), y: y.position(point.value))
                if let low = point.low, let high = point.high, low.isFinite, high.isFinite {
                    let (from, to) = (Self.number(y.position(max(low, 0))), Self.number(y.position(high)))
                    let (start, end) = (Self.number(position.x - 4), Self.number(position.x + 4))
                    let middle = Self.number(position.x)
                    svg += Self.element(
                        "path", "whisker", [],
                        ["M\(middle) \(from)V\(to)M\(start) \(from)H\(end)M\(start) \(to)H\(end)"])
                }
                svg +=
                    Self.element(
                        "circle", "point", [position.x, position.y, 3.5], [colour, colour], hover: point.hover) + "\n"
            }
        }
        return svg + "</svg>"
    }
}
