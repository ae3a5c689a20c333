import Foundation

/// A chart's axis: where its ticks are and where a value goes, in pixels.
struct Axis {
    var start: Double
    var end: Double
    var ticks: [Double]
    var position: (Double) -> Double

    /// A log axis for ratios holding every positive finite value and 1, widened to round numbers (at
    /// least from ½ to 2); ticks at every 1-2-5 number, or past ten of them at the powers of ten and
    /// the ends. A value that is not a positive number sits at 1.
    static func log(covering values: [Double], from start: Double, to end: Double) -> Axis {
        let usable = values.filter { $0.isFinite && $0 > 0 } + [1]
        var (low, high) = (round(usable.min() ?? 1, up: false), round(usable.max() ?? 1, up: true))
        if high / low < 1.5 { (low, high) = (round(low * 0.99, up: false), round(high * 1.01, up: true)) }
        let exponents = (Int(floor(log10(low))) - 1)...(Int(ceil(log10(high))) + 1)
        let numbers: [Double] = exponents.flatMap { exponent in [1.0, 2, 5].map { $0 * pow(10, Double(exponent)) } }
        var ticks = numbers.filter { $0 >= low * (1 - 1e-9) && $0 <= high * (1 + 1e-9) }
        if ticks.count > 10 {
            let same = { (a: Double, b: Double) in abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }
            let decades = ticks.filter { same($0, pow(10, log10($0).rounded())) && !same($0, low) && !same($0, high) }
            ticks = [low] + decades + [high]
        }
        return Axis(start: start, end: end, ticks: ticks) { value in
            let clamped = value.isFinite && value > 0 ? min(max(value, low), high) : 1
            return start + (log10(clamped) - log10(low)) / (log10(high) - log10(low)) * (end - start)
        }
    }

    /// A linear axis from 0 holding `maximum`, with about `ticks` round steps, none under `minimumStep`.
    /// A maximum whose round steps cannot be counted (a subnormal such as 5e-324, where a step
    /// rounds to 0, or one near the top of `Double`'s range) gets the axis from 0 to itself alone.
    static func linear(upTo maximum: Double, ticks: Int, minimumStep: Double = 0, from start: Double, to end: Double)
        -> Axis
    {
        let maximum = maximum.isFinite && maximum > 0 ? maximum : 1
        let step = max(round(maximum / Double(max(1, ticks)), up: true), minimumStep)
        let high = (maximum / step * (1 - 1e-9)).rounded(.up) * step
        guard step.isNormal, high.isNormal, (high / step).rounded() <= 1000 else {
            return Axis(start: start, end: end, ticks: [0, maximum]) { start + $0 / maximum * (end - start) }
        }
        let ticks = (0...Int((high / step).rounded())).map { Double($0) * step }
        return Axis(start: start, end: end, ticks: ticks) { start + $0 / high * (end - start) }
    }

    /// The nearest round number (1, 2 or 5 times a power of ten) above or below a positive `value`.
    private static func round(_ value: Double, up: Bool) -> Double {
        let scale = pow(10, floor(log10(value)))
        guard up else { return [10.0, 5, 2, 1].map { $0 * scale }.first { $0 <= value * (1 + 1e-9) } ?? scale }
        return [1.0, 2, 5, 10].map { $0 * scale }.first { $0 >= value * (1 - 1e-9) } ?? 10 * scale
    }
}

extension HTMLWriter {
    /// The axis of a section's ratio charts, which share it so they can be read against each other:
    /// between label and value columns as wide as the longest texts at the charts' 12 px font.
    static func ratioAxis(_ bars: [RatioChart.Bar]) -> Axis {
        func width(_ texts: [String], _ range: ClosedRange<Double>) -> Double {
            min(max(Double(texts.map(\.count).max() ?? 0) * 7 + 16, range.lowerBound), range.upperBound)
        }
        let labels = width(bars.map { $0.label + ($0.unfair ? " †" : "") }, 80...280)
        let values = bars.flatMap { [$0.ratio, $0.low, $0.high].compactMap { $0 } }
        return .log(covering: values, from: labels, to: 760 - width(bars.map(\.value), 110...230))
    }

