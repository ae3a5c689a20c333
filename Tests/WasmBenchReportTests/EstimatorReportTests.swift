import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport

/// The report fixture shown by the per-process minimum, whose made-up values differ from every
/// median: half the median for each `execute` summary, 7.77× for every ratio, 5.55× for every
/// geometric mean.
enum ProcessMinimumFixture {
    static func runResult() -> RunResult {
        var result = ReportFixture.runResult()
        result.configuration.estimator = .processMinimum
        result.summaries = result.summaries.map { summary in
            guard summary.phase == .execute else { return summary }
            var summary = summary
            summary.processMinimum = EstimatedValue(
                value: summary.median / 2, ciLow: summary.median * 0.45, ciHigh: summary.median * 0.55)
            summary.processMinimumRatio = EstimatedValue(value: 7.77, ciLow: 7.01, ciHigh: 8.88)
            return summary
        }
        result.geometricMeans = result.geometricMeans.map { mean in
            var mean = mean
            mean.processMinimum = EstimatedValue(value: 5.55, ciLow: 4.44, ciHigh: 6.66)
            return mean
        }
        return result
    }

    /// The comparison fixture decided by the per-process minimum: every change 1 s → 2 s.
    static func comparison() -> RunComparison {
        var comparison = ComparisonFixture.comparison()
        comparison.estimator = .processMinimum
        let doubled = ComparedEstimate(base: 1, new: 2, ratio: 2, ciLow: 1.9, ciHigh: 2.1, verdict: .slower)
        comparison.comparisons = comparison.comparisons.map { row in
            var row = row
            row.processMinimum = doubled
            return row
        }
        comparison.geometricMeans = comparison.geometricMeans.map { mean in
            var mean = mean
            mean.processMinimum = ComparedEstimate(ratio: 3.33, ciLow: 3.01, ciHigh: 3.65, verdict: .slower)
            return mean
        }
        return comparison
    }
}

@Suite("Reports name the estimator they show")
struct EstimatorReportTests {
    static let label = "per-process minimum (geomean over processes)"
    /// The label as a sentence under a heading.
    static let sentence = "Per-process minimum (geomean over processes)"

    @Test("A run shown by the per-process minimum says so and shows its values, ratios and geometric means")
    func runByProcessMinimum() throws {
        let result = ProcessMinimumFixture.runResult()
        let terminal = TerminalRenderer(width: 200).render(result)
        #expect(terminal.contains("execute — \(Self.label); ratio to native [95% t interval]"))
        let fib = try #require(terminal.split(separator: "\n").first { $0.hasPrefix("kernels/fib") })
        // native's fib: median 12.3 ms, per-process minimum 6.17 ms; every ratio 7.77×.
        #expect(fib.contains("6.17 ms") && !fib.contains("12.3 ms"))
        #expect(fib.contains("7.77× [7.01–8.88]"))
        let markdown = MarkdownRenderer().render(result)
        #expect(markdown.contains("\(Self.sentence); ratio to native [95% t interval]"))
        #expect(markdown.contains("**5.55× [4.44–6.66]**") && !markdown.contains("1.33× [1.24–1.42]"))
        let html = HTMLRenderer().render(result)
        #expect(html.contains("Whiskers are 95% t intervals (Welch)"))
        // wasmtime's fib: median 17.5 ms, per-process minimum 8.76 ms.
        #expect(html.contains("kernels/fib: 7.77× [7.01–8.88] the time of native (per-process minimum 8.76 ms)"))
        #expect(html.contains("5.55× [4.44–6.66]"))
    }

    @Test("A run shown by the median keeps today's wording")
    func runByMedian() {
        let markdown = MarkdownRenderer().render(ReportFixture.runResult())
        #expect(markdown.contains("Median per iteration; ratio to native [95% CI]."))
        #expect(!markdown.contains("t interval"))
    }

    @Test("A comparison decided by the per-process minimum shows its values and names it")
    func comparisonByProcessMinimum() {
        let markdown = MarkdownRenderer().render(ProcessMinimumFixture.comparison())
        #expect(markdown.contains("\(Self.sentence); new ÷ base [95% t interval]"))
        #expect(markdown.contains("new ÷ base [95% t interval]"))
        #expect(markdown.contains("1.00 s") && markdown.contains("2.00× [1.90–2.10]"))
        #expect(markdown.contains("3.33× [3.01–3.65]") && !markdown.contains("0.980× [0.960–1.00]"))
    }
}
