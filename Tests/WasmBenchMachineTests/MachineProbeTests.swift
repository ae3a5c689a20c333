import Foundation
import TestSupport
import Testing
import WasmBenchModel

@testable import WasmBenchMachine

@Suite("The fingerprint read from a folder of fixed /proc and /sys files")
struct MachineProbeTests {
    let folder = TemporaryFolder()

    func write(_ text: String, _ path: String) throws {
        let url = folder.url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test("a KVM guest: CPU identity, ISA, SMT off, hypervisor from DMI and the clock sources, no governor")
    func kvmGuest() throws {
        try write(CPUInfoFixtures.epycGenoa, "proc/cpuinfo")
        try write("0\n", "sys/devices/system/cpu/smt/active")
        try write("tsc kvm-clock \n", "sys/devices/system/clocksource/clocksource0/available_clocksource")
        try write("Amazon EC2\n", "sys/class/dmi/id/sys_vendor")
        try write("m7a.large\n", "sys/class/dmi/id/product_name")
        try write("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n", "etc/os-release")
        let machine = MachineProbe(root: folder.url).probe()
        #expect(machine.cpuModel == "AMD EPYC")
        #expect(machine.cpuVendor == "AuthenticAMD")
        #expect(machine.cpuFamily == 25 && machine.cpuModelNumber == 17 && machine.cpuStepping == 1)
        #expect(machine.microarchitecture == "Zen 4")
        #expect(machine.microcode == "0x1000065")
        #expect(machine.isaExtensions?.contains("avx512bw") == true)
        #expect(machine.threadsPerCore == 1)
        #expect(machine.os == "Debian GNU/Linux 12 (bookworm)")
        #expect(machine.governor == nil)
        #expect(machine.turbo == nil)
        if machine.architecture == "x86_64" {
            #expect(machine.hypervisor == true)
            #expect(machine.hypervisorVendor == "Amazon EC2, m7a.large (DMI); KVM (kvm-clock clock source)")
        }
    }

    @Test("bare metal: SMT from siblings ÷ cores, governor, turbo from no_turbo or boost; DMI not read")
    func bareMetal() throws {
        try write(
            CPUInfoFixtures.xeon(model: 85, stepping: 7).replacingOccurrences(of: " hypervisor", with: ""),
            "proc/cpuinfo")
        try write("1\n", "sys/devices/system/cpu/smt/active")
        try write("performance\n", "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")
        try write("1\n", "sys/devices/system/cpu/intel_pstate/no_turbo")
        try write("Dell Inc.\n", "sys/class/dmi/id/sys_vendor")
        let machine = MachineProbe(root: folder.url).probe()
        #expect(machine.threadsPerCore == 2)
        #expect(machine.governor == "performance")
        #expect(machine.turbo == false)
        #expect(machine.microarchitecture == "Cascade Lake")
        #expect(machine.hypervisorVendor == nil, "DMI names the hardware's maker on bare metal")
        if machine.architecture == "x86_64" { #expect(machine.hypervisor == false) }
        try write("1\n", "sys/devices/system/cpu/cpufreq/boost")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("sys/devices/system/cpu/intel_pstate"))
        #expect(MachineProbe(root: folder.url).probe().turbo == true)
    }

    @Test("nothing readable: the always-recorded fields only, the rest nil")
    func nothing() {
        let machine = MachineProbe(root: folder.url).probe()
        #expect(machine.cpuModel == "unknown")
        #expect(machine.cpuFamily == nil && machine.microarchitecture == nil && machine.threadsPerCore == nil)
        #expect(machine.isaExtensions == [])
        #expect(machine.cores >= 1)
    }

    @Test("Linux CPU lists are counted")
    func cpuLists() {
        #expect(MachineProbe.count(cpuList: "0-3,8") == 5)
        #expect(MachineProbe.count(cpuList: "0,64") == 2)
        #expect(MachineProbe.count(cpuList: "3-1") == nil)
        #expect(MachineProbe.count(cpuList: "") == nil)
    }

    @Test("this machine's fingerprint reads without failing and encodes to JSON and back")
    func current() throws {
        let machine = MachineProbe.current()
        #expect(!machine.kernel.isEmpty)
        #expect(try JSONDecoder().decode(MachineInfo.self, from: JSONEncoder().encode(machine)) == machine)
    }
}
