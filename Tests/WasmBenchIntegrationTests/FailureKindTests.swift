import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// The same guest failure gets the same kind on every runtime: a stack overflow is a `trap`, an
/// import nobody provides an `invalid-module` that says it could not link, and a module whose
/// bytes do not decode an `invalid-module` named malformed.
@Suite("Failure kinds agree across runtimes", .serialized)
struct FailureKindTests {
    static let runtimes = ["wasmkit", "wasmtime", "wasmtime-capi", "node", "wasm3"]

    /// `module` (WAT text, or bytes) run once on every runtime; its failures by runtime.
    func failures(_ name: String, text: String? = nil, bytes: [UInt8]? = nil) throws -> [String: Failure] {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let module = folder.path(name)
        if let text { try text.write(toFile: module, atomically: true, encoding: .utf8) }
        if let bytes { FileManager.default.createFile(atPath: module, contents: Data(bytes)) }
        let json = folder.path("r.json")
        let run = try WasmbenchBinary.run(
            [
                "run", module, "--runtime", Self.runtimes.joined(separator: ","), "--baseline", "wasmkit",
                "--processes", "1", "--iterations", "1", "--warmups", "0", "--timeout", "60", "--no-install",
                "--no-canary", "--json", json,
            ], in: folder)
        #expect(run.status == 1, "\(run.stderr.suffix(800))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        return Dictionary(result.failures.map { ($0.runtime, $0) }) { first, _ in first }
    }

    @Test("unbounded recursion is a trap on every runtime (V8's RangeError included)")
    func stackOverflow() throws {
        let failures = try failures(
            "recursion.wat",
            text: """
                (module (memory (export "memory") 1)
                  (func $f (param i32) (result i32) (call $f (i32.add (local.get 0) (i32.const 1))))
                  (func (export "_start") (drop (call $f (i32.const 0)))))
                """)
        for runtime in Self.runtimes {
            #expect(failures[runtime]?.kind == .trap, "\(runtime): \(String(describing: failures[runtime]))")
        }
    }

    @Test("an import nobody provides is an invalid module that could not be linked on every runtime")
    func unknownImport() throws {
        let failures = try failures(
            "import.wat",
            text: """
                (module (import "env" "missing" (func $missing)) (memory (export "memory") 1)
                  (func (export "_start") (call $missing)))
                """)
        for runtime in Self.runtimes {
            let failure = failures[runtime]
            #expect(failure?.kind == .invalidModule, "\(runtime): \(String(describing: failure))")
            #expect(
                failure?.message.contains("link") == true || failure?.message.contains("unknown import") == true,
                "\(runtime): \(String(describing: failure))")
        }
    }

    @Test(
        "a type section that says 5 types and holds none: invalid-module everywhere, and wasmtime-capi says malformed")
    func malformed() throws {
        let failures = try failures("malformed.wasm", bytes: [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 1, 5])
        for runtime in Self.runtimes {
            #expect(failures[runtime]?.kind == .invalidModule, "\(runtime): \(String(describing: failures[runtime]))")
        }
        #expect(failures["wasmtime-capi"]?.message.contains("malformed") == true, "\(String(describing: failures))")
    }
}
