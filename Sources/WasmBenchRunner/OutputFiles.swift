import Foundation
import WasmBenchProcess

/// A command's output files, checked before anything runs so that no output can destroy an
/// input, a folder or a special file, and no two outputs share a path.
///
/// A path is compared by what it resolves to (symbolic links followed, `..` removed), so a link
/// to the module or a second spelling of the same file is caught.
public enum OutputFiles {
    /// Checks every output (the option that named it, its path) against the others and the
    /// command's inputs (modules, spec files, saved runs).
    ///
    /// - Throws: ``ArtifactFileError/sameOutput(_:)`` when two options name one file;
    ///   ``ArtifactFileError/notWritable(_:)`` when an output is an input, a folder, a device,
    ///   a FIFO or a socket, or a link that cannot be followed (a loop, say).
    public static func check(_ outputs: [(option: String, path: String)], inputs: [String])
        throws(ArtifactFileError)
    {
        var seen: [String: String] = [:]
        let inputs = Set(inputs.map(resolved))
        for (option, path) in outputs {
            let target = resolved(path)
            if let other = seen[target] {
                throw .sameOutput("\(other) and \(option) both name \(path); give each output its own file")
            }
            seen[target] = option
            if inputs.contains(target) {
                throw .notWritable("\(option) \(path) is an input of this command; writing it would destroy it")
            }
            if let kind = try kind(of: path, option: option) {
                throw .notWritable("\(option) \(path) is \(kind), not a file; give a file path")
            }
        }
    }

    /// `path` with symbolic links followed and `.`/`..` removed, as far as it exists.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// What an existing non-file at `path` is ("a folder", "a FIFO"…), or nil for a regular file
    /// or nothing yet.
    static func kind(of path: String, option: String) throws(ArtifactFileError) -> String? {
        do {
            return try FileSystem.kind(of: path)?.rawValue
        } catch  where error.code == ENOENT {
            return nil
        } catch {
            throw .notWritable("\(option) \(path): \(error.reason)")
        }
    }
}
