import WasmBenchModel

extension MarkdownRenderer {
    /// Renders a comparison of two runs as GitHub-flavoured Markdown ending in a newline, with
    /// the same content as ``TerminalRenderer/render(_:)-(RunComparison)``: for a CI job's summary
    /// or a pull request comment.
    public func render(_ comparison: RunComparison) -> String {
        MarkdownWriter().write(ComparisonDocument(comparison: comparison, detail: .full).build())
    }
}
