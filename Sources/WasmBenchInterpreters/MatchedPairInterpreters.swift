import Foundation
import WasmBenchModel
import WasmBenchPairBuilder
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime

/// The two interpreters of a matched CPython pair built by `wasmbench python build`: the same
/// source, compiler and flags, natively (`cpython3.11-native`) and for WASI (`cpython3.11-wasi@HOST`),
/// and the variants of it `wasmbench python build --variant NAME` built (`cpython3.11-NAME-native`,
/// `cpython3.11-NAME-wasi@HOST`).
public enum MatchedPairInterpreters {
    /// The native side's id, which is also its runtime id.
    public static let nativeID = CPythonPair.sideIDs(variant: nil).native
    /// The WASI side's id; its runtime ids are `cpython3.11-wasi@HOST`.
    public static let wasiID = CPythonPair.sideIDs(variant: nil).wasi

    /// The newest pair in the cache (not a variant), if one was built.
    public static func newestPair(in home: WasmBenchHome) -> CPythonPair? {
        pairs(in: home.root.appendingPathComponent("python")).filter { $0.variant == nil }.max {
            $0.builtAt < $1.builtAt
        }
    }

    /// The newest build of each variant in the cache, by name.
    public static func variants(in home: WasmBenchHome) -> [CPythonPair] {
        let all = pairs(in: home.root.appendingPathComponent("python/variants"))
        let newest = Dictionary(all.map { ($0.variant?.name ?? "", $0) }) { $0.builtAt >= $1.builtAt ? $0 : $1 }
        return newest.filter { !$0.key.isEmpty }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// The interpreter ids of the built variants' sides, native then WASI, by name.
    public static func variantIDs(in home: WasmBenchHome) -> [String] {
        variants(in: home).flatMap { pair in
            let ids = CPythonPair.sideIDs(variant: pair.variant?.name)
            return [ids.native, ids.wasi]
        }
    }

    /// The newest build of the variant `name`, if one was built.
    public static func variant(_ name: String, in home: WasmBenchHome) -> CPythonPair? {
        variants(in: home).first { $0.variant?.name == name }
    }

    /// Whether `id` names a side of a variant (built or not): `cpython3.11-NAME-native` or `-wasi`.
    public static func isVariantSide(_ id: String) -> Bool {
        CPythonPair.variantSide(of: id) != nil
    }

    /// Why a variant side cannot be run here: it is not built (the message says how to build it
    /// and which variants are); nil for a built one and for any id that is not a variant side.
    public static func missingVariant(_ id: String, home: WasmBenchHome) -> String? {
        guard let (name, _) = CPythonPair.variantSide(of: id), variant(name, in: home) == nil else { return nil }
        let built = variants(in: home).compactMap(\.variant?.name)
        return
            "\(id) names the variant `\(name)`, which is not built; build it with `wasmbench python build --variant \(name)` and --cflags=FLAGS, --configure-flag=OPTION or --patch FILE (built variants: \(built.isEmpty ? "none" : built.joined(separator: ", ")))"
    }

    private static func pairs(in folder: URL) -> [CPythonPair] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.filter { $0.hasPrefix("cpython-") }.sorted()
            .compactMap { CPythonPair.load(from: folder.appendingPathComponent("\($0)/pair.json")) }
    }

    /// Builds the pair (or finds it in the cache), printing progress: what `wasmbench python
    /// build` does, and `run` when a side of the pair is asked for and none is built yet.
    ///
    /// - Parameters:
    ///   - progress: receives progress lines for stderr, already prefixed (`setup:`, `note:`).
    public static func build(
        home: WasmBenchHome, launcher: ProcessLauncher, environment: [String: String], source: CPythonSource,
        jobs: Int, variant: CPythonVariant? = nil, progress: @escaping @Sendable (String) -> Void
    ) throws(PythonBuildError) -> CPythonPair {
        let fetcher = DebianPackageFetcher(
            home: home, launcher: launcher, environment: environment, progress: { progress("setup: \($0)") })
        let toolchain = try CPythonToolchain.locate(environment: environment, launcher: launcher, fetcher: fetcher)
        let wasmtime = Provisioner(
            home: home, launcher: launcher, environment: environment, allowInstall: true,
            progress: { progress("setup: \($0)") }
        ).wasmtimeCLI()
        if let problem = wasmtime.unavailableReason { progress("note: the WASI build will not be run: \(problem)") }
        let builder = CPythonPairBuilder(
            home: home, launcher: launcher, environment: environment, toolchain: toolchain, wasmtime: wasmtime.path,
            variant: variant, progress: progress)
        return try builder.build(source, jobs: jobs)
    }

