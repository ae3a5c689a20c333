/// Renders a run, a comparison or an explain analysis as one self-contained HTML5 document with
/// charts: the ``ReportArtifact`` report in the ``ReportFormat/html`` format.
///
/// The page holds what the Markdown report holds, plus charts drawn as inline SVG: ratios to the
/// baseline on a log scale with their intervals (a run's geometric means and workloads, a
/// comparison's geometric means, an explain analysis's instruction ratios) and a run's warm-up curves.
/// It needs no JavaScript and loads nothing, and everything from the artifact is escaped.
public struct HTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders `artifact` as an HTML document ending in a newline.
    public func render(_ artifact: some ReportArtifactConvertible) -> String {
        artifact.reportArtifact.text(HTMLWriter())
    }
}
