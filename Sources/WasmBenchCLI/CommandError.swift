import WasmBenchAnalysis
import WasmBenchArtifact
import WasmBenchHistory
import WasmBenchPlan
import WasmBenchRunner

/// An error that ends a command, with the exit status it maps to and a message that says what to do.
public struct CommandError: Error, CustomStringConvertible, Sendable {
    /// The exit status.
    public var status: ExitStatus
    /// What happened and what to do next.
    public var message: String

    /// Creates an error.
    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The error a library's typed error ends a command with; nil for any other error
    /// (ArgumentParser's own, which the root command maps itself).
    init?(_ error: any Error) {
        switch error {
        case let error as CommandError: self = error
        case .usage(let message) as PlanError: self.init(.usage, message)
        case .invalidInput(let message) as PlanError: self.init(.invalidInput, message)
        case .environment(let message) as PlanError: self.init(.environment, message)
        case .outputNotWritable(let message) as PlanError: self.init(.outputNotWritable, message)
        case .interrupted(let message) as PlanError: self.init(.interrupted, message)
        case .notWritable(let message) as ArtifactFileError: self.init(.outputNotWritable, message)
        case .notEncodable(let message) as ArtifactFileError: self.init(.internalError, message)
        case .notReadable(let message) as ArtifactFileError: self.init(.invalidInput, message)
        case .sameOutput(let message) as ArtifactFileError: self.init(.usage, message)
        case let error as MergeError: self.init(.invalidInput, error.description)
        case let error as HistoryError: self.init(Self.status(error), error.description)
        case .noPythonResults(let message) as PyperfExportError: self.init(.invalidInput, message)
        case .notEncodable(let message) as PyperfExportError: self.init(.internalError, message)
        default: return nil
        }
    }

    /// Throws the error a run's verdict ends the command with, or returns when it passed.
    static func check(_ verdict: RunVerdict) throws(CommandError) {
        if let (status, message) = verdict.failure { throw CommandError(status, message) }
    }

    /// The exit status of a history store's error: 64 for a bad `--store`, 3 for a file that is not
    /// a history, 4 for a store that cannot be used now (unreachable, refused, locked, newer, not
    /// built in), 70 for anything else.
    static func status(_ error: HistoryError) -> ExitStatus {
        switch error {
        case .badLocation: .usage
        case .notADatabase, .unstorable: .invalidInput
        case .locked, .newerSchema, .unreachable, .refused, .postgreSQLNotBuilt: .environment
        case .failed: .internalError
        }
    }

    /// The message.
    public var description: String { message }
}
