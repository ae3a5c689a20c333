import Testing
import WasmBenchAnalysis
import WasmBenchModel

@Suite("Comparing two runs: caveats about the CPUs and the machine's noise")
struct RunComparerMachineTests {
    /// A complete run with one cell and the given machine and noise.
    func run(_ machine: MachineInfo, noise: NoiseRecord? = nil) -> RunResult {
        var result = RunResult(
            toolVersion: "test", startedAt: "2026-12-01T00:00:00Z", machine: machine,
            configuration: RunConfiguration(
                processes: 3, iterations: 3, warmups: 0, seed: 1, baseline: "native", timeoutSeconds: 10,
                cellBudgetSeconds: 60, failurePolicy: .continue))
        for process in 0..<3 {
            for iteration in 0..<3 {
                result.rows.append(
                    Row(
                        runtime: "x", runtimeVersion: "1", flags: [], workload: "w/a", phase: .execute, value: 1,
                        process: process, iteration: iteration, warmup: false))
            }
        }
        result.complete = true
        result.noise = noise
        return result
    }

    func epyc(family: Int, model: Int, stepping: Int, isa: [String]) -> MachineInfo {
        MachineInfo(
            os: "Debian", kernel: "Linux 6.1", architecture: "x86_64", cpuModel: "AMD EPYC", cores: 2,
            memoryBytes: 1, cpuVendor: "AuthenticAMD", cpuFamily: family, cpuModelNumber: model, cpuStepping: stepping,
            microarchitecture: family == 25 ? "Zen 4" : "Zen 2", isaExtensions: isa, hypervisor: true)
    }

    func noise(_ milliseconds: [Double]) -> NoiseRecord {
        var record = NoiseRecord(
            canary: "fib", samples: milliseconds.map { CanarySample(at: 0, seconds: $0 / 1000) })
        NoiseAnalyzer().analyze(&record)
        return record
    }

    func caveats(_ base: RunResult, _ new: RunResult) -> [String] {
        RunComparer().compare(base: base, basePath: "a", new: new, newPath: "b").caveats
    }

    @Test("two CPUs both named AMD EPYC: a plain caveat naming what differs")
    func differentCPUs() {
        let genoa = epyc(family: 25, model: 17, stepping: 1, isa: ["avx2", "avx512f"])
        let rome = epyc(family: 23, model: 49, stepping: 0, isa: ["avx2"])
        #expect(
            caveats(run(genoa), run(rome)) == [
                "the runs come from different CPUs (CPU family: 25 (0x19) vs 23 (0x17); CPU model: 17 (0x11) vs 49 (0x31); stepping: 1 vs 0; microarchitecture: Zen 4 vs Zen 2; ISA extensions not shared: avx512f vs none); ratios between them differ by machine"
            ])
        #expect(caveats(run(genoa), run(genoa)).isEmpty)
    }

    @Test("same CPU, other kernel: set up differently; an old fingerprint: cannot tell")
    func setupAndGaps() {
        let genoa = epyc(family: 25, model: 17, stepping: 1, isa: ["avx2"])
        var newer = genoa
        newer.kernel = "Linux 6.18"
        #expect(
            caveats(run(genoa), run(newer)) == [
                "the machines are set up differently (kernel: Linux 6.1 vs Linux 6.18): absolute times may differ more than ratios"
            ])
        let old = MachineInfo(
            os: "Debian", kernel: "Linux 6.1", architecture: "x86_64", cpuModel: "AMD EPYC", cores: 2, memoryBytes: 1)
        #expect(caveats(run(old), run(genoa)).first?.contains("cannot be told apart") == true)
    }

    @Test("a bimodal new run and a machine at another speed are said")
    func noiseCaveats() {
        let machine = epyc(family: 25, model: 17, stepping: 1, isa: [])
        let quiet = noise(Array(repeating: [21.0, 21.1, 20.9], count: 10).flatMap { $0 })
        let bimodal = noise(
            Array(repeating: [21.0, 21.1, 20.9], count: 4).flatMap { $0 }
                + Array(repeating: [30.0, 30.1, 29.9], count: 6).flatMap { $0 })
        #expect(quiet.verdict == .quiet)
        #expect(bimodal.verdict == .bimodal)
        let found = caveats(run(machine, noise: quiet), run(machine, noise: bimodal))
        #expect(found.count == 2)
        #expect(
            found.first?.hasPrefix("during the new run the machine switched between a fast and a slow state") == true)
        #expect(found.last?.hasPrefix("the machine ran at another speed: the canary's median was 21.0 ms") == true)
        #expect(caveats(run(machine, noise: quiet), run(machine, noise: quiet)).isEmpty)
        #expect(caveats(run(machine), run(machine, noise: quiet)).isEmpty, "no record, nothing to say")
    }
}
