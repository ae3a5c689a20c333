import Foundation
import Testing
import WasmBenchModel

@Suite("A run's shard is saved with it, and runs saved before shards still read")
struct ShardCodingTests {
    func run() -> RunResult {
        RunResult(
            toolVersion: "t", startedAt: "s",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 1, memoryBytes: 1),
            configuration: RunConfiguration(
                processes: 1, iterations: 2, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 1,
                cellBudgetSeconds: 1, failurePolicy: .continue))
    }

    @Test("the shard round-trips, and a run without one decodes with none")
    func roundTrip() throws {
        var sharded = run()
        sharded.shard = Shard(index: 2, count: 3, allWorkloads: ["kernels/a", "kernels/b"])
        let data = try JSONEncoder().encode(sharded)
        #expect(try JSONDecoder().decode(RunResult.self, from: data) == sharded)
        var object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(run())) as? [String: Any])
        object.removeValue(forKey: "shard")
        let old = try JSONDecoder().decode(RunResult.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.shard == nil)
    }

    @Test("every field of a run survives its hand-written coding: a run with every optional field set reads back equal")
    func everyField() throws {
        var full = run()
        full.finishedAt = "f"
        full.runFolder = "/runs/r"
        full.noise = NoiseRecord(canary: "fib")
        full.precision = PrecisionRecord(goal: PrecisionGoal(target: 0.03, timeBudgetSeconds: 600, maxProcesses: 30))
        full.shard = Shard(index: 1, count: 2, allWorkloads: ["w"])
        full.notices = ["n"]
        (full.id, full.label, full.commit) = ("i", "l", "c")
        full.crossovers = [
            AOTCrossover(
                workload: "w", runtime: "wasmtime-aot", counterpart: "wasmtime", compileSeconds: 0.04,
                artifactBytes: 1e5, savingPerRun: 0.02, iterations: 20, runs: 2, runsLow: 1.5, runsHigh: 3)
        ]
        // A new optional field must be set above, so that a coding that forgets it fails here.
        let unset = Mirror(reflecting: full).children.filter { child in
            let mirror = Mirror(reflecting: child.value)
            return mirror.displayStyle == .optional && mirror.children.isEmpty
        }
        #expect(unset.map { $0.label ?? "?" } == [])
        #expect(try JSONDecoder().decode(RunResult.self, from: JSONEncoder().encode(full)) == full)
    }
}
