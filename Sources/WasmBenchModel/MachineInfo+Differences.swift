/// One way two machine fingerprints differ: which field, and its value on each side.
public struct MachineDifference: Codable, Sendable, Equatable, CustomStringConvertible {
    /// What differs, e.g. `CPU family` or `ISA extensions not shared`.
    public var field: String
    /// The value in the base (first) fingerprint.
    public var base: String
    /// The value in the new (second) fingerprint.
    public var new: String

    /// Creates a difference.
    public init(field: String, base: String, new: String) {
        self.field = field
        self.base = base
        self.new = new
    }

    /// `field: base vs new`.
    public var description: String { "\(field): \(base) vs \(new)" }
}

extension MachineInfo {
    /// The difference in one field, when both fingerprints hold it and they differ.
    private static func difference<T: Equatable>(_ field: String, _ a: T?, _ b: T?, _ show: (T) -> String)
        -> MachineDifference?
    {
        guard let a, let b, a != b else { return nil }
        return MachineDifference(field: field, base: show(a), new: show(b))
    }

    /// The differences between this machine's CPU and `other`'s that change ratios between
    /// runtimes (a JIT's code on another microarchitecture, other ISA extensions, a hypervisor,
    /// other core counts): architecture, CPU name, vendor, family, model number, stepping,
    /// microarchitecture, ISA extensions, hypervisor, logical CPUs and threads per core.
    ///
    /// A field is compared only when both fingerprints hold it, so a run saved before a field was
    /// recorded never differs in it (see ``fingerprintGaps(to:)``). Empty when the CPUs look alike.
    /// Microcode, kernel, governor and turbo change absolute times more than ratios: see
    /// ``setupDifferences(to:)``.
    public func cpuDifferences(to other: MachineInfo) -> [MachineDifference] {
        var found: [MachineDifference] = []
        func compare<T: Equatable>(_ field: String, _ a: T?, _ b: T?, _ show: (T) -> String) {
            if let difference = Self.difference(field, a, b, show) { found.append(difference) }
        }
        compare("architecture", architecture, other.architecture) { $0 }
        compare("CPU", cpuModel, other.cpuModel) { $0 }
        compare("CPU vendor", cpuVendor, other.cpuVendor) { $0 }
        compare("CPU family", cpuFamily, other.cpuFamily, Self.number)
        compare("CPU model", cpuModelNumber, other.cpuModelNumber, Self.number)
        compare("stepping", cpuStepping, other.cpuStepping) { "\($0)" }
        compare("microarchitecture", microarchitecture, other.microarchitecture) { $0 }
        if let mine = isaExtensions, let theirs = other.isaExtensions, mine != theirs {
            let onlyBase = mine.filter { !theirs.contains($0) }
            let onlyNew = theirs.filter { !mine.contains($0) }
            found.append(
                MachineDifference(
                    field: "ISA extensions not shared", base: Self.list(onlyBase), new: Self.list(onlyNew)))
        }
        compare("hypervisor", hypervisor, other.hypervisor) { $0 ? "yes" : "no" }
        compare("hypervisor vendor", hypervisorVendor, other.hypervisorVendor) { $0 }
        compare("logical CPUs", cores, other.cores) { "\($0)" }
        compare("threads per core", threadsPerCore, other.threadsPerCore) { "\($0)" }
        return found
    }

    /// The differences in how the machines are set up that move absolute times (and the noise)
    /// more than ratios: operating system, kernel, microcode, governor, turbo. Compared only when
    /// both fingerprints hold the field.
    public func setupDifferences(to other: MachineInfo) -> [MachineDifference] {
        var found: [MachineDifference] = []
        func compare<T: Equatable>(_ field: String, _ a: T?, _ b: T?, _ show: (T) -> String) {
            if let difference = Self.difference(field, a, b, show) { found.append(difference) }
        }
        compare("system", os, other.os) { $0 }
        compare("kernel", kernel, other.kernel) { $0 }
        compare("microcode", microcode, other.microcode) { $0 }
        compare("governor", governor, other.governor) { $0 }
        compare("turbo", turbo, other.turbo) { $0 ? "on" : "off" }
        return found
    }

    /// Whether either fingerprint lacks the CPU's identity (family, model, stepping), as runs
    /// saved by wasmbench before it recorded them do: then two CPUs with one name cannot be told apart.
    public func fingerprintGaps(to other: MachineInfo) -> Bool {
        [self, other].contains { $0.cpuFamily == nil || $0.cpuModelNumber == nil || $0.cpuStepping == nil }
    }

    /// A family or model number in decimal and hex, as vendors' manuals write it: `25 (0x19)`.
    package static func number(_ value: Int) -> String {
        "\(value) (0x\(String(value, radix: 16, uppercase: true)))"
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: " ")
    }
}
