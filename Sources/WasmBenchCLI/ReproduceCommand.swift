import ArgumentParser
import Foundation
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchRunner

/// `wasmbench reproduce RUN.json WORKLOAD RUNTIME`: runs one cell's recorded commands again.
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce", abstract: "Run the recorded commands of one cell of a saved run again.",
        discussion: """
            Prints each command of one process of the cell (an AOT compile before the run that loads \
            its artifact) and runs it with /bin/sh, its output on this terminal. The files the \
            commands name stay in the run's folder (`runFolder` in the JSON; the last 10 runs are \
            kept, or the folder given to `run --keep-artifacts`). Exit status: 0 every command \
            exited 0, 1 one did not, 3 the file or the cell cannot be read, 64 usage.
            """)

    @Argument(help: "A JSON file written by `wasmbench run`.") var file: String
    @Argument(help: "The workload id, e.g. kernels/fib.") var workload: String
    @Argument(help: "The runtime id, e.g. wasmtime-aot.") var runtime: String
    @Option(parsing: .unconditional, help: "The process whose commands to run (default: the cell's first).")
    var process: Int?
    @Flag(help: "Print the commands without running them.") var dryRun = false

    func validate() throws {
        if let process, process < 0 { throw ValidationError("--process must be 0 or more (got \(process))") }
    }

    func run() throws {
        let result = try ArtifactFile.readJSON(file)
        let reproduction: Reproduction
        do {
            reproduction = try Reproduction(result, cell: Cell(workload: workload, runtime: runtime), process: process)
        } catch {
            throw CommandError(.invalidInput, "\(file): \(error.description)")
        }
        if let gone = Reproduction.missingFolder(of: result) { throw CommandError(.invalidInput, gone) }
        let failed: Int
        do {
            failed = try reproduction.replay(dryRun: dryRun) { FileHandle.standardError.write(Data($0.utf8)) }
        } catch {
            throw CommandError(.environment, "cannot start /bin/sh: \(error)")
        }
        if failed > 0 {
            throw CommandError(.someRunsFailed, "\(failed) of \(reproduction.commands.count) command(s) failed")
        }
    }
}
