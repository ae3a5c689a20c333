import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("Explain reports")
struct GapReportRendererTests {
    @Test("The terminal gap analysis of the fixture matches its snapshot")
    func terminal() {
        Snapshot.expectMatch(TerminalRenderer().render(GapReportFixture.report()), named: "explain.txt")
    }

    @Test("The Markdown gap analysis of the fixture matches its snapshot")
    func markdown() {
        Snapshot.expectMatch(MarkdownRenderer().render(GapReportFixture.report()), named: "explain.md")
    }

    @Test("Counts with ratios, profiles side by side, failed cells marked, tiny shares left out")
    func content() {
        for text in [
            TerminalRenderer().render(GapReportFixture.report()), MarkdownRenderer().render(GapReportFixture.report()),
        ] {
            #expect(text.contains("326 M  baseline"))
            #expect(text.contains("519 M  1.59×"))
            #expect(text.contains("230 M~ 1.08×"))
            #expect(text.contains("~ = not steady"))
            #expect(text.contains("failed"))
            #expect(text.contains("99.9%"))
            #expect(text.contains("97%"))
            #expect(text.contains("hostcall"))
            // 0.0007% of the native profile would only print as 0%.
            #expect(!text.contains("printf_core"))
        }
    }
}
