import ArgumentParser
import Foundation
import WasmBenchReport
import WasmBenchRunner

/// The root command: parses, dispatches, and alone decides the exit code: a library's typed error
/// is mapped to its ``ExitStatus`` here, at the one exit point.
public struct Wasmbench: ParsableCommand {
    /// wasmbench's version, saved with every run.
    public static let version = "0.1.0"

    /// The command tree and its help.
    public static let configuration = CommandConfiguration(
        commandName: "wasmbench",
        abstract: "How fast does code run inside WebAssembly, on which runtime and mode, compared with native?",
        discussion: """
            Runs the same workloads natively and inside Wasm runtimes, times every phase apart \
            (parse, compile, AOT compile/load, instantiate, start-up, each iteration), and reports \
            medians with confidence intervals and ratios to native.
            """,
        version: version,
        subcommands: [
            RunCommand.self, SetupCommand.self, RuntimesCommand.self, ReportCommand.self, CompareCommand.self,
            MergeCommand.self, PushCommand.self, HistoryCommand.self,
            ExplainCommand.self, ReproduceCommand.self, DoctorCommand.self,
            WorkerCommand.self, PythonCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// Creates the root command (ArgumentParser calls this).
    public init() {}

    /// Parses the command line, runs the command and exits with its ``ExitStatus``.
    public static func runMain(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(ExitStatus.success.rawValue)
        } catch {
            if let error = CommandError(error) {
                FileHandle.standardError.write(Data("wasmbench: error: \(InertText.stripped(error.message))\n".utf8))
                Foundation.exit(error.status.rawValue)
            }
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data("\(InertText.stripped(fullMessage(for: error)))\n".utf8))
            Foundation.exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}
