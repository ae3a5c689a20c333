import Foundation
import WasmBenchArtifact
import WasmBenchModel
import WasmBenchProcess
import WasmBenchReport

/// Writes files atomically: a temporary file in the same folder, then a rename, so a reader (or
/// a Ctrl-C) never sees half a file. Reads saved runs back.
///
/// Every function either does what it says or throws an ``ArtifactFileError`` whose message says
/// what to do next; none prints or exits.
public enum ArtifactFile {
    /// Writes `data` to `path` atomically. A symbolic link is followed (the file it names is
    /// replaced, the link kept), and a file that existed keeps its permissions.
    ///
    /// - Throws: ``ArtifactFileError/notWritable(_:)`` when the folder is missing or not writable,
    ///   or the path is a folder or a special file.
    public static func write(_ data: Data, to path: String) throws(ArtifactFileError) {
        try refuseSpecialFile(path)
        let target = OutputFiles.resolved(path)
        let mode = try? FileManager.default.attributesOfItem(atPath: target)[.posixPermissions]
        do {
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
            if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target) }
        } catch {
            throw .notWritable(
                "cannot write \(path) (\(FileSystem.reason(error))); choose a writable path or create its folder")
        }
    }

    /// Makes sure `path` can be written before anything runs, without touching a file already
    /// there: a new or empty file gets `data` (so a later save replaces it), any other existing one
    /// is only checked for write access, so a run that ends before its first result leaves it as it was.
    ///
    /// - Throws: ``ArtifactFileError/notWritable(_:)`` as ``write(_:to:)`` does, or when an
    ///   existing file or its folder is not writable.
    public static func prepare(_ data: Data, at path: String) throws(ArtifactFileError) {
        let target = OutputFiles.resolved(path)
        guard FileManager.default.fileExists(atPath: target) else { return try write(data, to: path) }
        try refuseSpecialFile(path)
        // An empty file (the results file a run claims in the cache) gets the start of the run at
        // once, so that a crash in the first process leaves no empty file behind.
        if (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? NSNumber)?.intValue == 0 {
            return try write(data, to: path)
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        guard access(target, W_OK) == 0, access(folder, W_OK) == 0 else {
            throw .notWritable("cannot write \(path): it or its folder \(folder) is read-only; choose a writable path")
        }
    }

    /// Throws when `path` is a folder or a special file, naming what it is.
    private static func refuseSpecialFile(_ path: String) throws(ArtifactFileError) {
        if let kind = try OutputFiles.kind(of: path, option: "output") {
            throw .notWritable("cannot write \(path): it is \(kind); give a file path")
        }
    }

    /// Saves `artifact` as its JSON.
    package static func writeJSON(_ artifact: ReportArtifact, to path: String) throws(ArtifactFileError) {
        try write(encode(artifact), to: path)
    }

    /// An artifact's JSON bytes.
    package static func encode(_ artifact: ReportArtifact) throws(ArtifactFileError) -> Data {
        try render(artifact, as: .json)
    }

    /// An artifact's report in `format`; a value JSON cannot hold (NaN, infinity) is a bug of ours.
    package static func render(_ artifact: ReportArtifact, as format: ReportFormat, useColor: Bool = false)
        throws(ArtifactFileError) -> Data
    {
        do {
            return try artifact.render(as: format, useColor: useColor)
        } catch {
            throw .notEncodable("cannot encode the results: \(error); please report this")
        }
    }

    /// Any value as sorted, indented JSON; one JSON cannot hold is a bug of ours.
    public static func pretty(_ value: some Encodable) throws(ArtifactFileError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return try encoder.encode(value)
        } catch {
            throw .notEncodable("cannot encode \(type(of: value)): \(error); please report this")
        }
    }

    /// Reads a saved run.
    ///
    /// - Throws: ``ArtifactFileError/notReadable(_:)`` for a missing file or one that is not a
    ///   run of this schema version.
    public static func readJSON(_ path: String) throws(ArtifactFileError) -> RunResult {
        let data: Data
        do {
            data = try FileSystem.read(path)
        } catch {
            throw .notReadable("cannot read \(path) (\(error.reason)); check the path")
        }
        do {
            return try JSONArtifact.decode(data)
        } catch {
            throw .notReadable("\(path): \(error)")
        }
    }
}

/// Why an artifact file could not be written or read; the message says what to do next.
public enum ArtifactFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An output file cannot be written (missing or read-only folder, full disk).
    case notWritable(String)
    /// A value cannot be encoded (a non-finite number): a bug of wasmbench's.
    case notEncodable(String)
    /// An input file cannot be read, or is not a saved run.
    case notReadable(String)
    /// Two outputs of one command name the same file: a usage error.
    case sameOutput(String)

    /// The message.
    public var description: String {
        switch self {
        case .notWritable(let message), .notEncodable(let message), .notReadable(let message),
            .sameOutput(let message):
            message
        }
    }
}
