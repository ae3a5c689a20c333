import TestSupport
import Testing
import WasmBenchAnalysis
import WasmBenchModel

@Suite("When compiling ahead of time pays for itself")
struct CrossoverEstimatorTests {
    /// A summary with a median and its interval.
    static func summary(
        _ runtime: String, _ phase: Phase, _ median: Double, _ low: Double, _ high: Double, metric: Metric = .time
    ) -> Summary {
        Summary(
            workload: "kernels/fib", runtime: runtime, phase: phase, metric: metric, count: 3, median: median, mad: 0,
            min: low, ciLow: low, ciHigh: high)
    }

    /// wasmtime compiles on every start (startup 30 ms); wasmtime-aot compiles once (40 ms) and
    /// loads in 4 ms; both run an iteration in 10 ms.
    static func run() -> RunResult {
        var result = ReportFixture.runResult()
        result.workloads = result.workloads.filter { $0.id == "kernels/fib" }
        result.runtimes = [
            RuntimeInfo(
                id: "wasmtime", name: "wasmtime", version: "49", kind: .subprocess, flags: [], available: true,
                exposedPhases: [.startup, .execute]),
            RuntimeInfo(
                id: "wasmtime-aot", name: "wasmtime", version: "49", kind: .subprocess, flags: [], available: true,
                exposedPhases: [.aotCompile, .startup, .execute], compiledAheadOf: "wasmtime"),
        ]
        result.summaries = [
            summary("wasmtime", .startup, 0.030, 0.028, 0.032), summary("wasmtime", .execute, 0.010, 0.0099, 0.0101),
            summary("wasmtime-aot", .aotCompile, 0.040, 0.038, 0.042),
            summary("wasmtime-aot", .aotCompile, 120_000, 120_000, 120_000, metric: .artifactBytes),
            summary("wasmtime-aot", .startup, 0.004, 0.0039, 0.0041),
            summary("wasmtime-aot", .execute, 0.010, 0.0099, 0.0101),
        ]
        return result
    }

    @Test("the crossover is the compile over the saving of a run, with the interval's extreme ends")
    func knownAnswer() throws {
        let crossover = try #require(CrossoverEstimator.crossovers(of: Self.run(), iterations: 20).first)
        #expect(crossover.runtime == "wasmtime-aot" && crossover.counterpart == "wasmtime")
        // A run: 30 ms + 20 × 10 ms against 4 ms + 20 × 10 ms saves 26 ms; 40 ms ÷ 26 ms = 1.538 runs.
        #expect(abs(crossover.savingPerRun - 0.026) < 1e-12)
        #expect(abs((crossover.runs ?? 0) - 0.040 / 0.026) < 1e-9)
        #expect(crossover.artifactBytes == 120_000)
        // The execute intervals overlap, so only start-up counts. Earliest: 38 ms ÷ (32 − 3.9 ms);
        // latest: 42 ms ÷ (28 − 4.1 ms).
        #expect(abs((crossover.runsLow ?? 0) - 0.038 / 0.0281) < 1e-9)
        #expect(abs((crossover.runsHigh ?? 0) - 0.042 / 0.0239) < 1e-9)
    }

    @Test("an execute time that differs beyond its intervals counts in every run")
    func executeDiffers() throws {
        var result = Self.run()
        result.summaries[5] = Self.summary("wasmtime-aot", .execute, 0.009, 0.0089, 0.0091)
        let crossover = try #require(CrossoverEstimator.crossovers(of: result, iterations: 20).first)
        // 30 + 20 × 10 − (4 + 20 × 9) = 46 ms saved a run.
        #expect(abs(crossover.savingPerRun - 0.046) < 1e-12)
    }

    @Test("a run with the artifact that saves nothing never pays; a pair without a compile time gets no crossover")
    func never() throws {
        var slow = Self.run()
        slow.summaries[4] = Self.summary("wasmtime-aot", .startup, 0.050, 0.049, 0.051)
        let crossover = try #require(CrossoverEstimator.crossovers(of: slow, iterations: 20).first)
        #expect(crossover.runs == nil && crossover.savingPerRun < 0)
        var noCompile = Self.run()
        noCompile.summaries.remove(at: 2)
        #expect(CrossoverEstimator.crossovers(of: noCompile, iterations: 20).isEmpty)
        var alone = Self.run()
        alone.runtimes.removeFirst()
        #expect(CrossoverEstimator.crossovers(of: alone, iterations: 20).isEmpty)
    }
}
