/// The ISA extensions code generators (LLVM, Cranelift, V8) choose instructions by, as they name
/// them, and the `/proc/cpuinfo` flags that show each.
public enum ISAExtensions {
    /// x86-64: the extension's name and the cpuinfo flags that show it (any one suffices).
    /// `pni` is SSE3 and `abm` is LZCNT (with POPCNT) in Linux's naming.
    static let x86: [(name: String, flags: [String])] = [
        ("sse2", ["sse2"]), ("sse3", ["pni"]), ("ssse3", ["ssse3"]), ("sse4.1", ["sse4_1"]), ("sse4.2", ["sse4_2"]),
        ("popcnt", ["popcnt"]), ("lzcnt", ["abm"]), ("bmi1", ["bmi1"]), ("bmi2", ["bmi2"]), ("movbe", ["movbe"]),
        ("avx", ["avx"]), ("avx2", ["avx2"]), ("fma", ["fma"]), ("f16c", ["f16c"]), ("aes", ["aes"]),
        ("pclmul", ["pclmulqdq"]), ("sha", ["sha_ni"]), ("avx512f", ["avx512f"]), ("avx512cd", ["avx512cd"]),
        ("avx512dq", ["avx512dq"]), ("avx512bw", ["avx512bw"]), ("avx512vl", ["avx512vl"]),
        ("avx512vnni", ["avx512_vnni"]), ("avx512vbmi", ["avx512vbmi"]), ("avx512bf16", ["avx512_bf16"]),
        ("avx512fp16", ["avx512_fp16"]), ("avxvnni", ["avx_vnni"]),
    ]

    /// AArch64: the extension's name and the cpuinfo `Features` that show it.
    static let arm64: [(name: String, flags: [String])] = [
        ("neon", ["asimd"]), ("crc", ["crc32"]), ("aes", ["aes"]), ("sha2", ["sha2"]), ("lse", ["atomics"]),
        ("fp16", ["asimdhp"]), ("dotprod", ["asimddp"]), ("rcpc", ["lrcpc"]), ("i8mm", ["i8mm"]), ("bf16", ["bf16"]),
        ("sve", ["sve"]), ("sve2", ["sve2"]),
    ]

    /// The extensions `flags` show, in the table's fixed order, for an architecture as `uname -m`
    /// names it (`x86_64`, `aarch64`); both tables for any other.
    public static func present(in flags: [String], architecture: String) -> [String] {
        let table: [(name: String, flags: [String])]
        switch architecture {
        case "x86_64", "i686", "i386": table = x86
        case "aarch64", "arm64": table = arm64
        default: table = x86 + arm64
        }
        let set = Set(flags)
        var names: [String] = []
        for entry in table where entry.flags.contains(where: set.contains) && !names.contains(entry.name) {
            names.append(entry.name)
        }
        return names
    }
}
