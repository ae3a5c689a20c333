/// A format's back end: writes a document, computing and fetching nothing.
protocol ReportWriter {
    /// How much of a report the format shows.
    var detail: ReportDetail { get }
    /// `document` as text ending in a newline.
    func write(_ document: ReportDocument) -> String
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
