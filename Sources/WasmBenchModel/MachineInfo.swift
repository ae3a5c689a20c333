/// The machine a run was measured on: numbers from different machines are not comparable.
public struct MachineInfo: Codable, Sendable, Equatable {
    /// Operating system name and release.
    public var os: String
    /// Kernel version string.
    public var kernel: String
    /// CPU architecture, e.g. `x86_64`.
    public var architecture: String
    /// CPU model name.
    public var cpuModel: String
    /// Logical CPUs online.
    public var cores: Int
    /// Physical memory in bytes.
    public var memoryBytes: UInt64
    /// The CPU frequency governor where Linux exposes one.
    public var governor: String?

    /// Creates a machine description.
    public init(
        os: String, kernel: String, architecture: String, cpuModel: String, cores: Int, memoryBytes: UInt64,
        governor: String? = nil
    ) {
        self.os = os
        self.kernel = kernel
        self.architecture = architecture
        self.cpuModel = cpuModel
        self.cores = cores
        self.memoryBytes = memoryBytes
        self.governor = governor
    }
}
