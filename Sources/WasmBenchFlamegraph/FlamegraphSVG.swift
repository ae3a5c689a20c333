import WasmBenchModel

/// Draws a flamegraph as a self-contained SVG document: no script, no style sheet, no fonts or
/// images fetched; hover text comes from each frame's `<title>`.
///
/// The layout is Brendan Gregg's ("The Flame Graph", Communications of the ACM 59(6), 2016): the
/// root at the bottom, each frame on top of its caller, its width proportional to its count,
/// siblings ordered by name. A frame is a rectangle and its name, clipped to the rectangle (a
/// nested `<svg>` viewport) and shortened with `..` when it does not fit; frames narrower than
/// ``minimumWidth`` are left out, with everything above them. Every name is escaped for XML, and
/// characters XML cannot hold become `?`, so a function name from an untrusted module cannot
/// change the document. A pure function of its input: equal input, equal bytes.
public struct FlamegraphSVG: Sendable {
    /// The drawing's width in pixels.
    public var width = 1200.0
    /// One frame's height in pixels.
    public var frameHeight = 17.0
    /// The narrowest frame drawn, in pixels.
    public var minimumWidth = 0.3

    /// A renderer with the default sizes.
    public init() {}

    /// How a frame is painted and what its hover text adds.
    public struct Paint: Sendable {
        /// The fill colour, `rgb(…)`.
        public var fill: String
        /// A sentence after the frame's name and count in its hover text.
        public var detail: String?

        /// Creates a paint.
        public init(fill: String, detail: String? = nil) {
            self.fill = fill
            self.detail = detail
        }
    }

    /// A flamegraph of `stacks` coloured by name (warm colours from a hash of the name, as
    /// flamegraph.pl's `hot` palette does), headed by `title` and `subtitle`; `unit` names what
    /// the counts count (`samples`, `instructions`).
    public func render(_ stacks: FoldedStacks, title: String, subtitle: String, unit: String) -> String {
        draw(FlameTree(stacks), title: title, subtitle: subtitle, unit: unit) { name, isRoot in
            Paint(fill: isRoot ? "rgb(230,230,230)" : Self.warm(name))
        }
    }

    /// The SVG of `tree`, each frame painted by `paint(name, isRoot)`.
    func draw(
        _ tree: FlameTree, title: String, subtitle: String, unit: String, paint: (String, Bool) -> Paint
    ) -> String {
        let top = 44.0
        let height = top + Double(tree.root.depth) * frameHeight + 8
        let total = max(Double(tree.root.count), 1)
        let scale = (width - 20) / total
        var frames: [String] = []
        // Depth-first, the root first: each frame knows its left edge and depth.
        var pending: [(node: FlameTree.Node, x: Double, depth: Int)] = [(tree.root, 10, 0)]
        while let (node, x, depth) = pending.popLast() {
            let frameWidth = Double(node.count) * scale
            guard frameWidth >= minimumWidth else { continue }
            let y = height - 8 - Double(depth + 1) * frameHeight
            let share = Double(node.count) / total
            let look = paint(node.name, depth == 0)
            let hover =
                "\(node.name): \(node.count) \(unit), \(Self.percent(share))" + (look.detail.map { "; \($0)" } ?? "")
            frames.append(frame(node.name, hover: hover, fill: look.fill, x: x, y: y, width: frameWidth))
            var left = x
            for child in node.children {
                pending.append((child, left, depth + 1))
                left += Double(child.count) * scale
            }
        }
        let header = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flamegraph\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
                + "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" role=\"img\" aria-label=\"\(Self.escape(title))\" "
                + "style=\"max-width:100%;height:auto\" font-family=\"Verdana, system-ui, sans-serif\" font-size=\"11\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"#f9f9f9\"/>",
            "<text x=\"\(Self.number(width / 2))\" y=\"18\" text-anchor=\"middle\" font-size=\"15\">\(Self.escape(title))</text>",
            "<text x=\"\(Self.number(width / 2))\" y=\"35\" text-anchor=\"middle\" fill=\"#555\">\(Self.escape(subtitle))</text>",
        ]
        return (header + frames + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    /// One frame: its hover text, and the rectangle and name in a viewport that clips the name.
    private func frame(_ name: String, hover: String, fill: String, x: Double, y: Double, width: Double) -> String {
        let characters = Int((width - 6) / 6.6)
        let label =
            characters < 3 ? "" : name.count <= characters ? name : String(name.prefix(characters - 2)) + ".."
        let text = label.isEmpty ? "" : "<text x=\"3\" y=\"12\">\(Self.escape(label))</text>"
        return "<g><title>\(Self.escape(hover))</title><svg x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" "
            + "width=\"\(Self.number(width))\" height=\"\(Self.number(frameHeight - 1))\">"
            + "<rect width=\"100%\" height=\"100%\" rx=\"2\" fill=\"\(fill)\"/>\(text)</svg></g>"
    }

    /// `text` escaped for XML content and attribute values; characters XML 1.0 cannot hold become `?`.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped += " "
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value) && !(0x7F...0x9F).contains(value)
                escaped.unicodeScalars.append(allowed ? scalar : "?")
            }
        }
        return escaped
    }

    /// A coordinate with at most two decimals, the same on every machine.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = abs(hundredths % 100)
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        return fraction == 0
            ? "\(sign)\(whole)"
            : "\(sign)\(whole)."
                + (fraction % 10 == 0 ? "\(fraction / 10)" : fraction < 10 ? "0\(fraction)" : "\(fraction)")
    }

    /// A share as a percentage with two decimals.
    static func percent(_ share: Double) -> String {
        number(share * 100) + "%"
    }

    /// A warm colour from the name's FNV-1a hash: red to yellow, never the differential's blues.
    static func warm(_ name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let red = 205 + Int(hash % 51)
        let green = Int((hash >> 16) % 231)
        let blue = Int((hash >> 32) % 56)
        return "rgb(\(red),\(green),\(blue))"
    }
}
