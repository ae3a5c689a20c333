import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("Comparison reports")
struct ComparisonRendererTests {
    @Test("The terminal comparison of the fixture matches its snapshot")
    func terminal() {
        Snapshot.expectMatch(TerminalRenderer().render(ComparisonFixture.comparison()), named: "compare.txt")
    }

    @Test("The Markdown comparison of the fixture matches its snapshot")
    func markdown() {
        Snapshot.expectMatch(MarkdownRenderer().render(ComparisonFixture.comparison()), named: "compare.md")
    }

    @Test("The HTML comparison of the fixture matches its snapshot, loads nothing and has one bar per runtime")
    func html() {
        let text = HTMLRenderer().render(ComparisonFixture.comparison())
        Snapshot.expectMatch(text, named: "compare.html")
        #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("<script"))
        #expect(text.components(separatedBy: "class=\"bar\"").count - 1 == 2)
    }

    @Test("Every report names the regression, every verdict and the new failure")
    func content() {
        let comparison = ComparisonFixture.comparison()
        for text in [
            TerminalRenderer().render(comparison), MarkdownRenderer().render(comparison),
            HTMLRenderer().render(comparison),
        ] {
            #expect(text.contains("regressed: 1 slower in execute, 1 cell(s) newly failing"))
            for verdict in ComparisonVerdict.allCases { #expect(text.contains(verdict.rawValue)) }
            #expect(text.contains("1.20× [1.17–1.23]"))
            #expect(text.contains("wasmtime: version 49.0.3 → 50.0.1"))
            #expect(text.contains("out of bounds memory access"))
            // The unchanged peak-rss of another phase is left out; the slower startup is shown.
            #expect(!text.contains("peak-rss"))
            #expect(text.contains("startup"))
        }
    }

    @Test("A comparison without regressions says so")
    func noRegression() {
        var comparison = ComparisonFixture.comparison()
        comparison.comparisons.removeAll { $0.verdict == .slower }
        comparison.newFailures = []
        #expect(TerminalRenderer().render(comparison).contains("no regression past 5%; 1 measure(s) faster"))
    }
}
