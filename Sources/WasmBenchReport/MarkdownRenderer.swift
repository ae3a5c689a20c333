import WasmBenchModel

/// Renders a run result as GitHub-flavoured Markdown.
///
/// The document holds what is needed to judge the numbers: the machine and configuration, every
/// runtime with its version and flags, every workload with its compiler, flags and (shortened)
/// hashes, then the `execute` table (median, ratio to the baseline with its 95% confidence
/// interval, geometric mean), the `phases` table, warnings, failures with their commands,
/// runtimes that did not run, and notices. A phase a runtime does not expose shows as `—`.
/// The renderer only formats; it computes no statistics and does no I/O.
public struct MarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders `result` as Markdown ending in a newline.
    public func render(_ result: RunResult) -> String {
        MarkdownWriter().write(RunDocument(index: ReportIndex(result), detail: .full).build())
    }
}
