import ArgumentParser
import Foundation
import WasmBenchModel
import WasmBenchRunner

/// The files a run's raw rows are exported to, besides its report: the options of `run` and `report`.
struct ExportOptions: ParsableArguments {
    @Option(help: "Also write the raw rows as CSV (one line per sample, the JSON rows' columns) to this file.")
    var csv: String?
    @Option(help: "Also write the python suite's timings in pyperf's JSON format to this file (for pyperf compare_to).")
    var pyperfJson: String?

    /// Each file asked for, with its option, for the output checks.
    var paths: [(option: String, path: String)] {
        [csv.map { ("--csv", $0) }, pyperfJson.map { ("--pyperf-json", $0) }].compactMap { $0 }
    }

    /// Writes every file asked for (see ``ArtifactFile/writeExports``).
    func write(_ result: RunResult) throws { try ArtifactFile.writeExports(result, csv: csv, pyperf: pyperfJson) }
}
