import ArgumentParser
import Foundation
import WasmBenchModel
import WasmBenchReport
import WasmBenchRunner

/// The files a run's raw rows are exported to, besides its report: the options of `run` and `report`.
struct ExportOptions: ParsableArguments {
    @Option(help: "Also write the raw rows as CSV (one line per sample, the JSON rows' columns) to this file.")
    var csv: String?
    @Option(help: "Also write the python suite's timings in pyperf's JSON format to this file (for pyperf compare_to).")
    var pyperfJson: String?

    /// Writes every file asked for; the pyperf file only once there are rows (it cannot be empty).
    func write(_ result: RunResult) throws {
        if let csv { try ArtifactFile.write(Data(CSVWriter.render(result.rows).utf8), to: csv) }
        if let pyperfJson, !result.rows.isEmpty { try ArtifactFile.write(PyperfWriter.render(result), to: pyperfJson) }
    }
}
