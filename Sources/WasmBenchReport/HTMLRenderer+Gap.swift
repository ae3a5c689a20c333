import WasmBenchModel

extension HTMLRenderer {
    /// Renders a gap analysis as one self-contained HTML document ending in a newline, with the
    /// content of ``TerminalRenderer/render(_:)-(GapReport)`` and, per workload, a chart of each
    /// runtime's instructions per iteration as a ratio to the baseline's (log scale, 1× marked).
    public func render(_ report: GapReport) -> String {
        HTMLWriter().write(GapDocument(report: report, detail: .rich).build())
    }
}
