import Foundation
import WasmBenchModel

/// Writes a run's raw rows as CSV (RFC 4180): a header line, then one line per sample with the
/// columns of the JSON rows, so the tidy data loads straight into a spreadsheet, R or pandas.
///
/// Lines end in CRLF; a field holding a comma, a double quote, CR or LF is quoted, with its
/// quotes doubled. A value that is absent (no iteration, no command) is an empty field; flags
/// are joined by spaces; `warmup` is `true` or `false`; numbers are written so they read back
/// exactly. Pure: no I/O.
public enum CSVWriter {
    /// The header, in column order.
    public static let columns = [
        "runtime", "runtimeVersion", "flags", "workload", "phase", "metric", "unit", "value", "process", "iteration",
        "warmup", "command", "iterations",
    ]

    /// The CSV text of `rows`.
    public static func render(_ rows: [Row]) -> String {
        ([columns] + rows.map(fields)).map { $0.map(quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One row's fields, in ``columns`` order.
    static func fields(_ row: Row) -> [String] {
        [
            row.runtime, row.runtimeVersion, row.flags.joined(separator: " "), row.workload, row.phase.rawValue,
            row.metric.rawValue, row.unit.rawValue, "\(row.value)", "\(row.process)",
            row.iteration.map(String.init) ?? "",
            row.warmup ? "true" : "false", row.command ?? "", row.iterations.map(String.init) ?? "",
        ]
    }

    /// `field`, quoted when RFC 4180 asks for it.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
