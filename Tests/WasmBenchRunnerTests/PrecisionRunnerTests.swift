import Foundation
import Synchronization
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchRunner
import WasmBenchRuntime

/// Keeps the runner's progress events.
final class EventLog: Sendable {
    let events = Mutex<[ProgressEvent]>([])
}

@Suite("With a precision goal the runner adds processes to wide ratios until they narrow or a limit stops it")
struct PrecisionRunnerTests {
    let folder = TemporaryFolder()

    func run(
        _ runtimes: [FakeRuntime], programs: [String] = ["a"], goal: PrecisionGoal, cellBudget: Double = 60,
        policy: FailurePolicy = .continue, estimator: Estimator = .processMinimum, events: EventLog = EventLog()
    ) -> RunResult {
        let configuration = RunConfiguration(
            processes: 3, iterations: 4, warmups: 1, seed: 7, baseline: "base", timeoutSeconds: 10,
            cellBudgetSeconds: cellBudget, failurePolicy: policy, estimator: estimator, precision: goal)
        let runner = BenchmarkRunner(
            configuration: configuration, scratchRoot: folder.url, interruption: Interruption(),
            progress: { event in events.events.withLock { $0.append(event) } }, save: { _ in })
        let result = RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(
                os: "test", kernel: "k", architecture: "x86_64", cpuModel: "cpu", cores: 2, memoryBytes: 1),
            configuration: configuration, runtimes: runtimes.map { $0.describe() })
        return runner.run(
            programs: programs.map(fakeProgram), runtimes: runtimes.map { ($0, $0.describe()) }, into: result)
    }

    /// Processes alternate between two speeds 20% apart: three processes give a wide t interval,
    /// more narrow it as 1/√n.
    let jittery: [Double] = [1, 1.2]

    @Test("a wide ratio gets processes (its baseline too) until it reaches the target; a steady one gets none")
    func narrows() throws {
        let base = FakeRuntime(id: "base", iterationSeconds: ["a": 0.01, "b": 0.01])
        let other = FakeRuntime(id: "other", iterationSeconds: ["a": 0.02, "b": 0.02], processFactors: jittery)
        let steady = FakeRuntime(id: "steady", iterationSeconds: ["a": 0.03, "b": 0.03])
        let events = EventLog()
        let result = run(
            [base, other, steady], programs: ["a"],
            goal: PrecisionGoal(target: 0.06, timeBudgetSeconds: 600, maxProcesses: 30), events: events)
        let record = try #require(result.precision)
        #expect(record.missed.isEmpty)
        let cell = try #require(record.cells.first { $0.runtime == "other" })
        #expect(cell.processes > 3 && cell.processes < 30)
        #expect(try #require(cell.halfWidth) <= 0.06)
        #expect(other.calls.count == cell.processes)
        #expect(base.calls.count == cell.processes)
        #expect(steady.calls.count == 3)
        #expect(record.cells.first { $0.runtime == "steady" }?.shortfall == nil)
        let rounds = events.events.withLock { $0 }.filter { if case .refining = $0 { true } else { false } }
        #expect(rounds.count == cell.processes - 3)
        #expect(result.complete)
    }

    @Test("the most processes a cell gets stops it, and the record says so")
    func processLimit() throws {
        let base = FakeRuntime(id: "base", iterationSeconds: ["a": 0.01])
        let other = FakeRuntime(id: "other", iterationSeconds: ["a": 0.02], processFactors: jittery)
        let result = run(
            [base, other], goal: PrecisionGoal(target: 0.001, timeBudgetSeconds: 600, maxProcesses: 6))
        let cell = try #require(result.precision?.cells.first)
        #expect(cell.shortfall == .processLimit)
        #expect(cell.processes == 6 && other.calls.count == 6)
        #expect(try #require(cell.halfWidth) > 0.001)
    }

    @Test("a spent time budget adds nothing, and a spent cell budget stops its cell")
    func budgets() throws {
        let base = FakeRuntime(id: "base", iterationSeconds: ["a": 0.01])
        let other = FakeRuntime(id: "other", iterationSeconds: ["a": 0.02], processFactors: jittery)
        let timed = run([base, other], goal: PrecisionGoal(target: 0.001, timeBudgetSeconds: 1e-9, maxProcesses: 30))
        #expect(timed.precision?.cells.first?.shortfall == .timeBudget)
        #expect(other.calls.count == 3)
        let base2 = FakeRuntime(id: "base", iterationSeconds: ["a": 0.01])
        let other2 = FakeRuntime(id: "other", iterationSeconds: ["a": 0.02], processFactors: jittery)
        let budgeted = run(
            [base2, other2], goal: PrecisionGoal(target: 0.001, timeBudgetSeconds: 600, maxProcesses: 30),
            cellBudget: 1e-9)
        #expect(budgeted.precision?.cells.first?.shortfall == .cellBudget)
        #expect(other2.calls.count == 2)
    }

    @Test("a cell closed by a failure gets no processes, and its ratio of one process has no interval")
    func noInterval() throws {
        let base = FakeRuntime(id: "base", iterationSeconds: ["a": 0.01])
        // The first process finishes and the second fails: the failed one's samples are left out,
        // so the ratio rests on one process.
        let failing = FakeRuntime(
            id: "other", iterationSeconds: ["a": 0.02], statuses: ["a#1": .failed(.trap, "boom")],
            processFactors: jittery)
        let result = run(
            [base, failing], goal: PrecisionGoal(target: 0.03, timeBudgetSeconds: 600, maxProcesses: 30),
            policy: .skipCell)
        let cell = try #require(result.precision?.cells.first)
        #expect(cell.shortfall == .noInterval && cell.halfWidth == nil, "\(cell)")
        #expect(failing.calls.count == 2)
    }

    @Test("the relative half-width of an interval")
    func halfWidth() {
        #expect(
            EstimatedValue(value: 2, ciLow: 1.9, ciHigh: 2.1).relativeHalfWidth.map { abs($0 - 0.05) < 1e-12 } == true)
        #expect(EstimatedValue(value: 2).relativeHalfWidth == nil)
        #expect(EstimatedValue(value: 0, ciLow: 0, ciHigh: 1).relativeHalfWidth == nil)
    }
}
