import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// `run --param` and `run --strip` on real runtimes: size variants side by side with a fitted line
/// per runtime × phase, and each module beside its stripped twin.
@Suite("Size sweeps and stripped modules", .serialized)
struct SizeSweepRunTests {
    static let common = [
        "--precision", "off", "--no-install", "--no-canary", "--quiet", "--store", "off", "--warmups", "0",
    ]

    /// Runs wasmbench with `arguments` into `folder`'s `name`.json and reads it.
    static func run(_ arguments: [String], _ name: String, in folder: TemporaryFolder) throws -> RunResult {
        let json = folder.path("\(name).json")
        let run = try WasmbenchBinary.run(
            ["run"] + arguments + common + ["--json", json, "--markdown", folder.path("\(name).md")], timeout: 900,
            in: folder)
        #expect(run.status == 0, "\(name): \(run.stderr.suffix(2000))")
        return try JSONDecoder().decode(RunResult.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
    }

    @Test("fib at n = 20, 24, 28 on native and wasmtime: a variant per size, a fitted line per phase, stripped twins")
    func sweep() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let result = try Self.run(
            [
                "--kernel", "fib", "--param", "n=20,24,28", "--strip", "--runtime", "native,wasmtime", "--processes",
                "2", "--iterations", "3", "--html", folder.path("sweep.html"),
            ], "sweep", in: folder)
        #expect(result.failures.isEmpty, "\(result.failures)")
        let ids = ["kernels/fib[n=20]", "kernels/fib[n=24]", "kernels/fib[n=28]"]
        #expect(result.workloads.map(\.id) == ids.flatMap { [$0, "\($0)[stripped]"] })
        #expect(result.workloads.first?.parameter == WorkloadParameter(name: "n", value: 20))
        // Every variant ran on both runtimes, its rows filed under its own id.
        for id in result.workloads.map(\.id) {
            for runtime in ["native", "wasmtime"] {
                #expect(
                    result.summaries.contains { $0.workload == id && $0.runtime == runtime && $0.phase == .execute },
                    "no execute summary for \(id) on \(runtime)")
            }
        }
        for runtime in ["native", "wasmtime"] {
            let fit = try #require(
                result.sizeFits.first {
                    $0.axis == .parameter && $0.runtime == runtime && $0.phase == .execute && $0.metric == .time
                }, "no execute fit on \(runtime)")
            #expect(fit.workload == "kernels/fib" && fit.points.map(\.size) == [20, 24, 28])
            let slope = try #require(fit.slope)
            let intercept = try #require(fit.intercept)
            // fib(28) makes about 47 times the calls of fib(20): the time per unit of n is positive.
            #expect(slope.value > 0)
            #expect((slope.ciLow ?? .infinity) <= slope.value && slope.value <= (slope.ciHigh ?? -.infinity))
            #expect((intercept.ciLow ?? .infinity) <= intercept.value)
        }
        // The twins: the kernels keep their debug sections for --strip, which the twin lacks.
        for id in ids {
            let original = try #require(result.workloads.first { $0.id == id })
            let twin = try #require(result.workloads.first { $0.id == "\(id)[stripped]" })
            #expect(twin.stripped == true && twin.variantOf == id)
            #expect((twin.wasmBytes ?? .max) < (original.wasmBytes ?? 0))
        }
        #expect(
            result.notices.contains { $0.contains("[stripped]: removed the custom sections") && $0.contains("`name`") })
        let markdown = try String(contentsOfFile: folder.path("sweep.md"), encoding: .utf8)
        #expect(markdown.contains("## Size and complexity") && markdown.contains("per n"))
        #expect(markdown.contains("## Custom sections removed") && markdown.contains("module size"))
        let html = try String(contentsOfFile: folder.path("sweep.html"), encoding: .utf8)
        #expect(html.contains("class=\"chart fit\""))
    }

    @Test("two kernels and their stripped twins on WasmKit: compile fitted against the module's bytes")
    func moduleSizes() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let result = try Self.run(
            [
                "--kernel", "fib,hash", "--strip", "--runtime", "wasmkit", "--baseline", "wasmkit", "--processes", "2",
                "--iterations", "2",
            ], "modules", in: folder)
        #expect(result.failures.isEmpty, "\(result.failures)")
        let compile = try #require(
            result.sizeFits.first { $0.axis == .moduleBytes && $0.runtime == "wasmkit" && $0.phase == .compile })
        #expect(compile.points.count == 4 && compile.slope != nil && compile.intercept != nil)
        #expect(result.summaries.contains { $0.workload == "kernels/hash[stripped]" && $0.phase == .parse })
    }

    @Test("a bad --param is a usage error naming what is wrong, before anything runs")
    func refused() throws {
        let folder = TemporaryFolder()
        for (arguments, words) in [
            (["--kernel", "fib", "--param", "n="], "no values"),
            (["--kernel", "fib", "--param", "n=20,x"], "`x` is not a whole number"),
            (["--kernel", "fib", "--param", "n=20,20"], "20 is given twice"),
            (["--kernel", "fib,sort", "--param", "n=20"], "only kernels/fib do"),
            (["--kernel", "fib", "--param", "n=99"], "takes n from 1 to 45"),
        ] {
            let run = try WasmbenchBinary.run(
                ["run"] + arguments + ["--runtime", "native"] + Self.common, timeout: 300, in: folder)
            #expect(run.status == 64, "\(arguments): \(run.stderr.suffix(800))")
            #expect(run.stderr.contains(words), "\(arguments): \(run.stderr.suffix(800))")
        }
    }
}
