/// A run of inline text in a report document: plain text, code, tones, marks and links, which
/// each format writes in its own markup and escapes its own way.
///
/// A string literal is the report's own wording (``Span/literal(_:)``); an interpolated string or
/// ``text(_:)`` is text that may come from the artifact (``Span/text(_:)``).
struct ReportText: Equatable, Sendable, ExpressibleByStringInterpolation {
    enum Span: Equatable, Sendable {
        /// Text that may come from the artifact: HTML escapes every character that matters.
        case text(String)
        /// The report's own wording: HTML escapes `<`, `>` and `&`, keeping quotes as written.
        case literal(String)
        /// A name or command as code; `hover` is the whole value where the text is shortened.
        case code(String, hover: String? = nil)
        /// A sentence with backticks around code (a runtime's note, a notice).
        case prose(String)
        case styled(String, Tone)
        /// A mark (`*`), escaped where a format gives it a meaning.
        case symbol(String)
        /// A pointer to another section.
        case see(ReportSection.Name)
        /// The colour key of a chart's `n`th series.
        case swatch(Int)
        case lineBreak
    }

    /// What a styled span says; each format shows it its own way.
    enum Tone: Equatable, Sendable {
        /// To stand out: a title, a label, a faster verdict.
        case strong
        /// A regression.
        case alarm
        /// Something failed.
        case failure
        /// A verdict that cannot be told from noise.
        case doubt
        /// Worth a look in the terminal (a warning's kind); plain elsewhere.
        case warning
        /// Secondary information.
        case muted
    }

    var spans: [Span]

    init(_ spans: [Span]) {
        self.spans = spans
    }

    init(_ spans: Span...) {
        self.spans = spans
    }

    init(stringLiteral text: String) {
        spans = [.literal(text)]
    }

    init(stringInterpolation: DefaultStringInterpolation) {
        spans = [.text(String(stringInterpolation: stringInterpolation))]
    }

    static func text(_ text: String) -> ReportText { ReportText(.text(text)) }
    static func code(_ text: String) -> ReportText { ReportText(.code(text)) }
    static func styled(_ text: String, _ tone: Tone) -> ReportText { ReportText(.styled(text, tone)) }

    static func + (lhs: ReportText, rhs: ReportText) -> ReportText {
        ReportText(lhs.spans + rhs.spans)
    }

    /// The text without markup, as the terminal shows it without colour.
    var plain: String {
        spans.map { span in
            switch span {
            case .text(let text), .literal(let text), .code(let text, _), .prose(let text), .styled(let text, _),
                .symbol(let text):
                text
            case .see(let name): name.short
            case .swatch: "●"
            case .lineBreak: "\n"
            }
        }
        .joined()
    }
}
