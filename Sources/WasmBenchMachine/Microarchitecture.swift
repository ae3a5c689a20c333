/// The microarchitecture (generation) that a CPU's vendor, family, model and stepping stand for:
/// a small table of the server and desktop parts cloud machines and CI runners use. Anything
/// else is `unknown`, never a guess.
///
/// Sources: AMD's "Processor Programming Reference" per family (17h, 19h, 1Ah) and Intel's
/// "Intel Architecture and Processor Identification with CPUID Model and Family Numbers"; the
/// Linux kernel's `arch/x86/include/asm/intel-family.h`; Arm's Technical Reference Manuals
/// (MIDR part numbers).
public enum Microarchitecture {
    /// What the table says about this CPU, or `unknown`.
    public static func name(vendor: String?, family: Int?, model: Int?, stepping: Int?) -> String {
        guard let vendor, let family, let model else { return "unknown" }
        switch vendor {
        case "AuthenticAMD": return amd(family: family, model: model) ?? "unknown"
        case "GenuineIntel":
            return family == 6 ? intelFamily6(model: model, stepping: stepping) ?? "unknown" : "unknown"
        default:
            return vendor.hasPrefix("Arm") ? arm[model] ?? "unknown" : "unknown"
        }
    }

    /// AMD families 15h–1Ah.
    static func amd(family: Int, model: Int) -> String? {
        switch family {
        case 0x15: return "Bulldozer family"
        case 0x16: return "Jaguar family"
        case 0x17:
            if model == 0x08 || model == 0x18 { return "Zen+" }
            return model < 0x30 ? "Zen" : "Zen 2"
        case 0x19:
            switch model {
            case 0x00...0x0F, 0x20...0x2F, 0x50...0x5F: return "Zen 3"
            case 0x40...0x4F: return "Zen 3+"
            case 0x10...0x1F, 0x60...0x7F, 0xA0...0xAF: return "Zen 4"
            default: return "Zen 3 or Zen 4"
            }
        case 0x1A: return "Zen 5"
        default: return nil
        }
    }

    /// Intel family 6, Haswell to Granite Rapids. Model 0x55 is told apart by stepping.
    static func intelFamily6(model: Int, stepping: Int?) -> String? {
        if model == 0x55 {
            guard let stepping else { return "Skylake-SP / Cascade Lake" }
            if stepping <= 4 { return "Skylake-SP" }
            return stepping <= 7 ? "Cascade Lake" : "Cooper Lake"
        }
        return intel[model]
    }

    private static let intel: [Int: String] = [
        0x3C: "Haswell", 0x3F: "Haswell", 0x45: "Haswell", 0x46: "Haswell",
        0x3D: "Broadwell", 0x47: "Broadwell", 0x4F: "Broadwell", 0x56: "Broadwell",
        0x4E: "Skylake", 0x5E: "Skylake",
        0x8E: "Kaby Lake / Coffee Lake", 0x9E: "Kaby Lake / Coffee Lake", 0xA5: "Comet Lake", 0xA6: "Comet Lake",
        0x66: "Cannon Lake", 0x7D: "Ice Lake", 0x7E: "Ice Lake", 0x6A: "Ice Lake-SP", 0x6C: "Ice Lake-SP",
        0x8C: "Tiger Lake", 0x8D: "Tiger Lake", 0xA7: "Rocket Lake",
        0x97: "Alder Lake", 0x9A: "Alder Lake", 0xB7: "Raptor Lake", 0xBA: "Raptor Lake", 0xBF: "Raptor Lake",
        0xAA: "Meteor Lake", 0xAC: "Meteor Lake", 0xBD: "Lunar Lake", 0xC5: "Arrow Lake", 0xC6: "Arrow Lake",
        0x8F: "Sapphire Rapids", 0xCF: "Emerald Rapids", 0xAD: "Granite Rapids", 0xAE: "Granite Rapids",
        0xAF: "Sierra Forest",
    ]

    private static let arm: [Int: String] = [
        0xD0C: "Neoverse N1", 0xD40: "Neoverse V1", 0xD49: "Neoverse N2", 0xD4F: "Neoverse V2",
        0xD8E: "Neoverse N3", 0xD84: "Neoverse V3", 0xD0B: "Cortex-A76", 0xD08: "Cortex-A72",
    ]
}
