/// The machine a run was measured on: numbers from different machines are not comparable.
///
/// The first seven fields were always recorded; the rest (the CPU's identity, its ISA extensions,
/// hypervisor, SMT and turbo) were added later and are `nil` in runs saved before, or when Linux
/// does not say. See ``cpuDifferences(to:)`` for which of them change ratios.
public struct MachineInfo: Codable, Sendable, Equatable {
    /// Operating system name and release.
    public var os: String
    /// Kernel version string.
    public var kernel: String
    /// CPU architecture, e.g. `x86_64`.
    public var architecture: String
    /// CPU model name, e.g. `AMD EPYC` (what `/proc/cpuinfo` calls `model name`; two different
    /// CPUs may share it, so see ``cpuFamily``, ``cpuModelNumber`` and ``cpuStepping``).
    public var cpuModel: String
    /// Logical CPUs online.
    public var cores: Int
    /// Physical memory in bytes.
    public var memoryBytes: UInt64
    /// The CPU frequency governor where Linux exposes one.
    public var governor: String?
    /// The CPU vendor as the CPU names itself: `AuthenticAMD`, `GenuineIntel`; on Arm the
    /// implementer and its code, e.g. `Arm (0x41)`.
    public var cpuVendor: String?
    /// The CPU family number (x86 `cpu family`, decimal; Arm `CPU architecture`).
    public var cpuFamily: Int?
    /// The CPU model number (x86 `model`; Arm `CPU part`), not its name (that is ``cpuModel``).
    public var cpuModelNumber: Int?
    /// The CPU stepping (x86 `stepping`; Arm `CPU variant`).
    public var cpuStepping: Int?
    /// The microarchitecture (generation) that vendor, family and model stand for, e.g. `Zen 4`
    /// or `Sapphire Rapids`; `unknown` when the table wasmbench carries does not hold them.
    public var microarchitecture: String?
    /// The microcode revision, e.g. `0x1000065`.
    public var microcode: String?
    /// The ISA extensions code generators use that the CPU flags show, in a fixed order
    /// (`sse4.2`, `popcnt`, `lzcnt`, `avx`, `avx2`, `fma`, `bmi1`, `bmi2`, `avx512f`, …).
    public var isaExtensions: [String]?
    /// Whether the CPU says it runs under a hypervisor (the x86 `hypervisor` flag).
    public var hypervisor: Bool?
    /// Which hypervisor, and how wasmbench knows, e.g. `KVM (kvm-clock clock source)` or
    /// `Amazon EC2 (DMI sys_vendor)`; `nil` when no readable file says.
    public var hypervisorVendor: String?
    /// Hardware threads per core: 2 (or more) when SMT is on.
    public var threadsPerCore: Int?
    /// Whether turbo/boost is on, where Linux says (`intel_pstate/no_turbo`, `cpufreq/boost`).
    public var turbo: Bool?

    /// Creates a machine description.
    public init(
        os: String, kernel: String, architecture: String, cpuModel: String, cores: Int, memoryBytes: UInt64,
        governor: String? = nil, cpuVendor: String? = nil, cpuFamily: Int? = nil, cpuModelNumber: Int? = nil,
        cpuStepping: Int? = nil, microarchitecture: String? = nil, microcode: String? = nil,
        isaExtensions: [String]? = nil, hypervisor: Bool? = nil, hypervisorVendor: String? = nil,
        threadsPerCore: Int? = nil, turbo: Bool? = nil
    ) {
        self.os = os
        self.kernel = kernel
        self.architecture = architecture
        self.cpuModel = cpuModel
        self.cores = cores
        self.memoryBytes = memoryBytes
        self.governor = governor
        self.cpuVendor = cpuVendor
        self.cpuFamily = cpuFamily
        self.cpuModelNumber = cpuModelNumber
        self.cpuStepping = cpuStepping
        self.microarchitecture = microarchitecture
        self.microcode = microcode
        self.isaExtensions = isaExtensions
        self.hypervisor = hypervisor
        self.hypervisorVendor = hypervisorVendor
        self.threadsPerCore = threadsPerCore
        self.turbo = turbo
    }
}
