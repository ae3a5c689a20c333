import WasmBenchModel
import WasmBenchReport

/// Every file `run` writes, and its report on stdout: each tried before anything runs, each
/// written once the run has a result.
package struct RunOutputs: Sendable {
    /// The run's JSON (its results, saved after every process too).
    package var json: String
    /// The report on stdout and its Markdown and HTML files.
    package var report: ReportSink
    /// The CSV file of the raw rows, if any.
    package var csv: String?
    /// The pyperf JSON file, if any.
    package var pyperf: String?

    /// Creates the outputs.
    package init(json: String, report: ReportSink, csv: String? = nil, pyperf: String? = nil) {
        (self.json, self.report, self.csv, self.pyperf) = (json, report, csv, pyperf)
    }

    /// Tries every output with `initial` (the result before anything is measured), so an
    /// unwritable one fails now; a file already there is left as it was until the run has a
    /// result to save.
    package func prepare(_ initial: RunResult) throws {
        try ArtifactFile.prepare(ArtifactFile.encode(.run(initial)), at: json)
        try report.prepareFiles(.run(initial))
        try ArtifactFile.prepareExports(initial, csv: csv)
    }

    /// Prints the report of `result`, writes its files and exports, and saves the JSON last.
    package func write(_ result: RunResult) throws {
        try report.emit(.run(result))
        try ArtifactFile.writeExports(result, csv: csv, pyperf: pyperf)
        try ArtifactFile.writeJSON(.run(result), to: json)
    }
}
