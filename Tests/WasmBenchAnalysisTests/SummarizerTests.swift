import Foundation
import Testing
import WasmBenchAnalysis
import WasmBenchModel

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

    func summarize(_ rows: [Row], configuration: RunConfiguration) -> RunResult {
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 1, memoryBytes: 1),
            configuration: configuration)
        result.rows = rows
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
    }
}
