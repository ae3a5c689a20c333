import Foundation
import WasmBenchModel
import WasmBenchPairBuilder
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime

/// The two interpreters of a matched CPython pair built by `wasmbench python build`: the same
/// source, compiler and flags, natively (`cpython3.11-native`) and for WASI (`cpython3.11-wasi@HOST`).
public enum MatchedPairInterpreters {
    /// The native side's id, which is also its runtime id.
    public static let nativeID = "cpython3.11-native"
    /// The WASI side's id; its runtime ids are `cpython3.11-wasi@HOST`.
    public static let wasiID = "cpython3.11-wasi"

    /// The newest pair in the cache, if one was built.
    public static func newestPair(in home: WasmBenchHome) -> CPythonPair? {
        let folder = home.root.appendingPathComponent("python")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.filter { $0.hasPrefix("cpython-") }.sorted()
            .compactMap { CPythonPair.load(from: folder.appendingPathComponent("\($0)/pair.json")) }
            .max { $0.builtAt < $1.builtAt }
    }

    /// Builds the pair (or finds it in the cache), printing progress: what `wasmbench python
    /// build` does, and `run` when a side of the pair is asked for and none is built yet.
    ///
    /// - Parameters:
    ///   - progress: receives progress lines for stderr, already prefixed (`setup:`, `note:`).
    public static func build(
        home: WasmBenchHome, launcher: ProcessLauncher, environment: [String: String], source: CPythonSource,
        jobs: Int, progress: @escaping @Sendable (String) -> Void
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
            progress: progress)
        return try builder.build(source, jobs: jobs)
    }

    /// Whether `id` names a side of the pair (`cpython3.11-native`, `cpython3.11-wasi@HOST`).
    public static func isPairSide(_ id: String) -> Bool {
        id == nativeID || id.hasPrefix(wasiID + "@")
    }

    /// The interpreter for one side of the pair, or one that says how to build it.
    public static func interpreter(_ id: String, home: WasmBenchHome) -> Interpreter {
        guard let pair = newestPair(in: home) else {
            let build: Interpreter.Build =
                id == nativeID ? .native(executable: "python") : .wasm(module: "python.wasm", hosting: .none)
            return Interpreter(
                id: id, languageVersion: "3.11", provenance: "matched CPython pair", build: build,
                unavailableReason:
                    "the matched CPython pair is not built yet; run `wasmbench python build` (about 8 minutes, once)")
        }
        let verdict =
            pair.parity.isMatched ? "matched" : "NOT matched: \(pair.parity.mismatches.joined(separator: "; "))"
        let provenance =
            "\(pair.source) built by wasmbench python build with \(pair.parity.native.compilerVersion) OPT=\(pair.parity.native.opt) (parity: \(verdict))"
        let side = id == nativeID ? pair.parity.native : pair.parity.wasi
        let record = InterpreterBuild(
            implementation: "CPython", version: side.pythonVersion,
            compiler: InterpreterBuild.normalizedCompiler(side.compilerVersion), flags: side.opt,
            features: buildFeatures(side), origin: "\(pair.source), built by wasmbench python build (\(side.target))",
            matchedPair: pair.parity.isMatched ? pair.key : nil)
        // The same interpreter options on both sides: ignore PYTHON* variables and the user's site folder.
        let options = ["-E", "-s"]
        if id == nativeID {
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

    /// The build facts a side's parity record holds, as words.
    static func buildFeatures(_ side: BuildParity.Side) -> [String] {
        [
            side.pymalloc ? "pymalloc" : nil, side.computedGotos ? "computed gotos" : nil, side.lto ? "LTO" : nil,
            side.pgo ? "PGO" : nil,
        ].compactMap { $0 }
    }
}
