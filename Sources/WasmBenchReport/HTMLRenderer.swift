import WasmBenchModel

/// Renders a run result as one self-contained HTML5 document with charts.
///
/// The document holds what the Markdown report holds — machine, configuration, every runtime
/// with its version, flags and build record, every workload with how it was built, the `execute`
/// table (median, ratio to the baseline with its 95% confidence interval, geometric mean), the
/// `phases` table, warm-up, builds and fairness, warnings, failures with their commands, runtimes
/// that did not run, notices — and charts drawn as inline SVG: the geometric mean ratio of each
/// runtime and each workload's ratios on a log scale with their intervals, and a warm-up curve
/// (time per iteration, one line per process) wherever the rows have per-iteration times.
///
/// The page needs no JavaScript and loads nothing: the style sheet is inline, charts are SVG in
/// the page, hover text comes from SVG `<title>`s. Everything that comes from the run (ids,
/// versions, flags, messages, commands) is escaped. A phase a runtime does not expose shows as
/// `—`. The renderer only formats: it computes no statistics and does no I/O, and it prints
/// chart coordinates with fixed precision, so one result always gives the same document.
public struct HTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders `result` as an HTML document ending in a newline.
    public func render(_ result: RunResult) -> String {
        HTMLWriter().write(RunDocument(index: ReportIndex(result), detail: .rich).build())
    }
}
