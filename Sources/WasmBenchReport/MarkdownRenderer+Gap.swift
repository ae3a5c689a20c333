import WasmBenchModel

extension MarkdownRenderer {
    /// Renders a gap analysis as GitHub-flavoured Markdown ending in a newline, with the content
    /// of ``TerminalRenderer/render(_:)-(GapReport)``.
    public func render(_ report: GapReport) -> String {
        MarkdownWriter().write(GapDocument(report: report, detail: .full).build())
    }
}
