import Foundation
import TestSupport
import Testing
import WasmBenchModel

#if canImport(FoundationXML)
    import FoundationXML
#endif

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

    @Test("nbody: --flamegraph writes native, Wasm and differential SVGs and folded stacks naming nbody's functions")
    func flamegraphs() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let graphs = folder.path("graphs/new")
        let run = try WasmbenchBinary.run(
            [
                "explain", "--kernel", "nbody", "--runtime", "native,wasmtime", "--iterations", "1,2", "--flamegraph",
                graphs, "--html", folder.path("report.html"), "--format", "markdown",
            ], timeout: 900, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let names = try FileManager.default.contentsOfDirectory(atPath: graphs).sorted()
        #expect(
            names == [
                "kernels_nbody.diff.svg", "kernels_nbody.native.folded", "kernels_nbody.native.svg",
                "kernels_nbody.wasm.folded", "kernels_nbody.wasm.svg",
            ])
        for name in names where name.hasSuffix(".svg") {
            let svg = try #require(FileManager.default.contents(atPath: graphs + "/" + name))
            let parser = XMLParser(data: svg)
            #expect(parser.parse(), "\(name) is not well-formed: \(String(describing: parser.parserError))")
            // Both sides run the kernel's work function: by symbol natively, by the name section in Wasm.
            #expect(String(decoding: svg, as: UTF8.self).contains("nbody_work"), "\(name)")
        }
        for side in ["native", "wasm"] {
            let folded = try String(contentsOfFile: graphs + "/kernels_nbody.\(side).folded", encoding: .utf8)
            #expect(
                folded.split(separator: "\n").contains { $0.contains(";nbody_work") }, "\(side): \(folded.prefix(600))")
        }
        let page = try String(contentsOfFile: folder.path("report.html"), encoding: .utf8)
        #expect(page.contains("class=\"flamegraph\"") && page.contains("nbody_work"))
        #expect(run.stdout.contains("kernels_nbody.diff.svg"), "the Markdown report names the files")
    }
}
