import Foundation

/// The SVG elements the HTML report's charts are drawn with. Coordinates print with one decimal
/// so a chart is the same bytes every time; text and hover text are escaped like all `HTML`.
enum SVG {
    /// Where a text's anchor point is.
    enum Anchor: String {
        /// The text starts there.
        case start
        /// The text is centred there.
        case middle
        /// The text ends there.
        case end
    }

    /// The opening tag of a chart of `width` × `height` pixels that scales down with the page,
    /// named `label` for screen readers.
    static func start(class name: String, width: Double, height: Double, label: String) -> HTML {
        let size = "0 0 \(number(width)) \(number(height))"
        return "<svg class=\"\(name)\" viewBox=\"\(size)\" width=\"\(number(width))\" height=\"\(number(height))\" "
            + "role=\"img\" aria-label=\"\(label)\">\n"
    }

    /// A line from `from` to `to`, with hover text if given.
    static func line(
        _ name: String, from: (x: Double, y: Double), to: (x: Double, y: Double), hover: String? = nil
    ) -> HTML {
        element(
            "line",
            [
                ("class", name), ("x1", number(from.x)), ("y1", number(from.y)), ("x2", number(to.x)),
                ("y2", number(to.y)),
            ],
            hover: hover)
    }

    /// `content` as text whose anchor is at (`x`, `y`).
    static func text(_ name: String, x: Double, y: Double, anchor: Anchor = .start, _ content: String) -> HTML {
        let position: HTML = anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\""
        return "<text class=\"\(name)\" x=\"\(number(x))\" y=\"\(number(y))\"\(position)>\(content)</text>"
    }

    /// A rectangle with its top left corner at (`x`, `y`), a fill if given and hover text if given.
    static func rect(
        _ name: String, x: Double, y: Double, width: Double, height: Double, fill: String? = nil,
        hover: String? = nil
    ) -> HTML {
        let attributes = [
            ("class", name), ("x", number(x)), ("y", number(y)), ("width", number(width)), ("height", number(height)),
        ]
        return element("rect", attributes + (fill.map { [("fill", $0)] } ?? []), hover: hover)
    }

    /// A circle of radius `radius` around (`x`, `y`), filled and outlined, with hover text.
    static func circle(
        _ name: String, x: Double, y: Double, radius: Double, fill: String, stroke: String, hover: String
    ) -> HTML {
        element(
            "circle",
            [
                ("class", name), ("cx", number(x)), ("cy", number(y)), ("r", number(radius)), ("fill", fill),
                ("stroke", stroke),
            ],
            hover: hover)
    }

    /// A line through `points` in the colour `stroke`.
    static func polyline(_ name: String, points: [(x: Double, y: Double)], stroke: String) -> HTML {
        let path = points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
        return element("polyline", [("class", name), ("points", path), ("stroke", stroke)])
    }

    /// A horizontal whisker from `low` to `high` at height `y`, with end caps `cap` pixels high.
    static func whisker(_ name: String, low: Double, high: Double, y: Double, cap: Double) -> HTML {
        let (from, to, top, bottom) = (number(low), number(high), number(y - cap / 2), number(y + cap / 2))
        let path = "M\(from) \(number(y))H\(to)M\(from) \(top)V\(bottom)M\(to) \(top)V\(bottom)"
        return element("path", [("class", name), ("d", path)])
    }

    /// An element with the given attributes, empty or holding its hover text.
    private static func element(_ tag: String, _ attributes: [(String, String)], hover: String? = nil) -> HTML {
        let list = HTML(joining: attributes.map { " \($0.0)=\"\($0.1)\"" as HTML })
        guard let hover else { return "<\(tag)\(list)/>" }
        return "<\(tag)\(list)><title>\(hover)</title></\(tag)>"
    }

    /// A coordinate with one decimal (`-0.0` printed as `0.0`).
    static func number(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text == "-0.0" ? "0.0" : text
    }
}
