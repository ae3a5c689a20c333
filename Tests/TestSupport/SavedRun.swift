import WasmBenchModel

/// The skeleton of a saved run for tests that read one back: one workload (`kernels/fib`) on
/// `native` (the baseline) and `wasmkit`, 2 processes × 3 iterations with 1 warm-up, on a made-up
/// 2-core Linux machine; no rows, summaries or geometric means yet (each test adds its own).
public enum SavedRun {
    /// The skeleton, with the tables showing `estimator`.
    public static func skeleton(estimator: Estimator = .processMinimum) -> RunResult {
        var result = RunResult(
            toolVersion: "test", startedAt: "2025-11-23T10:00:00Z",
            machine: MachineInfo(
                os: "Linux", kernel: "6.1", architecture: "x86_64", cpuModel: "test CPU", cores: 2,
                memoryBytes: 1 << 30),
            configuration: RunConfiguration(
                processes: 2, iterations: 3, warmups: 1, seed: 1, baseline: "native", timeoutSeconds: 60,
                cellBudgetSeconds: 60, failurePolicy: .continue, estimator: estimator),
            runtimes: ["native", "wasmkit"].map { id in
                RuntimeInfo(
                    id: id, name: id, version: "1", kind: id == "native" ? .native : .inProcess, flags: [],
                    available: true, exposedPhases: [.execute, .wall])
            },
            workloads: [
                WorkloadInfo(
                    id: "kernels/fib", suite: "kernels", summary: "fib", entry: .command, reportsMarkers: true,
                    wasmSHA256: String(repeating: "ab", count: 32))
            ])
        result.finishedAt = "2025-11-23T10:01:00Z"
        result.complete = true
        return result
    }
}
