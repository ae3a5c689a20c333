import Foundation
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchProcess

extension Reproduction {
    /// Why the commands of `result` cannot find their files: the run's folder (``RunResult/runFolder``)
    /// is gone. `nil` when it is there, or when the run names none.
    public static func missingFolder(of result: RunResult) -> String? {
        guard let folder = result.runFolder, !FileManager.default.fileExists(atPath: folder) else { return nil }
        return
            "the files of this run's commands were in \(folder), which is gone (only the last 10 runs are kept); run again with --keep-artifacts DIR"
    }

    /// Runs the commands again one after another (what `wasmbench reproduce` does), each said on
    /// `say` as `$ COMMAND` first; with `dryRun`, only says them.
    ///
    /// A command that exits non-zero is not an error: it is said, counted, and the next one runs.
    ///
    /// - Parameters:
    ///   - dryRun: whether to say the commands without running them.
    ///   - shell: runs one command line and returns its exit status (default: `/bin/sh -c`).
    ///   - say: takes each line to show (newline included).
    /// - Returns: how many commands exited non-zero.
    /// - Throws: what `shell` throws when it cannot start a command.
    public func replay(
        dryRun: Bool, shell: (String) throws -> Int32 = runShell, say: (String) -> Void
    ) rethrows -> Int {
        var failed = 0
        for command in commands {
            say("$ \(command)\n")
            guard !dryRun else { continue }
            let status = try shell(command)
            if status != 0 {
                failed += 1
                say("wasmbench: the command exited with status \(status)\n")
            }
        }
        return failed
    }
}
