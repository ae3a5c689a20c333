/// A fragment of HTML (or inline SVG) markup, for the HTML report.
///
/// Text becomes markup only by escaping: in an `HTML` literal the literal parts are markup, an
/// interpolated `String` is escaped (`<`, `>`, `&`, `"` and `'`), an interpolated `HTML` is kept
/// as it is. So a runtime id, a message or a command line from a run can never open a tag or end
/// an attribute. Numbers must be formatted into text first (no `Double` interpolation), which
/// keeps the output deterministic.
struct HTML: ExpressibleByStringInterpolation {
    private(set) var markup: String

    init(stringLiteral markup: String) {
        self.markup = markup
    }

    init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    /// Text, escaped; `quotes: false` for the report's own wording in element content, whose
    /// quotes stay as written.
    init(text: String, quotes: Bool = true) {
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

    init(joining fragments: [HTML], separator: HTML = "") {
        markup = fragments.map(\.markup).joined(separator: separator.markup)
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(joining: [lhs, rhs])
    }

    static func += (lhs: inout HTML, rhs: HTML) {
        lhs.markup += rhs.markup
    }

    /// Literal markup with text (escaped), whole numbers and fragments (kept) interpolated.
    struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) { markup += literal }
        mutating func appendInterpolation(_ text: String) { markup += HTML(text: text).markup }
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        mutating func appendInterpolation(_ fragment: HTML) { markup += fragment.markup }
        mutating func appendInterpolation(_ fragments: [HTML]) { markup += fragments.map(\.markup).joined() }
    }
}

/// `text` as code; nothing for empty text.
func code(_ text: String) -> HTML {
    text.isEmpty ? "" : "<code>\(text)</code>"
}

/// A sentence in which spans between backticks are code, as the runtimes' notes and the run's
/// notices write them; text with unpaired backticks stays as it is.
func prose(_ text: String) -> HTML {
    let parts = text.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
    guard parts.count % 2 == 1 else { return HTML(text: text) }
    return HTML(joining: parts.enumerated().map { $0.offset % 2 == 1 ? code($0.element) : HTML(text: $0.element) })
}
