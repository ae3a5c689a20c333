/// A report built once from a saved artifact for every format to write: a title, an
/// introduction, then sections of blocks (paragraphs, lists, facts, tables of typed cells, charts
/// as data, legends), in the order every format shows them.
///
/// It holds what to say; how it looks is the business of the back ends (``TerminalWriter``,
/// ``MarkdownWriter``, ``HTMLWriter``). It is built at a ``ReportDetail``: the terminal's compact
/// view leaves out what Markdown and HTML list in full, and only HTML has charts.
struct ReportDocument {
    /// The page title, e.g. `wasmbench results · 2025-11-23T10:02:11Z`.
    var title: String
    /// The heading over the report, e.g. `wasmbench results`; the terminal leaves it out.
    var heading: String
    /// The blocks before the first section: which run, when, the verdict at a glance.
    var introduction: [ReportBlock]
    /// The sections.
    var sections: [ReportSection]
    /// Blocks after the last section (the terminal ends a comparison with its outcome).
    var closing: [ReportBlock] = []
}

/// How much of a report a format shows.
enum ReportDetail: Equatable, Sendable {
    /// The terminal: a header, the tables and lists to read now, one-line captions.
    case compact
    /// Markdown: every fact of the artifact as text and tables.
    case full
    /// HTML: Markdown's content plus charts and hover text.
    case rich
}

/// A format's back end: writes a document, computing and fetching nothing.
protocol ReportWriter {
    /// How much of a report the format shows.
    var detail: ReportDetail { get }
    /// `document` as text ending in a newline.
    func write(_ document: ReportDocument) -> String
}

/// One section of a report: its name, a caption and its blocks.
struct ReportSection {
    /// What a section is called, so that legends can point at it.
    struct Name: Equatable, Sendable {
        /// The anchor, e.g. `builds`.
        var id: String
        /// The heading, e.g. `Builds and fairness`.
        var title: ReportText
        /// The terminal's title, by default the heading with a lower-case first letter.
        var short: String

        init(id: String, title: ReportText, short: String? = nil) {
            self.id = id
            self.title = title
            self.short = short ?? (title.plain.prefix(1).lowercased() + title.plain.dropFirst())
        }
    }

    var name: Name
    /// A gloss the terminal puts after the title in place of the paragraphs.
    var caption: String?
    var blocks: [ReportBlock]

    init(_ name: Name, caption: String? = nil, _ blocks: [ReportBlock]) {
        self.name = name
        self.caption = caption
        self.blocks = blocks
    }
}
