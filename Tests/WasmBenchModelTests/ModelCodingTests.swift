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
        #expect(Metric.allCases.map(\.rawValue) == ["time", "cpu", "peak-rss", "artifact-bytes"])
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
