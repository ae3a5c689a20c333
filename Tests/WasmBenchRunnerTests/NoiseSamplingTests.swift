import Foundation
import TestSupport
import Testing
import WasmBenchMachine
import WasmBenchModel
import WasmBenchRunner
import WasmBenchRuntime

@Suite("The runner times the canary at the start, between processes within budget, and at the end")
struct NoiseSamplingTests {
    let folder = TemporaryFolder()

    func run(canary: Canary?, budget: Double = 0.02) -> RunResult {
        let configuration = RunConfiguration(
            processes: 3, iterations: 4, warmups: 1, seed: 7, baseline: "base", timeoutSeconds: 10,
            cellBudgetSeconds: 60, failurePolicy: .continue)
        let runtime = FakeRuntime(id: "base")
        var runner = BenchmarkRunner(
            configuration: configuration, scratchRoot: folder.url, interruption: Interruption(), progress: { _ in },
            save: { _ in })
        runner.canary = canary
        runner.canaryBudget = budget
        let initial = RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z",
            machine: MachineInfo(
                os: "test", kernel: "k", architecture: "x86_64", cpuModel: "cpu", cores: 2, memoryBytes: 1),
            configuration: configuration, runtimes: [runtime.describe()])
        return runner.run(
            programs: ["a", "b"].map(fakeProgram), runtimes: [(runtime, runtime.describe())], into: initial)
    }

    @Test("without a canary nothing is recorded")
    func none() {
        #expect(run(canary: nil).noise == nil)
    }

    @Test("without a budget the canary is timed before every process, with 3 samples at each end, and judged")
    func everyProcess() throws {
        let noise = try #require(run(canary: Canary(name: "free") { 0.02 }, budget: .infinity).noise)
        #expect(noise.canary == "free")
        #expect(noise.samples.count == 3 + 6 + 3, "start burst, one per process (2 cells × 3), end burst")
        #expect(noise.samples.prefix(3).allSatisfy { $0.runtime == nil })
        #expect(noise.samples.suffix(3).allSatisfy { $0.runtime == nil })
        let between = noise.samples.dropFirst(3).dropLast(3)
        #expect(between.allSatisfy { $0.runtime == "base" && $0.process != nil })
        #expect(Set(between.compactMap(\.workload)) == ["a", "b"])
        #expect(zip(noise.samples, noise.samples.dropFirst()).allSatisfy { $0.at <= $1.at })
        #expect(noise.verdict == .quiet)
        #expect(noise.spread?.count == 12)
    }

    @Test("a canary that costs more than 2% of quick processes is timed only at the start and end")
    func budget() throws {
        let slow = Canary(name: "slow") {
            Thread.sleep(forTimeInterval: 0.02)
            return 0.02
        }
        let noise = try #require(run(canary: slow).noise)
        #expect(noise.samples.count == 6)
        #expect(noise.samples.allSatisfy { $0.runtime == nil })
        #expect(noise.overheadSeconds >= 0.12)
    }
}
