import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// wasm3 (our driver over pywasm3's wasm3 core) and the Zig port of WAMR (ahead of time) on a
/// real kernel: execute summaries with ratios to native, and each one's own phases.
@Suite("wasm3 and wamr-aot on a kernel", .serialized)
struct Wasm3WAMRRuntimeTests {
    @Test(
        "fib runs on wasm3 and wamr-aot: execute summaries and ratios, wasm3's parse/compile/instantiate, wamr's compile and artifact"
    )
    func fib() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("engines.json")
        let run = try WasmbenchBinary.run(
            [
                "run", "--kernel", "fib", "--runtime", "native,wasm3,wamr-aot", "--processes", "2", "--iterations", "2",
                "--warmups", "0", "--precision", "off", "--no-install", "--json", json,
            ], timeout: 600, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        for id in ["wasm3", "wamr-aot"] {
            let info = try #require(result.runtimes.first { $0.id == id })
            #expect(info.available, "\(info)")
            let execute = try #require(
                result.summaries.first {
                    $0.runtime == id && $0.workload == "kernels/fib" && $0.phase == .execute && $0.metric == .time
                }, "no execute summary for \(id)")
            // An interpreter and unoptimised AOT code against the same C compiled natively.
            let ratio = try #require(execute.ratioToBaseline)
            #expect(ratio > 1 && ratio < 500, "\(id): \(ratio)× native")
            let phases = Set(result.rows.filter { $0.runtime == id }.map(\.phase))
            #expect(phases.isSubset(of: Set(info.exposedPhases)), "\(id) reported phases it does not expose")
        }
        for phase in [Phase.parse, .compile, .instantiate, .startup] {
            #expect(result.rows.contains { $0.runtime == "wasm3" && $0.phase == phase && $0.value > 0 }, "\(phase)")
        }
        let aot = result.rows.filter { $0.runtime == "wamr-aot" && $0.phase == .aotCompile }
        #expect(aot.contains { $0.metric == .artifactBytes && $0.value > 1000 })
        #expect(aot.contains { $0.metric == .time && $0.value > 0 && $0.command?.contains("compile -O0") == true })
        let wamr = try #require(result.runtimes.first { $0.id == "wamr-aot" })
        #expect(wamr.notes.contains { $0.contains("not the Bytecode Alliance's WAMR") })
    }
}
