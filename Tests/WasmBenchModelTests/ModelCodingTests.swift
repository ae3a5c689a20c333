import Foundation
import Testing
import WasmBenchModel

@Suite("The artifact's vocabulary is spelled as documented")
struct ModelCodingTests {
    @Test("phase and metric names in JSON are the documented ones")
    func names() {
        #expect(
            Phase.allCases.map(\.rawValue) == [
                "parse", "compile", "aot-compile", "aot-load", "instantiate", "load", "startup", "import", "execute",
                "wall",
            ])
        #expect(Metric.allCases.map(\.rawValue) == ["time", "cpu", "peak-rss", "artifact-bytes", "instructions"])
        #expect(Metric.instructions.unit.rawValue == "instructions")
        #expect(Measure.allCases.map(\.rawValue) == ["time", "instructions"])
        #expect(Measure.allCases.map(\.metric) == [.time, .instructions])
        #expect(Phase.compile < Phase.execute)
    }

    @Test("a row encodes runtime, workload, phase, value, unit, process, iteration and command")
    func row() throws {
        let row = Row(
            runtime: "wasmtime-aot", runtimeVersion: "49.0.3", flags: ["cache=n"], workload: "kernels/fib",
            phase: .aotCompile, metric: .artifactBytes, value: 1024, process: 2, command: "wasmtime compile x")
        let object = try #require(
            JSONSerialization.jsonObject(with: JSONEncoder().encode(row)) as? [String: Any])
        #expect(object["runtime"] as? String == "wasmtime-aot")
        #expect(object["workload"] as? String == "kernels/fib")
        #expect(object["phase"] as? String == "aot-compile")
        #expect(object["metric"] as? String == "artifact-bytes")
        #expect(object["unit"] as? String == "bytes")
        #expect(object["value"] as? Double == 1024)
        #expect(object["process"] as? Int == 2)
        #expect(object["command"] as? String == "wasmtime compile x")
        #expect(try JSONDecoder().decode(Row.self, from: JSONEncoder().encode(row)) == row)
    }

    @Test("a counted run's row carries its iteration count; other rows leave it out of the JSON")
    func countedRow() throws {
        let row = Row(
            runtime: "native", runtimeVersion: "1", flags: [], workload: "kernels/fib", phase: .wall,
            metric: .instructions, value: 2e8, process: 0, command: "valgrind --tool=callgrind x", iterations: 4)
        let object = try #require(
            JSONSerialization.jsonObject(with: JSONEncoder().encode(row)) as? [String: Any])
        #expect(object["iterations"] as? Int == 4)
        #expect(object["unit"] as? String == "instructions")
        #expect(try JSONDecoder().decode(Row.self, from: JSONEncoder().encode(row)) == row)
        let timed = Row(
            runtime: "native", runtimeVersion: "1", flags: [], workload: "kernels/fib", phase: .execute, value: 0.02,
            process: 0, iteration: 1)
        let timedObject = try #require(
            JSONSerialization.jsonObject(with: JSONEncoder().encode(timed)) as? [String: Any])
        #expect(timedObject["iterations"] == nil)
    }

    @Test("an instruction run's configuration round-trips; a comparison saved before --measure compared times")
    func measure() throws {
        let configuration = RunConfiguration(
            processes: 1, iterations: 6, warmups: 0, seed: 1, baseline: "native", timeoutSeconds: 1800,
            cellBudgetSeconds: 60, failurePolicy: .continue, measure: .instructions, countedIterations: [2, 4, 6])
        let decoded = try JSONDecoder().decode(
            RunConfiguration.self, from: JSONEncoder().encode(configuration))
        #expect(decoded == configuration)
        let machine = MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 1, memoryBytes: 1)
        let side = ComparedRun(
            path: "a.json", toolVersion: "t", startedAt: "now", complete: true, machine: machine,
            configuration: configuration)
        let comparison = RunComparison(
            base: side, new: side, threshold: 0.05, gatedPhases: [.execute], measure: .instructions)
        let data = try JSONEncoder().encode(comparison)
        #expect(try JSONDecoder().decode(RunComparison.self, from: data) == comparison)
        var object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["measure"] as? String == "instructions")
        object["measure"] = nil
        let old = try JSONDecoder().decode(
            RunComparison.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.measure == .time)
    }

    @Test("a new result carries the current schema version and is incomplete until finished")
    func result() {
        let result = RunResult(
            toolVersion: "t", startedAt: "now",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 1, memoryBytes: 1),
            configuration: RunConfiguration(
                processes: 1, iterations: 1, warmups: 0, seed: 1, baseline: "native", timeoutSeconds: 1,
                cellBudgetSeconds: 1, failurePolicy: .continue))
        #expect(result.schemaVersion == schemaVersion)
        #expect(!result.complete)
        #expect(result.rows.isEmpty)
    }
}
