import Foundation
import Testing
import WasmBenchPairBuilder

/// Parity of the two builds, read from their sysconfig variables.
@Suite("Build parity from two sysconfig dumps")
struct BuildParityTests {
    static let clang = "Debian clang version 14.0.6"

    func parity(native: [String: String], wasi: [String: String], modules: ([String], [String])? = nil)
        -> BuildParity
    {
        BuildParity(
            native: BuildParity.Side(
                sysconfig: native, pythonVersion: "3.11.2", compilerVersion: Self.clang,
                extensionModules: modules?.0),
            wasi: BuildParity.Side(
                sysconfig: wasi, pythonVersion: "3.11.2", compilerVersion: Self.clang, extensionModules: modules?.1))
    }

    @Test("the pair wasmbench builds is matched: same OPT, pymalloc and computed gotos on, no LTO or PGO")
    func matchedPair() {
        let record = parity(native: SysconfigFixtures.native, wasi: SysconfigFixtures.wasi)
        for side in [record.native, record.wasi] {
            #expect(side.opt == "-DNDEBUG -g -fwrapv -O3 -Wall")
            #expect(side.pymalloc)
            #expect(side.computedGotos)
            #expect(!side.lto)
            #expect(!side.pgo)
        }
        #expect(record.native.target == "x86_64-pc-linux-gnu")
        #expect(record.wasi.target == "wasm32-unknown-wasi")
        #expect(record.wasi.ldflags == "-z stack-size=524288 -Wl,--stack-first -Wl,--initial-memory=10485760")
        #expect(record.isMatched, "\(record.mismatches)")
    }

