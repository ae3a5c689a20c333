import Foundation
import WasmBenchProcess

/// Writes a small program (a shell script standing in for a runtime) that tests then run.
///
/// Writing it from the test process would race with the children other tests spawn at the same
/// time: a child forked while the file is open for writing inherits that descriptor, and while
/// any process holds it, running the file fails with ETXTBSY ("text file busy"). So the text
/// goes to a side file, and `/bin/cp` (a process of its own, whose descriptors no other child
/// inherits) creates the program from it.
public enum ExecutableFile {
    /// Why the program could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        /// What failed.
        public let description: String
    }

    /// Writes `text` to `path` as an executable file (mode 755).
    public static func write(_ text: String, to path: String) throws {
        let source = path + ".source"
        try text.write(toFile: source, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: source) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: source)
        let copy = try ProcessLauncher().capture("/bin/cp", [source, path], environment: [:])
        guard copy.termination == .exited(0) else {
            throw WriteError(description: "cp \(source) \(path) ended \(copy.termination): \(copy.stderr)")
        }
    }
}
