import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("The size and stripped-module sections")
struct SizeSectionTests {
    /// fib's execute on wasmtime at n = 20, 24, 28 with its fitted line.
    static func sweep() -> SizeFit {
        let points = [(20.0, 0.011), (24.0, 0.0131), (28.0, 0.0149)].map { size, value in
            SizeFit.Point(
                workload: "kernels/fib[n=\(Int(size))]", size: size,
                estimate: EstimatedValue(value: value, ciLow: value * 0.99, ciHigh: value * 1.01))
        }
        return SizeFit(
            axis: .parameter, workload: "kernels/fib", sizeName: "n", runtime: "wasmtime", phase: .execute,
            metric: .time, points: points, intercept: EstimatedValue(value: 0.0013, ciLow: -0.001, ciHigh: 0.0036),
            slope: EstimatedValue(value: 0.0004875, ciLow: 0.0004, ciHigh: 0.0006), rSquared: 0.998)
    }

    @Test("a sweep gives a table row with the sizes, fixed and per-unit cost and R², and an HTML chart")
    func sweepSection() {
        var result = ReportFixture.runResult()
        result.sizeFits = [Self.sweep()]
        let markdown = MarkdownRenderer().render(ReportArtifact.run(result))
        #expect(markdown.contains("## Size and complexity"))
        #expect(markdown.contains("n=20 → 11.0 ms, n=24 → 13.1 ms, n=28 → 14.9 ms"))
        #expect(markdown.contains("1.30 ms [-1.00 ms–3.60 ms]"))
        #expect(markdown.contains("488 µs [400 µs–600 µs] per n"))
        #expect(markdown.contains("0.998"))
        #expect(!markdown.contains("<svg"))
        let terminal = TerminalRenderer().render(ReportArtifact.run(result))
        #expect(terminal.contains("size and complexity") && terminal.contains("per n"))
        let html = HTMLRenderer().render(ReportArtifact.run(result))
        #expect(html.contains("class=\"chart fit\"") && html.contains("class=\"curve\""))
        #expect(html.contains("aria-label=\"execute of kernels/fib against n\""))
        #expect(
            !MarkdownRenderer().render(ReportArtifact.run(ReportFixture.runResult())).contains("Size and complexity"))
    }

    @Test("a module-size fit shows its slope per KiB")
    func moduleSection() {
        var result = ReportFixture.runResult()
        let points = [(30_000.0, 0.005), (60_000.0, 0.008), (120_000.0, 0.014)].map { size, value in
            SizeFit.Point(workload: "m\(Int(size)).wasm", size: size, estimate: EstimatedValue(value: value))
        }
        result.sizeFits = [
            SizeFit(
                axis: .moduleBytes, workload: nil, sizeName: "bytes", runtime: "wasmkit", phase: .compile,
                metric: .time,
                points: points, intercept: EstimatedValue(value: 0.002, ciLow: 0.0019, ciHigh: 0.0021),
                slope: EstimatedValue(value: 1e-7, ciLow: 0.9e-7, ciHigh: 1.1e-7), rSquared: 1)
        ]
        let markdown = MarkdownRenderer().render(ReportArtifact.run(result))
        #expect(markdown.contains("Against the module's size"))
        #expect(markdown.contains("102 µs [92.2 µs–113 µs] per KiB"))
        #expect(markdown.contains("29.3 KiB → 5.00 ms"))
    }

    @Test("a stripped twin gives the module sizes and each module phase with and without custom sections")
    func strippedSection() {
        var result = ReportFixture.runResult()
        guard var original = result.workloads.first(where: { $0.id == "kernels/fib" }) else {
            Issue.record("the fixture has no kernels/fib")
            return
        }
        original.wasmBytes = 730_000
        var twin = original
        (twin.id, twin.variantOf, twin.stripped, twin.wasmBytes) = (
            "kernels/fib[stripped]", "kernels/fib", true, 30_000
        )
        result.workloads = result.workloads.map { $0.id == original.id ? original : $0 } + [twin]
        let compiles = result.summaries.filter { $0.workload == "kernels/fib" && $0.phase == .compile }
        result.summaries += compiles.map { summary in
            var stripped = summary
            stripped.workload = "kernels/fib[stripped]"
            (stripped.median, stripped.ciLow, stripped.ciHigh) = (
                summary.median / 2, summary.ciLow / 2, summary.ciHigh / 2
            )
            stripped.processMinimum = summary.processMinimum.map { EstimatedValue(value: $0.value / 2) }
            return stripped
        }
        let markdown = MarkdownRenderer().render(ReportArtifact.run(result))
        #expect(markdown.contains("## Custom sections removed"))
        let sizes = markdown.split(separator: "\n").first { $0.contains("module size") }.map(String.init) ?? ""
        #expect(["`kernels/fib`", "713 KiB", "29.3 KiB", "0.0411×"].allSatisfy(sizes.contains))
        #expect(compiles.isEmpty || markdown.contains("| compile "))
        #expect(compiles.isEmpty || markdown.contains("0.500×"))
    }
}
