import Foundation
import WasmBenchModel
import WasmBenchReport

/// Where a command's report goes: one format on stdout, and optionally the same artifact as
/// Markdown and HTML files. The one output sink of run, report, compare, merge and explain.
package struct ReportSink: Sendable {
    /// The format printed on stdout.
    package var format: ReportFormat
    /// The Markdown file to write too, if any.
    package var markdown: String?
    /// The HTML file to write too, if any.
    package var html: String?

    /// Creates a sink.
    package init(format: ReportFormat, markdown: String? = nil, html: String? = nil) {
        (self.format, self.markdown, self.html) = (format, markdown, html)
    }

    /// Prints `artifact` on stdout in ``format`` (the terminal format coloured when stdout is a
    /// terminal), then writes the files.
    package func emit(_ artifact: ReportArtifact) throws(ArtifactFileError) {
        FileHandle.standardOutput.write(try ArtifactFile.render(artifact, as: format, useColor: isatty(1) == 1))
        try writeFiles(artifact)
    }

    /// Checks the Markdown and HTML paths with `json` (the command's own output, if any) and
    /// `exports` against each other and the command's `inputs`, before anything runs.
    package func check(
        json: (option: String, path: String)? = nil, exports: [(option: String, path: String)] = [], inputs: [String]
    ) throws(ArtifactFileError) {
        let files = [json, markdown.map { ("--markdown", $0) }, html.map { ("--html", $0) }].compactMap { $0 }
        try OutputFiles.check(files + exports, inputs: inputs)
    }

    /// Makes sure the Markdown and HTML files can be written, leaving existing ones untouched.
    package func prepareFiles(_ artifact: ReportArtifact) throws(ArtifactFileError) {
        if let markdown { try ArtifactFile.prepare(ArtifactFile.render(artifact, as: .markdown), at: markdown) }
        if let html { try ArtifactFile.prepare(ArtifactFile.render(artifact, as: .html), at: html) }
    }

    /// Writes the Markdown and HTML files of `artifact`.
    package func writeFiles(_ artifact: ReportArtifact) throws(ArtifactFileError) {
        if let markdown { try ArtifactFile.write(ArtifactFile.render(artifact, as: .markdown), to: markdown) }
        if let html { try ArtifactFile.write(ArtifactFile.render(artifact, as: .html), to: html) }
    }

    /// Prints `report` on stdout in ``format`` (the terminal format coloured when stdout is a
    /// terminal), then writes its Markdown and HTML files: `history`'s output, which is no saved
    /// artifact.
    ///
    /// - Throws: `ArtifactError` when the report cannot be rendered, ``ArtifactFileError`` when a
    ///   file cannot be written.
    package func emit(_ report: HistoryReport) throws {
        FileHandle.standardOutput.write(try ReportArtifact.history(report).render(as: format, useColor: isatty(1) == 1))
        try writeFiles(.history(report))
    }
}
