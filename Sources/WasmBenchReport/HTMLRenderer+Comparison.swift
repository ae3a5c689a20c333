import WasmBenchModel

extension HTMLRenderer {
    /// Renders a comparison of two runs as one self-contained HTML document ending in a newline,
    /// with the content of ``TerminalRenderer/render(_:)-(RunComparison)`` and a chart of each
    /// runtime's geometric mean new ÷ base with its interval (log scale, 1× marked).
    public func render(_ comparison: RunComparison) -> String {
        HTMLWriter().write(ComparisonDocument(comparison: comparison, detail: .rich).build())
    }
}
