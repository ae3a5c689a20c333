/// The history's tables, the same in SQLite and PostgreSQL, and the migrations that build them.
///
/// `wasmbench_schema` holds one row per migration applied (its version, the wasmbench that applied
/// it, when). A store whose highest version is above ``current`` was written by a newer wasmbench:
/// it is read as far as the tables this version knows allow, and never written to.
enum HistorySchema {
    /// One step of the schema, applied in one transaction.
    struct Migration {
        var version: Int
        var statements: [String]
    }

    /// The newest schema this wasmbench writes.
    static var current: Int { migrations.map(\.version).max() ?? 0 }

    /// Every migration, oldest first. A released migration is never changed: add a new one.
    static let migrations: [Migration] = [
        Migration(
            version: 1,
            statements: [
                """
                CREATE TABLE runs (
                    id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, tool_version TEXT NOT NULL,
                    artifact_schema INTEGER NOT NULL, complete INTEGER NOT NULL, label TEXT, commit_id TEXT,
                    suite TEXT, measure TEXT NOT NULL, estimator TEXT NOT NULL, machine_key TEXT NOT NULL,
                    machine TEXT NOT NULL, machine_json TEXT NOT NULL, artifact TEXT NOT NULL, stored_at TEXT NOT NULL)
                """,
                "CREATE INDEX runs_started_at ON runs (started_at)",
                """
                CREATE TABLE run_runtimes (
                    run_id TEXT NOT NULL REFERENCES runs (id), runtime TEXT NOT NULL, name TEXT NOT NULL,
                    version TEXT NOT NULL, flags TEXT NOT NULL, available INTEGER NOT NULL,
                    PRIMARY KEY (run_id, runtime))
                """,
                """
                CREATE TABLE run_workloads (
                    run_id TEXT NOT NULL REFERENCES runs (id), workload TEXT NOT NULL, suite TEXT NOT NULL,
                    wasm_sha256 TEXT NOT NULL, native_sha256 TEXT, source_sha256 TEXT,
                    PRIMARY KEY (run_id, workload))
                """,
                """
                CREATE TABLE summaries (
                    run_id TEXT NOT NULL REFERENCES runs (id), workload TEXT NOT NULL, runtime TEXT NOT NULL,
                    phase TEXT NOT NULL, metric TEXT NOT NULL, unit TEXT NOT NULL, estimator TEXT NOT NULL,
                    value DOUBLE PRECISION NOT NULL, low DOUBLE PRECISION, high DOUBLE PRECISION,
                    samples INTEGER NOT NULL, processes INTEGER,
                    PRIMARY KEY (run_id, workload, runtime, phase, metric, estimator))
                """,
                "CREATE INDEX summaries_cell ON summaries (workload, runtime, phase)",
                """
                CREATE TABLE samples (
                    run_id TEXT NOT NULL REFERENCES runs (id), ordinal INTEGER NOT NULL, runtime TEXT NOT NULL,
                    workload TEXT NOT NULL, phase TEXT NOT NULL, metric TEXT NOT NULL, unit TEXT NOT NULL,
                    value DOUBLE PRECISION, process INTEGER NOT NULL, iteration INTEGER, warmup INTEGER NOT NULL,
                    PRIMARY KEY (run_id, ordinal))
                """,
            ])
    ]

    /// The table that records the migrations applied.
    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS wasmbench_schema (
            version INTEGER PRIMARY KEY, written_by TEXT NOT NULL, applied_at TEXT NOT NULL)
        """
}
