import Foundation
import TestSupport
import Testing
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchPairBuilder
import WasmBenchPlan
import WasmBenchProvision

/// `cpython3.11-NAME-native` and `cpython3.11-NAME-wasi@HOST` resolve like the pair's own sides,
/// and run the variant the cache holds; a variant not built is a usage error saying how to build it.
@Suite("Variants of the matched pair: ids resolved from the cache")
struct VariantResolutionTests {
    let folder = TemporaryFolder()

    var home: WasmBenchHome { WasmBenchHome(root: URL(fileURLWithPath: folder.path("home"))) }

    /// Writes a pair record (a variant's when `variant` is given) as `python build` leaves it.
    @discardableResult
    func writePair(key: String, variant: CPythonVariant? = nil, builtAt: String) throws -> CPythonPair {
        let entry = variant.map { "python/variants/cpython-3.11.2-\($0.name)-\(key)" } ?? "python/cpython-3.11.2-\(key)"
        let root = folder.path("home/" + entry)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let recipe = variant?.recipe(from: .standard) ?? .standard
        func side(_ target: String) -> BuildParity.Side {
            BuildParity.Side(
                target: target, pythonVersion: "3.11.2", compiler: "clang",
                compilerVersion: "Debian clang version 14.0.6",
                opt: "-DNDEBUG " + recipe.opt, cflags: "", cflagsNodist: "", ldflags: "", libs: "",
                configureArguments: recipe.sharedArguments.joined(separator: " "), pymalloc: true, computedGotos: true,
                lto: false, pgo: false)
        }
        let toolchain = CPythonToolchain(
            cc: "/usr/bin/clang-14", cxx: "/usr/bin/clang++-14", cpp: "/usr/bin/clang-cpp-14", wasmLD: "wasm-ld-14",
            ar: "llvm-ar-14", ranlib: "llvm-ranlib-14", make: "make", wasiInclude: "/usr/include/wasm32-wasi",
            wasiLib: "/usr/lib/wasm32-wasi", versionLine: "Debian clang version 14.0.6",
            linkerVersionLine: "Debian LLD 14.0.6")
        let pair = CPythonPair(
            version: "3.11.2", source: "debian python3.11=3.11.2-6+deb12u8", key: key, folder: root,
            nativePython: root + "/native/python", wasiPython: root + "/wasi/python.wasm",
            libFolder: root + "/source/Lib",
            dynloadFolder: root + "/wasi/build/lib.wasi-wasm32-3.11", libGuestPath: "/usr/local/lib/python3.11",
            recipe: recipe, toolchain: toolchain,
            parity: BuildParity(native: side("x86_64-pc-linux-gnu"), wasi: side("wasm32-unknown-wasi")),
            logFolder: folder.path("logs"), stepTimes: [], builtAt: builtAt, variant: variant,
            baseKey: variant == nil ? nil : "base0000base0000")
        try pair.encoded().write(to: URL(fileURLWithPath: root + "/pair.json"))
        return pair
    }

    func planner() -> Planner {
        Planner(
            workspace: Workspace(
                environment: ["PATH": folder.path("empty"), "WASMBENCH_HOME": folder.path("home")], progress: { _ in }))
    }

    func selection(_ runtimes: [String]) -> RunSelection {
        var selection = RunSelection(runtimes: runtimes.compactMap(RuntimeID.init))
        selection.suite = .python
        selection.install = false
        return selection
    }

