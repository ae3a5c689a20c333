import ArgumentParser
import Foundation
import WasmBenchModel
import WasmBenchReport
import WasmBenchRunner

/// Where a command's report goes: one format on stdout, and optionally the same artifact as
/// Markdown and HTML files. The one output sink (and its options) of run, report, compare and explain.
struct ReportOutput: ParsableArguments {
    @Option(help: "The report printed on stdout: terminal, markdown, html or json.") var format: ReportFormat =
        .terminal
    @Option(help: "Also write the report as Markdown to this file (e.g. a CI job summary).") var markdown: String?
    @Option(help: "Also write the report as a self-contained HTML page with charts to this file.") var html: String?

    /// Prints `artifact` on stdout in ``format`` (the terminal format coloured when stdout is a
    /// terminal), then writes the files.
    func emit(_ artifact: ReportArtifact) throws(ArtifactFileError) {
        FileHandle.standardOutput.write(try ArtifactFile.render(artifact, as: format, useColor: isatty(1) == 1))
        try writeFiles(artifact)
    }

    /// Writes the --markdown and --html files of `artifact`.
    func writeFiles(_ artifact: ReportArtifact) throws(ArtifactFileError) {
        if let markdown { try ArtifactFile.write(ArtifactFile.render(artifact, as: .markdown), to: markdown) }
        if let html { try ArtifactFile.write(ArtifactFile.render(artifact, as: .html), to: html) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
