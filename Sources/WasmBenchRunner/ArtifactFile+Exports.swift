import Foundation
import WasmBenchArtifact
import WasmBenchModel
import WasmBenchReport

extension ArtifactFile {
    /// Makes sure the CSV file can be written before anything runs, leaving one already there
    /// untouched (the pyperf file is written once there are rows).
    package static func prepareExports(_ result: RunResult, csv: String?) throws {
        if let csv { try prepare(Data(CSVWriter.render(result.rows).utf8), at: csv) }
    }

    /// Writes the raw rows as CSV and the python suite's timings as pyperf JSON, where asked; the
    /// pyperf file only once there are rows (it cannot be empty).
    package static func writeExports(_ result: RunResult, csv: String?, pyperf: String?) throws {
        if let csv { try write(Data(CSVWriter.render(result.rows).utf8), to: csv) }
        if let pyperf, !result.rows.isEmpty { try write(PyperfWriter.render(result), to: pyperf) }
    }
}
