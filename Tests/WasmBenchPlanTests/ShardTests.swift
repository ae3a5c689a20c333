import Testing
import WasmBenchModel
import WasmBenchPlan
import WasmBenchRuntime
import WasmBenchWorkloads

@Suite("Shards: deterministic slices of the workloads, each in exactly one")
struct ShardTests {
    let ids = [
        "kernels/sieve", "kernels/fib", "kernels/nbody", "kernels/matmul", "kernels/sha", "user.wasm", "kernels/crc",
    ]

    func workloads(_ ids: [String]) -> [BuiltWorkload] {
        ids.map { id in
            BuiltWorkload(
                program: GuestProgram(
                    workload: id, wasmPath: "/\(id).wasm", entry: .command(arguments: []), reportsMarkers: false),
                info: WorkloadInfo(
                    id: id, suite: "kernels", summary: "", entry: .command, reportsMarkers: false, wasmSHA256: ""))
        }
    }

    @Test("every workload lies in exactly one of N shards, and the shards cover them all", arguments: 1...7)
    func partition(count: Int) {
        let slices = (1...count).map { Shard(index: $0, count: count).slice(of: ids) }
        #expect(slices.reduce(0) { $0 + $1.count } == ids.count)
        #expect(slices.reduce(Set<String>()) { $0.union($1) } == Set(ids))
        let sizes = slices.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "balanced by count: \(sizes)")
    }

    @Test("a slice does not depend on the order the workloads come in")
    func stable() {
        let shard = Shard(index: 2, count: 3)
        #expect(shard.slice(of: ids) == shard.slice(of: ids.reversed()))
        #expect(shard.slice(of: ids) == ["kernels/fib", "kernels/sha"])
    }

    @Test("the planner keeps a shard's workloads in their order and records every workload id")
    func planned() throws {
        let (kept, shard) = try Planner.slice(workloads(ids), shard: Shard(index: 1, count: 3))
        #expect(kept.map(\.info.id) == ["kernels/nbody", "user.wasm", "kernels/crc"])
        #expect(shard.allWorkloads == ids.sorted())
        #expect(shard.description == "1/3")
    }

    @Test("a shard outside 1…N, no shards, or more shards than workloads is a usage error that says what to write")
    func refused() {
        for (index, count, words) in [
            (0, 3, "between 1 and 3"), (4, 3, "between 1 and 3"), (1, 0, "1 or more"), (1, 8, "at most 7"),
        ] {
            #expect {
                _ = try Planner.slice(workloads(ids), shard: Shard(index: index, count: count))
            } throws: { error in
                guard case .usage(let message) = error as? PlanError else { return false }
                return message.contains(words)
            }
        }
        #expect(Shard("2/4") == Shard(index: 2, count: 4))
        #expect(Shard("2") == nil && Shard("a/4") == nil)
    }

    @Test("the selection's shard is checked before anything is provisioned")
    func validated() {
        var selection = RunSelection(runtimes: [RuntimeID(base: "native")])
        selection.install = false
        selection.shard = Shard(index: 5, count: 2)
        #expect(throws: PlanError.self) {
            try Planner(workspace: Workspace(progress: { _ in })).validate(selection)
        }
    }
}
