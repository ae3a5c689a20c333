import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// wasmtime's Pulley interpreter, straight and ahead of time: the kernels run, the AOT form
/// times its compile and sizes its bytecode, and both interpret (slower than native code).
@Suite("wasmtime's Pulley interpreter", .serialized)
struct PulleyRuntimeTests {
    @Test("fib and hash run on wasmtime-pulley and wasmtime-pulley-aot with execute summaries and ratios")
    func kernels() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("pulley.json")
        let run = try WasmbenchBinary.run(
            [
                "run", "--kernel", "fib,hash", "--runtime", "native,wasmtime,wasmtime-pulley,wasmtime-pulley-aot",
                "--processes", "2", "--iterations", "2", "--warmups", "0", "--precision", "off", "--no-install",
                "--json", json,
            ], timeout: 1200, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        for id in ["wasmtime-pulley", "wasmtime-pulley-aot"] {
            let info = try #require(result.runtimes.first { $0.id == id })
            #expect(info.available && info.flags.contains("target=pulley64"), "\(info)")
            for kernel in ["kernels/fib", "kernels/hash"] {
                let summary = try #require(
                    result.summaries.first {
                        $0.runtime == id && $0.workload == kernel && $0.phase == .execute && $0.metric == .time
                    }, "no execute summary for \(id) × \(kernel)")
                let jit = try #require(
                    result.summaries.first {
                        $0.runtime == "wasmtime" && $0.workload == kernel && $0.phase == .execute && $0.metric == .time
                    })
                // An interpreter of bytecode against Cranelift's native code: slower, within reason.
                let ratio = try #require(summary.ratioToBaseline)
                #expect(ratio > 1.5 && ratio < 1000, "\(id) × \(kernel): \(ratio)× native")
                #expect(summary.median > jit.median, "\(id) × \(kernel) is not slower than Cranelift")
            }
        }
        let aot = result.rows.filter { $0.runtime == "wasmtime-pulley-aot" && $0.phase == .aotCompile }
        #expect(aot.contains { $0.metric == .artifactBytes && $0.value > 1000 })
        #expect(aot.contains { $0.metric == .time && $0.value > 0 })
        #expect(aot.contains { $0.command?.contains("--target pulley64") == true })
    }
}
