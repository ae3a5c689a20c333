import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// A kernels run split into three shards on the real runtimes, merged, against the same run in one
/// piece: the same workloads, runtimes and cells, each shard holding whole workloads.
@Suite("Sharded runs", .serialized)
struct ShardedRunTests {
    @Test("three shards of the kernels merge to the cells of the unsharded run")
    func threeShards() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let common = [
            "run", "--suite", "kernels", "--runtime", "native,wasmtime", "--processes", "2", "--iterations", "2",
            "--warmups", "0", "--precision", "off", "--no-install", "--no-canary", "--quiet", "--store", "off",
        ]
        func run(_ extra: [String], _ name: String) throws -> RunResult {
            let json = folder.path(name)
            let result = try WasmbenchBinary.run(common + extra + ["--json", json], timeout: 900, in: folder)
            #expect(result.status == 0, "\(name): \(result.stderr.suffix(1500))")
            return try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        }
        let whole = try run([], "whole.json")
        let shards = try (1...3).map { try run(["--shard", "\($0)/3"], "shard-\($0).json") }
        // Every workload in exactly one shard, with every runtime.
        let sliced = shards.map { Set($0.summaries.map(\.workload)) }
        #expect(sliced.reduce(0) { $0 + $1.count } == Set(sliced.flatMap { $0 }).count)
        let merged = folder.path("merged.json")
        let merge = try WasmbenchBinary.run(
            ["merge"] + (1...3).map { folder.path("shard-\($0).json") } + ["--json", merged, "--format", "json"],
            timeout: 120, in: folder)
        #expect(merge.status == 0, "\(merge.stderr)")
        let result = try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: merged)))
        #expect(result.complete && result.shard == nil)
        #expect(result.workloads.map(\.id).sorted() == whole.workloads.map(\.id).sorted())
        #expect(Set(result.runtimes.map(\.id)) == Set(whole.runtimes.map(\.id)))
        func cells(_ run: RunResult) -> Set<[String]> {
            Set(run.summaries.map { [$0.workload, $0.runtime, $0.phase.rawValue, $0.metric.rawValue] })
        }
        #expect(cells(result) == cells(whole))
        #expect(Set(result.geometricMeans.map(\.runtime)) == Set(whole.geometricMeans.map(\.runtime)))
        #expect(result.rows.count == whole.rows.count)
    }
}
