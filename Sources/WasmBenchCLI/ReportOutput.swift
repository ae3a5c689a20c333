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

    /// Checks the --markdown and --html paths with `json` (the command's own output, if any)
    /// against each other and the command's `inputs`, before anything runs.
    func check(
        json: (option: String, path: String)? = nil, exports: [(option: String, path: String)] = [], inputs: [String]
    ) throws(ArtifactFileError) {
        let files = [json, markdown.map { ("--markdown", $0) }, html.map { ("--html", $0) }].compactMap { $0 }
        try OutputFiles.check(files + exports, inputs: inputs)
    }

    /// Makes sure the --markdown and --html files can be written, leaving existing ones untouched.
    func prepareFiles(_ artifact: ReportArtifact) throws(ArtifactFileError) {
        if let markdown { try ArtifactFile.prepare(ArtifactFile.render(artifact, as: .markdown), at: markdown) }
        if let html { try ArtifactFile.prepare(ArtifactFile.render(artifact, as: .html), at: html) }
    }

    /// Writes the --markdown and --html files of `artifact`.
    func writeFiles(_ artifact: ReportArtifact) throws(ArtifactFileError) {
        if let markdown { try ArtifactFile.write(ArtifactFile.render(artifact, as: .markdown), to: markdown) }
        if let html { try ArtifactFile.write(ArtifactFile.render(artifact, as: .html), to: html) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
