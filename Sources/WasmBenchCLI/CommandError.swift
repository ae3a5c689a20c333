import ArgumentParser
import WasmBenchJobs
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

    /// The error a library threw, with its exit status (see ``ExitStatus/of(_:)-(any Error)``); nil
    /// for an error no library throws to end a command.
    init?(_ error: any Error) {
        if let error = error as? CommandError {
            self = error
        } else if let (status, message) = ExitStatus.of(error) {
            self.init(status, message)
        } else {
            return nil
        }
    }

    /// Throws the error a run's verdict ends the command with, if any.
    static func check(_ verdict: RunVerdict) throws(CommandError) {
        if let (status, message) = verdict.failure { throw CommandError(status, message) }
    }

    /// The message.
    public var description: String { message }
}

/// The value `body` returns; an error it throws becomes a usage error saying what the error says.
func usage<Value>(_ body: () throws -> Value) throws -> Value {
    do { return try body() } catch { throw ValidationError(String(describing: error)) }
}
