/// A report built once from a saved artifact for every format to write: a title, an
/// introduction, then sections of blocks (paragraphs, lists, facts, tables of typed cells, charts
/// as data, legends), in the order every format shows them.
///
/// It holds what to say; how it looks is the business of the back ends (``TerminalWriter``,
/// ``MarkdownWriter``, ``HTMLWriter``). Markdown and HTML write the same document (HTML draws its
/// charts too); the terminal's compact view leaves some sections out.
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
