import Testing
import WasmBenchAnalysis
import WasmBenchModel

@Suite("Reproduction: one process's recorded commands, in the order they ran")
struct ReproductionTests {
    func result(_ rows: [Row], failures: [Failure] = []) -> RunResult {
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-12-04T00:00:00Z",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 2, memoryBytes: 1),
            configuration: RunConfiguration(
                processes: 2, iterations: 2, warmups: 0, seed: 1, baseline: "native", timeoutSeconds: 10,
                cellBudgetSeconds: 60, failurePolicy: .continue))
        result.rows = rows
        result.failures = failures
        return result
    }

    func row(_ phase: Phase, process: Int, command: String?, runtime: String = "wasmtime-aot") -> Row {
        Row(
            runtime: runtime, runtimeVersion: "1", flags: [], workload: "kernels/fib", phase: phase, value: 1,
            process: process, command: command)
    }

    @Test("An AOT compile comes before the run that loads its artifact, each command once")
    func order() throws {
        // The run's samples are filed before the compile's, as an adapter may file them.
        let rows = [
            row(.execute, process: 0, command: "wasmtime run a.cwasm"),
            row(.wall, process: 0, command: "wasmtime run a.cwasm"),
            row(.aotCompile, process: 0, command: "wasmtime compile a.wasm -o a.cwasm"),
            row(.execute, process: 1, command: "wasmtime run b.cwasm"),
            row(.aotCompile, process: 1, command: "wasmtime compile a.wasm -o b.cwasm"),
        ]
        let cell = Cell(workload: "kernels/fib", runtime: "wasmtime-aot")
        let first = try Reproduction(result(rows), cell: cell)
        #expect(first.process == 0)
        #expect(first.commands == ["wasmtime compile a.wasm -o a.cwasm", "wasmtime run a.cwasm"])
        let second = try Reproduction(result(rows), cell: cell, process: 1)
        #expect(second.commands == ["wasmtime compile a.wasm -o b.cwasm", "wasmtime run b.cwasm"])
    }

    @Test("A failed process's command is kept; unknown cells, processes and command-less rows are refused")
    func problems() throws {
        let failed = Failure(
            runtime: "wasmtime-aot", workload: "kernels/fib", process: 0, kind: .trap, message: "trap",
            command: "wasmtime run x")
        let cell = Cell(workload: "kernels/fib", runtime: "wasmtime-aot")
        #expect(try Reproduction(result([], failures: [failed]), cell: cell).commands == ["wasmtime run x"])
        let rows = [row(.execute, process: 0, command: "c")]
        #expect(throws: Reproduction.Problem.self) {
            try Reproduction(result(rows), cell: Cell(workload: "kernels/fib", runtime: "node"))
        }
        #expect(throws: Reproduction.Problem.unknownProcess(4, known: [0])) {
            try Reproduction(result(rows), cell: cell, process: 4)
        }
        #expect(throws: Reproduction.Problem.noCommands(cell)) {
            try Reproduction(result([row(.execute, process: 0, command: nil)]), cell: cell)
        }
    }
}
