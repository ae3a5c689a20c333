import Foundation
import Testing
import WasmBenchModel

@Suite("The artifact stores each command line once per process, and reads files that stored it per row")
struct RowCommandCodingTests {
    /// 3 processes × 20 iterations of one cell: each process compiles once (its own command), then
    /// runs (another command) giving a wall row and 20 execute rows; an in-process cell has none.
    func result() -> RunResult {
        var result = RunResult(
            toolVersion: "t", startedAt: "now",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 1, memoryBytes: 1),
            configuration: RunConfiguration(
                processes: 3, iterations: 20, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 1,
                cellBudgetSeconds: 1, failurePolicy: .continue))
        func row(_ runtime: String, _ phase: Phase, process: Int, iteration: Int? = nil, command: String?) -> Row {
            Row(
                runtime: runtime, runtimeVersion: "1", flags: [], workload: "w", phase: phase, value: 1,
                process: process, iteration: iteration, command: command)
        }
        for process in 0..<3 {
            result.rows.append(row("cli", .aotCompile, process: process, command: "compile p\(process)"))
            for iteration in 0..<20 {
                result.rows.append(
                    row("cli", .execute, process: process, iteration: iteration, command: "run p\(process)"))
            }
            result.rows.append(row("cli", .wall, process: process, command: "run p\(process)"))
            // A row that records no command after ones that do keeps none.
            result.rows.append(row("cli", .startup, process: process, command: nil))
            result.rows.append(row("embedded", .execute, process: process, iteration: 0, command: nil))
        }
        return result
    }

    @Test("each distinct command is written once per process, and reads back on every row")
    func oncePerProcess() throws {
        let original = result()
        let data = try JSONEncoder().encode(original)
        let text = String(decoding: data, as: UTF8.self)
        for process in 0..<3 {
            #expect(text.ranges(of: "\"compile p\(process)\"").count == 1)
            #expect(text.ranges(of: "\"run p\(process)\"").count == 1)
        }
        let decoded = try JSONDecoder().decode(RunResult.self, from: data)
        #expect(decoded == original)
        #expect(decoded.rows.filter { $0.command == "run p1" }.count == 21)
    }

    @Test("a file saved with a command on every row reads back with the same commands")
    func oldLayout() throws {
        let original = result()
        var object = try #require(
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(original)) as? [String: Any])
        object["rows"] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(original.rows))
        object.removeValue(forKey: "rowCommands")
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(String(decoding: old, as: UTF8.self).ranges(of: "\"run p1\"").count == 21)
        let decoded = try JSONDecoder().decode(RunResult.self, from: old)
        #expect(decoded.rows.map(\.command) == original.rows.map(\.command))
        #expect(decoded == original)
    }
}
