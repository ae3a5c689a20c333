import Foundation

/// What `/proc/cpuinfo` says about the first CPU it lists (every CPU of a machine is the same
/// model on the machines wasmbench runs on; hybrid client chips list their cores' common identity).
///
/// x86 and Arm write different fields: on x86, `vendor_id`, `cpu family`, `model`, `stepping`,
/// `model name`, `microcode`, `flags`, `siblings`, `cpu cores`; on Arm, `CPU implementer`,
/// `CPU architecture`, `CPU part`, `CPU variant`, `Features`. Fields the text lacks are `nil`
/// (or empty flags); nothing in the text is an error.
public struct CPUInfo: Sendable, Equatable {
    /// The vendor: `AuthenticAMD`, `GenuineIntel`; on Arm the implementer, e.g. `Arm (0x41)`.
    public var vendor: String?
    /// The family (x86 `cpu family`; Arm `CPU architecture`).
    public var family: Int?
    /// The model number (x86 `model`; Arm `CPU part`).
    public var model: Int?
    /// The stepping (x86 `stepping`; Arm `CPU variant`).
    public var stepping: Int?
    /// The marketing name (`model name`), when given.
    public var modelName: String?
    /// The microcode revision as written, e.g. `0x1000065`.
    public var microcode: String?
    /// The CPU flags (x86 `flags`; Arm `Features`).
    public var flags: [String]
    /// Logical CPUs per package (x86 `siblings`).
    public var siblings: Int?
    /// Cores per package (x86 `cpu cores`).
    public var coresPerPackage: Int?

    /// Reads the first processor block of `/proc/cpuinfo` text.
    public init(parsing text: String) {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if fields["processor"] != nil || fields["vendor_id"] != nil { break }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if fields[key] == nil { fields[key] = value }
        }
        let implementer = fields["CPU implementer"]
        vendor =
            fields["vendor_id"]
            ?? implementer.map { code in Self.armImplementers[code.lowercased()].map { "\($0) (\(code))" } ?? code }
        family = Self.number(fields["cpu family"] ?? fields["CPU architecture"])
        model = Self.number(fields["model"] ?? fields["CPU part"])
        stepping = Self.number(fields["stepping"] ?? fields["CPU variant"])
        modelName = fields["model name"].flatMap { $0.isEmpty ? nil : $0 }
        microcode = fields["microcode"].flatMap { $0.isEmpty ? nil : $0 }
        flags = (fields["flags"] ?? fields["Features"] ?? "").split(separator: " ").map(String.init)
        siblings = Self.number(fields["siblings"])
        coresPerPackage = Self.number(fields["cpu cores"])
    }

    /// Whether the CPU says it runs under a hypervisor (the x86 `hypervisor` flag).
    public var hypervisorFlag: Bool { flags.contains("hypervisor") }

    /// Arm implementer codes (the `CPU implementer` field) and who they are.
    static let armImplementers = [
        "0x41": "Arm", "0x42": "Broadcom", "0x46": "Fujitsu", "0x48": "HiSilicon", "0x4e": "NVIDIA",
        "0x51": "Qualcomm", "0x61": "Apple", "0xc0": "Ampere",
    ]

    /// A decimal or `0x` hexadecimal number.
    static func number(_ text: String?) -> Int? {
        guard let text else { return nil }
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return Int(text.dropFirst(2), radix: 16) }
        return Int(text)
    }
}
