import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// `wasmbench explain` on a real kernel: callgrind counts on native and wasmtime (JIT and AOT),
/// callgrind's function profile of the native build and wasmtime's guest profile, both naming
/// the kernel's own function.
@Suite("explain counts instructions per iteration and names the functions on both sides")
struct ExplainRunTests {
    @Test("fib: a differential count per iteration on every runtime, the ratio to native, profiles that name fib")
    func fib() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("explain.json")
        let run = try WasmbenchBinary.run(
            ["explain", "--kernel", "fib", "--runtime", "native,wasmtime,wasmtime-aot", "--json", json],
            timeout: 1500, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let report = try JSONDecoder().decode(
            ExplainReport.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(report.schemaVersion == explainReportSchemaVersion)
        #expect(report.failures.isEmpty, "\(report.failures)")
        let native = try #require(report.instructions.first { $0.runtime == "native" })
        // fib(35)-sized work: hundreds of millions of instructions an iteration, next to a start-up
        // of a few thousand for a static native binary.
        #expect(native.perIteration > 1e7)
        #expect(native.outside < native.perIteration / 100)
        #expect(native.runs.map(\.iterations) == [2, 4, 6])
        #expect(native.steady == true, "a native kernel costs the same every iteration: \(native)")
        for runtime in ["wasmtime", "wasmtime-aot"] {
            let count = try #require(report.instructions.first { $0.runtime == runtime })
            let ratio = try #require(count.ratioToBaseline)
            #expect(ratio > 0.5 && ratio < 5, "\(runtime): \(ratio)")
            #expect(count.runs.allSatisfy { $0.command?.contains("valgrind") == true })
            let profile = try #require(report.profiles.first { $0.runtime == runtime })
            #expect(profile.source == .guestProfiler)
            #expect(profile.functions.first?.name == "fib", "\(profile.functions.prefix(3))")
        }
        let nativeProfile = try #require(report.profiles.first { $0.runtime == "native" })
        #expect(nativeProfile.source == .callgrind)
        #expect(nativeProfile.functions.first?.name == "fib")
        #expect((nativeProfile.functions.first?.share ?? 0) > 0.9)
        #expect(run.stdout.contains("instructions per iteration"))
    }
}
