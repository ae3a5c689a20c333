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

    static func writeJSON(_ result: RunResult, to path: String) throws(CommandError) {
        try write(encode(result), to: path)
    }

    /// The JSON artifact's bytes; a value JSON cannot hold (NaN, infinity) is a bug of ours.
    static func encode(_ result: RunResult) throws(CommandError) -> Data {
        do {
            return try JSONArtifact.encode(result)
        } catch {
            throw CommandError(.internalError, "cannot encode the results: \(error); please report this")
        }
    }

    /// A comparison's JSON bytes; a value JSON cannot hold is a bug of ours.
    static func encode(_ comparison: RunComparison) throws(CommandError) -> Data {
        do {
            return try JSONArtifact.encode(comparison)
        } catch {
            throw CommandError(.internalError, "cannot encode the comparison: \(error); please report this")
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
