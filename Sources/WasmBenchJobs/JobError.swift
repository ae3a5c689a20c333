import WasmBenchRunner

/// What ends a job without a result to judge, with the exit status it means and a message that
/// says what to do next.
package struct JobError: Error, Sendable, CustomStringConvertible {
    /// The exit status.
    package var status: ExitStatus
    /// What happened and what to do next.
    package var message: String

    /// Creates an error.
    package init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The message.
    package var description: String { message }
}