    /// Horizontal bars, 26 px a row, the label before each bar and the value after the plot: on a
    /// log scale (`logScale`) ratios from the dashed 1× line, their intervals as whiskers; else
    /// shares from 0 on a linear percentage axis.
    func barChart(_ chart: RatioChart, axis: Axis, logScale: Bool) -> HTML {
        let bottom = 10 + 26 * Double(chart.bars.count)
        var svg = Self.svg("chart", width: 760, height: bottom + 40, label: chart.label)
        for tick in axis.ticks {
            let (x, label) = (axis.position(tick), logScale ? String(format: "%g", tick) + "×" : "\(Int(tick))%")
            svg += Self.line("grid", x, 10, x, bottom) + Self.text("tick", x, bottom + 14, "middle", label) + "\n"
        }
        let origin = axis.position(logScale ? 1 : 0)
        if logScale { svg += Self.line("reference", origin, 6, origin, bottom) + "\n" }
        for (row, bar) in chart.bars.enumerated() {
            let (centre, end) = (10 + 26 * (Double(row) + 0.5), axis.position(bar.ratio * (logScale ? 1 : 100)))
            svg += Self.text("label", axis.start - 8, centre + 4, "end", bar.label + (bar.unfair ? " †" : ""))
            svg += Self.element(
                "rect", "bar", [min(origin, end), centre - 8, max(abs(end - origin), 1), 16],
                [Self.colour(bar.colour)], hover: bar.hover)
            if let low = bar.low, let high = bar.high, low.isFinite, high.isFinite {
                let (from, to) = (Self.number(axis.position(low)), Self.number(axis.position(high)))
                let (top, foot) = (Self.number(centre - 5), Self.number(centre + 5))
                let path = "M\(from) \(Self.number(centre))H\(to)M\(from) \(top)V\(foot)M\(to) \(top)V\(foot)"
                svg += Self.element("path", "whisker", [], [path])
            }
            svg += Self.text("value", axis.end + 8, centre + 4, nil, bar.value) + "\n"
        }
        let title = logScale ? "\(chart.axis) (log scale)" : chart.axis
        return svg + Self.text("axis-title", (axis.start + axis.end) / 2, bottom + 32, "middle", title) + "\n</svg>"
    }

    /// A plot's axes between `left` and `right` above `bottom`: a grid line and a label per `y`
    /// tick, a label per `x` tick, the bottom axis and its title `gap` px under it.
    static func axes(
        x: Axis, _ xLabel: (Double) -> String, y: Axis, _ yLabel: (Double) -> String, left: Double, right: Double,
        bottom: Double, title: String, gap: Double
    ) -> HTML {
        let grid = y.ticks.map { tick -> HTML in
            let level = y.position(tick)
            return line("grid", left, level, right, level) + text("tick", left - 6, level + 4, "end", yLabel(tick))
        }
        let labels = x.ticks.map { text("tick", x.position($0), bottom + 14, "middle", xLabel($0)) }
        var svg = HTML(joining: grid.map { $0 + "\n" }) + HTML(joining: labels)
        svg += "\n" + line("axis", left, bottom, right, bottom)
        return svg + text("axis-title", (left + right) / 2, bottom + gap, "middle", title) + "\n"
    }

    /// A line through `points` in `colour`, then a line break.
    static func polyline(_ points: [(x: Double, y: Double)], colour: String, hover: String? = nil) -> HTML {
        let path = points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
        return element("polyline", "curve", [], [path, colour], hover: hover) + "\n"
    }

    /// The opening tag of a chart that scales down with the page, named `label` for screen readers.
    static func svg(_ name: String, width: Double, height: Double, label: String) -> HTML {
        let (width, height) = (number(width), number(height))
        return "<svg class=\"\(name)\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "role=\"img\" aria-label=\"\(label)\">\n"
    }

    static func line(
        _ name: String, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, hover: String? = nil
    ) -> HTML {
        element("line", name, [x1, y1, x2, y2], hover: hover)
    }

    /// `content` as text anchored at (`x`, `y`): at its start unless `anchor` says `middle` or `end`.
    static func text(_ name: String, _ x: Double, _ y: Double, _ anchor: String?, _ content: String) -> HTML {
        let position: HTML = anchor.map { " text-anchor=\"\($0)\"" } ?? ""
        return "<text class=\"\(name)\" x=\"\(number(x))\" y=\"\(number(y))\"\(position)>\(content)</text>"
    }

    /// An element with its class, then the attributes its tag takes in order (`numbers` with one
    /// decimal so a chart is the same bytes every time, then `texts`), empty or holding hover text.
    static func element(
        _ tag: String, _ name: String, _ numbers: [Double], _ texts: [String] = [], hover: String? = nil
    ) -> HTML {
        let names = [
            "line": ["x1", "y1", "x2", "y2"], "rect": ["x", "y", "width", "height", "fill"],
            "circle": ["cx", "cy", "r", "fill", "stroke"], "polyline": ["points", "stroke"], "path": ["d"],
        ]
        let values = [name] + numbers.map(number) + texts
        let attributes = zip(["class"] + (names[tag] ?? []), values).map { " \($0)=\"\($1)\"" as HTML }
        guard let hover else { return "<\(tag)\(attributes)/>" }
        return "<\(tag)\(attributes)><title>\(hover)</title></\(tag)>"
    }

    /// A coordinate with one decimal (`-0.0` printed as `0.0`).
    static func number(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }
}
