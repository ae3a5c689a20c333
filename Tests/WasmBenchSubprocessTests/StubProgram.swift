import Foundation
import TestSupport
import WasmBenchProcess

/// A stand-in for a runtime's program (wasmtime, node, a worker): a shell script that records
/// the arguments of every call, prints what the test gives it and exits with the status the test
/// gives it. It runs no WebAssembly, so an adapter's command line and its handling of what the
/// program did can be checked without the runtime installed.
///
/// Adapters give their children an empty environment, so the script uses shell built-ins only.
struct StubProgram {
    /// The script.
    let path: String
    /// Where each call's arguments go, one per line, each call closed by ``endOfCall``.
    let argumentsPath: String

    static let endOfCall = "--end-of-call--"

    /// Writes the script into `folder`.
    ///
    /// - Parameters:
    ///   - stdout: what it prints on stdout.
    ///   - stderr: what it prints on stderr.
    ///   - exitStatus: its exit status.
    ///   - body: shell lines run after recording the arguments and before printing and exiting.
    init(
        in folder: TemporaryFolder, name: String, stdout: String = "", stderr: String = "", exitStatus: Int32 = 0,
        body: String = ""
    ) throws {
        path = folder.path(name)
        argumentsPath = folder.path(name + ".arguments")
        let script = """
            #!/bin/sh
            for argument in "$@"; do printf '%s\\n' "$argument"; done >> \(shellQuote(argumentsPath))
            printf '%s\\n' \(StubProgram.endOfCall) >> \(shellQuote(argumentsPath))
            \(body)
            printf '%s' \(shellQuote(stdout))
            printf '%s' \(shellQuote(stderr)) >&2
            exit \(exitStatus)

            """
        try ExecutableFile.write(script, to: path)
    }

    /// The arguments of each call, in the order of the calls.
    func calls() throws -> [[String]] {
        guard FileManager.default.fileExists(atPath: argumentsPath) else { return [] }
        let lines = try String(contentsOfFile: argumentsPath, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        var calls: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line == StubProgram.endOfCall {
                calls.append(current)
                current = []
            } else {
                current.append(String(line))
            }
        }
        // What follows the last call's closing line is the file's final line break.
        return calls
    }
}
