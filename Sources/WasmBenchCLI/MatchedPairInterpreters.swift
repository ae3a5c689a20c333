import Foundation
import WasmBenchProvision
import WasmBenchPython
import WasmBenchRuntime

/// The two interpreters of a matched CPython pair built by `wasmbench python build`: the same
/// source, compiler and flags, natively (`cpython3.11-native`) and for WASI (`cpython3.11-wasi@HOST`).
enum MatchedPairInterpreters {
    static let nativeID = "cpython3.11-native"
    static let wasiID = "cpython3.11-wasi"

    /// The newest pair in the cache, if one was built.
    static func newestPair(in home: WasmBenchHome) -> CPythonPair? {
        let folder = home.root.appendingPathComponent("python")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.filter { $0.hasPrefix("cpython-") }.sorted()
            .compactMap { CPythonPair.load(from: folder.appendingPathComponent("\($0)/pair.json")) }
            .max { $0.builtAt < $1.builtAt }
    }

    /// The interpreter for one side of the pair, or one that says how to build it.
    static func interpreter(_ id: String, home: WasmBenchHome) -> Interpreter {
        guard let pair = newestPair(in: home) else {
            let build: Interpreter.Build =
                id == nativeID ? .native(executable: "python") : .wasm(module: "python.wasm", hosting: .none)
            return Interpreter(
                id: id, languageVersion: "3.11", provenance: "matched CPython pair", build: build,
                problem:
                    "the matched CPython pair is not built yet; run `wasmbench python build` (about 8 minutes, once)")
        }
        let verdict =
            pair.parity.isMatched ? "matched" : "NOT matched: \(pair.parity.mismatches.joined(separator: "; "))"
        let provenance =
            "\(pair.source) built by wasmbench python build with \(pair.parity.native.compilerVersion) OPT=\(pair.parity.native.opt) (parity: \(verdict))"
        // The same interpreter options on both sides: ignore PYTHON* variables and the user's site folder.
        let options = ["-E", "-s"]
        if id == nativeID {
            return Interpreter(
                id: id, languageVersion: pair.version, provenance: provenance,
                build: .native(executable: pair.nativePython), arguments: options)
        }
        let hosting = GuestHosting(
            mounts: pair.wasiMounts,
            reuseCompiledArtifact: true)
        return Interpreter(
            id: id, languageVersion: pair.version, provenance: provenance,
            build: .wasm(module: pair.wasiPython, hosting: hosting), arguments: options)
    }
}
