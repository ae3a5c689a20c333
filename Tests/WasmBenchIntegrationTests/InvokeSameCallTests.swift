import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// The same `--invoke` call on every runtime (issue 13, item 7): `inf`, an i64 and an i32 given
/// in its unsigned spelling reach every runtime as the same values. The export traps unless it
/// gets exactly infinity, 5 and -1, so a runtime that coerced or misread one fails the run.
@Suite("Invoke: the same call on every runtime", .serialized)
struct InvokeSameCallTests {
    static let check = """
        (module
          (func (export "check") (param f64 i64 i32)
            (if (f64.ne (local.get 0) (f64.const inf)) (then unreachable))
            (if (i64.ne (local.get 1) (i64.const 5)) (then unreachable))
            (if (i32.ne (local.get 2) (i32.const -1)) (then unreachable))))
        """

    @Test("inf, an i64 and 4294967295 as an i32 arrive alike on wasmkit, wasmtime-capi, wasmtime and node")
    func sameCall() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let module = try folder.file("check.wat", containing: Self.check)
        let json = folder.path("r.json")
        let run = try WasmbenchBinary.run(
            [
                "run", module, "--invoke", "check", "--arg", "inf", "--arg", "5", "--arg", "4294967295", "--runtime",
                "wasmkit,wasmtime-capi,wasmtime,node", "--baseline", "wasmkit", "--processes", "1", "--iterations",
                "2", "--warmups", "0", "--no-install", "--json", json,
            ], timeout: 600, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.workloads.first?.arguments == ["inf", "5", "-1"])
        for runtime in ["wasmkit", "wasmtime-capi", "wasmtime", "node"] {
            #expect(result.rows.contains { $0.runtime == runtime && $0.phase == .wall }, "\(runtime) did not run")
        }
    }
}
