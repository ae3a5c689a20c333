import Foundation
import WasmBenchModel

/// The history of runs: every run saved whole (its JSON, rows, summaries, machine, runtime versions,
/// workloads' hashes, label and commit) in SQLite or PostgreSQL, with the same schema and
/// migrations in both, and read back as listings and series.
///
/// A run is written in one transaction, keyed by its id, so saving or pushing it again stores
/// nothing new; older runs are never changed. A store whose schema is newer than this wasmbench's
/// is read but never written (``HistoryError/newerSchema(store:found:known:writtenBy:)``).
public final class HistoryStore {
    /// What saving a run did.
    public enum SaveOutcome: Equatable, Sendable {
        /// The run is stored now, under this id.
        case stored(id: String)
        /// A run with this id was there already; nothing was written.
        case alreadyStored(id: String)
    }

    /// Where the store is.
    public let location: HistoryLocation
    let database: any HistoryDatabase
    /// The schema version found, when it is newer than ``HistorySchema/current``.
    private var newer: (version: Int, writtenBy: String)?

    /// Opens the store at `location`, creating or migrating its schema as needed.
    ///
    /// - Parameters:
    ///   - location: the store; ``HistoryLocation/off`` is a bad location here.
    ///   - toolVersion: this wasmbench's version, recorded with each migration it applies.
    ///   - wait: how long to wait for another writer (SQLite) or to connect (PostgreSQL), seconds.
    public init(_ location: HistoryLocation, toolVersion: String, wait: Double = 10) throws(HistoryError) {
        self.location = location
        switch location {
        case .sqlite(let path): database = try SQLiteDatabase(path: path, busyTimeout: wait)
        case .postgreSQL(let url):
            #if PostgreSQL
                database = try PostgreSQLDatabase(url: url, name: location.description, timeout: wait)
            #else
                _ = url
                throw .postgreSQLNotBuilt(store: location.description)
            #endif
        case .off: throw .badLocation("off", reason: "no store to open")
        }
        do {
            try migrate(toolVersion: toolVersion)
        } catch {
            database.close()
            throw error
        }
    }

    deinit {
        database.close()
    }

    /// Applies the migrations the store lacks, or notes a newer schema; one writer at a time.
    private func migrate(toolVersion: String) throws(HistoryError) {
        try perform { () throws -> Void in
            try database.write { db in
                try db.execute(HistorySchema.bookkeeping, [])
                let applied = try db.query("SELECT version, written_by FROM wasmbench_schema ORDER BY version", [])
                let newest = applied.last.flatMap { $0.first?.int } ?? 0
                if newest > HistorySchema.current {
                    newer = (newest, applied.last.flatMap { $0.count > 1 ? $0[1].string : nil } ?? "?")
                    return
                }
                let now = ISO8601DateFormatter().string(from: Date())
                for migration in HistorySchema.migrations where migration.version > newest {
                    for statement in migration.statements { try db.execute(statement, []) }
                    try db.execute(
                        "INSERT INTO wasmbench_schema (version, written_by, applied_at) VALUES (?, ?, ?)",
                        [.int(migration.version), .text(toolVersion), .text(now)])
                }
            }
        }
    }

    /// Saves `run` whole in one transaction, unless a run with its id is stored already.
    public func save(_ run: RunResult) throws(HistoryError) -> SaveOutcome {
        if let newer {
            throw .newerSchema(
                store: location.description, found: newer.version, known: HistorySchema.current,
                writtenBy: newer.writtenBy)
        }
        let record = try StoredRun(run)
        return try perform {
            try database.write { db in
                let existing = try db.query("SELECT 1 FROM runs WHERE id = ?", [.text(record.id)])
                if !existing.isEmpty { return SaveOutcome.alreadyStored(id: record.id) }
                try record.insert(into: db)
                return SaveOutcome.stored(id: record.id)
            }
        }
    }

