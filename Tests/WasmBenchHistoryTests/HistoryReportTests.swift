import Foundation
import TestSupport
import Testing
import WasmBenchModel

@testable import WasmBenchHistory

@Suite("What `history` shows and `run` says about the store, assembled by the store")
struct HistoryReportTests {
    let folder = TemporaryFolder()

    @Test("a report lists the filtered runs and, when asked, the series with its step change")
    func reportWithSeries() throws {
        let store = try HistoryStore(.sqlite(path: folder.path("history.sqlite")), toolVersion: "test")
        for run in HistoryFixture.series([0.1, 0.1, 0.1, 0.12, 0.12, 0.12]) { _ = try store.save(run) }
        let listing = try store.report(matching: HistoryFilter(label: "even"))
        #expect(listing.runs.map(\.id) == ["run-0", "run-2", "run-4"])
        #expect(listing.series == nil && listing.store == store.location.description)
        let request = HistorySeriesRequest(
            workload: "kernels/fib", runtime: "wasmtime", phase: .execute, metric: .time, estimator: .median, window: 3,
            threshold: 0.05)
        let series = try #require(try store.report(matching: HistoryFilter(), series: request).series)
        #expect(series.points.map(\.value) == [0.1, 0.1, 0.1, 0.12, 0.12, 0.12])
        #expect(series.changes.map(\.runID) == ["run-3"])
        #expect(series.window == 3 && series.threshold == 0.05 && series.estimator == .median)
    }

    @Test("run's message: stored the first time, nothing the second, a warning naming push when the store fails")
    func recordMessages() throws {
        let location = HistoryLocation.sqlite(path: folder.path("history.sqlite"))
        let run = HistoryFixture.run("once", started: "2026-12-01T10:00:00Z", seconds: 0.1)
        let first = HistoryStore.record(run, at: location, toolVersion: "test", savedAt: "r.json")
        #expect(first.progress == "history: stored in \(location)" && first.warning == nil)
        let second = HistoryStore.record(run, at: location, toolVersion: "test", savedAt: "r.json")
        #expect(second.progress == nil && second.warning == nil)
        let notADatabase = folder.path("not.sqlite")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: notADatabase))
        let failed = HistoryStore.record(run, at: .sqlite(path: notADatabase), toolVersion: "test", savedAt: "r.json")
        #expect(failed.progress == nil)
        #expect(failed.warning?.hasPrefix("wasmbench: warning: the run is not in the history: ") == true)
        #expect(failed.warning?.hasSuffix("`wasmbench push r.json` stores it later\n") == true)
    }

    @Test("a filter's dates: since is the day's first second, until its last; other text names its option")
    func filterDates() throws {
        let filter = try HistoryFilter(
            machine: nil, runtime: "wasmtime", workload: nil, label: nil, sinceText: "2026-12-01",
            untilText: "2026-12-02")
        #expect(filter.since == "2026-12-01T00:00:00Z" && filter.until == "2026-12-02T23:59:59Z")
        #expect(filter.runtime == "wasmtime")
        #expect(throws: HistoryFilter.BadInstant(option: "--until", text: "soon")) {
            try HistoryFilter(
                machine: nil, runtime: nil, workload: nil, label: nil, sinceText: nil, untilText: "soon")
        }
        let message = HistoryFilter.BadInstant(option: "--since", text: "x").description
        #expect(message == "--since takes a date (2026-12-01) or an ISO 8601 instant (got x)")
    }

    @Test("push stores each run once, says what became of it, and skips a file that is not a run")
    func push() throws {
        struct NotARun: Error {}
        let store = try HistoryStore(.sqlite(path: folder.path("history.sqlite")), toolVersion: "test")
        let runs = ["a.json": HistoryFixture.run("a", started: "2026-12-01T10:00:00Z", seconds: 0.1)]
        var said: [String] = []
        var complaints = 0
        let unreadable = try store.push(
            ["a.json", "bad.json", "a.json"],
            read: { file in
                guard let run = runs[file] else { throw NotARun() }
                return run
            }, say: { said.append($0) }, complain: { _ in complaints += 1 })
        #expect(unreadable == ["bad.json"] && complaints == 1)
        #expect(said == ["stored a.json as a in \(store.location)", "a.json is stored already as a; left as it is"])
        #expect(try store.runs(matching: HistoryFilter()).map(\.id) == ["a"])
    }
}
