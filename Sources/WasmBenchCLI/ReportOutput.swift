import Foundation
import WasmBenchModel
import WasmBenchReport

/// Where a command's report goes: one format on stdout, and optionally the same artifact as
/// Markdown and HTML files. The one output sink of run, report, compare and explain.
struct ReportOutput {
    /// The report printed on stdout.
    var format: ReportFormat
    /// A Markdown file to write, if any.
    var markdown: String?
    /// An HTML file to write, if any.
    var html: String?

    /// Prints `artifact` on stdout in ``format`` (the terminal format coloured when stdout is a
    /// terminal), then writes the files.
    func emit(_ artifact: ReportArtifact) throws(CommandError) {
        FileHandle.standardOutput.write(try ArtifactFile.render(artifact, as: format, useColor: isatty(1) == 1))
        try writeFiles(artifact)
    }

    /// Writes the --markdown and --html files of `artifact`.
    func writeFiles(_ artifact: ReportArtifact) throws(CommandError) {
        if let markdown { try ArtifactFile.write(ArtifactFile.render(artifact, as: .markdown), to: markdown) }
        if let html { try ArtifactFile.write(ArtifactFile.render(artifact, as: .html), to: html) }
    }
}
