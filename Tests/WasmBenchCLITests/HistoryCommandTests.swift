import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// The history through the real binary: runs stored as they finish, pushed files stored once,
/// `history` listing and charting them, and a store that fails never costing a run its JSON.
@Suite("run stores each run in the history; push and history read and write it")
struct HistoryCommandTests {
    let folder = TemporaryFolder()
    let quick = [
        "--processes", "2", "--iterations", "2", "--warmups", "0", "--no-install", "--no-canary", "--runtime",
        "wasmkit",
    ]

    func module() throws -> String {
        let path = folder.path("hello.wat")
        try GuestModules.hello.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func wasmbench(_ arguments: [String], store: String? = nil) throws -> WasmbenchBinary.Invocation {
        try WasmbenchBinary.run(
            arguments, environment: store.map { ["WASMBENCH_STORE": $0] } ?? [:], timeout: 300, in: folder)
    }

    @Test("three runs in a row appear in `history`, with the trend as a sparkline and an HTML line chart")
    func threeRuns() throws {
        let store = folder.path("three.sqlite")
        let module = try module()
        for index in 1...3 {
            let run = try wasmbench(
                [
                    "run", module, "--json", folder.path("run\(index).json"), "--label", "try-\(index)", "--commit",
                    "abc\(index)",
                ]
                    + quick, store: store)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("history: stored in \(store)"))
        }
        let list = try wasmbench(["history"], store: store)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("3 runs"))
        for index in 1...3 { #expect(list.stdout.contains("try-\(index)") && list.stdout.contains("abc\(index)")) }
        let html = folder.path("trend.html")
        let series = try wasmbench(
            [
                "history", "--series", "hello.wat", "--runtime", "wasmkit", "--phase", "wall", "--estimator", "median",
                "--html", html,
            ], store: store)
        #expect(series.status == 0, "\(series.stderr)")
        #expect(
            series.stdout.contains("Series: hello.wat on wasmkit")
                || series.stdout.contains("series: hello.wat on wasmkit"))
        #expect(series.stdout.unicodeScalars.filter { (0x2581...0x2588).contains($0.value) }.count == 3)
        #expect(series.stdout.contains("too few runs to tell"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(
            page.contains("<svg class=\"chart series\"")
                && page.components(separatedBy: "<circle class=\"point\"").count == 4)
        let json = try wasmbench(["history", "--format", "json", "--label", "try-2"], store: store)
        let report = try JSONDecoder().decode(HistoryReport.self, from: Data(json.stdout.utf8))
        #expect(report.runs.map(\.commit) == ["abc2"])
    }

    @Test("pushing saved runs stores each once: the second push of the same file changes nothing")
    func pushTwice() throws {
        let store = folder.path("push.sqlite")
        let json = folder.path("saved.json")
        #expect(try wasmbench(["run", try module(), "--json", json] + quick, store: "off").status == 0)
        let first = try wasmbench(["push", json], store: store)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("stored \(json) as "))
        let second = try wasmbench(["push", json], store: store)
        #expect(second.status == 0 && second.stdout.contains("is stored already"))
        let list = try wasmbench(["history", "--format", "json"], store: store)
        #expect(try JSONDecoder().decode(HistoryReport.self, from: Data(list.stdout.utf8)).runs.count == 1)
    }

    @Test(
        "a corrupt history file: the run still saves its JSON and exits 0, says so, and the file is left as it was; push exits 3"
    )
    func corruptStore() throws {
        let store = folder.path("corrupt.sqlite")
        let garbage = Data("not a database at all".utf8) + Data(repeating: 1, count: 2000)
        try garbage.write(to: URL(fileURLWithPath: store))
        let json = folder.path("kept.json")
        let run = try wasmbench(["run", try module(), "--json", json] + quick, store: store)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the run is not in the history") && run.stderr.contains("wasmbench push \(json)"))
        #expect(run.stderr.contains("is not a wasmbench history"))
        #expect(FileManager.default.fileExists(atPath: json))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == garbage)
        let push = try wasmbench(["push", json], store: store)
        #expect(push.status == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == garbage)
    }

    @Test("an unreachable PostgreSQL store: the run keeps its JSON and its exit status, and says how to push it later")
    func unreachablePostgreSQL() throws {
        let json = folder.path("local.json")
        let run = try wasmbench(
            ["run", try module(), "--json", json, "--store", "postgresql://wasmbench:secret@127.0.0.1:1/history"]
                + quick)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the run is not in the history") && run.stderr.contains("wasmbench push"))
        #expect(!run.stderr.contains("secret"))
        #expect(FileManager.default.fileExists(atPath: json))
        let history = try wasmbench(["history", "--store", "postgresql://wasmbench:secret@127.0.0.1:1/history"])
        #expect(history.status == 4 && !history.stderr.contains("secret"))
    }

    @Test("a bad --store is a usage error before anything runs")
    func badStore() throws {
        let result = try wasmbench(["history", "--store", "mysql://db/bench"])
        #expect(result.status == 64 && result.stderr.contains("not a store wasmbench knows"))
    }
}
