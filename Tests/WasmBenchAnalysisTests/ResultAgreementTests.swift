import Testing
import WasmBenchModel

@testable import WasmBenchAnalysis

@Suite("Results agree: each process's self-check value compared across runtimes and processes")
struct ResultAgreementTests {
    let configuration = RunConfiguration(
        processes: 2, iterations: 3, warmups: 0, seed: 1, baseline: "native", timeoutSeconds: 10,
        cellBudgetSeconds: 60, failurePolicy: .continue)

    /// One process of `runtime`: three execute rows and the wall row carrying `value`.
    func process(_ runtime: String, _ process: Int, _ value: String?) -> [Row] {
        var wall = Row(
            runtime: runtime, runtimeVersion: "1", flags: [], workload: "kernels/fib[n=20]", phase: .wall, value: 1,
            process: process)
        wall.checkValue = value
        return (0..<3).map { iteration in
            Row(
                runtime: runtime, runtimeVersion: "1", flags: [], workload: "kernels/fib[n=20]", phase: .execute,
                value: 0.1, process: process, iteration: iteration)
        } + [wall]
    }

    func warnings(_ rows: [Row], failures: [Failure] = []) -> [String: [SummaryWarning]] {
        let result = SummarizerTests().summarize(rows, configuration: configuration, failures: failures)
        return result.summaries.filter { $0.phase == .execute }.reduce(into: [:]) {
            $0[$1.runtime] = $1.warnings.filter { $0.kind == .resultsDiffer }
        }
    }

    @Test("the same value everywhere: no warning")
    func agreeing() {
        let rows = [("native", 0), ("native", 1), ("wasmkit", 0), ("wasmkit", 1)].flatMap { process($0, $1, "6765") }
        let found = warnings(rows)
        #expect(found.count == 2 && found.values.allSatisfy { $0.isEmpty })
    }

    @Test("a runtime that reports another value than the baseline is flagged on its execute summary")
    func wrongRuntime() throws {
        let rows =
            process("native", 0, "6765") + process("native", 1, "6765") + process("wasmkit", 0, "6764")
            + process("wasmkit", 1, "6764") + process("wasmtime", 0, "6765")
        let found = warnings(rows)
        #expect(found["native"] == [] && found["wasmtime"] == [])
        let warning = try #require(found["wasmkit"]?.first)
        #expect(
            warning.message
                == "its self-check reported 6764 where the baseline native reported 6765: one of them computed a wrong result"
        )
    }

    @Test("processes of one cell that disagree are flagged; a failed process's value does not count")
    func disagreeingProcesses() throws {
        let rows = process("native", 0, "6765") + process("wasmkit", 0, "6765") + process("wasmkit", 1, "1")
        let warning = try #require(warnings(rows)["wasmkit"]?.first)
        #expect(warning.message.hasPrefix("its processes' self-checks reported different results: 1 (1), 6765 (1)"))
        let failure = Failure(runtime: "wasmkit", workload: "kernels/fib[n=20]", process: 1, kind: .trap, message: "t")
        #expect(warnings(rows, failures: [failure])["wasmkit"] == [])
    }

    @Test("with no baseline value, the value most runtimes reported is the reference")
    func noBaseline() throws {
        let rows = process("a", 0, "7") + process("b", 0, "7") + process("c", 0, "8")
        let found = warnings(rows)
        #expect(found["a"] == [] && found["b"] == [])
        #expect(found["c"]?.first?.message.contains("where most runtimes reported 7") == true)
        // Each runtime votes once: three processes of one runtime do not outvote two runtimes.
        let outvoted = warnings(
            process("a", 0, "8") + process("a", 1, "8") + process("a", 2, "8") + process("b", 0, "7")
                + process("c", 0, "7"))
        #expect(outvoted["b"] == [] && outvoted["c"] == [] && outvoted["a"]?.count == 1)
    }
}
