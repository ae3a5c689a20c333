/// Renders a run, a comparison or an explain analysis as GitHub-flavoured Markdown: the
/// ``ReportArtifact`` report in the ``ReportFormat/markdown`` format.
///
/// A run's report holds what is needed to judge the numbers: the machine and configuration,
/// every runtime with its version and flags, every workload with its compiler, flags and
/// (shortened) hashes, then the tables, warnings, failures with their commands, runtimes that
/// did not run, and notices. A comparison's suits a CI job's summary or a pull request comment.
public struct MarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders `artifact` as Markdown ending in a newline.
    public func render(_ artifact: some ReportArtifactConvertible) -> String {
        artifact.reportArtifact.text(MarkdownWriter())
    }
}