    /// Every stored run the filter keeps, oldest first.
    public func runs(matching filter: HistoryFilter) throws(HistoryError) -> [HistoryRun] {
        let (clause, arguments) = HistoryQuery.whereClause(filter)
        return try perform {
            try database.read { db in
                let runtimes = try db.query(
                    "SELECT x.run_id, x.runtime, x.version FROM run_runtimes x JOIN runs r ON r.id = x.run_id \(clause) ORDER BY x.runtime",
                    arguments)
                var byRun: [String: [String]] = [:]
                for row in runtimes {
                    byRun[row[0].string ?? "", default: []].append("\(row[1].string ?? "") \(row[2].string ?? "")")
                }
                let rows = try db.query(
                    """
                    SELECT r.id, r.started_at, r.tool_version, r.label, r.commit_id, r.machine_key, r.machine, r.suite,
                        r.complete, (SELECT COUNT(*) FROM run_workloads w WHERE w.run_id = r.id)
                    FROM runs r \(clause) ORDER BY r.started_at, r.id
                    """, arguments)
                return rows.map { row in
                    let id = row[0].string ?? ""
                    return HistoryRun(
                        id: id, startedAt: row[1].string ?? "", toolVersion: row[2].string ?? "",
                        label: row[3].string, commit: row[4].string, machineKey: row[5].string ?? "",
                        machine: row[6].string ?? "", suite: row[7].string, runtimes: byRun[id] ?? [],
                        workloads: row[9].int ?? 0, complete: row[8].int == 1)
                }
            }
        }
    }

    /// One value per stored run of `workload` on `runtime` in `phase` by `estimator`, oldest first.
    public func points(
        workload: String, runtime: String, phase: Phase, metric: Metric, estimator: Estimator,
        filter: HistoryFilter = HistoryFilter()
    ) throws(HistoryError) -> [HistoryPoint] {
        let (clause, filterArguments) = HistoryQuery.whereClause(filter)
        let cell = "s.workload = ? AND s.runtime = ? AND s.phase = ? AND s.metric = ? AND s.estimator = ?"
        let sql = """
            SELECT r.id, r.started_at, r.label, r.commit_id, x.version, s.value, s.low, s.high
            FROM summaries s JOIN runs r ON r.id = s.run_id
            LEFT JOIN run_runtimes x ON x.run_id = s.run_id AND x.runtime = s.runtime
            \(clause.isEmpty ? "WHERE" : clause + " AND") \(cell) ORDER BY r.started_at, r.id
            """
        let arguments =
            filterArguments + [
                .text(workload), .text(runtime), .text(phase.rawValue), .text(metric.rawValue),
                .text(estimator.rawValue),
            ]
        return try perform {
            try database.read { db in
                try db.query(sql, arguments).map { row in
                    HistoryPoint(
                        runID: row[0].string ?? "", startedAt: row[1].string ?? "", label: row[2].string,
                        commit: row[3].string, runtimeVersion: row[4].string ?? "", value: row[5].double ?? .nan,
                        low: row[6].double, high: row[7].double)
                }
            }
        }
    }

    /// The saved run stored under `id`, or `nil`.
    public func run(id: String) throws(HistoryError) -> RunResult? {
        let name = location.description
        return try perform {
            try database.read { db in
                guard
                    let text = try db.query("SELECT artifact FROM runs WHERE id = ?", [.text(id)]).first?.first?.string
                else { return nil }
                do {
                    return try JSONDecoder().decode(RunResult.self, from: Data(text.utf8))
                } catch {
                    throw HistoryError.failed(store: name, detail: "run \(id) does not read back: \(error)")
                }
            }
        }
    }

    /// Runs `body`, every error it throws as a ``HistoryError``.
    private func perform<T>(_ body: () throws -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .failed(store: location.description, detail: "\(error)")
        }
    }
}

extension HistoryStore {
    /// Opens the store at `location`, saves `run` and closes it: what `run` does after saving its
    /// JSON. A failure is returned, not thrown: the caller says it and carries on.
    public static func record(_ run: RunResult, at location: HistoryLocation, toolVersion: String)
        -> Result<SaveOutcome, HistoryError>
    {
        do throws(HistoryError) {
            return .success(try HistoryStore(location, toolVersion: toolVersion).save(run))
        } catch {
            return .failure(error)
        }
    }
}
