/// The layout version of a saved explain analysis (`wasmbench explain --json`); readers check it first.
public let explainReportSchemaVersion = 1

/// One counted run: how many iterations it ran and how many instructions the process executed.
public struct CountedRun: Codable, Sendable, Equatable {
    /// The iterations the guest ran.
    public var iterations: Int
    /// Instructions of the whole process (every thread).
    public var instructions: Double
    /// The command line, to repeat it by hand.
    public var command: String?

    /// Creates a counted run.
    public init(iterations: Int, instructions: Double, command: String? = nil) {
        self.iterations = iterations
        self.instructions = instructions
        self.command = command
    }
}

/// How many instructions one iteration of a workload costs on a runtime, counted by callgrind.
///
/// The count is differential, so that no start-up, compilation or instantiation is in it: the
/// workload runs three times (or more) under `valgrind --tool=callgrind` with growing iteration
/// counts, and the cost of an iteration is the difference of the last two totals divided by the
/// difference of their iteration counts. The first two runs give the same figure for iterations
/// earlier on; when the two differ by more than 5% the cost of an iteration was still changing
/// (a JIT tiering up, background compilation, caches filling), and ``steady`` is false. A
/// negative ``outside`` says the same: the later iterations cost more than the first ones. Counts
/// repeat exactly for the same binaries and inputs whatever else the machine does.
public struct InstructionCount: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// The counted runs, fewest iterations first.
    public var runs: [CountedRun]
    /// Instructions of one iteration: the slope between the last two runs.
    public var perIteration: Double
    /// The same slope between the first two runs (with only two runs, ``perIteration``).
    public var earlierPerIteration: Double
    /// Whether the two slopes agree within 5%; `nil` with only two runs, which cannot tell.
    public var steady: Bool?
    /// The instructions before and around the iterations: start-up, compilation, instantiation,
    /// exit (the first run's count less its iterations × ``perIteration``).
    public var outside: Double
    /// ``perIteration`` ÷ the baseline's, for the same workload; `nil` for the baseline itself.
    public var ratioToBaseline: Double?

    /// The largest relative difference between the two slopes that still counts as steady.
    public static let steadyTolerance = 0.05

    /// Creates a count from at least two runs with different iteration counts, or `nil`.
    public init?(workload: String, runtime: String, runs: [CountedRun], ratioToBaseline: Double? = nil) {
        let runs = runs.sorted { $0.iterations < $1.iterations }
        guard runs.count >= 2, let first = runs.first, let last = runs.last,
            Set(runs.map(\.iterations)).count == runs.count
        else { return nil }
        func slope(_ a: CountedRun, _ b: CountedRun) -> Double {
            (b.instructions - a.instructions) / Double(b.iterations - a.iterations)
        }
        let previous = runs[runs.count - 2]
        self.workload = workload
        self.runtime = runtime
        self.runs = runs
        self.perIteration = slope(previous, last)
        self.earlierPerIteration = slope(first, runs[1])
        self.steady =
            runs.count < 3
            ? nil : abs(earlierPerIteration - perIteration) <= Self.steadyTolerance * max(abs(perIteration), 1)
        self.outside = first.instructions - Double(first.iterations) * perIteration
        self.ratioToBaseline = ratioToBaseline
    }
}

/// A closed set of ways a function profile was measured.
public enum ProfileSource: String, Codable, Sendable {
    /// callgrind's own (exclusive) instruction counts per function: exact, but instructions, not time.
    case callgrind
    /// wasmtime's guest profiler: samples of the guest's call stack every millisecond, own time
    /// per guest function; the runtime's code outside the guest shows as `hostcall` only.
    case guestProfiler = "guest-profiler"
}

/// One function's share of a profile.
public struct FunctionCost: Codable, Sendable, Equatable {
    /// The function's name (a symbol, or `<wasm function N>` without a name section).
    public var name: String
    /// Its own cost, in the profile's unit (instructions or samples).
    public var cost: Double
    /// ``cost`` ÷ the profile's total.
    public var share: Double

    /// Creates an entry.
    public init(name: String, cost: Double, share: Double) {
        self.name = name
        self.cost = cost
        self.share = share
    }
}

/// Where one run of a workload on a runtime spent its own time or instructions, function by function.
public struct FunctionProfile: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// How it was measured.
    public var source: ProfileSource
    /// The whole profile's cost (instructions or samples).
    public var total: Double
    /// The costliest functions, costliest first (at most a few dozen).
    public var functions: [FunctionCost]
    /// The command line that produced it.
    public var command: String?

    /// Creates a profile.
    public init(
        workload: String, runtime: String, source: ProfileSource, total: Double, functions: [FunctionCost],
        command: String? = nil
    ) {
        self.workload = workload
        self.runtime = runtime
        self.source = source
        self.total = total
        self.functions = functions
        self.command = command
    }
}

/// Why Wasm runs slower than native, as far as counting can tell: instruction counts per
/// iteration on every runtime, and function profiles of the baseline and of the runtimes that
/// can sample their guest, side by side.
public struct ExplainReport: Codable, Sendable, Equatable {
    /// ``explainReportSchemaVersion`` when written.
    public var schemaVersion: Int
    /// The wasmbench version.
    public var toolVersion: String
    /// When the analysis started (ISO 8601).
    public var startedAt: String
    /// The machine.
    public var machine: MachineInfo
    /// The runtime ratios are taken against.
    public var baseline: String
    /// The runtimes, with versions and flags.
    public var runtimes: [RuntimeInfo]
    /// The workloads, with how they were built.
    public var workloads: [WorkloadInfo]
    /// Instructions per iteration, workload by workload and runtime by runtime.
    public var instructions: [InstructionCount]
    /// Function profiles.
    public var profiles: [FunctionProfile]
    /// The dynamic opcode mix of each workload (`--opcodes`); nil in analyses made without it.
    public var opcodes: [OpcodeProfile]?
    /// The folded call stacks of the profiled cells, for flamegraphs; nil in older analyses.
    public var stacks: [StackProfile]?
    /// The folder the flamegraphs were written to (`--flamegraph`), if any.
    public var flamegraphFolder: String?
    /// What could not be counted or profiled, and why.
    public var failures: [Failure]
    /// Things to know when reading the numbers.
    public var notices: [String]

    /// Creates an empty report.
    public init(
        toolVersion: String, startedAt: String, machine: MachineInfo, baseline: String, runtimes: [RuntimeInfo] = [],
        workloads: [WorkloadInfo] = [], notices: [String] = []
    ) {
        self.schemaVersion = explainReportSchemaVersion
        self.toolVersion = toolVersion
        self.startedAt = startedAt
        self.machine = machine
        self.baseline = baseline
        self.runtimes = runtimes
        self.workloads = workloads
        self.instructions = []
        self.profiles = []
        self.failures = []
        self.notices = notices
    }
}