    @Test("only target-specific differences: WASI's linker options and libraries, the cross options")
    func expectedDifferences() {
        let record = parity(native: SysconfigFixtures.native, wasi: SysconfigFixtures.wasi)
        #expect(record.mismatches.isEmpty)
        #expect(record.differences.allSatisfy { $0.hasSuffix("(target-specific)") }, "\(record.differences)")
        #expect(
            record.differences.contains(
                "LDFLAGS: only wasi has -z stack-size=524288 -Wl,--stack-first -Wl,--initial-memory=10485760 (target-specific)"
            ))
        #expect(record.differences.contains("LIBS: only native has -ldl (target-specific)"))
        #expect(
            record.differences.contains {
                $0.hasPrefix("configure arguments: only wasi has --host=wasm32-unknown-wasi")
            })
        #expect(!record.differences.contains { $0.hasPrefix("OPT") || $0.hasPrefix("CFLAGS") })
    }

    @Test("a WASI build left to configure's defaults is flagged: pymalloc, computed gotos and OPT differ")
    func defaultsAreUnfair() {
        let record = parity(native: SysconfigFixtures.native, wasi: SysconfigFixtures.wasiDefaults)
        #expect(!record.isMatched)
        #expect(record.mismatches.contains("pymalloc: native on, wasi off"))
        #expect(record.mismatches.contains("computed gotos: native on, wasi off"))
        #expect(record.mismatches.contains("OPT: only native has -O3"))
        #expect(record.mismatches.contains("OPT: only wasi has -O2"))
        #expect(record.mismatches.contains("CFLAGS: only native has -O3"))
    }

    @Test("LTO and PGO are read from configure's options, the make rule and the flags; =no means off")
    func ltoAndPGO() {
        var values = SysconfigFixtures.native
        values["CONFIG_ARGS"] = "'--enable-optimizations' '--with-lto'"
        let both = BuildParity.Side(sysconfig: values, pythonVersion: nil, compilerVersion: "x", extensionModules: nil)
        #expect(both.lto && both.pgo)
        values["CONFIG_ARGS"] = "'--with-lto=no' '--enable-optimizations=no'"
        let neither = BuildParity.Side(
            sysconfig: values, pythonVersion: nil, compilerVersion: "x", extensionModules: nil)
        #expect(!neither.lto && !neither.pgo)
        values["CONFIG_ARGS"] = ""
        values["CFLAGS_NODIST"] = "-flto=thin"
        values["wasmbench_make_all"] = "profile-opt"
        let flags = BuildParity.Side(sysconfig: values, pythonVersion: nil, compilerVersion: "x", extensionModules: nil)
        #expect(flags.lto && flags.pgo)
        #expect(flags.pythonVersion == "3.11")
        let record = parity(native: values, wasi: SysconfigFixtures.wasi)
        #expect(record.mismatches.contains("LTO: native on, wasi off"))
        #expect(record.mismatches.contains("PGO: native on, wasi off"))
    }

    @Test("computed gotos configured off (USE_COMPUTED_GOTOS 0) count as off even when supported")
    func computedGotosOff() {
        var values = SysconfigFixtures.wasi
        values["USE_COMPUTED_GOTOS"] = "0"
        let side = BuildParity.Side(sysconfig: values, pythonVersion: nil, compilerVersion: "x", extensionModules: nil)
        #expect(!side.computedGotos)
    }

    @Test("another compiler or Python version on one side is a mismatch")
    func versions() {
        let record = BuildParity(
            native: BuildParity.Side(
                sysconfig: SysconfigFixtures.native, pythonVersion: "3.11.2",
                compilerVersion: "gcc (Debian 12.2.0-14) 12.2.0", extensionModules: nil),
            wasi: BuildParity.Side(
                sysconfig: SysconfigFixtures.wasi, pythonVersion: "3.11.9", compilerVersion: Self.clang,
                extensionModules: nil))
        #expect(record.mismatches.contains("Python version: native 3.11.2, wasi 3.11.9"))
        #expect(
            record.mismatches.contains("compiler version: native gcc (Debian 12.2.0-14) 12.2.0, wasi \(Self.clang)"))
    }

    @Test("modules on one side only are listed (a native build failure named as such), not mismatches")
    func modules() {
        let record = parity(
            native: SysconfigFixtures.native, wasi: SysconfigFixtures.wasi,
            modules: (["_ctypes", "_json", "math"], ["_json", "math", "pyexpat"]))
        #expect(record.differences.contains("extension modules only native has: _ctypes"))
        #expect(
            record.differences.contains(
                "extension modules only wasi has: pyexpat (the native build failed to build them; see its make log)"))
        #expect(record.mismatches.isEmpty)
    }

    @Test("the record round-trips through JSON with its differences")
    func codable() throws {
        let record = parity(native: SysconfigFixtures.native, wasi: SysconfigFixtures.wasiDefaults)
        let decoded = try JSONDecoder().decode(BuildParity.self, from: JSONEncoder().encode(record))
        #expect(decoded == record)
    }

    @Test("the table shows a field once when both sides agree, else both, and the verdict")
    func table() throws {
        let lines = parity(native: SysconfigFixtures.native, wasi: SysconfigFixtures.wasiDefaults).table
        let pymalloc = try #require(lines.firstIndex { $0.hasPrefix("  pymalloc") })
        #expect(lines[pymalloc].split(separator: " ") == ["pymalloc", "native", "on"])
        #expect(lines[pymalloc + 1].split(separator: " ") == ["wasi", "off"])
        #expect(lines.contains { $0.split(separator: " ") == ["LTO", "both", "off"] })
        #expect(lines.contains("  parity: NOT matched (6 difference(s) besides the target's own)"))
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test("flag strings split like a shell: quotes, escapes, and -z joined with its argument")
    func words() {
        #expect(
            BuildParity.words("'--with-pymalloc' 'CC=/x/clang --sysroot=/y' PKG_CONFIG_PATH= \"a b\" c\\ d")
                == ["--with-pymalloc", "CC=/x/clang --sysroot=/y", "PKG_CONFIG_PATH=", "a b", "c d"])
        #expect(
            BuildParity.words(" -z stack-size=524288  -Wl,--stack-first -Xlinker -export-dynamic ")
                == ["-z stack-size=524288", "-Wl,--stack-first", "-Xlinker -export-dynamic"])
        #expect(BuildParity.words("") == [])
        #expect(BuildParity.words("'unbalanced quote") == ["unbalanced quote"])
    }
}
