import WasmBenchModel

extension TerminalRenderer {
    /// Renders a comparison of two runs as text ending in a newline: which runs, the threshold,
    /// the `execute` table (base and new medians, new ÷ base with its 95% interval, verdict), the
    /// geometric mean per runtime, other phases that changed, what else changed between the runs,
    /// cells in one run only or newly failing, caveats, and the outcome.
    public func render(_ comparison: RunComparison) -> String {
        TerminalWriter(useColor: useColor, width: width).write(
            ComparisonDocument(comparison: comparison, detail: .compact).build())
    }
}
