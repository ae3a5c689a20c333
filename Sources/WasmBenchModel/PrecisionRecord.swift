/// The precision a run asks of its ratios: the runner adds processes to the cells whose execute
/// ratio's 95% interval is wider than ``target``, interleaved, until every one reaches it or a
/// limit stops it (see ``PrecisionShortfall``).
public struct PrecisionGoal: Codable, Sendable, Equatable {
    /// The largest relative half-width asked of each execute ratio's 95% interval (0.03 is ±3%).
    public var target: Double
    /// The run's time budget: no process is added for precision once the run has taken this long.
    public var timeBudgetSeconds: Double
    /// The most processes a cell gets.
    public var maxProcesses: Int

    /// Reads a target as written on the command line: `3%`, `0.03`, or `off` (0, no goal); nil for
    /// anything else.
    public static func target(parsing text: String) -> Double? {
        if text == "off" { return 0 }
        let percent = text.hasSuffix("%")
        return Double(percent ? String(text.dropLast()) : text).map { percent ? $0 / 100 : $0 }
    }

    /// Creates a goal.
    public init(target: Double, timeBudgetSeconds: Double, maxProcesses: Int) {
        self.target = target
        self.timeBudgetSeconds = timeBudgetSeconds
        self.maxProcesses = maxProcesses
    }
}

/// What each cell of a run reached of its ``PrecisionGoal``.
public struct PrecisionRecord: Codable, Sendable, Equatable {
    /// What was asked.
    public var goal: PrecisionGoal
    /// Every non-baseline cell with an execute time, in the order of the run's summaries.
    public var cells: [PrecisionCell]

    /// Creates a record.
    public init(goal: PrecisionGoal, cells: [PrecisionCell] = []) {
        self.goal = goal
        self.cells = cells
    }

    /// The cells whose interval stayed wider than the target.
    public var missed: [PrecisionCell] { cells.filter { $0.shortfall != nil } }
}

/// One cell's precision: the half-width its execute ratio reached and, when that is wider than
/// the target, why no more processes ran.
public struct PrecisionCell: Codable, Sendable, Equatable {
    /// The workload id.
    public var workload: String
    /// The runtime id.
    public var runtime: String
    /// The relative half-width of the ratio's 95% interval, (high − low) ÷ 2 ÷ ratio; `nil` when
    /// the ratio has no interval.
    public var halfWidth: Double?
    /// The processes the cell ran (failed ones included).
    public var processes: Int
    /// Why the target was not reached; `nil` when it was.
    public var shortfall: PrecisionShortfall?

    /// Creates a cell's record.
    public init(
        workload: String, runtime: String, halfWidth: Double?, processes: Int, shortfall: PrecisionShortfall?
    ) {
        self.workload = workload
        self.runtime = runtime
        self.halfWidth = halfWidth
        self.processes = processes
        self.shortfall = shortfall
    }
}

/// Why a cell's ratio interval stayed wider than the precision asked for.
public enum PrecisionShortfall: String, Codable, Sendable, CaseIterable {
    /// The run's time budget (`--time-budget`) was spent.
    case timeBudget = "time-budget"
    /// The cell's or its baseline's time budget (`--cell-budget`) was spent.
    case cellBudget = "cell-budget"
    /// The cell or its baseline ran the most processes a cell gets (`--max-processes`).
    case processLimit = "process-limit"
    /// The ratio has no interval (its processes or the baseline's failed, or too few succeeded).
    case noInterval = "no-interval"
    /// The run stopped early (Ctrl-C, or `--on-failure stop`), or the cell was closed by a failure.
    case stopped

    /// What it means, for a report.
    public var phrase: String {
        switch self {
        case .timeBudget: "the run's time budget was spent (--time-budget)"
        case .cellBudget: "the cell's time budget was spent (--cell-budget)"
        case .processLimit: "it reached the most processes a cell gets (--max-processes)"
        case .noInterval: "its ratio has no interval (failed processes)"
        case .stopped: "the run or the cell stopped early"
        }
    }
}

extension EstimatedValue {
    /// The relative half-width of the interval, (high − low) ÷ 2 ÷ value; `nil` without an
    /// interval or for a value that is not a finite positive number.
    public var relativeHalfWidth: Double? {
        guard let ciLow, let ciHigh, value.isFinite, value > 0 else { return nil }
        let width = (ciHigh - ciLow) / 2 / value
        return width.isFinite ? width : nil
    }
}
