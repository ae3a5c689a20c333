import Foundation
import Testing
import WasmBenchAnalysis
import WasmBenchModel
import WasmBenchStatistics

@Suite("Comparing two runs: ratios with intervals from both runs' rows, verdicts, regressions")
struct RunComparerTests {
    /// A run: per workload × runtime, the execute times of each process (iteration 0 a warm-up).
    func run(
        _ cells: [String: [String: [[Double]]]], version: String = "1", failures: [Failure] = [],
        machine: String = "cpu"
    ) -> RunResult {
        let configuration = RunConfiguration(
            processes: 3, iterations: 5, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 10,
            cellBudgetSeconds: 60, failurePolicy: .continue)
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-12-01T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: machine, cores: 2, memoryBytes: 1),
            configuration: configuration)
        let runtimes = Set(cells.values.flatMap(\.keys)).sorted()
        result.runtimes = runtimes.map {
            RuntimeInfo(
                id: $0, name: $0, version: version, kind: .subprocess, flags: [], available: true,
                exposedPhases: [.execute])
        }
        for workload in cells.keys.sorted() {
            for (runtime, processes) in (cells[workload] ?? [:]).sorted(by: { $0.key < $1.key }) {
                for (process, values) in processes.enumerated() {
                    for (iteration, value) in values.enumerated() {
                        result.rows.append(
                            Row(
                                runtime: runtime, runtimeVersion: version, flags: [], workload: workload,
                                phase: .execute, value: value, process: process, iteration: iteration,
                                warmup: iteration == 0))
                    }
                }
            }
        }
        result.failures = failures
        result.complete = true
        return result
    }

    /// Three processes of five iterations around `center`, each within ±0.5%.
    func steady(_ center: Double) -> [[Double]] {
        [0.998, 1.0, 1.003].map { scale in [1.2, 1.0, 1.002, 0.999, 1.001].map { $0 * center * scale } }
    }

    let comparer = RunComparer(threshold: 0.05)

    @Test("a clear 20% slowdown is slower, a clear 20% speed-up faster, a 1% change unchanged")
    func verdicts() throws {
        let base = run(["w/a": ["x": steady(1.0)], "w/b": ["x": steady(2.0)], "w/c": ["x": steady(3.0)]])
        let new = run(["w/a": ["x": steady(1.2)], "w/b": ["x": steady(1.6)], "w/c": ["x": steady(3.03)]])
        let comparison = comparer.compare(base: base, basePath: "a.json", new: new, newPath: "b.json")
        let verdicts = Dictionary(uniqueKeysWithValues: comparison.comparisons.map { ($0.workload, $0.verdict) })
        #expect(verdicts == ["w/a": .slower, "w/b": .faster, "w/c": .unchanged])
        let slower = try #require(comparison.comparisons.first { $0.workload == "w/a" })
        #expect(abs(slower.ratio - 1.2) < 1e-9)
        #expect(slower.ciLow <= 1.2 && 1.2 <= slower.ciHigh)
        #expect(comparison.regressed)
        #expect(comparison.regressions.map(\.workload) == ["w/a"])
        let mean = try #require(comparison.geometricMeans.first)
        #expect(mean.workloads == 3)
        // Expected: (1.2 × 0.8 × 1.01)^(1/3) = 0.99957… by hand.
        #expect(abs(mean.value - pow(1.2 * 0.8 * 1.01, 1.0 / 3)) < 1e-9)
    }

    @Test("processes that disagree make the verdict uncertain rather than a change")
    func spreadIsUncertain() {
        let base = run(["w/a": ["x": steady(1.0)]])
        // The median moves 8%, but one process sits at 0.95 and another at 1.25.
        let new = run([
            "w/a": [
                "x": [[1.2, 0.95, 0.95, 0.95, 0.95], [1.3, 1.08, 1.08, 1.08, 1.08], [1.4, 1.25, 1.25, 1.25, 1.25]]
            ]
        ])
        let comparison = comparer.compare(base: base, basePath: "a", new: new, newPath: "b")
        #expect(comparison.comparisons.first?.verdict == .uncertain)
        #expect(!comparison.regressed)
    }

    @Test("the verdict rule at its edges")
    func rule() {
        func verdict(_ value: Double, _ low: Double, _ high: Double) -> ComparisonVerdict {
            comparer.verdict(Estimate(value: value, interval: Interval(low: low, high: high)))
        }
        #expect(verdict(1.05, 1.01, 1.09) == .slower)
        #expect(verdict(1.04, 1.01, 1.09) == .uncertain)
        #expect(verdict(1 / 1.05, 0.9, 0.99) == .faster)
        #expect(verdict(1.0, 1 / 1.05, 1.05) == .unchanged)
        #expect(verdict(1.1, 0.99, 1.2) == .uncertain)
    }

    @Test("a gated phase only: a slower phase that is not gated does not regress")
    func gating() {
        let base = run(["w/a": ["x": steady(1.0)]])
        let new = run(["w/a": ["x": steady(1.5)]])
        let ungated = RunComparer(threshold: 0.05, gatedPhases: [.startup])
        #expect(!ungated.compare(base: base, basePath: "a", new: new, newPath: "b").regressed)
        #expect(comparer.compare(base: base, basePath: "a", new: new, newPath: "b").regressed)
    }

    @Test("cells in one run only, new failures, runtime version changes and other machines are reported")
    func differences() throws {
        let base = run(["w/a": ["x": steady(1.0), "y": steady(1.0)], "w/b": ["x": steady(1.0), "z": steady(1.0)]])
        let failure = Failure(runtime: "y", workload: "w/a", process: 0, kind: .trap, message: "unreachable")
        let new = run(
            ["w/a": ["x": steady(1.0)], "w/b": ["x": steady(1.0)], "w/c": ["x": steady(1.0)]], version: "2",
            failures: [failure], machine: "other cpu")
        let comparison = comparer.compare(base: base, basePath: "a", new: new, newPath: "b")
        #expect(comparison.onlyInBase.map(\.runtime) == ["z"], "y failed: it is newly failing, not missing")
        #expect(comparison.onlyInNew.map(\.workload) == ["w/c"])
        #expect(comparison.newFailures.first?.reason == "trap: unreachable")
        #expect(comparison.regressed, "a cell the base run measured now fails")
        #expect(comparison.comparisons.first?.changes == ["version 1 → 2"])
        #expect(comparison.caveats.contains { $0.contains("different CPUs") })
    }

    @Test("a cell that failed in the base run too has not newly failed; a failing cell is not also 'only in base'")
    func repeatedFailure() {
        let failure = Failure(runtime: "x", workload: "w/a", process: 1, kind: .timeout, message: "killed")
        let base = run(["w/a": ["x": steady(1.0)]], failures: [failure])
        let new = run(["w/a": ["x": steady(1.0)]], failures: [failure])
        let comparison = comparer.compare(base: base, basePath: "a", new: new, newPath: "b")
        #expect(comparison.newFailures.isEmpty)
        #expect(!comparison.regressed)
        let broken = run(
            ["w/b": ["x": steady(1.0)]],
            failures: [
                Failure(runtime: "x", workload: "w/a", process: nil, kind: .trap, message: "unreachable")
            ])
        let failing = comparer.compare(base: base, basePath: "a", new: broken, newPath: "b")
        #expect(failing.newFailures.isEmpty, "the base run failed that cell as well")
        let clean = run(["w/a": ["x": steady(1.0)]])
        let now = comparer.compare(base: clean, basePath: "a", new: broken, newPath: "b")
        #expect(now.newFailures.map(\.workload) == ["w/a"])
        #expect(now.onlyInBase.isEmpty, "listed as newly failing, not as missing")
    }

    @Test("the same runs compared twice give the same comparison")
    func deterministic() {
        let base = run(["w/a": ["x": steady(1.0)]])
        let new = run(["w/a": ["x": steady(1.1)]])
        #expect(
            comparer.compare(base: base, basePath: "a", new: new, newPath: "b")
                == comparer.compare(base: base, basePath: "a", new: new, newPath: "b"))
    }
}

