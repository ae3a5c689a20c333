import Foundation
import TestSupport
import Testing
import WasmBenchInterpreters
import WasmBenchModel
import WasmBenchProvision
import WasmBenchRuntime

@Suite("A user's Python-in-Wasm interpreter is described in a spec file")
struct InterpreterSpecTests {
    let folder = TemporaryFolder()

    /// Writes `json` as spec.json next to a minimal module `py.wasm` and a folder `lib`.
    func spec(_ json: String) throws -> String {
        try Data([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]).write(to: folder.url.appendingPathComponent("py.wasm"))
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("lib"), withIntermediateDirectories: true)
        let path = folder.path("spec.json")
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a full spec gives a Wasm interpreter with its mounts, environment, entry and build record")
    func fullSpec() throws {
        let path = try spec(
            """
            {"id": "rustpython", "module": "py.wasm", "implementation": "RustPython", "languageVersion": "3.12",
             "compiler": "rustc 1.80.0", "flags": "-C opt-level=3", "arguments": ["-q"],
             "mounts": [{"host": "lib", "guest": "/lib/python"}], "environment": {"PYTHONHOME": "/lib/python"},
             "entry": "run", "trapUnknownImports": true}
            """)
        let interpreter = try InterpreterSpec.load(path: path, reserved: ["pypy3"])
        #expect(interpreter.id == "rustpython")
        #expect(interpreter.arguments == ["-q"])
        guard case .wasm(let module, let hosting) = interpreter.build else {
            Issue.record("not a Wasm build")
            return
        }
        #expect(module == folder.url.appendingPathComponent("py.wasm").standardizedFileURL.path)
        #expect(hosting.mounts.map(\.guestPath) == ["/lib/python"])
        #expect(hosting.mounts.first?.hostPath.hasSuffix("/lib") == true)
        #expect(hosting.environment == ["PYTHONHOME": "/lib/python"])
        #expect(hosting.commandExport == "run")
        #expect(hosting.trapUnknownImports)
        let record = try #require(interpreter.buildRecord)
        #expect(record.implementation == "RustPython")
        #expect(record.compiler == "rustc 1.80.0")
        #expect(record.flags == "-C opt-level=3")
    }

    @Test("only id and module are required; what is missing stays unknown")
    func minimalSpec() throws {
        let interpreter = try InterpreterSpec.load(
            path: try spec(#"{"id": "mine", "module": "py.wasm"}"#), reserved: [])
        #expect(interpreter.languageVersion == "unknown")
        #expect(interpreter.buildRecord?.compiler == nil)
        guard case .wasm(_, let hosting) = interpreter.build else { return }
        #expect(hosting.mounts.isEmpty && hosting.environment.isEmpty && hosting.commandExport == nil)
    }

    @Test(
        "a bad spec says what is wrong and where",
        arguments: [
            (#"{"module": "py.wasm"}"#, "missing field `id`"),
            (#"{"id": "Mine@x", "module": "py.wasm"}"#, "may hold only"),
            (#"{"id": "pypy3", "module": "py.wasm"}"#, "one of wasmbench's own interpreters"),
            (#"{"id": "a", "module": "absent.wasm"}"#, "cannot be read"),
            (#"{"id": "a", "module": "spec.json"}"#, "not a WebAssembly binary"),
            (#"{"id": "a", "module": "py.wasm", "mounts": [{"host": "nope", "guest": "/x"}]}"#, "does not exist"),
            (#"{"id": "a", "module": "py.wasm", "mounts": [{"host": "lib", "guest": "x"}]}"#, "must be absolute"),
            (#"{"id": "a", "module": "py.wasm", "arguments": "-q"}"#, "at arguments"),
            ("not json", "is not valid"),
        ])
    func badSpec(_ json: String, _ expected: String) throws {
        let path = try spec(json)
        do {
            _ = try InterpreterSpec.load(path: path, reserved: ["pypy3"])
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test("a missing spec file names the flag to fix")
    func missingFile() {
        #expect(
            throws: InterpreterSpecError.unreadable(path: "/nonexistent/spec.json", reason: "No such file or directory")
        ) {
            try InterpreterSpec.load(path: "/nonexistent/spec.json", reserved: [])
        }
    }
}
