/// The forms a report of a run can take.
///
/// The raw value is the name users pass on the command line.
package enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned plain-text tables for a terminal, optionally coloured, fitted to a width.
    case terminal
    /// GitHub-flavoured Markdown with the machine, configuration, runtimes, workloads and tables.
    case markdown
    /// One self-contained HTML page: the Markdown report's tables plus inline SVG charts (ratios
    /// to the baseline on a log scale, warm-up curves), no JavaScript and nothing loaded from
    /// elsewhere.
    case html
    /// The saved artifact itself, every raw row included, from which the other formats can be
    /// rebuilt; see ``JSONArtifact``.
    case json
}
