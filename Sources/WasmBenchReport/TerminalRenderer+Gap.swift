import WasmBenchModel

extension TerminalRenderer {
    /// Renders a gap analysis as text ending in a newline: instructions per iteration on every
    /// runtime with the ratio to the baseline, the instructions outside the iterations, each
    /// workload's function profiles side by side, failures and notices.
    public func render(_ report: GapReport) -> String {
        TerminalWriter(useColor: useColor, width: width).write(GapDocument(report: report, detail: .compact).build())
    }
}
