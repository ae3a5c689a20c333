import ArgumentParser
import Foundation
import WasmBenchModel
import WasmBenchReport
import WasmBenchRunner

/// The files a run's raw rows are exported to, besides its report: the options of `run` and `report`.
struct ExportOptions: ParsableArguments {
    @Option(help: "Also write the raw rows as CSV (one line per sample, the JSON rows' columns) to this file.")
    var csv: String?

    /// Writes every file asked for.
    func write(_ result: RunResult) throws(ArtifactFileError) {
        if let csv { try ArtifactFile.write(Data(CSVWriter.render(result.rows).utf8), to: csv) }
    }
}
