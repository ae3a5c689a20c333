import Foundation
import WasmBenchModel

/// Values against a size, a run or an iteration, each point with its interval: against sizes a
/// series per runtime with its fitted line, against runs or iterations a line through the points.
package struct PointChart {
    /// What the x axis counts.
    package enum Across {
        /// Sizes called `name` (the axis' title), shown in `unit` (bytes as `KiB`) or as numbers.
        case sizes(name: String, unit: MeasureUnit?)
        /// Stored runs, oldest first (a point's size is its position), a dashed line before each
        /// of `steps` (the positions that start a step change).
        case runs(steps: [Int])
        /// The iterations of one workload × runtime, a series per process: the steady-state
        /// `median` drawn dashed, the `leftOut` iterations (warm-up) shaded.
        case iterations(median: Double?, leftOut: Int?)
    }

    /// One runtime's points and line.
    package struct Series {
        /// One size's (run's, iteration's) estimate with its interval and what hovering over it says.
        package struct Point {
            package var size: Double
            package var value: Double
            package var low: Double?
            package var high: Double?
            package var hover: String
            /// A warm-up iteration (configured), drawn hollow.
            package var warmUp: Bool

            package init(
                size: Double, value: Double, low: Double? = nil, high: Double? = nil, hover: String,
                warmUp: Bool = false
            ) {
                (self.size, self.value, self.low, self.high, self.hover, self.warmUp) = (
                    size, value, low, high, hover, warmUp
                )
            }
        }

        package var points: [Point]
        /// The fitted line (intercept, slope), drawn across the sizes; nil without a fit.
        package var line: (intercept: Double, slope: Double)?
        /// The position of the series' colour in the charts' palette.
        package var colour: Int
        /// The runtime id, for the line's hover text.
        package var label: String

        package init(points: [Point], line: (intercept: Double, slope: Double)? = nil, colour: Int, label: String) {
            (self.points, self.line, self.colour, self.label) = (points, line, colour, label)
        }
    }

    /// The chart's accessible name.
    package var label: String
    package var across: Across
    /// The unit of the values.
    package var unit: MeasureUnit
    package var series: [Series]

    package init(label: String, across: Across, unit: MeasureUnit, series: [Series]) {
        (self.label, self.across, self.unit, self.series) = (label, across, unit, series)
    }

    /// The chart drawn, values (and sizes, a count where the size has no unit) shown by `format`.
    /// Against sizes or runs 760 × 250 px, a point and a line break at a time; against iterations
    /// 340 × 210 px, a line per process, the iterations left out as warm-up shaded and the
    /// steady-state median dashed.
    package func svg(formatting format: @escaping (Double, MeasureUnit?) -> String) -> HTML {
        let small = if case .iterations = across { true } else { false }
        let fitted = if case .sizes = across { true } else { false }
        let (left, top, right, bottom) = small ? (64.0, 12.0, 328.0, 170.0) : (80.0, 12.0, 740.0, 200.0)
        let points = self.series.flatMap(\.points)
        let largest = points.map(\.size).filter(\.isFinite).max() ?? 1
        let highest = points.flatMap { [$0.value, $0.high ?? 0] }.filter(\.isFinite).max() ?? 0
        let show = { (value: Double) in format(value, self.unit) }
        var y = Axis.linear(upTo: highest, ticks: 4, from: bottom, to: top)
        var svg: HTML
        let x: Axis
        switch across {
        case .sizes(let name, let unit):
            x = Axis.linear(upTo: largest, ticks: 8, from: left + 10, to: right - 10)
            let showSize = { (size: Double) in format(size, unit) }
            svg = SVG.open("chart fit", width: 760, height: 250, label: label)
            svg += SVG.axes(
                x: x, showSize, y: y, show, left: left, right: right, bottom: bottom, title: name, gap: 34)
        case .runs(let steps):
            x = Axis.linear(upTo: max(largest, 1), ticks: 10, minimumStep: 1, from: left + 10, to: right - 10)
            svg = SVG.open("chart series", width: 760, height: 250, label: label)
            svg += SVG.axes(
                x: x, { String(Int($0) + 1) }, y: y, show, left: left, right: right, bottom: bottom,
                title: "run, oldest first", gap: 34)
            for step in steps where step > 0 {
                let edge = (x.position(Double(step - 1)) + x.position(Double(step))) / 2
                svg += SVG.line("median", edge, top, edge, bottom, hover: "step change before run \(step + 1)") + "\n"
            }
        case .iterations(let median, let leftOut):
            // Points keep a few pixels off the plot's edges.
            x = Axis.linear(upTo: max(largest, 1), ticks: 8, minimumStep: 1, from: left + 8, to: right - 8)
            y = Axis.linear(upTo: max(highest, median ?? 0), ticks: 4, from: bottom, to: top)
            svg = SVG.open("chart warm-up", width: 340, height: 210, label: label)
            if let leftOut, leftOut > 0 {
                let edge = min(max(x.position(Double(leftOut) - 0.5), left), right)
                let hover = "\(leftOut) iterations left out as warm-up (median over processes)"
                svg +=
                    SVG.element("rect", "warm-up-band", [left, top, edge - left, bottom - top], hover: hover) + "\n"
            }
            svg += SVG.axes(
                x: x, { String(Int($0)) }, y: y, show, left: left, right: right, bottom: bottom, title: "iteration",
                gap: 32)
            if let median {
                let level = y.position(median)
                svg += SVG.line("median", left, level, right, level, hover: "steady-state median \(show(median))")
                svg += "\n"
            }
        }
        for series in self.series {
            let colour = SVG.colour(series.colour)
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
                svg += SVG.polyline(ends, colour: colour, hover: "\(series.label): fitted line")
            } else if !fitted {
                svg += SVG.polyline(positions, colour: colour)
            }
            for (point, position) in zip(series.points, positions) {
                if let low = point.low, let high = point.high, low.isFinite, high.isFinite {
                    let (from, to) = (SVG.number(y.position(max(low, 0))), SVG.number(y.position(high)))
                    let (start, end) = (SVG.number(position.x - 4), SVG.number(position.x + 4))
                    let middle = SVG.number(position.x)
                    svg += SVG.element(
                        "path", "whisker", [],
                        ["M\(middle) \(from)V\(to)M\(start) \(from)H\(end)M\(start) \(to)H\(end)"])
                }
                svg += SVG.element(
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