    /// Whether `id` names a side of the pair (`cpython3.11-native`, `cpython3.11-wasi@HOST`).
    public static func isPairSide(_ id: String) -> Bool {
        id == nativeID || id.hasPrefix(wasiID + "@")
    }

    /// The interpreter for one side of the pair or of a variant, or one that says how to build it.
    public static func interpreter(_ id: String, home: WasmBenchHome) -> Interpreter {
        let variantSide = CPythonPair.variantSide(of: id)
        let isNative = variantSide?.native ?? (id == nativeID)
        guard let pair = variantSide.map({ variant($0.name, in: home) }) ?? newestPair(in: home) else {
            let build: Interpreter.Build =
                isNative ? .native(executable: "python") : .wasm(module: "python.wasm", hosting: .none)
            return Interpreter(
                id: id, languageVersion: "3.11", provenance: "matched CPython pair", build: build,
                unavailableReason: missingVariant(id, home: home)
                    ?? "the matched CPython pair is not built yet; run `wasmbench python build` (about 8 minutes, once)"
            )
        }
        let verdict =
            pair.parity.isMatched ? "matched" : "NOT matched: \(pair.parity.mismatches.joined(separator: "; "))"
        let variantNote = pair.variant.map {
            "variant \($0.name) of pair \(pair.baseKey ?? "?") (\($0.differences.joined(separator: "; "))): "
        }
        let provenance =
            (variantNote ?? "")
            + "\(pair.source) built by wasmbench python build with \(pair.parity.native.compilerVersion) OPT=\(pair.parity.native.opt) (parity: \(verdict))"
        let side = isNative ? pair.parity.native : pair.parity.wasi
        let record = InterpreterBuild(
            implementation: "CPython", version: side.pythonVersion,
            compiler: InterpreterBuild.normalizedCompiler(side.compilerVersion), flags: side.opt,
            features: buildFeatures(side) + (pair.variant.map(variantFeatures) ?? []),
            origin: "\(pair.source), built by wasmbench python build (\(side.target))",
            matchedPair: pair.parity.isMatched ? pair.key : nil)
        // The same interpreter options on both sides: ignore PYTHON* variables and the user's site folder.
        let options = ["-E", "-s"]
        if isNative {
            return Interpreter(
                id: id, languageVersion: pair.version, provenance: provenance,
                build: .native(executable: pair.nativePython), arguments: options, buildRecord: record)
        }
        let hosting = GuestHosting(
            mounts: pair.wasiMounts,
            reuseCompiledArtifact: true)
        return Interpreter(
            id: id, languageVersion: pair.version, provenance: provenance,
            build: .wasm(module: pair.wasiPython, hosting: hosting), arguments: options, buildRecord: record)
    }

    /// The build facts a variant adds besides its flags (which ``InterpreterBuild/flags`` holds):
    /// its configure options and its patch, so a ratio against the pair names them.
    static func variantFeatures(_ variant: CPythonVariant) -> [String] {
        variant.configureFlags.map { "configure \($0)" }
            + (variant.patch.map {
                ["patch \(URL(fileURLWithPath: $0.file).lastPathComponent) \($0.sha256.prefix(12))"]
            }
                ?? [])
    }

    /// The build facts a side's parity record holds, as words.
    static func buildFeatures(_ side: BuildParity.Side) -> [String] {
        [
            side.pymalloc ? "pymalloc" : nil, side.computedGotos ? "computed gotos" : nil, side.lto ? "LTO" : nil,
            side.pgo ? "PGO" : nil,
        ].compactMap { $0 }
    }
}