    @Test("variant ids resolve: NAME-native natively, NAME-wasi on a WASI host; bad forms are refused")
    func resolves() throws {
        guard
            case .nativeInterpreter(let native) = try RuntimeRegistry.resolve(
                try #require(RuntimeID("cpython3.11-o2-native")))
        else {
            Issue.record("cpython3.11-o2-native should be a native interpreter")
            return
        }
        #expect(native.id == "cpython3.11-o2-native")
        guard
            case .hosted(let wasi, let host) = try RuntimeRegistry.resolve(
                try #require(RuntimeID("cpython3.11-no-copy-wasi@wasmtime")))
        else {
            Issue.record("cpython3.11-no-copy-wasi@wasmtime should be hosted")
            return
        }
        #expect(wasi == InterpreterCatalog.Entry(id: "cpython3.11-no-copy-wasi", placement: .wasi))
        #expect(host.id == "wasmtime")
        let onHost = try #require(throws: PlanError.self) {
            try RuntimeRegistry.resolve(try #require(RuntimeID("cpython3.11-o2-native@wasmtime")))
        }
        #expect(onHost.description.contains("run it as `cpython3.11-o2-native`, without @HOST"))
        for bad in ["cpython3.11-O2-native", "cpython3.11-wasi-native", "cpython3.11-o2-wasi"] {
            // A bad name, a reserved one, and a WASI side without its host.
            #expect(!RuntimeRegistry.isKnown(try #require(RuntimeID(bad))), "\(bad)")
        }
        #expect(
            Planner.opcodeRuntimeIDs(for: [try #require(RuntimeID("cpython3.11-o2-wasi@wasmtime-aot"))])
                == [RuntimeID(base: "wasmkit", interpreter: "cpython3.11-o2-wasi")])
    }

    @Test("a variant that is not built is a usage error naming the command that builds it and the built ones")
    func notBuilt() throws {
        let error = try #require(throws: PlanError.self) {
            try planner().validate(selection(["cpython3.11-native", "cpython3.11-o2-wasi@wasmtime"]))
        }
        guard case .usage(let message) = error else {
            Issue.record("expected a usage error, got \(error)")
            return
        }
        #expect(message.contains("the variant `o2`, which is not built"))
        #expect(message.contains("wasmbench python build --variant o2"))
        #expect(message.contains("built variants: none"))
        try writePair(
            key: "aaaa0000aaaa0000", variant: try CPythonVariant(name: "o2", cflags: "-O2"),
            builtAt: "2026-01-01T00:00:00Z")
        try planner().validate(
            selection(["cpython3.11-native", "cpython3.11-o2-wasi@wasmtime", "cpython3.11-o2-native"]))
        let other = try #require(throws: PlanError.self) {
            try planner().validate(selection(["cpython3.11-o3-native"]))
        }
        #expect(other.description.contains("built variants: o2"))
    }

    @Test("the pair's sides stay the pair's; a variant's sides run its build, its record names the difference")
    func interpreters() throws {
        let base = try writePair(key: "base0000base0000", builtAt: "2026-01-01T00:00:00Z")
        let old = try CPythonVariant(name: "o2", cflags: "-O1")
        try writePair(key: "1111000011110000", variant: old, builtAt: "2026-01-02T00:00:00Z")
        let variant = try CPythonVariant(name: "o2", cflags: "-O2", configureFlags: ["--without-doc-strings"])
        let built = try writePair(key: "2222000022220000", variant: variant, builtAt: "2026-01-03T00:00:00Z")
        #expect(MatchedPairInterpreters.newestPair(in: home) == base)
        #expect(MatchedPairInterpreters.variant("o2", in: home) == built)
        #expect(MatchedPairInterpreters.variantIDs(in: home) == ["cpython3.11-o2-native", "cpython3.11-o2-wasi"])
        let wasi = MatchedPairInterpreters.interpreter("cpython3.11-o2-wasi", home: home)
        #expect(wasi.unavailableReason == nil)
        guard case .wasm(let module, _) = wasi.build else {
            Issue.record("the WASI side should be a module")
            return
        }
        #expect(module == built.wasiPython)
        #expect(
            wasi.provenance.hasPrefix(
                "variant o2 of pair base0000base0000 (OPT += -O2; configure += --without-doc-strings)"))
        let native = MatchedPairInterpreters.interpreter("cpython3.11-o2-native", home: home)
        #expect(native.build == .native(executable: built.nativePython))
        let pairNative = MatchedPairInterpreters.interpreter("cpython3.11-native", home: home)
        #expect(pairNative.build == .native(executable: base.nativePython))
        let record = try #require(native.buildRecord)
        #expect(record.matchedPair == built.key)
        #expect(try #require(wasi.buildRecord).differences(from: record).isEmpty)
        let against = record.differences(from: try #require(pairNative.buildRecord))
        #expect(against.contains { $0.hasPrefix("different flags") && $0.contains("-O2") })
        #expect(against.contains { $0.contains("configure --without-doc-strings") })
        let missing = MatchedPairInterpreters.interpreter("cpython3.11-o3-native", home: home)
        #expect(missing.unavailableReason?.contains("wasmbench python build --variant o3") == true)
    }
}
