import Foundation
import Synchronization
import TestSupport
import Testing
import WasmBenchModel

@testable import WasmBenchHistory

@Suite("The history store keeps every run, once, in SQLite and in PostgreSQL alike")
struct HistoryStoreTests {
    let folder = TemporaryFolder()

    func open(_ kind: StoreKind) throws -> HistoryStore {
        try HistoryStore(try kind.location(in: folder), toolVersion: "test")
    }

    @Test(
        "runs saved one after another are listed oldest first with their machine, runtimes and label",
        arguments: StoreKind.allCases)
    func listing(kind: StoreKind) throws {
        let store = try open(kind)
        for run in HistoryFixture.series([0.1, 0.1, 0.1]).reversed() {
            #expect(try store.save(run) == .stored(id: run.id ?? ""))
        }
        let runs = try store.runs(matching: HistoryFilter())
        #expect(runs.map(\.id) == ["run-0", "run-1", "run-2"])
        let first = try #require(runs.first)
        #expect(first.runtimes == ["native zig 0.15.2", "wasmtime 49.0.3"])
        #expect(first.workloads == 1 && first.complete && first.label == "even" && first.suite == "kernels")
        #expect(first.machine.contains("Test CPU") && first.machineKey.count == 16)
        // The whole run reads back as it was saved.
        #expect(try store.run(id: "run-1") == HistoryFixture.series([0.1, 0.1, 0.1])[1])
    }

