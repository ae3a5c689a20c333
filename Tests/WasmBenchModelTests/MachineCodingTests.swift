import Foundation
import Testing
import WasmBenchModel

@Suite("Fingerprints and noise records read from runs saved before and after they grew")
struct MachineCodingTests {
    @Test("a fingerprint saved before the CPU fields existed decodes with them nil")
    func oldFingerprint() throws {
        let json = """
            {"os":"Debian","kernel":"Linux 6.1","architecture":"x86_64","cpuModel":"AMD EPYC","cores":2,"memoryBytes":1}
            """
        let machine = try JSONDecoder().decode(MachineInfo.self, from: Data(json.utf8))
        #expect(machine.cpuModel == "AMD EPYC")
        #expect(machine.governor == nil && machine.cpuFamily == nil && machine.isaExtensions == nil)
        #expect(machine.hypervisor == nil && machine.threadsPerCore == nil && machine.turbo == nil)
    }

    @Test("a full fingerprint and a noise record survive JSON")
    func roundTrip() throws {
        let machine = MachineInfo(
            os: "Debian", kernel: "Linux 6.1", architecture: "x86_64", cpuModel: "AMD EPYC", cores: 2,
            memoryBytes: 1, governor: "performance", cpuVendor: "AuthenticAMD", cpuFamily: 25, cpuModelNumber: 17,
            cpuStepping: 1, microarchitecture: "Zen 4", microcode: "0x1000065", isaExtensions: ["avx2"],
            hypervisor: true, hypervisorVendor: "KVM", threadsPerCore: 1, turbo: false)
        #expect(try JSONDecoder().decode(MachineInfo.self, from: JSONEncoder().encode(machine)) == machine)
        var result = RunResult(
            toolVersion: "t", startedAt: "now", machine: machine,
            configuration: RunConfiguration(
                processes: 1, iterations: 1, warmups: 0, seed: 1, baseline: "native", timeoutSeconds: 1,
                cellBudgetSeconds: 1, failurePolicy: .continue))
        var noise = NoiseRecord(
            canary: "fib", samples: [CanarySample(at: 0, seconds: 0.021, runtime: "native", workload: "w", process: 0)],
            overheadSeconds: 0.021)
        noise.spread = NoiseSpread(count: 1, minimum: 0.021, median: 0.021, mad: 0, p90: 0.021, slowShare: 0)
        noise.verdict = .quiet
        result.noise = noise
        #expect(try JSONDecoder().decode(RunResult.self, from: JSONEncoder().encode(result)) == result)
        let object = try #require(
            JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        #expect((object["noise"] as? [String: Any])?["verdict"] as? String == "quiet")
    }

    @Test("a run saved without noise decodes with noise nil, and encodes without the key")
    func noNoise() throws {
        let result = RunResult(
            toolVersion: "t", startedAt: "now",
            machine: MachineInfo(os: "o", kernel: "k", architecture: "a", cpuModel: "c", cores: 1, memoryBytes: 1),
            configuration: RunConfiguration(
                processes: 1, iterations: 1, warmups: 0, seed: 1, baseline: "native", timeoutSeconds: 1,
                cellBudgetSeconds: 1, failurePolicy: .continue))
        let data = try JSONEncoder().encode(result)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["noise"] == nil)
        #expect(try JSONDecoder().decode(RunResult.self, from: data).noise == nil)
    }
}
