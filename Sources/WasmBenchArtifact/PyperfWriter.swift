import Foundation
import WasmBenchModel

/// Writes a run's python-suite timings in pyperf's JSON format, version 1.0, so `python3 -m pyperf
/// show`, `stats` and `compare_to` read them: one benchmark per benchmark × runtime, named
/// `BENCHMARK (RUNTIME)`, with one pyperf run per wasmbench process, whose flagged warm-up
/// iterations are pyperf's warm-ups and whose other iterations its values (seconds, one loop each).
///
/// Each benchmark's metadata holds its name, the runtime id and version, `loops` 1 and the unit.
/// Only the python suite's per-iteration `execute` times are written: other workloads, phases,
/// metrics and counted runs have no pyperf counterpart. Pure: no I/O.
public enum PyperfWriter {
    /// The JSON of `result`'s python-suite timings.
    ///
    /// - Throws: ``PyperfExportError/noPythonResults(_:)`` when the run holds no per-iteration
    ///   time of a python-suite benchmark.
    public static func render(_ result: RunResult) throws(PyperfExportError) -> Data {
        let python = Set(result.workloads.filter { $0.suite == Suite.python.rawValue }.map(\.id))
        let rows = result.rows.filter {
            python.contains($0.workload) && $0.phase == .execute && $0.metric == .time && $0.iteration != nil
        }
        guard !rows.isEmpty else {
            throw .noPythonResults(
                "--pyperf-json writes python-suite timings and this run has none; run `wasmbench run --suite python`")
        }
        let versions = Dictionary(result.runtimes.map { ($0.id, $0.version) }) { first, _ in first }
        var order: [String] = []
        var cells: [String: [Row]] = [:]
        for row in rows {
            let name = "\(row.workload) (\(row.runtime))"
            if cells[name] == nil { order.append(name) }
            cells[name, default: []].append(row)
        }
        let benchmarks = order.map { name in
            let rows = cells[name] ?? []
            let runtime = rows.first?.runtime ?? ""
            return Benchmark(
                metadata: [
                    "name": .text(name), "runtime": .text(runtime),
                    "runtime_version": .text(versions[runtime] ?? rows.first?.runtimeVersion ?? "unknown"),
                    "loops": .whole(1), "unit": .text("second"),
                ],
                runs: runs(rows))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return try encoder.encode(File(version: "1.0", benchmarks: benchmarks))
        } catch {
            throw .notEncodable("cannot encode the pyperf JSON: \(error); please report this")
        }
    }

    /// One run per process, in process order; iterations in iteration order.
    static func runs(_ rows: [Row]) -> [Run] {
        Dictionary(grouping: rows, by: \.process).sorted { $0.key < $1.key }.map { _, rows in
            let ordered = rows.sorted { ($0.iteration ?? 0) < ($1.iteration ?? 0) }
            return Run(
                warmups: ordered.filter(\.warmup).map { WarmUp(value: $0.value) },
                values: ordered.filter { !$0.warmup }.map(\.value))
        }
    }

    /// The file: its format version and its benchmarks.
    struct File: Encodable {
        var version: String
        var benchmarks: [Benchmark]
    }

    /// One benchmark × runtime.
    struct Benchmark: Encodable {
        var metadata: [String: MetadataValue]
        var runs: [Run]
    }

    /// One process.
    struct Run: Encodable {
        var warmups: [WarmUp]
        var values: [Double]
    }

    /// A warm-up value, written as pyperf's `[loops, value]` pair with one loop.
    struct WarmUp: Encodable {
        var value: Double

        func encode(to encoder: any Encoder) throws {
            var pair = encoder.unkeyedContainer()
            try pair.encode(1)
            try pair.encode(value)
        }
    }

    /// A metadata value: pyperf keeps strings and whole numbers apart.
    enum MetadataValue: Encodable {
        case text(String)
        case whole(Int)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .whole(let number): try container.encode(number)
            }
        }
    }
}

/// Why a run cannot be written in pyperf's format; the message says what to do next.
public enum PyperfExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The run holds no python-suite timing to write.
    case noPythonResults(String)
    /// A value JSON cannot hold (a non-finite time): a bug of wasmbench's.
    case notEncodable(String)

    /// The message.
    public var description: String {
        switch self {
        case .noPythonResults(let message), .notEncodable(let message): message
        }
    }
}
