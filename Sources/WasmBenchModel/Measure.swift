/// A closed set of ways `wasmbench run` measures the `execute` phase, saved with the run (see
/// ``RunConfiguration/measure``); `wasmbench compare` gates on the measure both runs share.
public enum Measure: String, Codable, Sendable, CaseIterable {
    /// Time: fresh processes × iterations, each iteration timed (the default).
    case time
    /// Instructions: every workload × runtime cell runs under `valgrind --tool=callgrind` once per
    /// count of ``RunConfiguration/countedIterations``, and the cost of one iteration is the
    /// difference of the last two totals over the difference of their iteration counts (see
    /// ``InstructionCount``), with no start-up or compilation in it. The counts repeat to the
    /// instruction on a loaded machine, where times do not; they are instructions, not time, and
    /// every thread counts (a JIT's background compilation included).
    case instructions

    /// The metric of this measure's `execute` summaries, ratios and geometric means.
    public var metric: Metric {
        switch self {
        case .time: .time
        case .instructions: .instructions
        }
    }
}
