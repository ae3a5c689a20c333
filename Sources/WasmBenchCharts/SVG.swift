import Foundation

/// The pieces every chart is drawn with: its opening tag, lines, texts, other elements with
/// coordinates printed the same way every time, the axes of a plot, and the series colours.
package enum SVG {
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
    static func open(_ name: String, width: Double, height: Double, label: String) -> HTML {
        let (width, height) = (number(width), number(height))
        return "<svg class=\"\(name)\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "role=\"img\" aria-label=\"\(label)\">\n"
    }

    /// A line of class `name` from (`x1`, `y1`) to (`x2`, `y2`), with hover text if given.
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

    /// The colour of the `position`th runtime or process: Okabe and Ito's colour-blind-safe
    /// palette (without its yellow, too pale on white) and two darker tones, then round again.
    package static func colour(_ position: Int) -> String {
        let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#6E6E6E", "#8C564B"]
        return palette[position % palette.count]
    }
}
