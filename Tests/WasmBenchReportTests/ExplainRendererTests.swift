import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("Explain reports")
struct ExplainRendererTests {
    @Test("The terminal explain analysis of the fixture matches its snapshot")
    func terminal() {
        Snapshot.expectMatch(TerminalRenderer().render(ExplainReportFixture.report()), named: "explain.txt")
    }

    @Test("The Markdown explain analysis of the fixture matches its snapshot")
    func markdown() {
        Snapshot.expectMatch(MarkdownRenderer().render(ExplainReportFixture.report()), named: "explain.md")
    }

    @Test("The HTML explain analysis of the fixture matches its snapshot, loads nothing and charts each ratio")
    func html() {
        let text = HTMLRenderer().render(ExplainReportFixture.report())
        Snapshot.expectMatch(text, named: "explain.html")
        #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("<script"))
        // One bar per workload with a ratio: wasmtime on fib and on sort.
        #expect(text.components(separatedBy: "class=\"bar\"").count - 1 == 2)
    }

    @Test("Counts with ratios, profiles side by side, failed cells marked, tiny shares left out")
    func content() {
        let report = ExplainReportFixture.report()
        for text in [
            TerminalRenderer().render(report), MarkdownRenderer().render(report), HTMLRenderer().render(report),
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
