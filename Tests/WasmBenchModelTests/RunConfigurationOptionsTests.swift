import Testing
import WasmBenchModel

@Suite("Run options become a configuration after their defaults, or a problem that names the option")
struct RunConfigurationOptionsTests {
    func make(
        measure: Measure = .time, processes: Int? = nil, warmups: Int = 1, timeout: Double? = nil,
        noise: Double = 0.05, counted: [Int] = [2, 4, 6], precision: Double? = nil, timeBudget: Double = 600,
        maxProcesses: Int = 30
    ) throws(OptionProblem) -> RunConfiguration {
        try RunConfiguration(
            measure: measure, processes: processes, iterations: 5, warmups: warmups, seed: 1, baseline: "native",
            timeout: timeout, cellBudget: 60, failurePolicy: .continue, noise: noise, steadyTolerance: 0.1,
            countedIterations: counted, precision: precision, timeBudget: timeBudget, maxProcesses: maxProcesses)
    }

    @Test("A timed run asks ±3% within 600 s unless its processes are given; given processes run exactly")
    func precisionDefaults() throws {
        #expect(try make().precision == PrecisionGoal(target: 0.03, timeBudgetSeconds: 600, maxProcesses: 30))
        #expect(try make(processes: 5).precision == nil)
        #expect(try make(processes: 5, precision: 0.02).precision?.target == 0.02)
        #expect(try make(precision: 0).precision == nil)
        #expect(try make(measure: .instructions).precision == nil)
        #expect(try make(timeBudget: 60, maxProcesses: 8).precision?.timeBudgetSeconds == 60)
    }

    @Test(
        "A precision of 1 or more, below 0 or not finite, on instruction counts, and bad limits are refused",
        arguments: [
            (Measure.time, 1.0, 600.0, 30), (.time, -0.01, 600, 30), (.time, .nan, 600, 30),
            (.instructions, 0.03, 600, 30), (.time, 0.03, 0, 30), (.time, 0.03, .infinity, 30), (.time, 0.03, 600, 2),
        ])
    func badPrecision(measure: Measure, precision: Double, budget: Double, most: Int) {
        let problem = try? #require(throws: OptionProblem.self) {
            try make(measure: measure, precision: precision, timeBudget: budget, maxProcesses: most)
        }
        let named = ["--precision", "--time-budget", "--max-processes"].contains {
            problem?.message.hasPrefix($0) == true
        }
        #expect(named)
    }

    @Test("Timing defaults to 3 processes and 120 s; counting to 1 set, 1800 s, its longest run, no warm-ups")
    func defaults() throws {
        let time = try make()
        #expect(time.processes == 3 && time.timeoutSeconds == 120 && time.iterations == 5 && time.warmups == 1)
        #expect(time.countedIterations == nil)
        let counted = try make(measure: .instructions, counted: [6, 2, 4])
        #expect(counted.processes == 1 && counted.timeoutSeconds == 1800 && counted.iterations == 6)
        #expect(counted.warmups == 0 && counted.countedIterations == [2, 4, 6])
        #expect(time.estimator == .processMinimum && counted.estimator == .median)
        #expect(RunConfiguration.defaultIterations(suite: .kernels) == 20)
        #expect(RunConfiguration.defaultIterations(suite: nil) == 20)
        #expect(RunConfiguration.defaultIterations(suite: .python) == 10)
    }

    @Test(
        "NaN, infinity, zero and negative limits are refused with the option's name",
        arguments: [
            Double.nan, .infinity, 0, -1,
        ])
    func badNumbers(value: Double) {
        #expect(throws: OptionProblem.self) { try make(timeout: value) }
        let problem = try? #require(throws: OptionProblem.self) { try make(noise: value) }
        #expect(problem?.message.hasPrefix("--noise must be a finite positive number") == true)
    }

    @Test("Counts below their minimum and bad counted iterations are refused")
    func badCounts() {
        #expect(throws: OptionProblem.self) { try make(processes: 0) }
        #expect(throws: OptionProblem.self) { try make(warmups: 5) }
        #expect(throws: OptionProblem.self) { try make(counted: [2]) }
        #expect(throws: OptionProblem.self) { try make(counted: [2, 2]) }
        #expect(throws: OptionProblem.self) { try make(counted: [0, 2]) }
    }
}
