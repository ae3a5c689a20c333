import Foundation
import GRDB
import TestSupport
import Testing
import WasmBenchModel

@testable import WasmBenchHistory

@Suite("A store that cannot take a run says why and loses nothing")
struct StoreFailureTests {
    let folder = TemporaryFolder()

    @Test("a file that is not SQLite is refused with a clear message and left byte for byte as it was")
    func corruptFile() throws {
        let path = folder.path("history.sqlite")
        let content = Data("this is not a database, and it must stay as it is\n".utf8) + Data(repeating: 7, count: 4096)
        try content.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: HistoryError.self) { try HistoryStore(.sqlite(path: path), toolVersion: "test") }
        guard case .notADatabase(let reported, _) = error else {
            Issue.record("expected notADatabase, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
        #expect(error?.description.contains("left as it was") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
    }

    @Test("a damaged history keeps its file and says so; the runs stored before stay readable elsewhere")
    func damagedHeader() throws {
        let path = folder.path("history.sqlite")
        do {
            // Closed at the end of the block: its write-ahead log goes into the file.
            let store = try HistoryStore(.sqlite(path: path), toolVersion: "test")
            _ = try store.save(HistoryFixture.run("older", started: "2026-12-01T10:00:00Z", seconds: 0.1))
        }
        let backup = folder.path("backup.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: backup)
        // Overwrite the header's magic: SQLite no longer recognises the file.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data("garbage garbage!".utf8))
        try handle.close()
        let damaged = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: HistoryError.self) { try HistoryStore(.sqlite(path: path), toolVersion: "test") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == damaged)
        #expect(
            try HistoryStore(.sqlite(path: backup), toolVersion: "test").runs(matching: HistoryFilter()).map(\.id) == [
                "older"
            ])
    }

    @Test(
        "a store another process holds is reported as locked after the wait; the older runs are kept and the next save works"
    )
    func locked() throws {
        let path = folder.path("history.sqlite")
        let store = try HistoryStore(.sqlite(path: path), toolVersion: "test", wait: 0.2)
        _ = try store.save(HistoryFixture.run("older", started: "2026-12-01T10:00:00Z", seconds: 0.1))
        // Another connection takes the write lock and keeps it.
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: holding)
        try holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        let error = #expect(throws: HistoryError.self) {
            try store.save(HistoryFixture.run("blocked", started: "2026-12-02T10:00:00Z", seconds: 0.1))
        }
        #expect(error == .locked(store: path, seconds: 0.2))
        #expect(error?.description.contains("wasmbench push") == true)
        try holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        #expect(
            try store.save(HistoryFixture.run("later", started: "2026-12-03T10:00:00Z", seconds: 0.1))
                == .stored(id: "later"))
        #expect(try store.runs(matching: HistoryFilter()).map(\.id) == ["older", "later"])
    }

    @Test("store locations: paths, sqlite:, postgresql:// (password hidden), off; other schemes refused")
    func locations() throws {
        let home = URL(fileURLWithPath: "/home/me/.cache/wasmbench")
        #expect(
            try HistoryLocation.resolve(nil, environment: [:], home: home)
                == .sqlite(path: home.path + "/history.sqlite"))
        #expect(try HistoryLocation.resolve(nil, environment: ["WASMBENCH_STORE": "off"], home: home) == .off)
        #expect(
            try HistoryLocation.resolve("sqlite:/tmp/h.db", environment: ["WASMBENCH_STORE": "off"], home: home)
                == .sqlite(path: "/tmp/h.db"))
        let postgres = try HistoryLocation.parse("postgresql://ci:secret@db.example:5433/bench")
        #expect(postgres.description == "postgresql://ci:…@db.example:5433/bench")
        #expect(throws: HistoryError.self) { try HistoryLocation.parse("mysql://db/bench") }
        #expect(throws: HistoryError.self) { try HistoryLocation.parse("  ") }
    }

    #if PostgreSQL
        @Test("an unreachable PostgreSQL server is reported as unreachable, saying what to check")
        func unreachable() throws {
            // A port that was free a moment ago: nothing listens there.
            let port = try freePort()
            let location = try HistoryLocation.parse("postgresql://wasmbench:wasmbench@127.0.0.1:\(port)/postgres")
            let error = #expect(throws: HistoryError.self) { try HistoryStore(location, toolVersion: "test", wait: 2) }
            guard case .unreachable = error else {
                Issue.record("expected unreachable, got \(String(describing: error))")
                return
            }
            #expect(error?.description.contains("127.0.0.1:\(port)") == true)
        }

        @Test("wrong credentials are reported as a refused login, the password never shown")
        func wrongCredentials() throws {
            var url = try PostgresTestServer.url.get()
            url.password = "not-the-password"
            let error = #expect(throws: HistoryError.self) { try HistoryStore(.postgreSQL(url), toolVersion: "test") }
            guard case .refused = error else {
                Issue.record("expected refused, got \(String(describing: error))")
                return
            }
            #expect(error?.description.contains("not-the-password") == false)
            #expect(error?.description.contains("password") == true)
        }

        private func freePort() throws -> Int {
            let (status, output) = PostgresTestServer.run(
                "/usr/bin/env",
                [
                    "python3", "-c",
                    "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])",
                ])
            return try #require(status == 0 ? Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) : nil)
        }
    #else
        @Test("built without the PostgreSQL trait, a postgresql:// store says how to build it in")
        func notBuilt() throws {
            let location = try HistoryLocation.parse("postgresql://u:p@127.0.0.1:5432/bench")
            let error = #expect(throws: HistoryError.self) { try HistoryStore(location, toolVersion: "test") }
            #expect(error == .postgreSQLNotBuilt(store: "postgresql://u:…@127.0.0.1:5432/bench"))
            #expect(error?.description.contains("--traits PostgreSQL") == true)
        }

        @Test(
            "the PostgreSQL store tests",
            .disabled(
                "this build has no PostgreSQL store: `swift test --traits PostgreSQL` runs them (as .ci/run does)"))
        func postgreSQLStoreTests() {}
    #endif
}