    @Test(
        "pushing the same run twice stores it once, and a second store opened on it sees the same",
        arguments: StoreKind.allCases)
    func idempotent(kind: StoreKind) throws {
        let location = try kind.location(in: folder)
        let run = HistoryFixture.run("same", started: "2026-12-01T10:00:00Z", seconds: 0.1)
        #expect(try HistoryStore(location, toolVersion: "test").save(run) == .stored(id: "same"))
        let again = try HistoryStore(location, toolVersion: "test")
        #expect(try again.save(run) == .alreadyStored(id: "same"))
        #expect(try again.runs(matching: HistoryFilter()).count == 1)
        #expect(
            try again.points(
                workload: "kernels/fib", runtime: "wasmtime", phase: .execute, metric: .time, estimator: .median
            ).count == 1)
    }

    @Test(
        "a run saved before runs had ids gets a key from its start, machine and settings: stored once, apart from another",
        arguments: StoreKind.allCases)
    func derivedKey(kind: StoreKind) throws {
        let store = try open(kind)
        var old = HistoryFixture.run("x", started: "2026-12-01T10:00:00Z", seconds: 0.1)
        old.id = nil
        var other = old
        other.startedAt = "2026-12-02T10:00:00Z"
        guard case .stored(let id) = try store.save(old) else {
            Issue.record("the old run was not stored")
            return
        }
        #expect(id.hasPrefix("derived-"))
        #expect(try store.save(old) == .alreadyStored(id: id))
        #expect(try store.save(other) != .alreadyStored(id: id))
        #expect(try store.runs(matching: HistoryFilter()).count == 2)
    }

    @Test("filters keep runs by machine, runtime, workload, label and dates", arguments: StoreKind.allCases)
    func filters(kind: StoreKind) throws {
        let store = try open(kind)
        for run in HistoryFixture.series([0.1, 0.1, 0.1, 0.1]) { _ = try store.save(run) }
        var elsewhere = HistoryFixture.run(
            "other-machine", started: "2026-12-10T10:00:00Z", seconds: 0.1, cpu: "Other CPU")
        elsewhere.runtimes.removeLast()
        _ = try store.save(elsewhere)
        func ids(_ filter: HistoryFilter) throws -> [String] { try store.runs(matching: filter).map(\.id) }
        #expect(try ids(HistoryFilter(machine: "other cpu")) == ["other-machine"])
        #expect(try ids(HistoryFilter(runtime: "wasmtime")) == ["run-0", "run-1", "run-2", "run-3"])
        #expect(try ids(HistoryFilter(workload: "kernels/fib")).count == 5)
        #expect(try ids(HistoryFilter(workload: "kernels/nbody")).isEmpty)
        #expect(try ids(HistoryFilter(label: "odd")) == ["run-1", "run-3"])
        let since = try #require(HistoryFilter.instant("2026-12-02", endOfDay: false))
        let until = try #require(HistoryFilter.instant("2026-12-03", endOfDay: true))
        #expect(try ids(HistoryFilter(since: since, until: until)) == ["run-1", "run-2"])
    }

    @Test(
        "a series with a 20% slowdown injected is flagged at the slowdown; an A/A series is not",
        arguments: StoreKind.allCases)
    func seriesChanges(kind: StoreKind) throws {
        let store = try open(kind)
        // ±2% made-up noise around 100 ms; the slow series is 20% slower from its 7th run on.
        let noise = [1.0, 1.02, 0.99, 1.01, 0.98, 1.0, 1.01, 0.99, 1.02, 0.98, 1.0, 1.01]
        for run in HistoryFixture.series(noise.map { 0.1 * $0 }, prefix: "aa") { _ = try store.save(run) }
        var slow = HistoryFixture.series(
            noise.enumerated().map { 0.1 * $0.element * ($0.offset >= 6 ? 1.2 : 1) }, prefix: "slow")
        for index in slow.indices { slow[index].workloads[0].id = "kernels/slow" }
        for index in slow.indices {
            for summary in slow[index].summaries.indices { slow[index].summaries[summary].workload = "kernels/slow" }
        }
        for run in slow { _ = try store.save(run) }
        func series(_ workload: String) throws -> HistorySeries {
            let points = try store.points(
                workload: workload, runtime: "wasmtime", phase: .execute, metric: .time, estimator: .processMinimum)
            return .detecting(
                workload: workload, runtime: "wasmtime", phase: .execute, metric: .time, estimator: .processMinimum,
                points: points, window: 4, threshold: 0.05)
        }
        let flagged = try series("kernels/slow")
        #expect(flagged.points.count == 12)
        #expect(flagged.changes.map(\.index) == [6] && flagged.changes.first?.runID == "slow-6")
        #expect(flagged.changes.first.map { abs($0.ratio - 1.2) < 0.03 } == true)
        #expect(abs((flagged.points[0].low ?? 0) - 0.098) < 1e-12 && flagged.points[0].runtimeVersion == "49.0.3")
        let same = try series("kernels/fib")
        #expect(same.points.count == 12 && same.changes.isEmpty)
    }

    @Test("two runs written at once from two connections are both kept", arguments: StoreKind.allCases)
    func concurrentWriters(kind: StoreKind) throws {
        let location = try kind.location(in: folder)
        _ = try HistoryStore(location, toolVersion: "test")
        let runs = HistoryFixture.series(Array(repeating: 0.1, count: 8), prefix: "at-once")
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try HistoryStore(location, toolVersion: "test")
                for run in runs where runs.firstIndex(of: run).map({ $0 % 2 == writer }) == true {
                    _ = try store.save(run)
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try HistoryStore(location, toolVersion: "test").runs(matching: HistoryFilter()).count == 8)
    }

    @Test("a store from a newer wasmbench is read but never written, and says why", arguments: StoreKind.allCases)
    func newerSchema(kind: StoreKind) throws {
        let location = try kind.location(in: folder)
        let store = try HistoryStore(location, toolVersion: "test")
        _ = try store.save(HistoryFixture.run("kept", started: "2026-12-01T10:00:00Z", seconds: 0.1))
        try store.database.write { db in
            try db.execute(
                "INSERT INTO wasmbench_schema (version, written_by, applied_at) VALUES (?, ?, ?)",
                [.int(HistorySchema.current + 1), .text("9.9.9"), .text("2027-01-01T00:00:00Z")])
        }
        let newer = try HistoryStore(location, toolVersion: "test")
        let error = #expect(throws: HistoryError.self) {
            try newer.save(HistoryFixture.run("refused", started: "2026-12-02T10:00:00Z", seconds: 0.1))
        }
        #expect(
            error
                == .newerSchema(
                    store: location.description, found: HistorySchema.current + 1, known: HistorySchema.current,
                    writtenBy: "9.9.9"))
        #expect(error?.description.contains("will not write") == true)
        #expect(try newer.runs(matching: HistoryFilter()).map(\.id) == ["kept"])
    }
}
