import Foundation
import Synchronization
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchRunner
import WasmBenchRuntime

@Suite("With --measure instructions the runner counts sets instead of timing processes")
struct CountingRunnerTests {
    let folder = TemporaryFolder()

    func configuration(sets: Int, policy: FailurePolicy = .continue) -> RunConfiguration {
        RunConfiguration(
            processes: sets, iterations: 3, warmups: 0, seed: 7, baseline: "base", timeoutSeconds: 10,
            cellBudgetSeconds: 60, failurePolicy: policy, measure: .instructions, countedIterations: [1, 2, 3])
    }

    func run(_ runtimes: [FakeRuntime], programs: [String], configuration: RunConfiguration) -> RunResult {
        // The fake runtimes write callgrind's file themselves: valgrind is never started.
        let runner = BenchmarkRunner(
            configuration: configuration, scratchRoot: folder.url, interruption: Interruption(), progress: { _ in },
            save: { _ in }, valgrind: "/nonexistent/valgrind")
        let empty = RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "x86_64", cpuModel: "c", cores: 2, memoryBytes: 1),
            configuration: configuration, runtimes: runtimes.map { $0.describe() })
        return runner.run(
            programs: programs.map(fakeProgram), runtimes: runtimes.map { ($0, $0.describe()) }, into: empty)
    }

    @Test("each counted run is a raw row with its iteration count; the summary is the slope, with its ratio")
    func rows() throws {
        let base = FakeRuntime(id: "base", instructionsPerIteration: ["a": 1_000_000])
        let other = FakeRuntime(id: "other", instructionsPerIteration: ["a": 2_500_000])
        let result = run([base, other], programs: ["a"], configuration: configuration(sets: 2))
        #expect(result.complete)
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(base.calls.count == 6, "two sets of three counted runs")
        let counted = result.rows.filter { $0.runtime == "other" }
        #expect(counted.allSatisfy { $0.phase == .wall && $0.metric == .instructions && $0.unit == .instructions })
        #expect(counted.map(\.iterations) == [1, 2, 3, 1, 2, 3])
        #expect(counted.map(\.process) == [0, 0, 0, 1, 1, 1])
        #expect(counted.map(\.value) == [2_550_000, 5_050_000, 7_550_000, 2_550_000, 5_050_000, 7_550_000])
        #expect(!result.rows.contains { $0.metric == .time }, "nothing is timed")
        let summary = try #require(
            result.summaries.first { $0.runtime == "other" && $0.phase == .execute && $0.metric == .instructions })
        #expect(summary.median == 2_500_000)
        #expect(summary.ciLow == summary.ciHigh)
        #expect(summary.ratioToBaseline == 2.5)
        #expect(result.geometricMeans.first?.value == 2.5)
    }

    @Test("a failed counted run is a recorded failure; the runs counted before it stay as rows")
    func failure() throws {
        // The fake's fourth call for `a` is the second run of the second set.
        let other = FakeRuntime(
            id: "other", statuses: ["a#4": .failed(.crash, "valgrind: unhandled instruction")],
            instructionsPerIteration: ["a": 2_000_000])
        let result = run([other], programs: ["a"], configuration: configuration(sets: 2))
        let failure = try #require(result.failures.first)
        #expect(failure.kind == .crash && failure.process == 1)
        #expect(result.rows.count == 4, "a full set, and the first run of the second")
        let summary = try #require(result.summaries.first { $0.metric == .instructions })
        #expect(summary.count == 1 && summary.median == 2_000_000)
        #expect(summary.warnings.contains { $0.kind == .partial })
    }
}
