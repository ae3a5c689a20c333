import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("Renderer snapshots")
struct RendererSnapshotTests {
    @Test("The terminal report of the fixture matches its snapshot")
    func terminal() {
        let text = TerminalRenderer().render(ReportFixture.runResult())
        Snapshot.expectMatch(text, named: "terminal.txt")
    }

    @Test("The Markdown report of the fixture matches its snapshot")
    func markdown() {
        let text = MarkdownRenderer().render(ReportFixture.runResult())
        Snapshot.expectMatch(text, named: "markdown.md")
    }
}
