/// A format's back end: writes a document, computing and fetching nothing.
protocol ReportWriter {
    /// Whether the format wants the terminal's compact view (fewer sections, lists sized for a screen)
    /// rather than the full document Markdown and HTML share.
    var compact: Bool { get }
    /// `document` as text ending in a newline.
    func write(_ document: ReportDocument) -> String
}
