import Foundation
import Testing
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchStatistics

@Suite("The summarizer covers steady-state iterations and reports warm-up")
struct SummarizerTests {
    func configuration(warmups: Int = 1, tolerance: Double = 0.1) -> RunConfiguration {
        RunConfiguration(
            processes: 2, iterations: 6, warmups: warmups, seed: 3, baseline: "base", timeoutSeconds: 10,
            cellBudgetSeconds: 60, failurePolicy: .continue, steadyStateTolerance: tolerance)
    }

    /// Execute rows of one runtime, one series per process, warm-ups flagged like the runner does.
    func rows(_ runtime: String, _ series: [[Double]], warmups: Int) -> [Row] {
        series.enumerated().flatMap { process, values in
            values.enumerated().map { iteration, value in
                Row(
                    runtime: runtime, runtimeVersion: "1", flags: [], workload: "w", phase: .execute, value: value,
                    process: process, iteration: iteration, warmup: iteration < warmups)
            }
        }
    }

    func summarize(_ rows: [Row], configuration: RunConfiguration, failures: [Failure] = []) -> RunResult {
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 1, memoryBytes: 1),
            configuration: configuration)
        result.rows = rows
        result.failures = failures
        Summarizer(configuration: configuration).summarize(&result)
        return result
    }

    func execute(_ result: RunResult, _ runtime: String) -> Summary? {
        result.summaries.first { $0.runtime == runtime && $0.phase == .execute && $0.metric == .time }
    }

    @Test("intervals resample processes, so a spread between processes shows in them")
    func processesAreResampled() throws {
        // Each process is steady within ±1%, but the three settle at 10, 12 and 11: the median's
        // interval must reach towards both 10 and 12, not shrink to the pooled iterations' 11.
        let series = [
            [10.0, 10.1, 10.0, 9.9, 10.0, 10.1], [12.0, 12.1, 12.0, 11.9, 12.0, 12.1],
            [11.0, 11.1, 11.0, 10.9, 11.0, 11.1],
        ]
        let baseline = [[5.0, 5.0, 5.0, 5.0, 5.0, 5.0]]
        let result = summarize(
            rows("spread", series, warmups: 1) + rows("base", baseline, warmups: 1), configuration: configuration())
        let summary = try #require(execute(result, "spread"))
        #expect(summary.median == 11.0)
        #expect(summary.ciLow <= 10.1 && summary.ciHigh >= 11.9, "[\(summary.ciLow), \(summary.ciHigh)]")
        let low = try #require(summary.ratioCILow)
        let high = try #require(summary.ratioCIHigh)
        #expect(low <= 2.02 && high >= 2.38, "[\(low), \(high)]")
    }

    @Test("a series that warms up for three iterations loses them, not just the configured one")
    func detectedWarmup() throws {
        // Iterations 0-2 are slow (a JIT warming up), 3-5 settle at 1.0.
        let series = [[9.0, 5.0, 2.0, 1.0, 1.02, 0.98], [8.0, 4.0, 2.5, 1.0, 1.01, 0.99]]
        let result = summarize(rows("jit", series, warmups: 1), configuration: configuration())
        let summary = try #require(execute(result, "jit"))
        #expect(summary.count == 6)
        #expect(summary.median == 1.0)
        #expect(summary.warmupIterations == 3)
        #expect(summary.firstIteration == 8.5)
        #expect(summary.steadyProcesses == 2)
        #expect(summary.processes == 2)
        #expect(!summary.warnings.contains { $0.kind == .noSteadyState })
    }

    @Test("a flat series keeps everything after the configured warm-ups")
    func configuredWarmupsStay() throws {
        let series = [[1.0, 1.0, 1.01, 0.99, 1.0, 1.0]]
        let result = summarize(rows("flat", series, warmups: 2), configuration: configuration(warmups: 2))
        let summary = try #require(execute(result, "flat"))
        #expect(summary.count == 4)
        #expect(summary.warmupIterations == 2)
        #expect(summary.firstIteration == 1.0)
        #expect(summary.steadyProcesses == 1)
    }

    @Test("a series that never settles is summarised after the configured warm-ups, with a warning")
    func neverSettles() throws {
        // Alternates by 50%: no tail of three stays within 10% of its median.
        let series = [[1.0, 2.0, 1.0, 2.0, 1.0, 2.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]
        let result = summarize(rows("wobbly", series, warmups: 1), configuration: configuration())
        let summary = try #require(execute(result, "wobbly"))
        #expect(summary.count == 10)
        #expect(summary.steadyProcesses == 1)
        #expect(summary.warmupIterations == 1)
        let warning = try #require(summary.warnings.first { $0.kind == .noSteadyState })
        #expect(warning.message.contains("1 of 2 processes"))
        #expect(warning.message.contains("±10.0%"))
    }

    @Test("a wider tolerance lets the same series settle")
    func toleranceMatters() throws {
        let series = [[1.0, 1.3, 1.0, 1.3, 1.0, 1.3]]
        let tight = summarize(rows("r", series, warmups: 0), configuration: configuration(warmups: 0))
        #expect(try #require(execute(tight, "r")).steadyProcesses == 0)
        let loose = summarize(
            rows("r", series, warmups: 0), configuration: configuration(warmups: 0, tolerance: 0.2))
        let summary = try #require(execute(loose, "r"))
        #expect(summary.steadyProcesses == 1)
        #expect(summary.warmupIterations == 0)
        #expect(summary.count == 6)
    }

    @Test("ratios to the baseline use both sides' steady states")
    func ratioUsesSteadyStates() throws {
        let base = rows("base", [[2.0, 2.0, 2.0, 2.0, 2.0, 2.0], [2.0, 2.0, 2.0, 2.0, 2.0, 2.0]], warmups: 1)
        let jit = rows("jit", [[20.0, 10.0, 1.0, 1.0, 1.0, 1.0], [20.0, 10.0, 1.0, 1.0, 1.0, 1.0]], warmups: 1)
        let result = summarize(base + jit, configuration: configuration())
        let summary = try #require(execute(result, "jit"))
        #expect(summary.ratioToBaseline == 0.5)
        #expect(summary.warmupIterations == 2)
        #expect(summary.firstIteration == 20.0)
    }

    @Test("a series too short to judge keeps the configured warm-ups and claims nothing")
    func shortSeries() throws {
        let series = [[3.0, 1.0, 1.0]]
        let result = summarize(rows("short", series, warmups: 1), configuration: configuration())
        let summary = try #require(execute(result, "short"))
        #expect(summary.count == 2)
        #expect(summary.steadyProcesses == 0)
        #expect(!summary.warnings.contains { $0.kind == .noSteadyState })
    }

    @Test("a saved configuration without a tolerance reads back with the default")
    func oldConfiguration() throws {
        let json = """
            {"processes":3,"iterations":5,"warmups":1,"seed":1,"baseline":"native","timeoutSeconds":120,
             "cellBudgetSeconds":60,"failurePolicy":"continue","noiseThreshold":0.05}
            """
        let decoded = try JSONDecoder().decode(RunConfiguration.self, from: Data(json.utf8))
        #expect(decoded.steadyStateTolerance == 0.1)
        #expect(decoded.measure == .time, "a run saved before --measure existed was timed")
        #expect(decoded.countedIterations == nil)
        #expect(decoded.estimator == .median, "a run saved before the choice showed the median")
    }

    @Test("the process minimum is the geometric mean of each process's fastest iteration, with its t interval")
    func processMinimum() throws {
        let series = [
            [9.0, 1.2, 1.0, 1.1, 1.3, 1.2], [9.0, 1.5, 1.4, 1.21, 1.3, 1.3], [9.0, 1.1, 1.2, 1.1, 1.15, 1.3],
        ]
        let baseline = [[5.0, 0.5, 0.5, 0.5, 0.5, 0.5], [5.0, 0.52, 0.5, 0.51, 0.5, 0.5]]
        let result = summarize(
            rows("r", series, warmups: 1) + rows("base", baseline, warmups: 1), configuration: configuration())
        let summary = try #require(execute(result, "r"))
        // Expected: the minima are 1.0, 1.21 and 1.1 (the warm-ups of 9 left out); the statistics
        // module's own known-answer tests cover the interval.
        let interval = try #require(geometricMeanInterval([1.0, 1.21, 1.1]))
        #expect(
            summary.processMinimum
                == EstimatedValue(value: interval.value, ciLow: interval.interval.low, ciHigh: interval.interval.high))
        let ratio = try #require(ratioOfGeometricMeans(numerator: [1.0, 1.21, 1.1], denominator: [0.5, 0.5]))
        #expect(
            summary.processMinimumRatio
                == EstimatedValue(value: ratio.value, ciLow: ratio.interval.low, ciHigh: ratio.interval.high))
        #expect(summary.estimate(.processMinimum) == summary.processMinimum)
        #expect(summary.estimate(.median)?.value == summary.median)
        #expect(summary.ratioEstimate(.median)?.value == summary.ratioToBaseline)
    }

    @Test("the process minimum covers fast iterations that steady-state detection took for warm-up")
    func minimumIgnoresDetection() throws {
        // One fast iteration, then the host turns slow and stays: detection settles at index 2.
        let series = [[9.0, 1.0, 1.4, 1.41, 1.39, 1.4]]
        let result = summarize(rows("r", series, warmups: 1), configuration: configuration())
        let summary = try #require(execute(result, "r"))
        #expect(summary.warmupIterations == 2)
        #expect(summary.median == 1.4)
        #expect(summary.processMinimum == EstimatedValue(value: 1.0), "one process: a value without an interval")
    }

    @Test("the wide-interval warning judges the estimator the tables show")
    func warningFollowsEstimator() throws {
        // Steady iterations inside each process, but the processes' minima disagree by 20%.
        let series = [
            [9.0, 1.0, 1.01, 1.0, 1.02, 1.0], [9.0, 1.2, 1.21, 1.2, 1.22, 1.2], [9.0, 1.1, 1.1, 1.12, 1.1, 1.1],
        ]
        for estimator in Estimator.allCases {
            var chosen = configuration()
            chosen.estimator = estimator
            let summary = try #require(execute(summarize(rows("r", series, warmups: 1), configuration: chosen), "r"))
            let warning = try #require(summary.warnings.first { $0.kind == .wideInterval })
            #expect(warning.message.contains("of the \(estimator.phrase) (over 5.0%)"), "\(warning.message)")
        }
    }

    @Test("a value of zero leaves the process minimum out rather than failing the summary")
    func zeroValues() throws {
        let rows = [0.0, 0.0, 1.0].enumerated().map { process, value in
            Row(
                runtime: "r", runtimeVersion: "1", flags: [], workload: "w", phase: .wall, metric: .peakRSS,
                value: value, process: process)
        }
        let result = summarize(rows, configuration: configuration())
        let summary = try #require(result.summaries.first)
        #expect(summary.median == 0)
        #expect(summary.processMinimum == nil)
    }

    @Test("no sample of a failed process enters a summary, though its rows stay for the record")
    func failedProcessLeftOut() throws {
        // Process 1 measured four fast iterations, then trapped: none of them may pull the summary down.
        let series = [
            [10.0, 10.0, 10.0, 10.0, 10.0, 10.0], [1.0, 1.0, 1.0, 1.0], [10.0, 10.0, 10.0, 10.0, 10.0, 10.0],
        ]
        let failure = Failure(runtime: "r", workload: "w", process: 1, kind: .trap, message: "unreachable")
        let result = summarize(rows("r", series, warmups: 1), configuration: configuration(), failures: [failure])
        #expect(result.rows.count == 16)
        let summary = try #require(execute(result, "r"))
        #expect(summary.median == 10.0)
        #expect(summary.min == 10.0)
        #expect(abs((summary.processMinimum?.value ?? 0) - 10.0) < 1e-9)
        #expect(summary.count == 10)
    }

    @Test("a cell-wide failure (no process) leaves the processes that finished in the summary")
    func skippedCellKeepsRows() throws {
        let failure = Failure(runtime: "r", workload: "w", process: nil, kind: .unsupported, message: "skipped")
        let result = summarize(
            rows("r", [[10.0, 10.0, 10.0, 10.0, 10.0, 10.0]], warmups: 1), configuration: configuration(),
            failures: [failure])
        #expect(try #require(execute(result, "r")).count == 5)
    }
}
