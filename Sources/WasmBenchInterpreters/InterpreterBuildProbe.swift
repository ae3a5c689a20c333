import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision

/// Finds out how an interpreter was built, from the interpreter itself: a native one is asked
/// (`platform`, `sysconfig`); a Wasm module is searched for the compiler string CPython compiles
/// into `sys.version`. What cannot be found stays unknown (`nil`), never guessed.
public enum InterpreterBuildProbe {
    /// Prints one JSON object about the running interpreter; works on CPython and PyPy.
    static let script = """
        import json, platform
        try:
            import sysconfig
            v = sysconfig.get_config_vars()
        except Exception:
            v = {}
        args = v.get("CONFIG_ARGS") or ""
        print(json.dumps({
            "implementation": platform.python_implementation(),
            "version": platform.python_version(),
            "compiler": platform.python_compiler(),
            "opt": v.get("OPT"),
            "pymalloc": bool(v.get("WITH_PYMALLOC")),
            "gotos": bool(v.get("HAVE_COMPUTED_GOTOS")) and v.get("USE_COMPUTED_GOTOS") != 0,
            "lto": "--with-lto" in args,
            "pgo": "--enable-optimizations" in args,
        }))
        """

    struct Answer: Decodable {
        var implementation: String
        var version: String
        var compiler: String
        var opt: String?
        var pymalloc: Bool
        var gotos: Bool
        var lto: Bool
        var pgo: Bool
    }

    /// Asks a native CPython or PyPy how it was built, or `nil` when it cannot answer.
    public static func native(
        executable: String, origin: String, launcher: ProcessLauncher, environment: [String: String]
    ) -> InterpreterBuild? {
        guard let result = try? launcher.capture(executable, ["-c", script], environment: environment),
            let line = result.stdout.split(whereSeparator: \.isNewline).last,
            let answer = try? JSONDecoder().decode(Answer.self, from: Data(line.utf8))
        else { return nil }
        return build(from: answer, origin: origin)
    }

    static func build(from answer: Answer, origin: String) -> InterpreterBuild {
        let features = [
            answer.implementation == "PyPy" ? "JIT" : nil,
            answer.implementation == "CPython" && answer.pymalloc ? "pymalloc" : nil,
            answer.implementation == "CPython" && answer.gotos ? "computed gotos" : nil,
            answer.lto ? "LTO" : nil, answer.pgo ? "PGO" : nil,
        ].compactMap { $0 }
        let flags = answer.opt.map { $0.split(separator: " ").joined(separator: " ") }
        return InterpreterBuild(
            implementation: answer.implementation, version: answer.version,
            compiler: InterpreterBuild.normalizedCompiler(answer.compiler),
            flags: flags?.isEmpty == false ? flags : nil, features: features, origin: origin)
    }

    /// The compiler CPython compiled into a module's `sys.version` (`[Clang 19.1.5 …]`,
    /// `[GCC 12.2.0]`), normalised, or `nil` when the module holds no such string.
    public static func compiler(inModule path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return compiler(in: data)
    }

    static func compiler(in data: Data) -> String? {
        for marker in ["[Clang ", "[GCC "] {
            guard let start = data.range(of: Data(marker.utf8)) else { continue }
            let tail = data[start.lowerBound...].prefix(200)
            guard let end = tail.firstIndex(of: UInt8(ascii: "]")) else { continue }
            let text = String(decoding: data[start.lowerBound...end], as: UTF8.self)
            return InterpreterBuild.normalizedCompiler(text)
        }
        return nil
    }
}
