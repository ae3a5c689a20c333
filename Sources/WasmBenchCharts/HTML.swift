/// A fragment of HTML (or inline SVG) markup.
///
/// Text becomes markup only by escaping: in an `HTML` literal the literal parts are markup, an
/// interpolated `String` is escaped (`<`, `>`, `&`, `"` and `'`), an interpolated `HTML` is kept
/// as it is. So a runtime id, a message or a command line from a run can never open a tag or end
/// an attribute. Numbers must be formatted into text first (no `Double` interpolation), which
/// keeps the output deterministic.
package struct HTML: ExpressibleByStringInterpolation, Sendable {
    package private(set) var markup: String

    package init(stringLiteral markup: String) {
        self.markup = markup
    }

    package init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    /// Text, escaped; `quotes: false` for the report's own wording in element content, whose
    /// quotes stay as written.
    package init(text: String, quotes: Bool = true) {
        markup = ""
        for character in text {
            switch character {
            case "&": markup += "&amp;"
            case "<": markup += "&lt;"
            case ">": markup += "&gt;"
            case "\"" where quotes: markup += "&quot;"
            case "'" where quotes: markup += "&#39;"
            default: markup.append(character)
            }
        }
    }

    package init(joining fragments: [HTML], separator: HTML = "") {
        markup = fragments.map(\.markup).joined(separator: separator.markup)
    }

    package static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(joining: [lhs, rhs])
    }

    package static func += (lhs: inout HTML, rhs: HTML) {
        lhs.markup += rhs.markup
    }

    /// Literal markup with text (escaped), whole numbers and fragments (kept) interpolated.
    package struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        package init(literalCapacity: Int, interpolationCount: Int) {}

        package mutating func appendLiteral(_ literal: String) { markup += literal }
        package mutating func appendInterpolation(_ text: String) { markup += HTML(text: text).markup }
        package mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        package mutating func appendInterpolation(_ fragment: HTML) { markup += fragment.markup }
        package mutating func appendInterpolation(_ fragments: [HTML]) { markup += fragments.map(\.markup).joined() }
    }
}
