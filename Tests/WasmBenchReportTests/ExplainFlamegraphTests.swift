import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("Explain reports: flamegraphs")
struct ExplainFlamegraphTests {
    /// The fixture with stacks for fib on both sides, and the folder they were written to.
    static func report() -> ExplainReport {
        var report = ExplainReportFixture.report()
        let stacks = FoldedStacks([FoldedStack(["main", "fib"], 90), FoldedStack(["main"], 10)])
        report.stacks = [
            StackProfile(workload: "kernels/fib", runtime: "native", source: .callgrind, stacks: stacks),
            StackProfile(workload: "kernels/fib", runtime: "wasmtime", source: .guestProfiler, stacks: stacks),
        ]
        report.flamegraphFolder = "/tmp/graphs"
        return report
    }

    @Test("HTML embeds the three SVGs of fib; loads nothing; sort says why it has none")
    func html() {
        let text = HTMLRenderer().render(Self.report())
        #expect(
            text.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flamegraph\"").count - 1
                == 3)
        #expect(!text.contains("<script") && !text.contains("https://"))
        #expect(text.contains("fib: 90 instructions, 90%"))
        #expect(text.contains("no Wasm flamegraph") && text.contains("no native flamegraph"))
    }

    @Test("Markdown and the terminal name the files written and draw no SVG")
    func files() {
        for text in [MarkdownRenderer().render(Self.report()), TerminalRenderer().render(Self.report())] {
            #expect(
                text.contains("/tmp/graphs/kernels_fib.diff.svg")
                    && text.contains("/tmp/graphs/kernels_fib.native.folded"))
            #expect(!text.contains("<svg"))
        }
    }
}
