/// Renders a run, a comparison or an explain analysis as aligned plain-text tables for a terminal:
/// the ``ReportArtifact`` report in the ``ReportFormat/terminal`` format.
///
/// A run's report has a header (tool version, machine, settings), an `execute` table (median per
/// iteration and ratio to the baseline with its 95% confidence interval, plus the geometric
/// mean), a `phases` table, then warm-up, builds, warnings, failures, runtimes that did not run
/// and notices. Tables wider than ``width`` are split into several tables. It only formats.
public struct TerminalRenderer: Sendable {
    /// Whether to colour the output with ANSI escape sequences.
    public var useColor: Bool
    /// The number of columns to fit the report in. Tables are split to fit; a single value
    /// wider than this (a long command line) is not cut.
    public var width: Int

    /// Creates a renderer.
    ///
    /// - Parameters:
    ///   - useColor: colour ratios (yellow above 1.5×, red above 3×), headings and failures.
    ///   - width: the terminal width to fit in; values below 40 are treated as 40.
    public init(useColor: Bool = false, width: Int = 120) {
        self.useColor = useColor
        self.width = max(40, width)
    }

    /// Renders `artifact` as text ending in a newline.
    public func render(_ artifact: some ReportArtifactConvertible) -> String {
        artifact.reportArtifact.text(TerminalWriter(useColor: useColor, width: width))
    }
}
