import Foundation
import Testing
import WasmBenchHistory
import WasmBenchModel
import WasmBenchReport

@Suite("history's report: a sparkline in the terminal, a table in Markdown, a line chart in HTML, the report in JSON")
struct HistoryRenderTests {
    /// A report of `values` as one series, with its step changes found.
    func report(_ values: [Double]) -> HistoryReport {
        let points = values.enumerated().map { index, value in
            HistoryPoint(
                runID: "run-\(index)", startedAt: String(format: "2026-12-%02dT10:00:00Z", index + 1),
                label: index == 6 ? "wasmtime-50" : nil, commit: nil, runtimeVersion: index >= 6 ? "50.0.1" : "49.0.3",
                value: value, low: value * 0.98, high: value * 1.02)
        }
        let runs = points.map {
            HistoryRun(
                id: $0.runID, startedAt: $0.startedAt, toolVersion: "0.1.0", label: $0.label, commit: nil,
                machineKey: "0123456789abcdef", machine: "Test CPU, 2 CPUs", suite: "kernels",
                runtimes: ["wasmtime \($0.runtimeVersion)"], workloads: 1, complete: true)
        }
        let series = HistorySeries.detecting(
            workload: "kernels/fib", runtime: "wasmtime", phase: .execute, metric: .time, estimator: .processMinimum,
            points: points, window: 4, threshold: 0.05)
        return HistoryReport(
            store: "/tmp/history.sqlite", filter: HistoryFilter(runtime: "wasmtime"), runs: runs, series: series)
    }

    let slower = [0.100, 0.102, 0.099, 0.101, 0.098, 0.100, 0.121, 0.119, 0.122, 0.120, 0.118, 0.121]

    func text(_ report: HistoryReport, _ format: ReportFormat) throws -> String {
        String(decoding: try ReportArtifact.history(report).render(as: format, width: 160), as: UTF8.self)
    }

    @Test("the terminal shows every run, the trend as a sparkline with the step marked, and the step in words")
    func terminal() throws {
        let output = try text(report(slower), .terminal)
        #expect(output.contains("12 runs"))
        #expect(output.contains("▂▂▁▂▁▂█▇█▇▇█"))
        #expect(output.contains("      ^       ^ step change"))
        #expect(output.contains("slower from run 7 (2026-12-07T10:00:00Z, wasmtime-50, wasmtime 50.0.1)"))
    }

    @Test("Markdown has the series' table with each point's interval and the step; HTML draws the line chart")
    func markdownAndHTML() throws {
        let markdown = try text(report(slower), .markdown)
        #expect(
            markdown.contains(
                "| 2026-12-07T10:00:00Z | wasmtime-50 |        | 50.0.1  |   121 ms [119 ms–123 ms] | **step 1.21×** |")
        )
        #expect(markdown.contains("**1.21× slower** from run 7"))
        #expect(!markdown.contains("<svg"))
        let html = try text(report(slower), .html)
        #expect(html.contains("<svg class=\"chart series\""))
        #expect(html.components(separatedBy: "<circle class=\"point\"").count == 13)
        #expect(html.components(separatedBy: "class=\"whisker\"").count == 13)
        #expect(html.contains("step change before run 7"))
    }

    @Test("an A/A series says no step was found; too short a series says why it cannot tell")
    func noStep() throws {
        let flat = try text(report([0.100, 0.102, 0.099, 0.101, 0.098, 0.100, 0.101, 0.099, 0.102, 0.100]), .terminal)
        #expect(flat.contains("none: no two windows of 4 runs separate by more than 5%"))
        #expect(!flat.contains("^ step change") && !flat.contains("slower from"))
        let short = try text(report([0.1, 0.1, 0.1]), .terminal)
        #expect(short.contains("too few runs to tell"))
    }

    @Test("--format json is the report itself, read back equal")
    func json() throws {
        let original = report(slower)
        let decoded = try JSONDecoder().decode(
            HistoryReport.self, from: ReportArtifact.history(original).render(as: .json))
        #expect(decoded == original)
        #expect(decoded.series?.changes.map(\.index) == [6])
    }
}
