import WasmBenchModel

/// A gap analysis of two kernels on native, wasmtime and node, with profiles on both sides and
/// one failed cell: every section of the explain reports.
enum GapReportFixture {
    static func report() -> GapReport {
        let machine = MachineInfo(
            os: "Debian GNU/Linux 12", kernel: "6.1.0", architecture: "x86_64", cpuModel: "AMD EPYC 7763", cores: 2,
            memoryBytes: 8 << 30)
        let runtimes = ["native", "wasmtime", "node"].map {
            RuntimeInfo(
                id: $0, name: $0, version: "1", kind: $0 == "native" ? .native : .subprocess, flags: [],
                available: true,
                exposedPhases: [.execute])
        }
        let workloads = ["kernels/fib", "kernels/sort"].map {
            WorkloadInfo(id: $0, suite: "kernels", summary: "", entry: .command, reportsMarkers: true, wasmSHA256: "")
        }
        var report = GapReport(
            toolVersion: "0.1.0", startedAt: "2026-12-01T09:00:00Z", machine: machine, baseline: "native",
            runtimes: runtimes, workloads: workloads, notices: ["counts are instructions, not time"])
        report.instructions = [
            InstructionCount(
                workload: "kernels/fib", runtime: "native", perIteration: 326_291_497, lowTotal: 652_587_783,
                highTotal: 1_305_170_777, lowIterations: 2, highIterations: 4),
            InstructionCount(
                workload: "kernels/fib", runtime: "wasmtime", perIteration: 519_020_293, lowTotal: 1_254_733_911,
                highTotal: 2_292_774_497, lowIterations: 2, highIterations: 4, ratioToBaseline: 1.5907),
            InstructionCount(
                workload: "kernels/sort", runtime: "native", perIteration: 212_000_000, lowTotal: 424_100_000,
                highTotal: 848_100_000, lowIterations: 2, highIterations: 4),
            InstructionCount(
                workload: "kernels/sort", runtime: "wasmtime", perIteration: 230_000_000, lowTotal: 700_000_000,
                highTotal: 1_160_000_000, lowIterations: 2, highIterations: 4, ratioToBaseline: 1.0849),
        ]
        report.profiles = [
            FunctionProfile(
                workload: "kernels/fib", runtime: "native", source: .callgrind, total: 1_305_170_777,
                functions: [
                    FunctionCost(name: "fib", cost: 1_304_000_000, share: 0.9991),
                    FunctionCost(name: "printf_core", cost: 9_000, share: 0.000007),
                ]),
            FunctionProfile(
                workload: "kernels/fib", runtime: "wasmtime", source: .guestProfiler, total: 400,
                functions: [
                    FunctionCost(name: "fib", cost: 388, share: 0.97),
                    FunctionCost(name: "hostcall", cost: 12, share: 0.03),
                ]),
        ]
        report.failures = [
            Failure(
                runtime: "node", workload: "kernels/fib", process: nil, kind: .runtimeError,
                message: "callgrind left no readable callgrind.out")
        ]
        return report
    }
}
