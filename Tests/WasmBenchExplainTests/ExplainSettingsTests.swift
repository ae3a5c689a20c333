import Testing
import WasmBenchExplain
import WasmBenchModel

@Suite("explain's settings, checked before anything runs")
struct ExplainSettingsTests {
    @Test("good settings pass; each bad one names its option and what it got")
    func settings() throws {
        try Explainer.checkSettings(iterations: [2, 4, 6], timeoutSeconds: 1800, topFunctions: 25)
        #expect(throws: OptionProblem.self) {
            try Explainer.checkSettings(iterations: [2], timeoutSeconds: 1800, topFunctions: 25)
        }
        #expect(
            throws: OptionProblem(message: "--timeout must be a finite positive number (got inf)")
        ) { try Explainer.checkSettings(iterations: [2, 4], timeoutSeconds: .infinity, topFunctions: 1) }
        #expect(throws: OptionProblem(message: "--top must be at least 1 (got 0)")) {
            try Explainer.checkSettings(iterations: [2, 4], timeoutSeconds: 1, topFunctions: 0)
        }
    }
}
