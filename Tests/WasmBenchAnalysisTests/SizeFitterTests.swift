import TestSupport
import Testing
import WasmBenchAnalysis
import WasmBenchModel

@Suite("Size fits: each phase against a swept size and against the module's bytes")
struct SizeFitterTests {
    /// A summary whose median and interval are `value` ± 1%.
    static func summary(_ workload: String, _ runtime: String, _ phase: Phase, _ value: Double) -> Summary {
        Summary(
            workload: workload, runtime: runtime, phase: phase, metric: .time, count: 3, median: value, mad: 0,
            min: value, ciLow: value * 0.99, ciHigh: value * 1.01)
    }

    /// `kernels/fib` at n = 20, 24, 28 (module 30 000 bytes) and `big.wasm` (120 000 bytes) with
    /// its stripped twin (60 000 bytes).
    static func run() -> RunResult {
        var result = ReportFixture.runResult()
        func workload(_ id: String, bytes: Int, parameter: Int? = nil, stripped: Bool? = nil) -> WorkloadInfo {
            var info = WorkloadInfo(
                id: id, suite: "kernels", summary: "", entry: .command, reportsMarkers: true,
                wasmSHA256: parameter == nil ? id : "fib")
            info.wasmBytes = bytes
            info.parameter = parameter.map { WorkloadParameter(name: "n", value: $0) }
            info.variantOf = parameter == nil ? (stripped == true ? "big.wasm" : nil) : "kernels/fib"
            info.stripped = stripped
            return info
        }
        result.workloads =
            [20, 24, 28].map { (n: Int) in workload("kernels/fib[n=\(n)]", bytes: 30_000, parameter: n) }
            + [
                workload("small.wasm", bytes: 30_000), workload("big.wasm", bytes: 120_000),
                workload("big.wasm[stripped]", bytes: 60_000, stripped: true),
            ]
        // execute = 1 ms + 0.5 ms per n, with noise; compile = 2 ms + 0.1 ms per KiB... exactly.
        result.summaries = [
            summary("kernels/fib[n=20]", "wasmtime", .execute, 0.0110),
            summary("kernels/fib[n=24]", "wasmtime", .execute, 0.0131),
            summary("kernels/fib[n=28]", "wasmtime", .execute, 0.0149),
            summary("small.wasm", "wasmkit", .compile, 0.002 + 30_000e-7),
            summary("big.wasm", "wasmkit", .compile, 0.002 + 120_000e-7),
            summary("big.wasm[stripped]", "wasmkit", .compile, 0.002 + 60_000e-7),
            summary("kernels/fib[n=20]", "wasmkit", .compile, 0.005),
        ]
        return result
    }

    @Test("a sweep's points are its variants' estimates, and the line is least squares through them")
    func sweep() throws {
        let fits = SizeFitter.fits(of: Self.run(), estimator: .median)
        let fib = try #require(fits.first { $0.axis == .parameter && $0.phase == .execute })
        #expect(fib.workload == "kernels/fib" && fib.sizeName == "n" && fib.runtime == "wasmtime")
        #expect(fib.points.map(\.size) == [20, 24, 28])
        // Least squares through (20, 11.0), (24, 13.1), (28, 14.9) ms: slope 3.9 / 8 = 0.4875 ms per n,
        // intercept 13 − 0.4875 × 24 = 1.3 ms.
        #expect(abs((fib.slope?.value ?? 0) - 0.0004875) < 1e-12)
        #expect(abs((fib.intercept?.value ?? 0) - 0.0013) < 1e-12)
        #expect((fib.slope?.ciLow ?? 1) < 0.0004875 && (fib.slope?.ciHigh ?? 0) > 0.0004875)
        // The compile at one size only is no fit.
        #expect(!fits.contains { $0.axis == .parameter && $0.phase == .compile })
    }

    @Test("module sizes: one point per module (a sweep's variants count once), compile's per-byte cost found")
    func modules() throws {
        let fits = SizeFitter.fits(of: Self.run(), estimator: .median)
        let compile = try #require(fits.first { $0.axis == .moduleBytes })
        #expect(compile.runtime == "wasmkit" && compile.phase == .compile && compile.workload == nil)
        // fib's three variants share one module: its first variant stands for it.
        #expect(
            compile.points.map(\.workload) == ["kernels/fib[n=20]", "small.wasm", "big.wasm[stripped]", "big.wasm"])
        #expect(abs((compile.slope?.value ?? 0) - 1e-7) < 1e-15 && abs((compile.intercept?.value ?? 0) - 0.002) < 1e-12)
        #expect(compile.rSquared.map { abs($0 - 1) < 1e-9 } == true)
    }

    @Test("modules of nearly one size give no module fit")
    func narrowModules() {
        var result = Self.run()
        result.workloads = result.workloads.map {
            var info = $0
            info.wasmBytes = 30_000 + (info.wasmBytes ?? 0) / 1000
            return info
        }
        #expect(!SizeFitter.fits(of: result, estimator: .median).contains { $0.axis == .moduleBytes })
    }
}
