import WasmBenchModel

/// A realistic run result built in code: three kernels, a native baseline, wasmtime (a CLI),
/// WasmKit (in-process), a runtime that could not run, two failures, warnings and geometric
/// means. The numbers are made up but shaped like a real run on an 8-core x86_64 machine.
package enum ReportFixture {
    package static let workloadIDs = ["kernels/fib", "kernels/matmul", "kernels/sha256"]

    /// Execute medians in seconds per runtime, in `workloadIDs` order.
    package static let executeMedians: [String: [Double]] = [
        "native": [0.012_34, 0.038_1, 0.062_2],
        "wasmtime": [0.017_52, 0.044_96, 0.087_08],
        "wasmkit": [0.452_9, 1.718, 2.009],
    ]

    /// The whole run result.
    package static func runResult() -> RunResult {
        var result = RunResult(
            toolVersion: "0.3.0", startedAt: "2025-11-23T10:02:11Z", machine: machine, configuration: configuration,
            runtimes: runtimes, workloads: workloads,
            notices: [
                "The cell budget (2 min) stopped wasmkit × kernels/matmul after 3 of 5 processes.",
                "ASLR is on: code and data addresses change between processes, which adds the same kind of "
                    + "noise to every runtime.",
            ])
        result.finishedAt = "2025-11-23T10:19:47Z"
        result.complete = true
        result.rows = rows
        result.failures = failures
        result.summaries = executeSummaries + phaseSummaries
        result.geometricMeans = [
            GeometricMean(
                runtime: "wasmtime", baseline: "native", phase: .execute, workloads: 3, value: 1.328, ciLow: 1.241,
                ciHigh: 1.419),
            GeometricMean(
                runtime: "wasmkit", baseline: "native", phase: .execute, workloads: 3, value: 37.66, ciLow: 35.18,
                ciHigh: 40.27),
        ]
        return result
    }

    package static let machine = MachineInfo(
        os: "Ubuntu 24.04.1 LTS", kernel: "6.8.0-49-generic", architecture: "x86_64",
        cpuModel: "AMD EPYC 7763 64-Core Processor", cores: 8, memoryBytes: 16 * 1024 * 1024 * 1024,
        governor: "performance")

    package static let configuration = RunConfiguration(
        processes: 5, iterations: 20, warmups: 3, seed: 42, baseline: "native", timeoutSeconds: 60,
        cellBudgetSeconds: 120, failurePolicy: .continue, estimator: .median)

    package static let runtimes = [
        RuntimeInfo(
            id: "native", name: "native", version: "clang 19.1.5", kind: .native, flags: ["-O2"], available: true,
            exposedPhases: [.startup, .execute, .wall]),
        RuntimeInfo(
            id: "wasmtime", name: "wasmtime", version: "29.0.1", kind: .subprocess,
            flags: ["-C", "cache=n", "-O", "opt-level=2"], available: true,
            exposedPhases: [.aotCompile, .startup, .execute, .wall],
            notes: ["aot-compile is `wasmtime compile` in a process of its own; startup includes loading the .cwasm."],
            source: "/root/.cache/wasmbench/wasmtime-v29.0.1-x86_64-linux/wasmtime"),
        RuntimeInfo(
            id: "wasmkit", name: "WasmKit", version: "0.4.2", kind: .inProcess, flags: ["compilation=eager"],
            available: true, exposedPhases: [.parse, .compile, .instantiate, .startup, .execute, .wall],
            notes: ["compile is WasmKit translating every function to its internal instructions up front."]),
        RuntimeInfo(
            id: "wasmtime-capi", name: "wasmtime", version: "unknown", kind: .inProcess, flags: ["cranelift"],
            available: false,
            unavailableReason: "libwasmtime.so was not found in the cache folder or on LD_LIBRARY_PATH; set "
                + "WASMTIME_LIB to its path, or leave this runtime out.",
            exposedPhases: [.parse, .compile, .instantiate, .execute]),
    ]

    package static let workloads = [
        workload("fib", "recursive Fibonacci: calls and integer arithmetic", argument: "32", hash: "4f1c"),
        workload(
            "matmul", "dense 256×256 f64 matrix multiply: loads, stores, float arithmetic", argument: "256",
            hash: "9ab7"),
        workload("sha256", "SHA-256 of 16 MiB: 32-bit rotates, shifts and adds", argument: "16", hash: "c03e"),
    ]

    private static func workload(_ name: String, _ summary: String, argument: String, hash: String) -> WorkloadInfo {
        WorkloadInfo(
            id: "kernels/\(name)", suite: "kernels", summary: summary, entry: .command, arguments: [argument],
            reportsMarkers: true, sourceSHA256: hex(hash + "5e"), wasmSHA256: hex(hash + "a1"),
            nativeSHA256: hex(hash + "77"), compiler: "/opt/wasi-sdk/bin/clang",
            compilerVersion: "clang version 19.1.5-wasi-sdk", flags: ["-O2"],
            wasmFlags: ["--target=wasm32-wasip1", "--sysroot=/opt/wasi-sdk/share/wasi-sysroot"],
            nativeFlags: ["-fno-plt"])
    }

    /// A 64-digit hex string starting with `prefix`, standing in for a SHA-256.
    private static func hex(_ prefix: String) -> String {
        let digits = Array("0123456789abcdef")
        var text = prefix
        var state = prefix.unicodeScalars.reduce(7) { ($0 &* 31 &+ Int($1.value)) % 65_521 }
        while text.count < 64 {
            state = (state &* 75 &+ 74) % 65_537
            text.append(digits[state % 16])
        }
        return text
    }

    package static let failures = [
        Failure(
            runtime: "wasmkit", workload: "kernels/sha256", process: 3, kind: .trap,
            message: "wasm trap: out of bounds memory access at offset 16777220 in function sha256_block; the "
                + "other processes are kept. Rebuild the workload to rule out a stale module."),
        Failure(
            runtime: "wasmtime", workload: "kernels/matmul", process: 1, kind: .timeout,
            message: "killed after the 60 s process limit; raise --timeout if this machine is slow",
            command: "/root/.cache/wasmbench/wasmtime-v29.0.1-x86_64-linux/wasmtime run -C cache=n -O opt-level=2 "
                + "--allow-precompiled /tmp/wasmbench-3f2a/matmul.cwasm 256"),
    ]

    package static let rows = [
        Row(
            runtime: "native", runtimeVersion: "clang 19.1.5", flags: ["-O2"], workload: "kernels/fib",
            phase: .execute, value: 0.012_51, process: 0, iteration: 0, warmup: true,
            command: "/tmp/wasmbench-3f2a/fib 32"),
        Row(
            runtime: "native", runtimeVersion: "clang 19.1.5", flags: ["-O2"], workload: "kernels/fib",
            phase: .execute, value: 0.012_339_87, process: 0, iteration: 3, command: "/tmp/wasmbench-3f2a/fib 32"),
        Row(
            runtime: "wasmtime", runtimeVersion: "29.0.1", flags: ["-C", "cache=n", "-O", "opt-level=2"],
            workload: "kernels/fib", phase: .aotCompile, metric: .artifactBytes, value: 187_392, process: 0,
            command: "wasmtime compile -O opt-level=2 -o /tmp/wasmbench-3f2a/fib.cwasm fib.wasm"),
        Row(
            runtime: "wasmkit", runtimeVersion: "0.4.2", flags: ["compilation=eager"], workload: "kernels/fib",
            phase: .wall, metric: .peakRSS, value: 39_845_888, process: 2),
    ]

    /// Execute summaries with ratios to native and their intervals.
    package static var executeSummaries: [Summary] {
        var summaries: [Summary] = []
        for runtime in ["native", "wasmtime", "wasmkit"] {
            for (position, workload) in workloadIDs.enumerated() {
                let median = executeMedians[runtime, default: []][position]
                let baseline = executeMedians["native", default: []][position]
                let ratio = median / baseline
                let wide = runtime == "wasmkit" && workload == "kernels/matmul"
                let spread = wide ? 0.039 : 0.011
                let partial = runtime == "wasmkit" && workload == "kernels/sha256"
                var warnings: [SummaryWarning] = []
                if wide {
                    warnings.append(
                        SummaryWarning(
                            kind: .wideInterval,
                            message: "the 95% CI of the median spans 7.8% of it (threshold 5%); close other "
                                + "programs or raise --processes"))
                }
                if partial {
                    warnings.append(
                        SummaryWarning(kind: .partial, message: "4 of 5 processes succeeded; see failures"))
                }
                summaries.append(
                    Summary(
                        workload: workload, runtime: runtime, phase: .execute, metric: .time,
                        count: partial ? 68 : (wide ? 51 : 85), median: median, mad: median * 0.006,
                        min: median * 0.981, ciLow: median * (1 - spread), ciHigh: median * (1 + spread),
                        ratioToBaseline: runtime == "native" ? 1 : ratio,
                        ratioCILow: runtime == "native" ? 1 : ratio * (1 - spread * 1.4),
                        ratioCIHigh: runtime == "native" ? 1 : ratio * (1 + spread * 1.4), warnings: warnings))
            }
        }
        return summaries
    }

    /// Medians of the other phases: runtime → phase/metric → one value per workload.
    package static let phaseMedians: [(runtime: String, phase: Phase, metric: Metric, values: [Double])] = [
        ("native", .startup, .time, [0.000_312, 0.000_298, 0.000_305]),
        ("native", .wall, .time, [0.248_6, 0.764_1, 1.247]),
        ("native", .wall, .cpu, [0.247_1, 0.761_9, 1.243]),
        ("native", .wall, .peakRSS, [1_572_864, 2_256_000, 18_350_080]),
        ("wasmtime", .aotCompile, .time, [0.041_2, 0.052_7, 0.063_9]),
        ("wasmtime", .aotCompile, .artifactBytes, [187_392, 241_664, 305_152]),
        ("wasmtime", .startup, .time, [0.004_81, 0.004_92, 0.005_07]),
        ("wasmtime", .wall, .time, [0.364_2, 0.912_4, 1.771]),
        ("wasmtime", .wall, .cpu, [0.371_5, 0.921_8, 1.779]),
        ("wasmtime", .wall, .peakRSS, [22_334_464, 26_738_688, 43_515_904]),
        ("wasmkit", .parse, .time, [0.000_214, 0.000_251, 0.000_397]),
        ("wasmkit", .compile, .time, [0.001_71, 0.002_03, 0.003_56]),
        ("wasmkit", .instantiate, .time, [0.000_052_3, 0.000_061_8, 0.000_058_1]),
        ("wasmkit", .startup, .time, [0.002_36, 0.002_71, 0.004_22]),
        ("wasmkit", .wall, .time, [9.124, 34.43, 40.27]),
        ("wasmkit", .wall, .cpu, [9.087, 34.31, 40.11]),
        ("wasmkit", .wall, .peakRSS, [39_845_888, 42_991_616, 60_817_408]),
    ]

    /// Summaries of every phase but execute (no ratios: the tables show medians only).
    package static var phaseSummaries: [Summary] {
        phaseMedians.flatMap { entry in
            workloadIDs.enumerated().map { position, workload in
                let median = entry.values[position]
                return Summary(
                    workload: workload, runtime: entry.runtime, phase: entry.phase, metric: entry.metric,
                    count: entry.runtime == "wasmkit" && workload == "kernels/sha256" ? 4 : 5, median: median,
                    mad: median * 0.01, min: median * 0.97, ciLow: median * 0.98, ciHigh: median * 1.02)
            }
        }
    }
}
