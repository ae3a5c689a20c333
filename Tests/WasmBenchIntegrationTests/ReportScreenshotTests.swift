import Foundation
import TestSupport
import Testing
import WasmBenchHistory
import WasmBenchModel
import WasmBenchProcess
import WasmBenchReport

/// The HTML reports seen as a reader sees them: each page rendered in headless Chromium at a
/// laptop's and a phone's width, screenshotted, and checked by `Tests/BrowserCheck/report-screenshot.mjs`
/// (every chart drew something and fits the page, no console error, row names on one line).
///
/// The pages are the renderer snapshots of the report tests (run, python, compare, explain), which
/// those tests keep equal to what the renderers write, and a history page rendered here.
@Suite("The HTML reports in a real browser", .serialized)
struct ReportScreenshotTests {
    /// The checkout's root.
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What the checker said of one page.
    struct Verdict: Decodable {
        struct Page: Decodable {
            var size: String
            var screenshot: String
            var charts: Int
        }
        var pages: [Page]
        var problems: [String]
    }

    @Test(
        "each report page draws its charts at laptop and phone widths, with no console error",
        arguments: [("html", 5), ("html-python", 7), ("compare", 1), ("explain", 2)])
    func page(name: String, charts: Int) throws {
        let page = Self.checkout.appendingPathComponent("Tests/WasmBenchReportTests/Snapshots/\(name).html").path
        try check(page: page, charts: charts)
    }

    @Test("the history page draws its series with every point's interval at laptop and phone widths")
    func history() throws {
        let points = (0..<12).map { index in
            let value = index < 6 ? 0.100 : 0.121
            return HistoryPoint(
                runID: "run-\(index)", startedAt: "2026-12-\(index < 9 ? "0" : "")\(index + 1)T10:00:00Z",
                label: nil, commit: nil, runtimeVersion: "49.0.4", value: value, low: value * 0.98, high: value * 1.02)
        }
        let runs = points.map {
            HistoryRun(
                id: $0.runID, startedAt: $0.startedAt, toolVersion: "0.1.0", label: nil, commit: nil,
                machineKey: "0123456789abcdef", machine: "Test CPU, 2 CPUs", suite: "kernels",
                runtimes: ["wasmtime 49.0.4"], workloads: 1, complete: true)
        }
        let report = HistoryReport(
            store: "/tmp/history.sqlite", filter: HistoryFilter(runtime: "wasmtime"), runs: runs,
            series: .detecting(
                workload: "kernels/fib", runtime: "wasmtime", phase: .execute, metric: .time,
                estimator: .processMinimum,
                points: points, window: 4, threshold: 0.05))
        let folder = TemporaryFolder()
        let page = folder.path("history.html")
        try ReportArtifact.history(report).render(as: .html).write(to: URL(fileURLWithPath: page))
        try check(page: page, charts: 1)
    }

    /// Renders `page` in Chromium at a laptop's and a phone's width and checks what the checker saw.
    func check(page: String, charts: Int) throws {
        let chromium = try #require(
            ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile),
            "Chromium is not installed: .ci/run installs Debian's chromium")
        let node = try #require(
            ["/usr/bin/node", "/usr/local/bin/node"].first(where: FileManager.default.isExecutableFile),
            "Node is not installed")
        let folder = TemporaryFolder()
        let script = Self.checkout.appendingPathComponent("Tests/BrowserCheck/report-screenshot.mjs").path
        let out = folder.path("checker.out")
        let result = try ProcessLauncher().run(
            ProcessSpec(
                executable: node, arguments: [script, chromium, page, folder.url.path, "1280x800", "390x844"],
                environment: ProcessInfo.processInfo.environment, stdoutPath: out,
                stderrPath: folder.path("checker.err"), timeout: 180))
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        #expect(result.termination == .exited(0), "\(text)")
        let verdict = try JSONDecoder().decode(Verdict.self, from: Data(text.utf8))
        #expect(verdict.problems.isEmpty, "\(verdict.problems)")
        #expect(verdict.pages.map(\.size) == ["1280x800", "390x844"])
        for shot in verdict.pages {
            #expect(shot.charts == charts, "\(page) at \(shot.size)")
            let size = (try? FileManager.default.attributesOfItem(atPath: shot.screenshot)[.size] as? Int) ?? 0
            #expect(size > 10_000, "the screenshot \(shot.screenshot) is \(size) bytes")
        }
    }
}
