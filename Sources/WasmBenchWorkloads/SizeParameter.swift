/// A workload's problem size that `run --param NAME=…` can set: its name, the value the
/// workload's built-in answer is for, and the values it accepts (a kernel refuses others with
/// exit status 2, so wasmbench refuses them before anything runs).
public struct SizeParameter: Codable, Sendable, Equatable {
    /// The name on the command line, e.g. `n` for `fib`.
    public var name: String
    /// The value the workload runs at unless told otherwise.
    public var `default`: Int
    /// The least value accepted.
    public var low: Int
    /// The greatest value accepted.
    public var high: Int

    /// Creates a parameter.
    public init(name: String, default: Int, low: Int, high: Int) {
        self.name = name
        self.default = `default`
        self.low = low
        self.high = high
    }
}
