import Foundation
import WasmBenchModel

/// Reads the machine fingerprint saved with every run: `uname`, `/proc/cpuinfo`, `/etc/os-release`
/// and a few `/sys` files (SMT, governor, turbo, hypervisor hints).
///
/// A file that is missing or unreadable leaves its field `nil` (VMs often hide cpufreq and DMI);
/// nothing here fails. Files are read under ``root`` so tests can point the probe at a folder of
/// fixed files; `uname`, the CPU count and the memory size always come from this machine.
public struct MachineProbe: Sendable {
    /// The folder `/proc`, `/sys` and `/etc` are read under: `/` normally.
    public var root: URL

    /// Creates a probe reading under `root`.
    public init(root: URL = URL(fileURLWithPath: "/")) {
        self.root = root
    }

    /// This machine's fingerprint.
    public static func current() -> MachineInfo {
        MachineProbe().probe()
    }

    /// The fingerprint, read now.
    public func probe() -> MachineInfo {
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        let architecture = field(name.machine)
        let cpu = CPUInfo(parsing: read("/proc/cpuinfo") ?? "")
        let release = read("/etc/os-release") ?? ""
        let pretty = release.split(whereSeparator: \.isNewline).first { $0.hasPrefix("PRETTY_NAME=") }
            .map { String($0.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        return MachineInfo(
            os: pretty ?? field(name.sysname), kernel: "\(field(name.sysname)) \(field(name.release))",
            architecture: architecture, cpuModel: cpu.modelName ?? "unknown",
            cores: ProcessInfo.processInfo.activeProcessorCount, memoryBytes: ProcessInfo.processInfo.physicalMemory,
            governor: line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"), cpuVendor: cpu.vendor,
            cpuFamily: cpu.family, cpuModelNumber: cpu.model, cpuStepping: cpu.stepping,
            microarchitecture: cpu.vendor == nil
                ? nil
                : Microarchitecture.name(
                    vendor: cpu.vendor, family: cpu.family, model: cpu.model, stepping: cpu.stepping),
            microcode: cpu.microcode, isaExtensions: ISAExtensions.present(in: cpu.flags, architecture: architecture),
            hypervisor: ["x86_64", "i686", "i386"].contains(architecture) ? cpu.hypervisorFlag : nil,
            hypervisorVendor: hypervisorVendor(flagged: cpu.hypervisorFlag), threadsPerCore: threadsPerCore(cpu),
            turbo: turbo())
    }

    /// Which hypervisor, from every file that says: `/sys/hypervisor/type`, then (under the
    /// `hypervisor` flag only, since on bare metal DMI names the hardware's maker) DMI's
    /// `sys_vendor` and `product_name`, then the clock sources the kernel offers (`kvm-clock`,
    /// Hyper-V's, Xen's).
    func hypervisorVendor(flagged: Bool) -> String? {
        var found: [String] = []
        if let type = line("/sys/hypervisor/type") { found.append("\(type) (/sys/hypervisor/type)") }
        if flagged, let vendor = line("/sys/class/dmi/id/sys_vendor") {
            let product = line("/sys/class/dmi/id/product_name").map { ", \($0)" } ?? ""
            found.append("\(vendor)\(product) (DMI)")
        }
        let sources = (line("/sys/devices/system/clocksource/clocksource0/available_clocksource") ?? "")
            .split(separator: " ")
        for (source, hypervisor) in [("kvm-clock", "KVM"), ("hyperv_clocksource_tsc_page", "Hyper-V"), ("xen", "Xen")]
        where sources.contains(Substring(source)) {
            found.append("\(hypervisor) (\(source) clock source)")
        }
        return found.isEmpty ? nil : found.joined(separator: "; ")
    }

    /// Hardware threads per core: 1 when `/sys/devices/system/cpu/smt/active` says SMT is off,
    /// else cpuinfo's `siblings ÷ cpu cores`, else the size of cpu0's `thread_siblings_list`.
    func threadsPerCore(_ cpu: CPUInfo) -> Int? {
        if line("/sys/devices/system/cpu/smt/active") == "0" { return 1 }
        if let siblings = cpu.siblings, let cores = cpu.coresPerPackage, cores > 0, siblings >= cores {
            return siblings / cores
        }
        guard let list = line("/sys/devices/system/cpu/cpu0/topology/thread_siblings_list") else { return nil }
        return Self.count(cpuList: list)
    }

    /// Whether turbo/boost is on: `intel_pstate/no_turbo` (inverted), else `cpufreq/boost`, else
    /// cpu0's policy `boost` (amd-pstate).
    func turbo() -> Bool? {
        if let noTurbo = line("/sys/devices/system/cpu/intel_pstate/no_turbo") { return noTurbo == "0" }
        for path in ["/sys/devices/system/cpu/cpufreq/boost", "/sys/devices/system/cpu/cpu0/cpufreq/boost"] {
            if let boost = line(path) { return boost == "1" }
        }
        return nil
    }

    /// How many CPUs a Linux CPU list names: `0-3,8` is 5.
    static func count(cpuList: String) -> Int? {
        var total = 0
        for part in cpuList.split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            switch bounds.count {
            case 1: total += 1
            case 2 where bounds[1] >= bounds[0]: total += bounds[1] - bounds[0] + 1
            default: return nil
            }
        }
        return total > 0 ? total : nil
    }

    /// A file's text, or `nil` when it cannot be read.
    func read(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(String(path.dropFirst())), encoding: .utf8)
    }

    /// A file's text trimmed, or `nil` when it cannot be read or is empty.
    func line(_ path: String) -> String? {
        guard let text = read(path)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
