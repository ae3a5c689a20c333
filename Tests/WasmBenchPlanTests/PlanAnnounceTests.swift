import Testing
import WasmBenchModel

@testable import WasmBenchPlan

@Suite("A plan's notices and refusals, said before a run measures")
struct PlanAnnounceTests {
    let refused = Failure(
        runtime: "-", workload: "missing.wasm", process: nil, kind: .invalidModule,
        message: "missing.wasm: no such file")

    @Test("with nothing left to run, the notices are said and the error names every refusal")
    func nothingLeft() {
        var said: [String] = []
        let plan = Planner.Plan(workloads: [], runtimes: [], notices: ["a fallback"], rejected: [refused, refused])
        #expect(
            throws: PlanError.invalidInput(
                "no workload left to run: every module given was refused: missing.wasm: no such file; missing.wasm: no such file"
            )
        ) { try plan.announce { said.append($0) } }
        #expect(said == ["note: a fallback"])
    }
}
