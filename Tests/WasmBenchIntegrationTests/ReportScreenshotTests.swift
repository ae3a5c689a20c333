import Foundation
import TestSupport
import Testing
import WasmBenchProcess

/// The HTML reports seen as a reader sees them: each page rendered in headless Chromium at a
/// laptop's and a phone's width, screenshotted, and checked by `Tests/BrowserCheck/report-screenshot.mjs`
/// (every chart drew something and fits the page, no console error, row names on one line).
///
/// The pages are the renderer snapshots of the report tests (run, python, compare, explain), which
/// those tests keep equal to what the renderers write.
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
        let chromium = try #require(
            ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile),
            "Chromium is not installed: .ci/run installs Debian's chromium")
        let node = try #require(
            ["/usr/bin/node", "/usr/local/bin/node"].first(where: FileManager.default.isExecutableFile),
            "Node is not installed")
        let folder = TemporaryFolder()
        let page = Self.checkout.appendingPathComponent("Tests/WasmBenchReportTests/Snapshots/\(name).html").path
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
            #expect(shot.charts == charts, "\(name) at \(shot.size)")
            let size = (try? FileManager.default.attributesOfItem(atPath: shot.screenshot)[.size] as? Int) ?? 0
            #expect(size > 10_000, "the screenshot \(shot.screenshot) is \(size) bytes")
        }
    }
}
