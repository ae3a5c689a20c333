import Foundation
import TestSupport
import WasmBenchModel

/// Runs made up for the store tests: one kernel on native and wasmtime, three processes each, the
/// execute time of wasmtime given.
enum HistoryFixture {
    /// A complete run started at `started` (ISO 8601), whose wasmtime execute time is `seconds`
    /// (native is half of it), with summaries as a run saves them.
    static func run(
        _ id: String, started: String, seconds: Double, label: String? = nil, cpu: String = "Test CPU",
        wasmtime: String = "49.0.3"
    ) -> RunResult {
        var result = RunResult(
            toolVersion: "test", startedAt: started,
            machine: MachineInfo(
                os: "Linux", kernel: "6.1", architecture: "x86_64", cpuModel: cpu, cores: 2, memoryBytes: 1),
            configuration: RunConfiguration(
                processes: 3, iterations: 3, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 10,
                cellBudgetSeconds: 60, failurePolicy: .continue),
            runtimes: [("native", "zig 0.15.2"), ("wasmtime", wasmtime)].map {
                RuntimeInfo(
                    id: $0.0, name: $0.0, version: $0.1, kind: .subprocess, flags: [], available: true,
                    exposedPhases: [.execute])
            },
            workloads: [
                WorkloadInfo(
                    id: "kernels/fib", suite: "kernels", summary: "", entry: .command, reportsMarkers: true,
                    wasmSHA256: "abc")
            ])
        (result.id, result.label, result.complete) = (id, label, true)
        for (runtime, value) in [("native", seconds / 2), ("wasmtime", seconds)] {
            for process in 0..<3 {
                for iteration in 0..<3 {
                    result.rows.append(
                        Row(
                            runtime: runtime, runtimeVersion: "1", flags: [], workload: "kernels/fib", phase: .execute,
                            value: value * (1 + 0.01 * Double(process)), process: process, iteration: iteration,
                            warmup: iteration == 0))
                }
            }
            var summary = Summary(
                workload: "kernels/fib", runtime: runtime, phase: .execute, metric: .time, count: 6, median: value,
                mad: 0,
                min: value, ciLow: value * 0.99, ciHigh: value * 1.01)
            summary.processMinimum = EstimatedValue(value: value, ciLow: value * 0.98, ciHigh: value * 1.02)
            result.summaries.append(summary)
        }
        return result
    }

    /// `count` daily runs from 2026-12-01 whose values are `values`.
    static func series(_ values: [Double], prefix: String = "run") -> [RunResult] {
        values.enumerated().map { index, value in
            run(
                "\(prefix)-\(index)", started: String(format: "2026-12-%02dT10:00:00Z", index + 1), seconds: value,
                label: index.isMultiple(of: 2) ? "even" : "odd")
        }
    }
}