extension RunComparerTests {
    @Test(
        "Cells compare in the order the run lists its workloads and runtimes, not the shuffled order it measured them in"
    )
    func readingOrder() {
        var base = run(["w/a": ["x": steady(1.0), "y": steady(1.0)], "w/b": ["x": steady(1.0), "y": steady(1.0)]])
        base.rows.reverse()
        base.workloads = ["w/b", "w/a"].map {
            WorkloadInfo(id: $0, suite: "s", summary: "", entry: .command, reportsMarkers: false, wasmSHA256: "")
        }
        base.runtimes.reverse()
        // Reversed, then first and last swapped, the rows name w/a × x first: measured ≠ listed order.
        base.rows.swapAt(0, base.rows.count - 1)
        let comparison = comparer.compare(base: base, basePath: "a", new: base, newPath: "b")
        let cells = comparison.comparisons.map { "\($0.workload) \($0.runtime)" }
        #expect(cells == ["w/b y", "w/b x", "w/a y", "w/a x"])
        #expect(comparison.geometricMeans.map(\.runtime) == ["y", "x"])
    }

    @Test("a peak-rss that reads 0 bytes gets no ratio and a caveat that says why, not 'a damaged file'")
    func zeroPeakRSS() {
        var base = run(["w/a": ["x": steady(1.0)]])
        var new = run(["w/a": ["x": steady(1.0)]])
        for process in 0..<3 {
            let row = Row(
                runtime: "x", runtimeVersion: "1", flags: [], workload: "w/a", phase: .wall, metric: .peakRSS,
                value: 0, process: process, iteration: 0, warmup: false)
            base.rows.append(row)
            new.rows.append(row)
        }
        let comparison = comparer.compare(base: base, basePath: "a", new: new, newPath: "b")
        #expect(
            comparison.caveats.contains { $0.hasPrefix("no ratio for w/a × x wall peak-rss: a peak-rss of 0 bytes") })
        #expect(!comparison.caveats.contains { $0.contains("damaged") })
    }
}

