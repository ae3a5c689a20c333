import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// `wasmbench compare` as CI would call it: exit 0 without a regression, 2 with one, 3 for a
/// file that is not a run, 64 for a bad flag; the JSON comparison is versioned.
@Suite("compare: two saved runs, a verdict and an exit status for CI")
struct CompareCommandTests {
    let folder = TemporaryFolder()

    /// Saves a run of one workload on `native` and `wasmtime` whose wasmtime iterations sit at
    /// `wasmtime` seconds in each of three processes.
    func save(_ name: String, wasmtime: Double) throws -> String {
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-12-01T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 2, memoryBytes: 1),
            configuration: RunConfiguration(
                processes: 3, iterations: 4, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 10,
                cellBudgetSeconds: 60, failurePolicy: .continue))
        for (runtime, center) in [("native", 1.0), ("wasmtime", wasmtime)] {
            result.runtimes.append(
                RuntimeInfo(
                    id: runtime, name: runtime, version: "1", kind: .subprocess, flags: [], available: true,
                    exposedPhases: [.execute]))
            for process in 0..<3 {
                for (iteration, scale) in [1.3, 1.0, 1.001, 0.999].enumerated() {
                    result.rows.append(
                        Row(
                            runtime: runtime, runtimeVersion: "1", flags: [], workload: "kernels/fib",
                            phase: .execute, value: center * scale * (1 + 0.001 * Double(process)), process: process,
                            iteration: iteration, warmup: iteration == 0))
                }
            }
        }
        result.complete = true
        let path = folder.path(name)
        try JSONEncoder().encode(result).write(to: URL(fileURLWithPath: path))
        return path
    }

    func compare(_ arguments: [String]) throws -> WasmbenchBinary.Invocation {
        try WasmbenchBinary.run(["compare"] + arguments, timeout: 120, in: folder)
    }

    @Test("a run against itself: exit 0, no regression")
    func same() throws {
        let base = try save("base.json", wasmtime: 1.5)
        let result = try compare([base, base])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("no regression past 5%"))
        #expect(result.stdout.contains("unchanged"))
    }

    @Test("a 30% slowdown: exit 2, stderr names the cell, the Markdown file says regressed")
    func slower() throws {
        let base = try save("base.json", wasmtime: 1.5)
        let new = try save("new.json", wasmtime: 1.95)
        let markdown = folder.path("compare.md")
        let result = try compare([base, new, "--markdown", markdown])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("kernels/fib on wasmtime 1.30×"), "\(result.stderr)")
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).contains("**regressed: 1 slower in execute**"))
        let relaxed = try compare([base, new, "--threshold", "0.5"])
        #expect(relaxed.status == 0, "a 30% change is inside a 50% threshold")
        let ungated = try compare([base, new, "--fail-on", "none"])
        #expect(ungated.status == 0)
    }

    @Test("--format json writes a versioned comparison")
    func json() throws {
        let base = try save("base.json", wasmtime: 1.5)
        let new = try save("new.json", wasmtime: 1.2)
        let result = try compare([base, new, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let comparison = try JSONDecoder().decode(RunComparison.self, from: Data(result.stdout.utf8))
        #expect(comparison.schemaVersion == comparisonSchemaVersion)
        #expect(comparison.comparisons.first { $0.runtime == "wasmtime" }?.verdict == .faster)
    }

    @Test("a missing or foreign file is exit 3; a bad phase or threshold is exit 64")
    func badInput() throws {
        let base = try save("base.json", wasmtime: 1.5)
        let missing = try compare([base, folder.path("absent.json")])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("absent.json"))
        let foreign = folder.path("foreign.json")
        try Data(#"{"hello": 1}"#.utf8).write(to: URL(fileURLWithPath: foreign))
        #expect(try compare([base, foreign]).status == 3)
        let phase = try compare([base, base, "--fail-on", "exectue"])
        #expect(phase.status == 64)
        #expect(phase.stderr.contains("unknown phase exectue"))
        #expect(try compare([base, base, "--threshold", "-1"]).status == 64)
    }

    @Test("a time run against an instruction run is exit 3 with a message that names both measures")
    func differentMeasures() throws {
        let timed = try save("timed.json", wasmtime: 1.5)
        var result = try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: timed)))
        result.configuration.measure = .instructions
        result.configuration.countedIterations = [2, 4, 6]
        let counted = folder.path("counted.json")
        try JSONEncoder().encode(result).write(to: URL(fileURLWithPath: counted))
        let mixed = try compare([timed, counted])
        #expect(mixed.status == 3, "\(mixed.stderr)")
        #expect(mixed.stderr.contains("measured time and the new run instructions"), "\(mixed.stderr)")
        #expect(mixed.stdout.isEmpty)
    }
}
