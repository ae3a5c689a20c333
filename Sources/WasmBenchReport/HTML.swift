/// A fragment of HTML (or inline SVG) markup, for the HTML report.
///
/// Text becomes markup only by escaping: in an `HTML` literal the literal parts are markup, an
/// interpolated `String` is escaped (`<`, `>`, `&`, `"` and `'`), an interpolated `HTML` is kept
/// as it is. So a runtime id, a message or a command line from a run can never open a tag or end
/// an attribute. Numbers must be formatted into text first (no `Double` interpolation), which
/// keeps the output deterministic.
struct HTML: Equatable, ExpressibleByStringInterpolation {
    /// The markup.
    private(set) var markup: String

    /// Markup written in the source.
    init(stringLiteral markup: String) {
        self.markup = markup
    }

    /// Markup written in the source with escaped text or other fragments interpolated.
    init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    /// Text, escaped.
    init(text: String) {
        markup = Self.escape(text)
    }

    /// Text written in the report's source, for element content: `<`, `>` and `&` escaped,
    /// quotes kept as written.
    init(wording: String) {
        markup = Self.escape(wording, quotes: false)
    }

    /// Fragments one after another, `separator` between them.
    init(joining fragments: [HTML], separator: HTML = "") {
        markup = fragments.map(\.markup).joined(separator: separator.markup)
    }

    /// Whether there is no markup at all.
    var isEmpty: Bool { markup.isEmpty }

    /// Two fragments one after the other.
    static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(joining: [lhs, rhs])
    }

    /// Appends a fragment.
    static func += (lhs: inout HTML, rhs: HTML) {
        lhs.markup += rhs.markup
    }

    /// `text` with the five characters that matter in HTML text and attribute values escaped
    /// (or, without `quotes`, the three that matter in text).
    static func escape(_ text: String, quotes: Bool = true) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where quotes: escaped += "&quot;"
            case "'" where quotes: escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Builds an `HTML` value from literal markup and escaped interpolations.
    struct Interpolation: StringInterpolationProtocol {
        /// The markup so far.
        var markup = ""

        /// Starts an empty fragment.
        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        /// Literal markup from the source.
        mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: String) {
            markup += HTML.escape(text)
        }

        /// A whole number.
        mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }

        /// A fragment, kept as it is.
        mutating func appendInterpolation(_ fragment: HTML) {
            markup += fragment.markup
        }

        /// Fragments one after another.
        mutating func appendInterpolation(_ fragments: [HTML]) {
            markup += fragments.map(\.markup).joined()
        }
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
