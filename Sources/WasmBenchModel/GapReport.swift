/// The layout version of a saved gap analysis (`wasmbench explain --json`); readers check it first.
public let gapReportSchemaVersion = 1

/// How many instructions one iteration of a workload costs on a runtime, counted by callgrind.
///
/// The count is differential, so that no start-up, compilation or instantiation is in it: the
/// same workload runs twice under `valgrind --tool=callgrind`, once with ``lowIterations`` and
/// once with ``highIterations`` iterations, and the per-iteration figure is the difference of
/// the two totals divided by the difference of the iteration counts. Counts repeat exactly for
/// the same binaries and inputs whatever else the machine does (JIT runtimes with background
/// threads repeat to within a fraction of a percent).
public struct InstructionCount: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// Instructions of one iteration (all of the process's threads).
    public var perIteration: Double
    /// Instructions of the whole process with ``lowIterations`` iterations.
    public var lowTotal: Double
    /// Instructions of the whole process with ``highIterations`` iterations.
    public var highTotal: Double
    /// The iterations of the shorter run.
    public var lowIterations: Int
    /// The iterations of the longer run.
    public var highIterations: Int
    /// The instructions before and around the iterations: start-up, compilation, instantiation,
    /// exit (``lowTotal`` minus ``lowIterations`` × ``perIteration``).
    public var outside: Double
    /// ``perIteration`` ÷ the baseline's, for the same workload; `nil` for the baseline itself.
    public var ratioToBaseline: Double?
    /// The command lines of both runs, to repeat them by hand.
    public var commands: [String]

    /// Creates a count.
    public init(
        workload: String, runtime: String, perIteration: Double, lowTotal: Double, highTotal: Double,
        lowIterations: Int, highIterations: Int, ratioToBaseline: Double? = nil, commands: [String] = []
    ) {
        self.workload = workload
        self.runtime = runtime
        self.perIteration = perIteration
        self.lowTotal = lowTotal
        self.highTotal = highTotal
        self.lowIterations = lowIterations
        self.highIterations = highIterations
        self.outside = lowTotal - Double(lowIterations) * perIteration
        self.ratioToBaseline = ratioToBaseline
        self.commands = commands
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
public struct GapReport: Codable, Sendable, Equatable {
    /// ``gapReportSchemaVersion`` when written.
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
    /// What could not be counted or profiled, and why.
    public var failures: [Failure]
    /// Things to know when reading the numbers.
    public var notices: [String]

    /// Creates an empty report.
    public init(
        toolVersion: String, startedAt: String, machine: MachineInfo, baseline: String, runtimes: [RuntimeInfo] = [],
        workloads: [WorkloadInfo] = [], notices: [String] = []
    ) {
        self.schemaVersion = gapReportSchemaVersion
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
