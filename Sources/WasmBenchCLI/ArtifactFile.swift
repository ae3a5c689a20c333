import Foundation
import WasmBenchModel
import WasmBenchReport

/// Writes files atomically: a temporary file in the same folder, then a rename, so a reader (or
/// a Ctrl-C) never sees half a file.
enum ArtifactFile {
    static func write(_ data: Data, to path: String) throws(CommandError) {
        let url = URL(fileURLWithPath: path)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw CommandError(
                .outputNotWritable,
                "cannot write \(path) (\(error.localizedDescription)); choose a writable path or create its folder")
        }
    }

    /// Saves `artifact` as its JSON.
    static func writeJSON(_ artifact: ReportArtifact, to path: String) throws(CommandError) {
        try write(encode(artifact), to: path)
    }

    /// An artifact's JSON bytes.
    static func encode(_ artifact: ReportArtifact) throws(CommandError) -> Data {
        try render(artifact, as: .json)
    }

    /// An artifact's report in `format`; a value JSON cannot hold (NaN, infinity) is a bug of ours.
    static func render(_ artifact: ReportArtifact, as format: ReportFormat, useColor: Bool = false)
        throws(CommandError) -> Data
    {
        do {
            return try artifact.render(as: format, useColor: useColor)
        } catch {
            throw CommandError(.internalError, "cannot encode the results: \(error); please report this")
        }
    }

    /// Any value as sorted, indented JSON; one JSON cannot hold is a bug of ours.
    static func pretty(_ value: some Encodable) throws(CommandError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return try encoder.encode(value)
        } catch {
            throw CommandError(.internalError, "cannot encode \(type(of: value)): \(error); please report this")
        }
    }

    static func readJSON(_ path: String) throws(CommandError) -> RunResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(.invalidInput, "cannot read \(path); check the path")
        }
        do {
            return try JSONArtifact.decode(data)
        } catch {
            throw CommandError(.invalidInput, "\(path): \(error)")
        }
    }
}
