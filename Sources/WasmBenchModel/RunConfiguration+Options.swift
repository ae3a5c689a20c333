/// A run option whose value cannot be used, with the message that says which and why.
public struct OptionProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the option.
    public var message: String

    /// Creates a problem.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension RunConfiguration {
    /// The settings a run's options ask for, after their defaults: 3 processes and a 120 s time
    /// limit when timing; 1 counted set and 1800 s when counting instructions (valgrind runs code
    /// 20–100× slower), which records its longest counted run as its iterations and no warm-ups.
    /// The estimator the tables show defaults to ``Estimator/preferred``; instruction counts are
    /// always shown by the median (one count per iteration per set: no minimum to take).
    ///
    /// Precision: a timed run whose processes were not given asks ±3% of every execute ratio
    /// (``PrecisionGoal``) within `timeBudget` seconds and `maxProcesses` per cell; `precision`
    /// (a fraction, 0 for none) sets it, and given processes without it run exactly that many.
    ///
    /// - Throws: ``OptionProblem`` for a count below its minimum, warm-ups not below the
    ///   iterations, counted iterations that are not two or more different counts, or a
    ///   limit, budget or fraction that is not a finite positive number (NaN and infinity included),
    ///   or an output limit below 1 KiB.
    public init(
        measure: Measure, processes: Int?, iterations: Int, warmups: Int, seed: UInt64, baseline: String,
        timeout: Double?, cellBudget: Double, failurePolicy: FailurePolicy, noise: Double, steadyTolerance: Double,
        countedIterations: [Int], estimator: Estimator = .processMinimum, precision: Double? = nil,
        timeBudget: Double = 540, maxProcesses: Int = 30, outputLimit: Int? = nil
    ) throws(OptionProblem) {
        let counting = measure == .instructions
        let target = precision ?? (processes == nil && !counting ? 0.03 : 0)
        let processes = processes ?? (counting ? 1 : 3)
        let timeout = timeout ?? (counting ? 1800 : 120)
        func check(_ condition: Bool, _ message: String) throws(OptionProblem) {
            if !condition { throw OptionProblem(message: message) }
        }
        try check(processes >= 1, "--processes must be at least 1")
        try check(iterations >= 1, "--iterations must be at least 1")
        try check(
            warmups >= 0 && warmups < iterations,
            "--warmups must be at least 0 and less than --iterations (\(iterations))")
        for (name, value) in [
            ("--timeout", timeout), ("--cell-budget", cellBudget), ("--noise", noise),
            ("--steady-tolerance", steadyTolerance),
        ] {
            try check(value.isFinite && value > 0, "\(name) must be a finite positive number (got \(value))")
        }
        try Self.checkCounts(countedIterations, option: "--counted-iterations")
        try check(
            target.isFinite && target >= 0 && target < 1,
            "--precision must be a fraction below 1, such as 3% or 0.03, or off (got \(target))")
        try check(
            !(counting && precision ?? 0 > 0),
            "--precision applies to timed runs; instruction counts repeat, so their sets are not added to")
        try check(
            timeBudget.isFinite && timeBudget > 0, "--time-budget must be a finite positive number (got \(timeBudget))")
        try check(maxProcesses >= processes, "--max-processes must be at least --processes (\(processes))")
        let outputLimit = outputLimit ?? Self.defaultOutputLimitBytes
        try check(
            outputLimit >= 1024, "--output-limit must be at least 1KiB, so a guest's markers fit (got \(outputLimit))")
        self.init(
            processes: processes, iterations: counting ? countedIterations.max() ?? iterations : iterations,
            warmups: counting ? 0 : warmups, seed: seed, baseline: baseline, timeoutSeconds: timeout,
            cellBudgetSeconds: cellBudget, failurePolicy: failurePolicy, noiseThreshold: noise,
            steadyStateTolerance: steadyTolerance, measure: measure,
            countedIterations: counting ? countedIterations.sorted() : nil, estimator: counting ? .median : estimator,
            precision: target > 0
                ? PrecisionGoal(target: target, timeBudgetSeconds: timeBudget, maxProcesses: maxProcesses) : nil,
            outputLimitBytes: outputLimit)
    }

    /// A byte count as `--output-limit` takes it: a whole number of bytes, or of KiB, MiB or GiB
    /// with the suffix `K`/`KiB`, `M`/`MiB` or `G`/`GiB` (`16MiB`, `64M`, `1048576`); `nil` for
    /// anything else, a count that overflows included.
    public static func byteCount(parsing text: String) -> Int? {
        let units: [(suffix: String, shift: Int)] = [
            ("KiB", 10), ("MiB", 20), ("GiB", 30), ("K", 10), ("M", 20), ("G", 30), ("B", 0), ("", 0),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let count = Int(text.dropLast(unit.suffix.count)), count >= 0 else { continue }
            let (bytes, overflow) = count.multipliedReportingOverflow(by: 1 << unit.shift)
            return overflow ? nil : bytes
        }
        return nil
    }

    /// The iterations a process runs when none are given: 20, so that each process's fastest
    /// iteration (``Estimator/processMinimum``) has enough chances to catch the machine's quiet
    /// state; 10 for the python suite, whose iterations on interpreters in Wasm are long.
    public static func defaultIterations(suite: Suite?) -> Int {
        suite == .python ? 10 : 20
    }

    /// Checks the iteration counts of counted runs (`run --counted-iterations`, `explain
    /// --iterations`): two or more different counts of at least 1.
    ///
    /// - Throws: ``OptionProblem`` naming `option` and the counts it got (`?` for a word that
    ///   was not a count).
    public static func checkCounts(_ counts: [Int], option: String) throws(OptionProblem) {
        guard counts.count >= 2, Set(counts).count == counts.count, counts.allSatisfy({ $0 >= 1 }) else {
            let got = counts.map { $0 > 0 ? String($0) : "?" }.joined(separator: ",")
            throw OptionProblem(
                message: "\(option) takes two or more different counts of at least 1, e.g. 2,4,6 (got \(got))")
        }
    }
}
