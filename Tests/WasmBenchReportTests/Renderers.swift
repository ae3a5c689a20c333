import Foundation
import WasmBenchModel
import WasmBenchReport

/// The terminal report through the one entry point, ``ReportArtifact/render(as:useColor:width:)``.
struct TerminalRenderer {
    var useColor = false
    var width = 120

    func render(_ artifact: some ReportArtifactConvertible) -> String {
        text(artifact, .terminal, useColor: useColor, width: width)
    }
}

/// The Markdown report through the one entry point.
struct MarkdownRenderer {
    func render(_ artifact: some ReportArtifactConvertible) -> String { text(artifact, .markdown) }
}

/// The HTML report through the one entry point.
struct HTMLRenderer {
    func render(_ artifact: some ReportArtifactConvertible) -> String { text(artifact, .html) }
}

/// `artifact` rendered as `format`, as text (the text formats never throw).
private func text(
    _ artifact: some ReportArtifactConvertible, _ format: ReportFormat, useColor: Bool = false, width: Int = 120
) -> String {
    let data = (try? artifact.reportArtifact.render(as: format, useColor: useColor, width: width)) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

/// A value that is a ``ReportArtifact`` (a run result, a comparison or an explain analysis), so the
/// renderers above take any of them.
protocol ReportArtifactConvertible {
    /// The value as an artifact to report.
    var reportArtifact: ReportArtifact { get }
}

extension ReportArtifact: ReportArtifactConvertible {
    var reportArtifact: ReportArtifact { self }
}

extension RunResult: ReportArtifactConvertible {
    var reportArtifact: ReportArtifact { .run(self) }
}

extension RunComparison: ReportArtifactConvertible {
    var reportArtifact: ReportArtifact { .comparison(self) }
}

extension ExplainReport: ReportArtifactConvertible {
    var reportArtifact: ReportArtifact { .explain(self) }
}
