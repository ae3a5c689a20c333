import WasmBenchModel

/// A comparison of two kernel runs with one of each verdict, a version change, a cell in one run
/// only, a newly failing cell and a caveat: every section of the comparison reports.
enum ComparisonFixture {
    static func comparison() -> RunComparison {
        let machine = MachineInfo(
            os: "Debian GNU/Linux 12", kernel: "6.1.0", architecture: "x86_64", cpuModel: "AMD EPYC 7763", cores: 2,
            memoryBytes: 8 << 30)
        let configuration = RunConfiguration(
            processes: 3, iterations: 5, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 120,
            cellBudgetSeconds: 60, failurePolicy: .continue, estimator: .median)
        func side(_ path: String, _ started: String) -> ComparedRun {
            ComparedRun(
                path: path, toolVersion: "0.1.0", startedAt: started, complete: true, machine: machine,
                configuration: configuration)
        }
        return RunComparison(
            base: side("main.json", "2026-12-01T08:00:00Z"), new: side("branch.json", "2026-12-01T09:00:00Z"),
            threshold: 0.05, estimator: .median, gatedPhases: [.execute],
            comparisons: [
                Comparison(
                    workload: "kernels/fib", runtime: "wasmtime", phase: .execute, metric: .time, baseMedian: 0.0334,
                    newMedian: 0.0401, ratio: 1.2, ciLow: 1.17, ciHigh: 1.23, verdict: .slower,
                    changes: ["version 49.0.3 → 50.0.1"]),
                Comparison(
                    workload: "kernels/fib", runtime: "wasmkit", phase: .execute, metric: .time, baseMedian: 0.317,
                    newMedian: 0.318, ratio: 1.003, ciLow: 0.99, ciHigh: 1.02, verdict: .unchanged),
                Comparison(
                    workload: "kernels/sort", runtime: "wasmtime", phase: .execute, metric: .time, baseMedian: 0.0315,
                    newMedian: 0.0252, ratio: 0.8, ciLow: 0.78, ciHigh: 0.82, verdict: .faster,
                    changes: ["version 49.0.3 → 50.0.1"]),
                Comparison(
                    workload: "kernels/sort", runtime: "wasmkit", phase: .execute, metric: .time, baseMedian: 0.144,
                    newMedian: 0.151, ratio: 1.05, ciLow: 0.96, ciHigh: 1.14, verdict: .uncertain),
                Comparison(
                    workload: "kernels/fib", runtime: "wasmtime", phase: .startup, metric: .time, baseMedian: 0.0057,
                    newMedian: 0.0071, ratio: 1.25, ciLow: 1.1, ciHigh: 1.4, verdict: .slower),
                Comparison(
                    workload: "kernels/fib", runtime: "wasmtime", phase: .wall, metric: .peakRSS,
                    baseMedian: 20_000_000, newMedian: 20_100_000, ratio: 1.005, ciLow: 1.0, ciHigh: 1.01,
                    verdict: .unchanged),
            ],
            geometricMeans: [
                ComparedGeometricMean(
                    runtime: "wasmtime", workloads: 2, value: 0.98, ciLow: 0.96, ciHigh: 1.0, verdict: .unchanged),
                ComparedGeometricMean(
                    runtime: "wasmkit", workloads: 2, value: 1.026, ciLow: 0.98, ciHigh: 1.07, verdict: .uncertain),
            ],
            onlyInBase: [ComparedCell(workload: "kernels/hash", runtime: "node", reason: "not in the new run")],
            newFailures: [
                ComparedCell(
                    workload: "kernels/matmul", runtime: "wasmkit", reason: "trap: out of bounds memory access")
            ],
            caveats: ["other settings: 3 × 5 (1 warm-ups) vs 5 × 5 (1 warm-ups)"])
    }
}
