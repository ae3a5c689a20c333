import ArgumentParser
import WasmBenchReport
import WasmBenchRunner

/// Where a command's report goes: one format on stdout, and optionally the same artifact as
/// Markdown and HTML files. The options of the one output sink (``ReportSink``) of run, report,
/// compare and explain.
struct ReportOutput: ParsableArguments {
    @Option(help: "The report printed on stdout: terminal, markdown, html or json.") var format: ReportFormat =
        .terminal
    @Option(help: "Also write the report as Markdown to this file (e.g. a CI job summary).") var markdown: String?
    @Option(help: "Also write the report as a self-contained HTML page with charts to this file.") var html: String?

    /// The sink these options name.
    var sink: ReportSink { ReportSink(format: format, markdown: markdown, html: html) }
}

extension ReportFormat: ExpressibleByArgument {}
