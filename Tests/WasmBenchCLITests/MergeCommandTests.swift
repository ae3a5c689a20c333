import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// `wasmbench merge` as a CI job after a sharded matrix calls it: exit 0 with the merged run,
/// 3 for shards that do not make one run, 5 for an unwritable output.
@Suite("merge: the shards of a run joined into one JSON, or refused with an exit status")
struct MergeCommandTests {
    let folder = TemporaryFolder()
    let ids = ["kernels/fib", "kernels/nbody", "kernels/sort"]

    /// Saves shard `index` of `count` of a run of three kernels on native and wasmtime.
    func save(_ index: Int, of count: Int, cpu: String = "c") throws -> String {
        let shard = Shard(index: index, count: count).select(ids)
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-12-01T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: cpu, cores: 2, memoryBytes: 1),
            configuration: RunConfiguration(
                processes: 2, iterations: 3, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 10,
                cellBudgetSeconds: 60, failurePolicy: .continue),
            runtimes: ["native", "wasmtime"].map {
                RuntimeInfo(
                    id: $0, name: $0, version: "1", kind: .subprocess, flags: [], available: true,
                    exposedPhases: [.execute])
            })
        for workload in shard.slice(of: ids).sorted() {
            result.workloads.append(
                WorkloadInfo(
                    id: workload, suite: "kernels", summary: "", entry: .command, reportsMarkers: true, wasmSHA256: ""))
            for (runtime, center) in [("native", 1.0), ("wasmtime", 1.5)] {
                for process in 0..<2 {
                    for iteration in 0..<3 {
                        result.rows.append(
                            Row(
                                runtime: runtime, runtimeVersion: "1", flags: [], workload: workload, phase: .execute,
                                value: center * (1 + 0.01 * Double(iteration + process)), process: process,
                                iteration: iteration, warmup: iteration == 0))
                    }
                }
            }
        }
        result.shard = shard
        result.complete = true
        let path = folder.path("shard-\(index)-\(cpu).json")
        try JSONEncoder().encode(result).write(to: URL(fileURLWithPath: path))
        return path
    }

    func merge(_ arguments: [String]) throws -> WasmbenchBinary.Invocation {
        try WasmbenchBinary.run(["merge", "--format", "json"] + arguments, timeout: 120, in: folder)
    }

    @Test("two shards merge into one run of every workload: exit 0, the merged JSON written")
    func merged() throws {
        let output = folder.path("all.json")
        let result = try merge([try save(2, of: 2), try save(1, of: 2), "--json", output])
        #expect(result.status == 0, "\(result.stderr)")
        let merged = try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(merged.workloads.map(\.id).sorted() == ids && merged.shard == nil && merged.complete)
        #expect(merged.rows.count == 3 * 2 * 2 * 3)
        #expect(Set(merged.summaries.map(\.workload)) == Set(ids))
    }

    @Test("a missing shard, an overlap or another machine exits 3 with what to do; an unwritable output 5")
    func refused() throws {
        let output = folder.path("all.json")
        let missing = try merge([try save(1, of: 2), "--json", output])
        #expect(
            missing.status == 3 && missing.stderr.contains("shard 2/2 missing") && missing.stderr.contains("--partial"))
        let partial = try merge([try save(1, of: 2), "--json", output, "--partial"])
        #expect(partial.status == 0, "\(partial.stderr)")
        let twice = try merge([try save(1, of: 2), try save(1, of: 2, cpu: "c"), "--json", output])
        #expect(twice.status == 3, "\(twice.stderr)")
        let machines = try merge([try save(1, of: 2), try save(2, of: 2, cpu: "other"), "--json", output])
        #expect(machines.status == 3 && machines.stderr.contains("--allow-different-machines"))
        let allowed = try merge([
            try save(1, of: 2), try save(2, of: 2, cpu: "other"), "--json", output, "--allow-different-machines",
        ])
        #expect(allowed.status == 0 && allowed.stdout.contains("ran on another machine"), "\(allowed.stderr)")
        let unwritable = try merge([try save(1, of: 2), try save(2, of: 2), "--json", folder.path("no/such/all.json")])
        #expect(unwritable.status == 5, "\(unwritable.stderr)")
        let unreadable = try merge([folder.path("none.json"), "--json", output])
        #expect(unreadable.status == 3)
    }
}
