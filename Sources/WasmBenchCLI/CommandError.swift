import WasmBenchPlan

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

    /// The error a planning failure ends a command with.
    init(_ error: PlanError) {
        switch error {
        case .usage(let message): self.init(.usage, message)
        case .invalidInput(let message): self.init(.invalidInput, message)
        case .environment(let message): self.init(.environment, message)
        }
    }

    /// The message.
    public var description: String { message }
}
