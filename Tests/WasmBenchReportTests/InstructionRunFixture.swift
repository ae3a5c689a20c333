import WasmBenchModel

/// A run that counted instructions (`--measure instructions`) on a KVM guest with a recorded CPU
/// fingerprint and a bimodal canary: two kernels, native (the baseline) and wasmtime, one count
/// that never settled. The numbers are made up but shaped like callgrind's.
enum InstructionRunFixture {
    /// The whole run result.
    static func runResult() -> RunResult {
        let machine = MachineInfo(
            os: "Ubuntu 24.04.1 LTS", kernel: "6.8.0-49-generic", architecture: "x86_64", cpuModel: "AMD EPYC",
            cores: 2, memoryBytes: 8 * 1024 * 1024 * 1024, cpuVendor: "AuthenticAMD", cpuFamily: 25,
            cpuModelNumber: 17, cpuStepping: 1, microarchitecture: "Zen 4", microcode: "0x1000065", hypervisor: true,
            hypervisorVendor: "KVM (kvm-clock clock source)", threadsPerCore: 1)
        let configuration = RunConfiguration(
            processes: 2, iterations: 4, warmups: 0, seed: 7, baseline: "native", timeoutSeconds: 600,
            cellBudgetSeconds: 900, failurePolicy: .continue, measure: .instructions, countedIterations: [1, 2, 4])
        let runtimes = [
            RuntimeInfo(
                id: "native", name: "native", version: "clang 19.1.5", kind: .native, flags: ["-O2"],
                available: true, exposedPhases: [.execute]),
            RuntimeInfo(
                id: "wasmtime", name: "wasmtime", version: "29.0.1", kind: .subprocess, flags: [], available: true,
                exposedPhases: [.execute]),
        ]
        var result = RunResult(
            toolVersion: "0.5.0", startedAt: "2026-12-02T10:00:00Z", machine: machine, configuration: configuration,
            runtimes: runtimes)
        result.complete = true
        func count(_ workload: String, _ runtime: String, _ value: Double, ratio: Double?) -> Summary {
            Summary(
                workload: workload, runtime: runtime, phase: .execute, metric: .instructions, count: 2, median: value,
                mad: 0, min: value, ciLow: value, ciHigh: value, ratioToBaseline: ratio, ratioCILow: ratio,
                ratioCIHigh: ratio)
        }
        var unsteady = count("kernels/sort", "wasmtime", 241_000_000, ratio: 1.137)
        unsteady.warnings = [
            SummaryWarning(kind: .noSteadyState, message: "in 1 of 2 counted sets the cost per iteration still changed")
        ]
        result.summaries = [
            count("kernels/fib", "native", 326_400_000, ratio: 1),
            count("kernels/fib", "wasmtime", 512_000_000, ratio: 1.569),
            count("kernels/sort", "native", 212_000_000, ratio: 1), unsteady,
        ]
        result.geometricMeans = [
            GeometricMean(
                runtime: "wasmtime", baseline: "native", phase: .execute, workloads: 2, value: 1.336, ciLow: 1.137,
                ciHigh: 1.569)
        ]
        var noise = NoiseRecord(
            canary: "fib(35) in Swift, inside wasmbench (release build)",
            samples: (0..<12).map { CanarySample(at: Double($0), seconds: $0 % 3 == 0 ? 0.0298 : 0.0212) },
            overheadSeconds: 0.31)
        noise.verdict = .bimodal
        noise.reason = "two states: 21.2 ms (67%) and 29.8 ms (33%), 1.41× apart"
        result.noise = noise
        return result
    }
}
