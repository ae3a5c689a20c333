import Testing
import WasmBenchModel

@testable import WasmBenchMachine

@Suite("/proc/cpuinfo: identity, microarchitecture and ISA extensions from fixed texts")
struct CPUInfoTests {
    @Test("an EPYC guest: vendor, family, model, stepping, microcode, flags, siblings from the first block")
    func epyc() {
        let cpu = CPUInfo(parsing: CPUInfoFixtures.epycGenoa)
        #expect(cpu.vendor == "AuthenticAMD")
        #expect(cpu.family == 25)
        #expect(cpu.model == 17)
        #expect(cpu.stepping == 1)
        #expect(cpu.modelName == "AMD EPYC")
        #expect(cpu.microcode == "0x1000065")
        #expect(cpu.siblings == 2)
        #expect(cpu.coresPerPackage == 2)
        #expect(cpu.hypervisorFlag)
        #expect(
            Microarchitecture.name(vendor: cpu.vendor, family: cpu.family, model: cpu.model, stepping: 1) == "Zen 4")
        // Expected by hand from the flags line: pni = sse3, abm = lzcnt, sha_ni = sha.
        #expect(
            ISAExtensions.present(in: cpu.flags, architecture: "x86_64") == [
                "sse2", "sse3", "ssse3", "sse4.1", "sse4.2", "popcnt", "lzcnt", "bmi1", "bmi2", "movbe", "avx", "avx2",
                "fma", "f16c", "aes", "pclmul", "sha", "avx512f", "avx512cd", "avx512dq", "avx512bw", "avx512vl",
                "avx512vnni", "avx512vbmi", "avx512bf16",
            ])
    }

    @Test("two CPUs both named AMD EPYC differ in family, model, stepping, microarchitecture and AVX-512")
    func twoEpycs() {
        func machine(_ text: String) -> MachineInfo {
            let cpu = CPUInfo(parsing: text)
            return MachineInfo(
                os: "Debian", kernel: "Linux 6.1", architecture: "x86_64", cpuModel: cpu.modelName ?? "unknown",
                cores: 2, memoryBytes: 1, cpuVendor: cpu.vendor, cpuFamily: cpu.family, cpuModelNumber: cpu.model,
                cpuStepping: cpu.stepping,
                microarchitecture: Microarchitecture.name(
                    vendor: cpu.vendor, family: cpu.family, model: cpu.model, stepping: cpu.stepping),
                microcode: cpu.microcode, isaExtensions: ISAExtensions.present(in: cpu.flags, architecture: "x86_64"),
                hypervisor: cpu.hypervisorFlag)
        }
        let genoa = machine(CPUInfoFixtures.epycGenoa)
        let rome = machine(CPUInfoFixtures.epycRome)
        #expect(genoa.cpuModel == rome.cpuModel, "the name alone cannot tell them apart")
        #expect(rome.microarchitecture == "Zen 2")
        let differences = genoa.cpuDifferences(to: rome)
        #expect(
            differences.map(\.description) == [
                "CPU family: 25 (0x19) vs 23 (0x17)", "CPU model: 17 (0x11) vs 49 (0x31)", "stepping: 1 vs 0",
                "microarchitecture: Zen 4 vs Zen 2",
                "ISA extensions not shared: avx512f avx512cd avx512dq avx512bw avx512vl avx512vnni avx512vbmi avx512bf16 vs none",
            ])
        #expect(genoa.cpuDifferences(to: genoa).isEmpty)
        #expect(genoa.setupDifferences(to: rome).map(\.field) == ["microcode"])
    }

    @Test("Intel family 6 model 85: stepping 4 is Skylake-SP, 7 Cascade Lake; other models from the table")
    func intel() {
        let skylake = CPUInfo(parsing: CPUInfoFixtures.xeon(model: 85, stepping: 4))
        let cascade = CPUInfo(parsing: CPUInfoFixtures.xeon(model: 85, stepping: 7))
        #expect(skylake.vendor == "GenuineIntel")
        #expect(
            Microarchitecture.name(vendor: "GenuineIntel", family: 6, model: 85, stepping: skylake.stepping)
                == "Skylake-SP")
        #expect(
            Microarchitecture.name(vendor: "GenuineIntel", family: 6, model: 85, stepping: cascade.stepping)
                == "Cascade Lake")
        #expect(
            Microarchitecture.name(vendor: "GenuineIntel", family: 6, model: 0x8F, stepping: 8) == "Sapphire Rapids")
        #expect(Microarchitecture.name(vendor: "GenuineIntel", family: 6, model: 0x6A, stepping: 6) == "Ice Lake-SP")
        #expect(Microarchitecture.name(vendor: "GenuineIntel", family: 6, model: 0x01, stepping: 1) == "unknown")
        #expect(Microarchitecture.name(vendor: "GenuineIntel", family: 15, model: 4, stepping: 1) == "unknown")
        #expect(Microarchitecture.name(vendor: "AuthenticAMD", family: 0x17, model: 0x31, stepping: 0) == "Zen 2")
        #expect(Microarchitecture.name(vendor: "AuthenticAMD", family: 0x17, model: 0x08, stepping: 2) == "Zen+")
        #expect(Microarchitecture.name(vendor: "AuthenticAMD", family: 0x19, model: 0x01, stepping: 1) == "Zen 3")
        #expect(Microarchitecture.name(vendor: "AuthenticAMD", family: 0x1A, model: 0x02, stepping: 0) == "Zen 5")
        #expect(Microarchitecture.name(vendor: "HygonGenuine", family: 0x18, model: 0, stepping: 1) == "unknown")
        #expect(Microarchitecture.name(vendor: nil, family: nil, model: nil, stepping: nil) == "unknown")
    }

    @Test("an Arm CPU: implementer, architecture, part and variant; Features as flags")
    func arm() {
        let cpu = CPUInfo(parsing: CPUInfoFixtures.graviton2)
        #expect(cpu.vendor == "Arm (0x41)")
        #expect(cpu.family == 8)
        #expect(cpu.model == 0xD0C, "the first block's part, not the second's")
        #expect(cpu.stepping == 3)
        #expect(cpu.modelName == nil)
        #expect(!cpu.hypervisorFlag)
        #expect(Microarchitecture.name(vendor: cpu.vendor, family: 8, model: cpu.model, stepping: 3) == "Neoverse N1")
        #expect(
            ISAExtensions.present(in: cpu.flags, architecture: "aarch64") == [
                "neon", "crc", "aes", "sha2", "lse", "fp16", "dotprod", "rcpc",
            ])
    }

    @Test("empty or foreign text gives no fields, not an error")
    func empty() {
        let cpu = CPUInfo(parsing: "")
        #expect(cpu.vendor == nil && cpu.family == nil && cpu.model == nil && cpu.flags.isEmpty)
        #expect(CPUInfo(parsing: "garbage\nno colon here\n").vendor == nil)
    }
}
