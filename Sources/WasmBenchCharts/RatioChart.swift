import Foundation

/// Horizontal bars, one per runtime (or category): ratios on a log scale around 1×, or shares of
/// a whole on a linear scale from 0; its accessible name and its axis title.
package struct RatioChart {
    /// A runtime's ratio with its interval.
    package struct Bar {
        /// The row's label (a runtime id), followed by `†` when `unfair`.
        package var label: String
        package var unfair: Bool
        package var ratio: Double
        package var low: Double?
        package var high: Double?
        /// The text after the bar, e.g. `1.42× [1.38–1.47]`.
        package var value: String
        package var hover: String
        /// The position of the bar's colour in the charts' palette (``SVG/colour(_:)``).
        package var colour: Int

        package init(
            label: String, unfair: Bool = false, ratio: Double, low: Double? = nil, high: Double? = nil,
            value: String, hover: String, colour: Int
        ) {
            (self.label, self.unfair, self.ratio, self.low, self.high) = (label, unfair, ratio, low, high)
            (self.value, self.hover, self.colour) = (value, hover, colour)
        }
    }

    package var bars: [Bar]
    package var label: String
    package var axis: String

    package init(bars: [Bar], label: String, axis: String) {
        (self.bars, self.label, self.axis) = (bars, label, axis)
    }

    /// The axis of a section's ratio charts, which share it so they can be read against each other:
    /// between label and value columns as wide as the longest texts at the charts' 12 px font.
    package static func axis(for bars: [Bar]) -> Axis {
        func width(_ texts: [String], _ range: ClosedRange<Double>) -> Double {
            min(max(Double(texts.map(\.count).max() ?? 0) * 7 + 16, range.lowerBound), range.upperBound)
        }
        let labels = width(bars.map { $0.label + ($0.unfair ? " †" : "") }, 80...280)
        let values = bars.flatMap { [$0.ratio, $0.low, $0.high].compactMap { $0 } }
        return .log(covering: values, from: labels, to: 760 - width(bars.map(\.value), 110...230))
    }

    /// The bars as ratios on `axis` (a section's shared one, ``axis(for:)``), or on their own.
    package func ratios(on axis: Axis? = nil) -> HTML {
        draw(axis ?? Self.axis(for: bars), logScale: true)
    }

    /// The bars as shares from 0 to 1, on a percentage axis up to the largest.
    package func shares() -> HTML {
        draw(.linear(upTo: (bars.map(\.ratio).max() ?? 0) * 100, ticks: 5, from: 130, to: 640), logScale: false)
    }

    /// Horizontal bars, 26 px a row, the label before each bar and the value after the plot: on a
    /// log scale (`logScale`) ratios from the dashed 1× line, their intervals as whiskers; else
    /// shares from 0 on a linear percentage axis.
    private func draw(_ axis: Axis, logScale: Bool) -> HTML {
        let bottom = 10 + 26 * Double(bars.count)
        var svg = SVG.open("chart", width: 760, height: bottom + 40, label: label)
        for tick in axis.ticks {
            let (x, label) = (axis.position(tick), logScale ? String(format: "%g", tick) + "×" : "\(Int(tick))%")
            svg += SVG.line("grid", x, 10, x, bottom) + SVG.text("tick", x, bottom + 14, "middle", label) + "\n"
        }
        let origin = axis.position(logScale ? 1 : 0)
        if logScale { svg += SVG.line("reference", origin, 6, origin, bottom) + "\n" }
        for (row, bar) in bars.enumerated() {
            let (centre, end) = (10 + 26 * (Double(row) + 0.5), axis.position(bar.ratio * (logScale ? 1 : 100)))
            svg += SVG.text("label", axis.start - 8, centre + 4, "end", bar.label + (bar.unfair ? " †" : ""))
            svg += SVG.element(
                "rect", "bar", [min(origin, end), centre - 8, max(abs(end - origin), 1), 16],
                [SVG.colour(bar.colour)], hover: bar.hover)
            if let low = bar.low, let high = bar.high, low.isFinite, high.isFinite {
                let (from, to) = (SVG.number(axis.position(low)), SVG.number(axis.position(high)))
                let (top, foot) = (SVG.number(centre - 5), SVG.number(centre + 5))
                let path = "M\(from) \(SVG.number(centre))H\(to)M\(from) \(top)V\(foot)M\(to) \(top)V\(foot)"
                svg += SVG.element("path", "whisker", [], [path])
            }
            svg += SVG.text("value", axis.end + 8, centre + 4, nil, bar.value) + "\n"
        }
        let title = logScale ? "\(self.axis) (log scale)" : self.axis
        return svg + SVG.text("axis-title", (axis.start + axis.end) / 2, bottom + 32, "middle", title) + "\n</svg>"
    }
}
