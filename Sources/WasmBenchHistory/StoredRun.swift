import Foundation
import WasmBenchModel

/// A run as the store's tables hold it: its key, its machine's key, and the rows of each table.
struct StoredRun {
    let id: String
    let run: RunResult
    let machineKey: String
    let artifact: String

    /// Prepares `run` for storing; a run whose JSON cannot be written is ``HistoryError/unstorable(_:)``.
    init(_ run: RunResult) throws(HistoryError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let machine: Data
        let artifact: Data
        let settings: Data
        do {
            machine = try encoder.encode(run.machine)
            settings = try encoder.encode(run.configuration)
            artifact = try encoder.encode(run)
        } catch {
            throw .unstorable("its JSON cannot be written: \(error)")
        }
        self.run = run
        self.artifact = String(decoding: artifact, as: UTF8.self)
        machineKey = Self.key(machine)
        // Runs saved before wasmbench gave them an id: the start, machine, settings and folder
        // tell one run from another.
        id =
            run.id
            ?? "derived-"
            + Self.key(Data((run.startedAt + (run.runFolder ?? "")).utf8) + machine + settings)
    }

    /// A 64-bit FNV-1a hash of `data` in 16 hex digits: a key that tells contents apart, not a
    /// security measure (G. Fowler, L. C. Noll and K.-P. Vo, the FNV hash).
    static func key(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The machine in a few words, as listings show it.
    var machineDescription: String {
        let machine = run.machine
        return "\(machine.cpuModel), \(machine.cores) CPUs, \(machine.os) \(machine.kernel)"
    }

    /// The suites of the run's workloads, joined; `nil` when it has none.
    var suite: String? {
        let suites = Set(run.workloads.map(\.suite)).sorted()
        return suites.isEmpty ? nil : suites.joined(separator: ",")
    }

    /// Writes the run into every table; the caller holds the transaction.
    func insert(into db: any SQLExecutor) throws {
        let now = ISO8601DateFormatter().string(from: Date())
        let machineJSON = String(decoding: (try? JSONEncoder().encode(run.machine)) ?? Data(), as: UTF8.self)
        try db.execute(
            """
            INSERT INTO runs (id, started_at, finished_at, tool_version, artifact_schema, complete, label, commit_id,
                suite, measure, estimator, machine_key, machine, machine_json, artifact, stored_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(id), .text(run.startedAt), .optional(run.finishedAt), .text(run.toolVersion),
                .int(run.schemaVersion), .int(run.complete ? 1 : 0), .optional(run.label), .optional(run.commit),
                .optional(suite), .text(run.configuration.measure.rawValue),
                .text(run.configuration.estimator.rawValue), .text(machineKey), .text(machineDescription),
                .text(machineJSON), .text(artifact), .text(now),
            ])
        try insertMany(
            db, "run_runtimes", ["run_id", "runtime", "name", "version", "flags", "available"],
            run.runtimes.map { runtime in
                [
                    .text(id), .text(runtime.id), .text(runtime.name), .text(runtime.version),
                    .text(runtime.flags.joined(separator: " ")), .int(runtime.available ? 1 : 0),
                ]
            })
        try insertMany(
            db, "run_workloads", ["run_id", "workload", "suite", "wasm_sha256", "native_sha256", "source_sha256"],
            run.workloads.map { workload in
                [
                    .text(id), .text(workload.id), .text(workload.suite), .text(workload.wasmSHA256),
                    .optional(workload.nativeSHA256), .optional(workload.sourceSHA256),
                ]
            })
        try insertMany(
            db, "summaries",
            [
                "run_id", "workload", "runtime", "phase", "metric", "unit", "estimator", "value", "low", "high",
                "samples", "processes",
            ], run.summaries.flatMap(summaryRows))
        try insertMany(
            db, "samples",
            [
                "run_id", "ordinal", "runtime", "workload", "phase", "metric", "unit", "value", "process", "iteration",
                "warmup",
            ],
            run.rows.enumerated().map { ordinal, row in
                [
                    .text(id), .int(ordinal), .text(row.runtime), .text(row.workload), .text(row.phase.rawValue),
                    .text(row.metric.rawValue), .text(row.unit.rawValue),
                    .optional(row.value.isFinite ? row.value : nil),
                    .int(row.process), row.iteration.map(SQLValue.int) ?? .null, .int(row.warmup ? 1 : 0),
                ]
            })
    }

    /// A summary's rows: one per estimator it carries.
    private func summaryRows(_ summary: Summary) -> [[SQLValue]] {
        func row(_ estimator: Estimator, _ value: Double, _ low: Double?, _ high: Double?) -> [SQLValue] {
            [
                .text(id), .text(summary.workload), .text(summary.runtime), .text(summary.phase.rawValue),
                .text(summary.metric.rawValue), .text(summary.unit.rawValue), .text(estimator.rawValue), .real(value),
                .optional(low), .optional(high), .int(summary.count), summary.processes.map(SQLValue.int) ?? .null,
            ]
        }
        var rows = [row(.median, summary.median, summary.ciLow, summary.ciHigh)]
        if let minimum = summary.processMinimum {
            rows.append(row(.processMinimum, minimum.value, minimum.ciLow, minimum.ciHigh))
        }
        return rows.filter { $0[7].double?.isFinite == true }
    }

    /// Inserts `rows` into `table` a few hundred at a time (one statement each, within the
    /// caller's transaction), well under both databases' limits on arguments.
    private func insertMany(_ db: any SQLExecutor, _ table: String, _ columns: [String], _ rows: [[SQLValue]]) throws {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + 400, rows.count)]
            let sql =
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: chunk.count).joined(separator: ", ")
            try db.execute(sql, chunk.flatMap { $0 })
            start += chunk.count
        }
    }
}
