import Foundation
import Testing
import WasmBenchAnalysis
import WasmBenchModel

/// The noise of the shared VMs (FIELD-NOTES, issue 12): the host switches between a fast and a
/// slow state (1.4×) within a process, so which iterations a run catches slow is luck.
@Suite("Fast and slow host states: the per-process minimum holds where the median cried wolf")
struct BimodalNoiseTests {
    /// One cell's iteration times: per process a warm-up, then one iteration per letter, `F` fast
    /// and `S` slow (1.4×), each with a fixed jitter of at most ±0.6%.
    func states(_ fast: Double, _ processes: [String]) -> [[Double]] {
        processes.enumerated().map { process, letters in
            [fast * 1.6]
                + letters.enumerated().map { iteration, letter in
                    let jitter = 1 + 0.003 * Double((process * 7 + iteration * 3) % 5 - 2)
                    return fast * (letter == "S" ? 1.4 : 1) * jitter
                }
        }
    }

    /// A summarised run of 3 processes × 5 iterations (one a warm-up) of workload `w`.
    func run(_ cells: [String: [[Double]]], estimator: Estimator = .preferred) -> RunResult {
        let configuration = RunConfiguration(
            processes: 3, iterations: 5, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 10,
            cellBudgetSeconds: 60, failurePolicy: .continue, estimator: estimator)
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-12-01T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 2, memoryBytes: 1),
            configuration: configuration)
        result.runtimes = cells.keys.sorted().map {
            RuntimeInfo(
                id: $0, name: $0, version: "1", kind: .subprocess, flags: [], available: true, exposedPhases: [.execute]
            )
        }
        for (runtime, processes) in cells.sorted(by: { $0.key < $1.key }) {
            for (process, values) in processes.enumerated() {
                for (iteration, value) in values.enumerated() {
                    result.rows.append(
                        Row(
                            runtime: runtime, runtimeVersion: "1", flags: [], workload: "w", phase: .execute,
                            value: value, process: process, iteration: iteration, warmup: iteration == 0))
                }
            }
        }
        result.complete = true
        Summarizer(configuration: configuration).summarize(&result)
        return result
    }

    func summary(_ result: RunResult, _ runtime: String) throws -> Summary {
        try #require(result.summaries.first { $0.runtime == runtime && $0.phase == .execute })
    }

    /// Identical code twice: the first run caught native mostly slow and wasm mostly fast, the
    /// second the other way round. Every process caught at least one fast iteration.
    var firstRun: [String: [[Double]]] {
        ["native": states(21, ["SSSF", "SFSS", "SSFS"]), "wasm": states(31.5, ["FFFS", "FSFF", "FFSF"])]
    }
    var secondRun: [String: [[Double]]] {
        ["native": states(21, ["FFFS", "FSFF", "FFSF"]), "wasm": states(31.5, ["SSSF", "SFSS", "SSFS"])]
    }

    @Test("two runs of identical code: the median's ratios disagree, the process minimum's agree on 1.5")
    func ratiosAgree() throws {
        let first = try summary(run(firstRun), "wasm")
        let second = try summary(run(secondRun), "wasm")
        let (firstMedian, secondMedian) = (try #require(first.ratioToBaseline), try #require(second.ratioToBaseline))
        #expect(firstMedian < 1.2 && secondMedian > 1.8, "the median's ratios: \(firstMedian), \(secondMedian)")
        #expect(
            try #require(first.ratioCIHigh) < (try #require(second.ratioCILow)),
            "the median's intervals do not even overlap")
        let mean = try #require(run(firstRun).geometricMeans.first)
        #expect(mean.processMinimum == first.processMinimumRatio, "one workload: the geometric mean is its ratio")
        #expect(mean.estimate(.median)?.value == mean.value)
        for ratio in [first.processMinimumRatio, second.processMinimumRatio] {
            let estimate = try #require(ratio)
            #expect(abs(estimate.value - 1.5) < 0.02, "\(estimate)")
            #expect(try #require(estimate.ciLow) <= 1.5 && 1.5 <= (try #require(estimate.ciHigh)), "\(estimate)")
        }
    }

    @Test("an A/A comparison of bimodal runs is unchanged by the process minimum; the median called it slower")
    func aaComparison() throws {
        let base = run(secondRun)
        let new = run(firstRun)
        let cell = { (comparison: RunComparison) in
            try #require(comparison.comparisons.first { $0.runtime == "native" && $0.phase == .execute })
        }
        let byMedian = RunComparer(estimator: .median).compare(base: base, basePath: "a", new: new, newPath: "b")
        #expect(try cell(byMedian).verdict == .slower, "the old rule cried wolf: native's median moved 1.4×")
        #expect(byMedian.regressed)
        let byMinimum = RunComparer(estimator: .processMinimum).compare(
            base: base, basePath: "a", new: new, newPath: "b")
        let native = try cell(byMinimum)
        #expect(byMinimum.estimator == .processMinimum)
        #expect(native.verdict == .unchanged, "\(String(describing: native.processMinimum))")
        #expect(native.medianVerdict == .slower, "the median's own verdict is kept beside it")
        #expect(byMinimum.comparisons.allSatisfy { $0.verdict == .unchanged })
        #expect(byMinimum.geometricMeans.first?.verdict == .unchanged)
        #expect(!byMinimum.regressed)
    }

    @Test("a real 20% slowdown under the same noise is still slower by the process minimum")
    func realSlowdown() throws {
        let base = run(secondRun)
        let new = run([
            "native": states(21 * 1.2, ["SSSF", "SFSS", "SSFS"]), "wasm": states(31.5, ["FFFS", "FSFF", "FFSF"]),
        ])
        let comparison = RunComparer(estimator: .processMinimum).compare(
            base: base, basePath: "a", new: new, newPath: "b")
        let native = try #require(comparison.comparisons.first { $0.runtime == "native" })
        let change = try #require(native.processMinimum)
        #expect(abs(change.ratio - 1.2) < 0.02)
        #expect(native.verdict == .slower)
        #expect(comparison.regressed)
    }
}
