import Foundation
import Testing
import WasmBenchAnalysis
import WasmBenchModel

@Suite("Instruction runs: per-iteration counts derived from counted runs, summarised and compared")
struct InstructionRunTests {
    /// Start-up, compilation and exit of every counted run, in instructions.
    static let outside = 2_000_000.0

    /// An instruction run: per workload × runtime, the instructions of one iteration in each
    /// counted set (one set per value), counted at 2, 4 and 6 iterations like the runner does.
    func run(_ cells: [String: [String: [Double]]], counted: [Int] = [2, 4, 6]) -> RunResult {
        let configuration = RunConfiguration(
            processes: 1, iterations: counted.max() ?? 1, warmups: 0, seed: 1, baseline: "native",
            timeoutSeconds: 1800, cellBudgetSeconds: 60, failurePolicy: .continue, measure: .instructions,
            countedIterations: counted)
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-12-01T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "cpu", cores: 2, memoryBytes: 1),
            configuration: configuration)
        result.runtimes = Set(cells.values.flatMap(\.keys)).sorted().map {
            RuntimeInfo(
                id: $0, name: $0, version: "1", kind: .subprocess, flags: [], available: true,
                exposedPhases: [.execute])
        }
        for workload in cells.keys.sorted() {
            for (runtime, sets) in (cells[workload] ?? [:]).sorted(by: { $0.key < $1.key }) {
                for (set, perIteration) in sets.enumerated() {
                    result.rows += counted.map { iterations in
                        Row(
                            runtime: runtime, runtimeVersion: "1", flags: [], workload: workload, phase: .wall,
                            metric: .instructions, value: Self.outside + Double(iterations) * perIteration,
                            process: set, iterations: iterations)
                    }
                }
            }
        }
        result.complete = true
        Summarizer(configuration: configuration).summarize(&result)
        return result
    }

    func count(_ result: RunResult, _ workload: String, _ runtime: String) -> Summary? {
        result.summaries.first {
            $0.workload == workload && $0.runtime == runtime && $0.phase == .execute && $0.metric == .instructions
        }
    }

    @Test("the summary is the slope per iteration, a single-point interval, with its ratio and geometric mean")
    func summaries() throws {
        let result = run([
            "w/a": ["native": [1e8, 1e8], "wasmtime": [1.5e8, 1.5e8]],
            "w/b": ["native": [4e7, 4e7], "wasmtime": [1.2e8, 1.2e8]],
        ])
        let native = try #require(count(result, "w/a", "native"))
        #expect(native.median == 1e8)
        #expect(native.unit == .instructions)
        #expect(native.ciLow == native.ciHigh && native.ciLow == 1e8, "counts that repeat give a point interval")
        #expect(native.count == 2 && native.processes == 2 && native.steadyProcesses == 2)
        #expect(native.warnings.isEmpty, "\(native.warnings)")
        let wasmtime = try #require(count(result, "w/a", "wasmtime"))
        // Expected: 1.5e8 ÷ 1e8, both sides exact.
        #expect(wasmtime.ratioToBaseline == 1.5)
        #expect(wasmtime.ratioCILow == 1.5 && wasmtime.ratioCIHigh == 1.5)
        #expect(!result.summaries.contains { $0.phase == .wall }, "the raw totals are not summarised as such")
        let mean = try #require(result.geometricMeans.first { $0.runtime == "wasmtime" })
        // Expected: (1.5 × 3)^(1/2) = 2.1213… by hand.
        #expect(mean.workloads == 2)
        #expect(abs(mean.value - (1.5 * 3.0).squareRoot()) < 1e-12)
    }

    @Test("a set whose cost per iteration still changes is flagged; one cut short gives no sample")
    func unsteadyAndPartial() throws {
        var result = run(["w/a": ["native": [1e8], "jit": [1e8]]])
        // A JIT still tiering up: 1.2e8 an iteration between the 2- and 4-iteration runs, 1e8
        // between the 4- and 6-iteration ones; the slopes differ by 20%.
        result.rows.removeAll { $0.runtime == "jit" }
        for (iterations, total) in [(2, Self.outside + 2.0e8), (4, Self.outside + 4.4e8), (6, Self.outside + 6.4e8)] {
            result.rows.append(
                Row(
                    runtime: "jit", runtimeVersion: "1", flags: [], workload: "w/a", phase: .wall,
                    metric: .instructions, value: total, process: 0, iterations: iterations))
        }
        // A second native set failed after its first run: one total, no slope.
        result.rows.append(
            Row(
                runtime: "native", runtimeVersion: "1", flags: [], workload: "w/a", phase: .wall,
                metric: .instructions, value: 2e8, process: 1, iterations: 2))
        Summarizer(configuration: result.configuration).summarize(&result)
        let jit = try #require(count(result, "w/a", "jit"))
        #expect(jit.steadyProcesses == 0 && jit.processes == 1)
        #expect(jit.warnings.map(\.kind) == [.noSteadyState], "\(jit.warnings)")
        let native = try #require(count(result, "w/a", "native"))
        #expect(native.count == 1 && native.median == 1e8)
    }

    let comparer = RunComparer(threshold: 0.05)

    @Test("A/A: two instruction runs that differ by a few instructions are unchanged everywhere")
    func sameCounts() throws {
        let base = run(["w/a": ["native": [1e8], "wasmtime": [1.5e8]], "w/b": ["native": [3e7], "wasmtime": [9e7]]])
        // A JIT's background threads add a few thousand instructions to one run's count.
        let new = run([
            "w/a": ["native": [1e8], "wasmtime": [1.5e8 + 4_000]], "w/b": ["native": [3e7], "wasmtime": [9e7 - 1_000]],
        ])
        let comparison = comparer.compare(base: base, basePath: "a.json", new: new, newPath: "b.json")
        #expect(comparison.measure == .instructions)
        #expect(comparison.comparisons.count == 4)
        for cell in comparison.comparisons {
            #expect(cell.metric == .instructions && cell.phase == .execute)
            #expect(cell.verdict == .unchanged, "\(cell)")
            #expect(abs(cell.ratio - 1) < 0.005)
            #expect(cell.ciLow == cell.ratio && cell.ciHigh == cell.ratio)
        }
        #expect(comparison.geometricMeans.map(\.runtime) == ["native", "wasmtime"])
        #expect(comparison.geometricMeans.allSatisfy { $0.verdict == .unchanged })
        #expect(!comparison.regressed)
        #expect(comparison.onlyInBase.isEmpty && comparison.onlyInNew.isEmpty)
        #expect(comparison.caveats.contains { $0.contains("not time") })
        #expect(!comparison.caveats.contains { $0.contains("single process") })
    }

    @Test("10% more instructions per iteration is slower and a regression; 10% fewer is faster")
    func changedCounts() throws {
        let base = run(["w/a": ["native": [1e8], "wasmtime": [1.5e8]], "w/b": ["native": [3e7], "wasmtime": [9e7]]])
        let new = run([
            "w/a": ["native": [1e8], "wasmtime": [1.65e8]], "w/b": ["native": [3e7], "wasmtime": [8.1e7]],
        ])
        let comparison = comparer.compare(base: base, basePath: "a.json", new: new, newPath: "b.json")
        let slower = try #require(comparison.comparisons.first { $0.workload == "w/a" && $0.runtime == "wasmtime" })
        #expect(abs(slower.ratio - 1.1) < 1e-12)
        #expect(slower.verdict == .slower)
        let faster = try #require(comparison.comparisons.first { $0.workload == "w/b" && $0.runtime == "wasmtime" })
        #expect(faster.verdict == .faster)
        #expect(comparison.regressed)
        #expect(comparison.regressions.map(\.workload) == ["w/a"])
    }

    @Test("a time run and an instruction run cannot be compared")
    func differentMeasures() throws {
        let counted = run(["w/a": ["native": [1e8]]])
        var timed = counted
        timed.configuration.measure = .time
        #expect(throws: ComparisonError.differentMeasures(base: .time, new: .instructions)) {
            try comparer.checkComparable(base: timed, new: counted)
        }
        #expect(throws: Never.self) { try comparer.checkComparable(base: counted, new: counted) }
        #expect(
            ComparisonError.differentMeasures(base: .time, new: .instructions).description.contains("--measure"))
    }
}