@Suite("Comparing cells that run at two speeds: a change must exceed the gap to count")
struct TwoSpeedComparisonTests {
    let helper = RunComparerTests()

    /// Processes of six iterations whose minimum is `fast` or `slow`, as `pattern` says (f or s).
    func processes(_ pattern: String, fast: Double = 50, slow: Double = 62) -> [[Double]] {
        pattern.enumerated().map { index, state in
            let value = (state == "s" ? slow : fast) * (1 + 0.002 * Double(index % 3))
            return [value * 1.5] + Array(repeating: value, count: 5)
        }
    }

    @Test("Identical code whose slow share moved from 40% to 90%: uncertain, said, no regression")
    func mixMoved() throws {
        let base = helper.run(["k/interp": ["node": processes("fsfsffsfsf")]])
        let new = helper.run(["k/interp": ["node": processes("ssssfsssss")]])
        let comparison = RunComparer(threshold: 0.05).compare(base: base, basePath: "a", new: new, newPath: "b")
        let cell = try #require(comparison.comparisons.first)
        let minimum = try #require(cell.processMinimum)
        #expect(minimum.ratio > 1.1)
        let speeds = try #require(minimum.twoSpeeds)
        #expect(abs(speeds.ratio - 1.24) < 0.01)
        #expect(speeds.baseSlowShare == 0.4 && speeds.newSlowShare == 0.9)
        #expect(cell.verdict == .uncertain)
        #expect(!comparison.regressed)
        #expect(comparison.caveats.contains { $0.hasPrefix("k/interp × node runs at two speeds 24% apart") })
    }

    @Test("A run all fast against one all slow is a change, not two speeds: slower")
    func stepIsChange() throws {
        let base = helper.run(["k/interp": ["node": processes("ffffffffff")]])
        let new = helper.run(["k/interp": ["node": processes("ssssssssss")]])
        let comparison = RunComparer(threshold: 0.05).compare(base: base, basePath: "a", new: new, newPath: "b")
        let cell = try #require(comparison.comparisons.first)
        #expect(cell.processMinimum?.twoSpeeds == nil)
        #expect(cell.verdict == .slower)
        #expect(comparison.regressed)
    }

    @Test("A change larger than the gap still counts in a cell at two speeds")
    func bigChangeCounts() throws {
        let base = helper.run(["k/interp": ["node": processes("fsfsffsfsf")]])
        let new = helper.run(["k/interp": ["node": processes("fsfsffsfsf", fast: 100, slow: 124)]])
        let comparison = RunComparer(threshold: 0.05).compare(base: base, basePath: "a", new: new, newPath: "b")
        let cell = try #require(comparison.comparisons.first)
        #expect(cell.verdict == .slower)
    }
}
