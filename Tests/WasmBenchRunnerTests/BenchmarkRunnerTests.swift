import Foundation
import Synchronization
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchRunner
import WasmBenchRuntime

/// Counts saves from the runner's callback.
final class SaveCounter: Sendable {
    let count = Mutex(0)
}

@Suite("The runner schedules, records and saves")
struct BenchmarkRunnerTests {
    let folder = TemporaryFolder()

    func configuration(processes: Int = 3, policy: FailurePolicy = .continue, budget: Double = 60) -> RunConfiguration {
        RunConfiguration(
            processes: processes, iterations: 4, warmups: 1, seed: 7, baseline: "base", timeoutSeconds: 10,
            cellBudgetSeconds: budget, failurePolicy: policy)
    }

    func emptyResult(_ configuration: RunConfiguration, runtimes: [FakeRuntime]) -> RunResult {
        RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(
                os: "test", kernel: "k", architecture: "x86_64", cpuModel: "cpu", cores: 2, memoryBytes: 1),
            configuration: configuration, runtimes: runtimes.map { $0.describe() })
    }

    func run(
        _ runtimes: [FakeRuntime], programs: [String], configuration: RunConfiguration,
        interruption: Interruption = Interruption(), saves: SaveCounter = SaveCounter()
    ) -> RunResult {
        let runner = BenchmarkRunner(
            configuration: configuration, scratchRoot: folder.url, interruption: interruption, progress: { _ in },
            save: { _ in saves.count.withLock { $0 += 1 } })
        return runner.run(
            programs: programs.map(fakeProgram), runtimes: runtimes.map { ($0, $0.describe()) },
            into: emptyResult(configuration, runtimes: runtimes))
    }

    @Test("every cell runs its processes, iterations become rows and warm-ups are flagged")
    func rowsAndWarmups() {
        let base = FakeRuntime(id: "base")
        let other = FakeRuntime(id: "other", iterationSeconds: ["a": 0.02, "b": 0.02])
        let result = run([base, other], programs: ["a", "b"], configuration: configuration())
        #expect(result.complete)
        #expect(base.calls.count == 6)
        #expect(other.calls.count == 6)
        let executes: [Row] = result.rows.filter { (row: Row) in
            row.runtime == "other" && row.workload == "a" && row.phase == Phase.execute
        }
        #expect(executes.count == 12)
        let warmupIterations: [Int?] = executes.filter { (row: Row) in row.warmup }.map { (row: Row) in row.iteration }
        #expect(warmupIterations == [0, 0, 0])
        #expect(Set(executes.map { (row: Row) in row.process }) == Set([0, 1, 2]))
        for row in executes {
            #expect(row.runtimeVersion == "1.0")
            #expect(row.flags == ["--fake"])
            #expect(row.command == "fake a")
        }
    }

    @Test("summaries leave warm-ups out and give the ratio to the baseline with an interval")
    func ratios() throws {
        let base = FakeRuntime(id: "base", iterationSeconds: ["a": 0.01])
        let other = FakeRuntime(id: "other", iterationSeconds: ["a": 0.02])
        let result = run([base, other], programs: ["a"], configuration: configuration())
        let summary = try #require(
            result.summaries.first { $0.runtime == "other" && $0.phase == .execute && $0.metric == .time })
        #expect(summary.count == 9)
        // The cold first iteration (3× slower) is a warm-up, so the median stays near 0.02.
        #expect(abs(summary.median - 0.02) < 0.0001)
        let ratio = try #require(summary.ratioToBaseline)
        #expect(abs(ratio - 2) < 0.01)
        #expect(try #require(summary.ratioCILow) <= ratio && ratio <= (try #require(summary.ratioCIHigh)))
        let geomean = try #require(result.geometricMeans.first { $0.runtime == "other" })
        #expect(abs(geomean.value - 2) < 0.01)
        #expect(result.summaries.first { $0.runtime == "base" }?.ratioToBaseline == nil)
    }

    @Test("the order is shuffled, and the same seed gives the same order")
    func seededOrder() {
        let first = FakeRuntime(id: "base")
        let second = FakeRuntime(id: "base")
        let programs = ["a", "b", "c", "d", "e", "f"]
        _ = run([first], programs: programs, configuration: configuration())
        _ = run([second], programs: programs, configuration: configuration())
        #expect(first.calls == second.calls)
        let firstRound = Array(first.calls.prefix(6))
        let secondRound = Array(first.calls[6..<12])
        let listed = programs.map { "base:\($0)" }
        #expect(firstRound != listed || secondRound != firstRound)
    }

    @Test("a failure is recorded with its command and the run goes on")
    func failureContinues() {
        let base = FakeRuntime(id: "base", statuses: ["a#1": .failed(.trap, "unreachable executed")])
        let result = run([base], programs: ["a", "b"], configuration: configuration())
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.kind == .trap)
        #expect(result.failures.first?.process == 1)
        #expect(result.failures.first?.command == "fake a")
        #expect(base.calls.count == 6)
        let partial = result.summaries.contains { (summary: Summary) in
            summary.workload == "a"
                && summary.warnings.contains { (warning: SummaryWarning) in warning.kind == WarningKind.partial }
        }
        #expect(partial)
    }

    @Test("--on-failure stop ends the run early and marks it incomplete")
    func failureStops() {
        let base = FakeRuntime(id: "base", statuses: ["a#0": .failed(.timeout, "killed")])
        let result = run([base], programs: ["a", "b"], configuration: configuration(policy: .stop))
        #expect(!result.complete)
        #expect(base.calls.count <= 2)
    }

    @Test("--on-failure skip-cell stops only the failing cell")
    func failureSkipsCell() {
        let base = FakeRuntime(id: "base", statuses: ["a#0": .failed(.crash, "signal 11")])
        _ = run([base], programs: ["a", "b"], configuration: configuration(policy: .skipCell))
        #expect(base.calls.filter { $0 == "base:a" }.count == 1)
        #expect(base.calls.filter { $0 == "base:b" }.count == 3)
    }

    @Test("an unavailable runtime is recorded once per workload and never called")
    func unavailable() {
        let base = FakeRuntime(id: "base")
        let off = FakeRuntime(id: "off", available: false)
        let result = run([base, off], programs: ["a"], configuration: configuration())
        #expect(off.calls.isEmpty)
        #expect(result.failures.map { (failure: Failure) in failure.kind } == [FailureKind.unsupported])
        #expect(result.failures.first?.message.contains("fake runtime switched off") == true)
    }

    @Test("a spent cell budget stops a cell after two processes")
    func budget() {
        let base = FakeRuntime(id: "base")
        _ = run([base], programs: ["a"], configuration: configuration(processes: 5, budget: 0.000_000_1))
        #expect(base.calls.count == 2)
    }

    @Test("an interruption stops scheduling, keeps the rows and saves them")
    func interruption() {
        let base = FakeRuntime(id: "base")
        let interruption = Interruption()
        interruption.raise()
        let saves = SaveCounter()
        let result = run(
            [base], programs: ["a"], configuration: configuration(), interruption: interruption, saves: saves)
        #expect(!result.complete)
        #expect(base.calls.isEmpty)
        #expect(saves.count.withLock { $0 } >= 1)
    }

    @Test("the results are saved after every process")
    func savesAfterEachProcess() {
        let saves = SaveCounter()
        _ = run([FakeRuntime(id: "base")], programs: ["a", "b"], configuration: configuration(), saves: saves)
        #expect(saves.count.withLock { $0 } >= 6)
    }
}
