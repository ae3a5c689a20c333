import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// Wasmer 2 through wasmer-python, installed by `wasmbench setup` into the cache for a Python 3.10:
/// a kernel runs on the Cranelift and Singlepass compilers with compile, instantiate, start-up and
/// every iteration recorded, checked against native.
@Suite("The Wasmer runtimes", .serialized)
struct WasmerRunTests {
    @Test("fib runs on wasmer-cranelift and wasmer-singlepass with compile and instantiate rows and execute summaries")
    func kernel() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("wasmer.json")
        let ids = ["wasmer-cranelift", "wasmer-singlepass"]
        let run = try WasmbenchBinary.run(
            [
                "run", "--kernel", "fib", "--runtime", (["native"] + ids).joined(separator: ","), "--processes", "2",
                "--iterations", "2", "--warmups", "0", "--precision", "off", "--no-install", "--json", json,
            ], timeout: 300, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        for id in ids {
            let info = try #require(result.runtimes.first { $0.id == id })
            #expect(info.available, "\(id): \(info.unavailableReason ?? "")")
            #expect(info.version.hasPrefix("2.1.1 (wasmer-python 1.1.0)"))
            #expect(info.flags.contains("compiler=\(id.dropFirst("wasmer-".count))"), "\(info.flags)")
            let rows = result.rows.filter { $0.runtime == id && $0.workload == "kernels/fib" }
            for phase in [Phase.compile, .instantiate, .startup] {
                #expect(
                    rows.filter { $0.phase == phase && $0.value > 0 }.count == 2, "\(id) has no \(phase) per process")
            }
            #expect(rows.filter { $0.phase == .execute }.compactMap(\.iteration).sorted() == [0, 0, 1, 1])
            let summary = try #require(
                result.summaries.first {
                    $0.runtime == id && $0.workload == "kernels/fib" && $0.phase == .execute && $0.metric == .time
                }, "no execute summary for \(id)")
            // Machine code from either compiler: not absurdly far from native in either direction.
            let ratio = try #require(summary.ratioToBaseline)
            #expect(ratio > 0.3 && ratio < 50, "\(id): \(ratio)× native")
        }
    }

    @Test(
        "an invoked export runs with its iterations timed; a trap, an exit status and a hang are failures of their kinds"
    )
    func outcomes() throws {
        let folder = TemporaryFolder()
        var modules: [String: String] = [:]
        for (name, text) in [
            ("add", GuestModules.add), ("trap", GuestModules.trap), ("exit", GuestModules.exitThree),
            ("hang", GuestModules.hang),
        ] {
            modules[name] = folder.path("\(name).wat")
            try text.write(toFile: folder.path("\(name).wat"), atomically: true, encoding: .utf8)
        }
        let json = folder.path("add.json")
        let add = try WasmbenchBinary.run(
            [
                "run", try #require(modules["add"]), "--invoke", "add", "--arg", "1", "--arg", "2", "--runtime",
                "wasmer-singlepass,wasmkit", "--baseline", "wasmkit", "--processes", "1", "--iterations", "3",
                "--warmups", "0", "--no-install", "--json", json,
            ], timeout: 120, in: folder)
        #expect(add.status == 0, "\(add.stderr.suffix(1500))")
        let added = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        let calls = added.rows.filter { $0.runtime == "wasmer-singlepass" && $0.phase == .execute }
        #expect(calls.compactMap(\.iteration).sorted() == [0, 1, 2], "\(added.failures)")
        for (name, kind) in [("trap", FailureKind.trap), ("exit", .nonZeroExit), ("hang", .timeout)] {
            let out = folder.path("\(name).json")
            _ = try WasmbenchBinary.run(
                [
                    "run", try #require(modules[name]), "--runtime", "wasmer-cranelift,wasmkit", "--baseline",
                    "wasmkit",
                    "--processes", "1", "--iterations", "1", "--warmups", "0", "--timeout", "3", "--no-install",
                    "--json", out,
                ], timeout: 120, in: folder)
            let result = try JSONDecoder().decode(
                RunResult.self, from: try #require(FileManager.default.contents(atPath: out)))
            let failure = try #require(result.failures.first { $0.runtime == "wasmer-cranelift" }, "\(name)")
            #expect(failure.kind == kind, "\(name): \(failure.message)")
        }
    }
}
