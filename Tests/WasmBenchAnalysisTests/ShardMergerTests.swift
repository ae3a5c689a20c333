import Testing
import WasmBenchAnalysis
import WasmBenchModel

@Suite("Merging shards gives the run that was not sharded, and refuses shards of different runs")
struct ShardMergerTests {
    let ids = ["kernels/a", "kernels/b", "kernels/c", "kernels/d", "kernels/e"]
    let configuration = RunConfiguration(
        processes: 3, iterations: 6, warmups: 1, seed: 7, baseline: "native", timeoutSeconds: 10,
        cellBudgetSeconds: 60, failurePolicy: .continue)
    let machine = MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 2, memoryBytes: 1)

    /// Rows of one cell: compile once per process, then six iterations per process.
    func rows(workload: Int, runtime: String, scale: Double) -> [Row] {
        let id = ids[workload]
        let size = scale * Double(workload + 1)
        var rows: [Row] = []
        for process in 0..<3 {
            rows.append(
                Row(
                    runtime: runtime, runtimeVersion: "1", flags: [], workload: id, phase: .compile, value: size / 10,
                    process: process))
            for iteration in 0..<6 {
                let jitter = 1 + 0.01 * Double((iteration * 7 + process) % 5)
                rows.append(
                    Row(
                        runtime: runtime, runtimeVersion: "1", flags: [], workload: id, phase: .execute,
                        value: size * jitter, process: process, iteration: iteration, warmup: iteration == 0))
            }
        }
        return rows
    }

    /// The whole run: five workloads on native and wasmtime, summarised.
    func whole() -> RunResult {
        var run = RunResult(
            toolVersion: "test", startedAt: "2026-01-01T00:00:00Z", machine: machine, configuration: configuration,
            runtimes: ["native", "wasmtime"].map {
                RuntimeInfo(
                    id: $0, name: $0, version: "1", kind: .subprocess, flags: [], available: true,
                    exposedPhases: [.execute])
            },
            workloads: ids.map {
                WorkloadInfo(
                    id: $0, suite: "kernels", summary: "", entry: .command, reportsMarkers: false, wasmSHA256: "")
            }, notices: ["a note"])
        for index in ids.indices {
            run.rows += rows(workload: index, runtime: "native", scale: 1)
            run.rows += rows(workload: index, runtime: "wasmtime", scale: 1.5 + 0.1 * Double(index))
        }
        run.complete = true
        run.finishedAt = "2026-01-01T01:00:00Z"
        Summarizer(configuration: configuration).summarize(&run)
        return run
    }

    /// Shard `index` of `count` of the whole run, as `run --shard` saves it.
    func shard(_ index: Int, of count: Int, from run: RunResult) -> RunResult {
        let shard = Shard(index: index, count: count).select(ids)
        let mine = shard.slice(of: ids)
        var part = run
        part.rows = run.rows.filter { mine.contains($0.workload) }
        part.workloads = run.workloads.filter { mine.contains($0.id) }
        part.shard = shard
        part.notices.append("shard \(shard) of the workloads: \(mine.sorted().joined(separator: ", ")); merge them")
        Summarizer(configuration: configuration).summarize(&part)
        return part
    }

    func key(_ summary: Summary) -> String {
        "\(summary.workload) \(summary.runtime) \(summary.phase) \(summary.metric)"
    }

    @Test("three shards merge to the rows, cells, summaries and geometric means of the unsharded run")
    func sameAsWhole() throws {
        let run = whole()
        let refused = Failure(
            runtime: "wasmbench", workload: "missing.wasm", process: nil, kind: .invalidModule, message: "no file")
        let parts = [3, 1, 2].map { index in
            var part = shard(index, of: 3, from: run)
            part.failures = [refused]
            return (name: "shard-\(index).json", run: part)
        }
        let merged = try ShardMerger().merge(parts)
        #expect(merged.rows.count == run.rows.count)
        #expect(Set(merged.rows.map { "\($0)" }) == Set(run.rows.map { "\($0)" }))
        #expect(merged.workloads.map(\.id).sorted() == ids)
        #expect(merged.summaries.sorted { key($0) < key($1) } == run.summaries.sorted { key($0) < key($1) })
        #expect(merged.geometricMeans.count == run.geometricMeans.count)
        for (a, b) in zip(merged.geometricMeans, run.geometricMeans) {
            #expect(a.runtime == b.runtime && a.workloads == b.workloads)
            #expect(abs(a.value - b.value) < 1e-12 * b.value)
        }
        #expect(merged.shard == nil && merged.complete)
        #expect(merged.precision == nil && merged.noise == nil)
        #expect(merged.failures == [refused], "a module refused by every shard is one failure")
        #expect(merged.notices.first == "a note")
        #expect(!merged.notices.contains { $0.contains("of the workloads:") })
    }

    @Test("the precision each shard's cells reached is kept, cell by cell; the canaries of other machines are not")
    func precision() throws {
        let run = whole()
        let goal = PrecisionGoal(target: 0.03, timeBudgetSeconds: 600, maxProcesses: 30)
        let parts = (1...2).map { index in
            var part = shard(index, of: 2, from: run)
            part.precision = PrecisionRecord(
                goal: goal,
                cells: part.workloads.map {
                    PrecisionCell(workload: $0.id, runtime: "wasmtime", halfWidth: 0.01, processes: 3, shortfall: nil)
                })
            return (name: "s\(index)", run: part)
        }
        let merged = try ShardMerger().merge(parts)
        #expect(merged.precision?.goal == goal)
        #expect(merged.precision?.cells.map(\.workload).sorted() == ids)
    }

    func refusal(_ parts: [RunResult], merger: ShardMerger = ShardMerger()) -> MergeError? {
        do {
            _ = try merger.merge(parts.enumerated().map { (name: "s\($0.offset + 1).json", run: $0.element) })
            return nil
        } catch {
            return error
        }
    }

    @Test("overlapping shards, the same shard twice, and shards of another split are refused")
    func overlap() throws {
        let run = whole()
        var overlapping = shard(2, of: 3, from: run)
        overlapping.workloads.append(run.workloads[0])
        let overlap = try #require(refusal([shard(1, of: 3, from: run), overlapping]))
        #expect(overlap.description.contains("both hold kernels/a") && overlap.description.contains("must not overlap"))
        let twice = try #require(refusal([shard(1, of: 3, from: run), shard(1, of: 3, from: run)]))
        #expect(twice.description.contains("both shard 1/3"))
        let split = try #require(refusal([shard(1, of: 3, from: run), shard(2, of: 2, from: run)]))
        #expect(split.description.contains("3 and 2 shards"))
        var zero = shard(1, of: 2, from: run)
        zero.shard?.count = 0
        #expect(try #require(refusal([zero])).description.contains("names no shard"))
        let whole = try #require(refusal([run]))
        #expect(whole.description.contains("is not a shard"))
    }

    @Test("shards of other settings, selections or runtime versions are refused with what differs")
    func mismatched() throws {
        let run = whole()
        var seeded = shard(2, of: 3, from: run)
        seeded.configuration.seed = 8
        #expect(try #require(refusal([shard(1, of: 3, from: run), seeded])).description.contains("different settings"))
        var suite = shard(2, of: 3, from: run)
        suite.shard?.allWorkloads = ["python/x"]
        #expect(try #require(refusal([shard(1, of: 3, from: run), suite])).description.contains("different workloads"))
        var upgraded = shard(2, of: 3, from: run)
        upgraded.runtimes[1].version = "2"
        let message = try #require(refusal([shard(1, of: 3, from: run), upgraded])).description
        #expect(message.contains("wasmtime 2") && message.contains("same runtimes"))
    }

    @Test("shards from different machines are refused, or merged with a notice when allowed")
    func machines() throws {
        let run = whole()
        var other = shard(2, of: 2, from: run)
        other.machine.cpuModel = "another CPU"
        let refused = try #require(refusal([shard(1, of: 2, from: run), other]))
        #expect(refused == .differentMachines(refused.description))
        #expect(
            refused.description.contains("another CPU") && refused.description.contains("--allow-different-machines"))
        let merged = try ShardMerger(allowDifferentMachines: true).merge([
            ("a", shard(1, of: 2, from: run)), ("b", other),
        ])
        #expect(
            merged.notices.contains { $0.contains("shard 2/2 ran on another machine") && $0.contains("another CPU") })
    }

    @Test("a missing shard is an error naming it, unless partial, which marks the run incomplete")
    func missing() throws {
        let run = whole()
        let parts = [shard(1, of: 3, from: run), shard(3, of: 3, from: run)]
        let error = try #require(refusal(parts))
        #expect(error == .missingShards(error.description) && error.description.contains("shard 2/3 missing"))
        let merged = try ShardMerger(partial: true).merge([("a", parts[0]), ("b", parts[1])])
        #expect(!merged.complete)
        #expect(merged.notices.contains { $0.contains("shard 2/3 missing") })
    }
}
