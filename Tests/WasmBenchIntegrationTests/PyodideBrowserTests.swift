import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// Pyodide in headless Chromium and Firefox through the binary: the same distribution as on node,
/// loaded by a page of ours; load, start-up, import and every iteration come back as rows.
@Suite("Pyodide in the browsers", .serialized)
struct PyodideBrowserTests {
    @Test("fib runs in Chromium and Firefox against the host's python3: load inside start-up, iterations, ratios")
    func fib() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("pyodide.json")
        let browsers = ["pyodide@chromium", "pyodide@firefox"]
        let run = try WasmbenchBinary.run(
            [
                "run", "--suite", "python", "--benchmark", "fib", "--runtime",
                (["python3-host"] + browsers).joined(separator: ","), "--baseline", "python3-host", "--processes", "1",
                "--iterations", "3", "--warmups", "1", "--json", json,
            ], timeout: 1500, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        for browser in browsers {
            let info = try #require(result.runtimes.first { $0.id == browser })
            #expect(info.available, "\(info.unavailableReason ?? "")")
            #expect(info.version.hasPrefix("0.27.7 (Python 3.12"))
            let rows = result.rows.filter { $0.runtime == browser && $0.workload == "python/fib" }
            let load = try #require(rows.first { $0.phase == .load }?.value, "\(browser) has no load")
            let startup = try #require(rows.first { $0.phase == .startup }?.value, "\(browser) has no startup")
            #expect(load > 0 && load < startup, "\(browser): load \(load) s, startup \(startup) s")
            #expect(rows.contains { $0.phase == .import }, "\(browser) has no import")
            #expect(rows.filter { $0.phase == .execute }.compactMap(\.iteration).sorted() == [0, 1, 2])
            let summary = try #require(
                result.summaries.first { $0.runtime == browser && $0.phase == .execute && $0.metric == .time })
            #expect(summary.ratioToBaseline != nil)
        }
    }
}
