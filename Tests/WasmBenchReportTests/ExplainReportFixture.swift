import TestSupport
import WasmBenchModel

/// A explain analysis of two kernels on native, wasmtime and node, with profiles on both sides and
/// one failed cell: every section of the explain reports.
enum ExplainReportFixture {
    static func report() -> ExplainReport {
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
        var report = ExplainReport(
            toolVersion: "0.1.0", startedAt: "2026-12-01T09:00:00Z", machine: machine, baseline: "native",
            runtimes: runtimes, workloads: workloads, notices: ["counts are instructions, not time"])
        func count(_ workload: String, _ runtime: String, _ totals: [Double], ratio: Double? = nil) -> InstructionCount?
        {
            InstructionCount(
                workload: workload, runtime: runtime,
                runs: zip([2, 4, 6], totals).map { CountedRun(iterations: $0, instructions: $1) },
                ratioToBaseline: ratio)
        }
        report.instructions = [
            count("kernels/fib", "native", [652_587_783, 1_305_170_777, 1_957_753_771]),
            count("kernels/fib", "wasmtime", [1_254_733_911, 2_292_774_497, 3_330_815_083], ratio: 1.5907),
            count("kernels/sort", "native", [424_100_000, 848_100_000, 1_272_100_000]),
            // A tiering JIT: the first two runs' slope is far from the last two's.
            count("kernels/sort", "wasmtime", [700_000_000, 1_300_000_000, 1_760_000_000], ratio: 1.0849),
        ].compactMap { $0 }
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
