import Foundation
import WasmBenchArtifact
import WasmBenchModel

/// What a report is drawn from: a saved run, a comparison of two runs, an explain analysis, or
/// the history of stored runs.
///
/// ``render(as:useColor:width:)`` is the one way to turn any of them into any ``ReportFormat``.
/// The terminal, Markdown and HTML reports are the same document (its sections, prose, legends
/// and order built once per artifact) written by each format's back end.
package enum ReportArtifact: Sendable {
    /// The result of `wasmbench run`.
    case run(RunResult)
    /// Two runs compared (`wasmbench compare`).
    case comparison(RunComparison)
    /// A explain analysis (`wasmbench explain`).
    case explain(ExplainReport)
    /// Stored runs and a series over them (`wasmbench history`), read from a store rather than a file.
    case history(HistoryReport)

    /// The report of the artifact in `format`, as UTF-8 text ending in a newline, or for JSON the
    /// artifact itself (``JSONArtifact``).
    ///
    /// Rendering computes no statistics and does no I/O: summaries come computed in the artifact.
    /// `useColor` and `width` (at least 40; a single value wider is not cut) are the terminal's. Only
    /// JSON throws, when a value cannot be written (``ArtifactError/notEncodable(path:detail:)``).
    package func render(as format: ReportFormat, useColor: Bool = false, width: Int = 120) throws(ArtifactError)
        -> Data
    {
        switch format {
        case .terminal: Data(text(TerminalWriter(useColor: useColor, width: width)).utf8)
        case .markdown: Data(text(MarkdownWriter()).utf8)
        case .html: Data(text(HTMLWriter()).utf8)
        case .json: try json()
        }
    }

    /// The report written by `writer`.
    func text(_ writer: some ReportWriter) -> String {
        writer.write(document(compact: writer.compact))
    }

    /// The report document: the terminal's compact view, or the full one of Markdown and HTML.
    func document(compact: Bool) -> ReportDocument {
        switch self {
        case .run(let result): RunDocument(index: ReportIndex(result), compact: compact).build()
        case .comparison(let comparison): ComparisonDocument(comparison: comparison, compact: compact).build()
        case .explain(let report): ExplainDocument(report: report).build()
        case .history(let report): HistoryDocument(report: report, compact: compact).build()
        }
    }

    private func json() throws(ArtifactError) -> Data {
        switch self {
        case .run(let result): try JSONArtifact.encode(result)
        case .comparison(let comparison): try JSONArtifact.encode(comparison)
        case .explain(let report): try JSONArtifact.encode(report)
        case .history(let report): try JSONArtifact.encode(report)
        }
    }
}
