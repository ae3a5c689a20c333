import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// `wasmbench explain --opcodes` on real modules: the kernels' opcode mix on WasmKit beside
/// callgrind's native count, a module that traps mid-block, and one the instrumenter refuses.
@Suite("explain --opcodes counts every Wasm opcode of an iteration", .serialized)
struct ExplainOpcodesRunTests {
    @Test("fib: the same Wasm count every iteration, named functions, Wasm instructions per native instruction")
    func fib() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("explain.json")
        let run = try WasmbenchBinary.run(
            ["explain", "--opcodes", "--kernel", "fib", "--runtime", "native", "--json", json], timeout: 1500,
            in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let report = try JSONDecoder().decode(
            ExplainReport.self, from: try #require(FileManager.default.contents(atPath: json)))
        let profile = try #require(report.opcodes?.first)
        #expect(profile.runtime == "wasmkit" && profile.trap == nil)
        // A deterministic guest executes exactly the same Wasm every iteration.
        #expect(profile.steady == true)
        #expect(profile.runs.map(\.iterations) == [2, 4, 6])
        #expect(profile.perIteration > 1e7)
        #expect(profile.functions.first?.name == "fib")
        #expect(profile.hasNames)
        #expect(profile.opcodes.first?.name == "local.get")
        #expect(profile.opcodes.contains { $0.name == "call" && $0.category == .calls })
        let perNative = try #require(profile.perNativeInstruction["native"])
        #expect(perNative > 0.3 && perNative < 5, "\(perNative)")
        #expect(abs(profile.categories.reduce(0) { $0 + $1.share } - 1) < 1e-9)
        #expect(run.stdout.contains("Wasm instructions per iteration"))
    }

    @Test("every kernel: the same counts on WasmKit and on wasmtime's C API")
    func wasmKitAndWasmtime() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("explain.json")
        let kernels = ["fib", "hash", "interp", "intloop", "matmul", "nbody", "sort"]
        let run = try WasmbenchBinary.run(
            [
                "explain", "--opcodes", "--no-callgrind", "--kernel", kernels.joined(separator: ","), "--runtime",
                "wasmkit,wasmtime-capi", "--iterations", "1,2", "--json", json,
            ], timeout: 1500, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let report = try JSONDecoder().decode(
            ExplainReport.self, from: try #require(FileManager.default.contents(atPath: json)))
        let profiles = report.opcodes ?? []
        for kernel in kernels {
            let wasmKit = try #require(profiles.first { $0.workload.hasSuffix(kernel) && $0.runtime == "wasmkit" })
            let wasmtime = try #require(
                profiles.first { $0.workload.hasSuffix(kernel) && $0.runtime == "wasmtime-capi" })
            // The kernel's own work is counted identically: its hottest function's count per iteration
            // is the same on both engines. The whole run's counts differ by a few dozen instructions
            // in a billion, as two runs on one engine do: the guest prints its own clock readings
            // (`wasmbench:iter 1 77645828`), and formatting other digits runs other instructions.
            let hottest = try #require(wasmKit.functions.first)
            let same = wasmtime.functions.first { $0.index == hottest.index }
            #expect(same?.perIteration == hottest.perIteration, "\(kernel): \(hottest) / \(String(describing: same))")
            for (left, right) in zip(wasmKit.runs, wasmtime.runs) {
                #expect(abs(left.instructions - right.instructions) <= 1e-6 * left.instructions, "\(kernel)")
            }
            #expect(wasmKit.blocks == wasmtime.blocks && wasmKit.perIteration > 0, "\(kernel)")
        }
    }

    @Test("a module that traps mid-block gives its counts flagged; a module the instrumenter refuses names the place")
    func badModules() throws {
        let folder = TemporaryFolder()
        let trapping = folder.path("trap.wat")
        try """
        (module (func (export "_start") (drop (i32.div_u (i32.const 1) (i32.const 0))) (drop (i32.const 2))))
        """.write(toFile: trapping, atomically: true, encoding: .utf8)
        // A module of one function whose body holds the legacy `try` (0x06), which WasmKit 0.4.2 cannot decode.
        let refused = folder.path("refused.wasm")
        let body: [UInt8] = [0x00, 0x06, 0x40, 0x0B, 0x0B]
        let bytes: [UInt8] =
            [
                0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01,
                0x00,
            ]
            + [0x07, 0x0A, 0x01, 0x06] + Array("_start".utf8) + [0x00, 0x00]
            + [0x0A, UInt8(body.count + 2), 0x01, UInt8(body.count)] + body
        FileManager.default.createFile(atPath: refused, contents: Data(bytes))
        let json = folder.path("explain.json")
        let run = try WasmbenchBinary.run(
            ["explain", "--opcodes", "--no-callgrind", trapping, refused, "--iterations", "1,2", "--json", json],
            timeout: 600, in: folder)
        #expect(run.status == 1, "\(run.stderr.suffix(2000))")
        let report = try JSONDecoder().decode(
            ExplainReport.self, from: try #require(FileManager.default.contents(atPath: json)))
        let trapped = try #require(report.opcodes?.first { $0.workload.hasSuffix("trap.wat") })
        #expect(trapped.trap != nil)
        // i32.const i32.const i32.div_u drop i32.const drop end: the block counts as completed.
        #expect(trapped.perIteration == 7)
        #expect(!trapped.hasNames && trapped.functions.first?.name == nil)
        let failure = try #require(report.failures.first { $0.workload.hasSuffix("refused.wasm") })
        #expect(failure.kind == .invalidModule)
        #expect(failure.message.contains("function 0") && failure.message.contains("byte offset"))
        #expect(FileManager.default.contents(atPath: refused) == Data(bytes))
    }
}
