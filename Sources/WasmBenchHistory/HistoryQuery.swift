import Foundation
import WasmBenchModel

/// The SQL of a ``HistoryFilter``, the same for both stores, and the instants it compares.
enum HistoryQuery {
    /// `WHERE …` over the `runs` table aliased `r` (empty for no filter), with its arguments.
    static func whereClause(_ filter: HistoryFilter) -> (String, [SQLValue]) {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        if let machine = filter.machine {
            clauses.append("(r.machine_key LIKE ? OR LOWER(r.machine) LIKE ?)")
            arguments += [.text(machine.lowercased() + "%"), .text("%" + machine.lowercased() + "%")]
        }
        // Each other filter is one condition with one argument.
        let conditions: [(String, String?)] = [
            ("EXISTS (SELECT 1 FROM run_runtimes f WHERE f.run_id = r.id AND f.runtime = ?)", filter.runtime),
            ("EXISTS (SELECT 1 FROM run_workloads f WHERE f.run_id = r.id AND f.workload = ?)", filter.workload),
            ("r.label = ?", filter.label), ("r.started_at >= ?", filter.since), ("r.started_at <= ?", filter.until),
        ]
        for (clause, value) in conditions {
            guard let value else { continue }
            clauses.append(clause)
            arguments.append(.text(value))
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }
}

extension HistoryFilter {
    /// `text` as the instant runs' starts are compared with (ISO 8601 in UTC, as runs save it):
    /// a date alone (`2026-12-01`) is its first second, or with `endOfDay` its last; `nil` for
    /// anything else.
    public static func instant(_ text: String, endOfDay: Bool) -> String? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return formatter.string(from: date) }
        formatter.formatOptions = [.withFullDate]
        guard let day = formatter.date(from: text) else { return nil }
        let instant = endOfDay ? day.addingTimeInterval(86_399) : day
        return ISO8601DateFormatter().string(from: instant)
    }
}
