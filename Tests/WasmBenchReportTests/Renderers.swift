import Foundation
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
