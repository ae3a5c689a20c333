import Foundation
import WasmBenchArtifact
import WasmBenchModel

extension HistoryReport {
    /// The history report in `format`, as UTF-8 text ending in a newline, or for JSON the report
    /// itself. Computes nothing and does no I/O; `useColor` and `width` are the terminal's. Only JSON
    /// throws, when a value cannot be written.
    package func render(as format: ReportFormat, useColor: Bool = false, width: Int = 120) throws(ArtifactError)
        -> Data
    {
        let document = { (compact: Bool) in HistoryDocument(report: self, compact: compact).build() }
        switch format {
        case .terminal: return Data(TerminalWriter(useColor: useColor, width: width).write(document(true)).utf8)
        case .markdown: return Data(MarkdownWriter().write(document(false)).utf8)
        case .html: return Data(HTMLWriter().write(document(false)).utf8)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                return try encoder.encode(self) + Data("\n".utf8)
            } catch {
                throw .notEncodable(path: "history", detail: "\(error)")
            }
        }
    }
}
