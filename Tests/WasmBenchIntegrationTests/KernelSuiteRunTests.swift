import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// The foundation's acceptance run, smaller: every kernel on every runtime of the issue, with
/// real runtimes, checking that the saved JSON holds what a reader needs.
@Suite("The kernels suite on every runtime", .serialized)
struct KernelSuiteRunTests {
    static let runtimes = ["native", "wasmkit", "wasmtime", "wasmtime-winch", "wasmtime-aot", "wasmtime-capi", "node"]

    @Test(
        "execute summaries with CIs and ratios to native for every kernel × runtime, and the phases each runtime exposes"
    )
    func fullRun() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let json = folder.path("out.json")
        let markdown = folder.path("out.md")
        let run = try WasmbenchBinary.run(
            [
                "run", "--suite", "kernels", "--runtime", Self.runtimes.joined(separator: ","), "--processes", "2",
                "--iterations", "3", "--warmups", "1", "--json", json, "--markdown", markdown, "--no-install",
                "--keep-artifacts", folder.path("kept"),
            ], timeout: 1500, in: folder)
        #expect(run.status == 0, "wasmbench run failed: \(run.stderr.suffix(2000))")
        let result = try JSONDecoder().decode(
            RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
        #expect(result.schemaVersion == schemaVersion)
        #expect(result.complete)
        #expect(result.runFolder == URL(fileURLWithPath: folder.path("kept")).standardizedFileURL.path)
        // Every recorded command runs again after the run (the AOT artifact, the worker's request
        // and the drivers' inputs are kept in the run folder).
        for runtime in Self.runtimes {
            let again = try WasmbenchBinary.run(
                ["reproduce", json, "kernels/fib", runtime], timeout: 300, in: folder)
            #expect(again.status == 0, "reproduce \(runtime) failed: \(again.stderr.suffix(1500))")
            #expect(again.stderr.hasPrefix("$ "))
        }
        #expect(result.failures.isEmpty, "\(result.failures)")
        let kernels = result.workloads.map(\.id)
        #expect(kernels.count >= 6)
        for workload in result.workloads {
            #expect(workload.compiler != nil && workload.compilerVersion != nil && !workload.flags.isEmpty)
            #expect(workload.nativeSHA256 != nil && workload.sourceSHA256 != nil)
        }
        for kernel in kernels {
            for runtime in Self.runtimes {
                let execute = try #require(
                    result.summaries.first {
                        $0.workload == kernel && $0.runtime == runtime && $0.phase == .execute && $0.metric == .time
                    }, "no execute summary for \(runtime) × \(kernel)")
                #expect(execute.ciLow <= execute.median && execute.median <= execute.ciHigh)
                #expect(execute.median > 0)
                let minimum = try #require(execute.processMinimum, "both estimators are saved")
                #expect(minimum.ciLow != nil && minimum.value > 0)
                if runtime != "native" {
                    #expect(execute.ratioToBaseline != nil && execute.ratioCILow != nil && execute.ratioCIHigh != nil)
                    #expect(execute.processMinimumRatio?.ciHigh != nil)
                    // The numbers are the right size, not only there: no Wasm runtime runs these
                    // kernels 5× faster than the same C natively or 500× slower (a unit slip of
                    // the guest's clock or a driver's report is 1000×), and WasmKit's interpreter
                    // is slower than native code.
                    for ratio in [execute.ratioToBaseline, execute.processMinimumRatio?.value].compactMap({ $0 }) {
                        #expect((0.2...500).contains(ratio), "\(runtime) × \(kernel): execute ratio \(ratio)")
                        if runtime == "wasmkit" { #expect(ratio > 1, "WasmKit faster than native on \(kernel)") }
                    }
                }
                let info = try #require(result.runtimes.first { $0.id == runtime })
                for phase in info.exposedPhases where phase != .execute {
                    #expect(
                        result.summaries.contains {
                            $0.workload == kernel && $0.runtime == runtime && $0.phase == phase
                        },
                        "\(runtime) exposes \(phase) but has no summary for \(kernel)")
                }
                let phases = Set(result.rows.filter { $0.runtime == runtime && $0.workload == kernel }.map(\.phase))
                #expect(phases.isSubset(of: Set(info.exposedPhases)), "\(runtime) reported phases it does not expose")
            }
        }
        for (runtime, phases) in [
            ("wasmkit", [Phase.parse, .compile, .instantiate]), ("wasmtime-capi", [.compile, .aotLoad, .instantiate]),
            ("wasmtime-aot", [.aotCompile]), ("node", [.compile, .instantiate]),
        ] {
            for phase in phases {
                #expect(
                    result.summaries.contains { $0.runtime == runtime && $0.phase == phase },
                    "\(runtime) lacks \(phase)")
            }
        }
        #expect(result.rows.contains { $0.runtime == "wasmtime-aot" && $0.metric == .artifactBytes && $0.value > 0 })
        Self.checkIterationsFitWall(result)
        // Peak RSS is the child's own, not wasmbench's (a vfork'ed child would inherit ours):
        // the static native kernels need a few MiB.
        let nativeRSS = result.summaries.filter { $0.runtime == "native" && $0.metric == .peakRSS }
        #expect(nativeRSS.count == kernels.count)
        #expect(nativeRSS.allSatisfy { $0.median < 16 * 1_048_576 }, "\(nativeRSS.map(\.median))")
        #expect(result.rows.filter { $0.runtime == "wasmtime" }.allSatisfy { $0.command?.contains("cache=n") == true })
        #expect(result.geometricMeans.count == Self.runtimes.count - 1)
        let report = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(report.contains("wasmtime-capi") && report.contains("geomean"))
    }

    /// The iterations of every process sum to no more than that process's wall time: each one is
    /// timed inside the process, so together they cannot last longer than the process did.
    static func checkIterationsFitWall(_ result: RunResult) {
        let processes = Set(result.rows.map { "\($0.runtime)|\($0.workload)|\($0.process)" })
        #expect(!processes.isEmpty)
        for key in processes {
            let rows = result.rows.filter { "\($0.runtime)|\($0.workload)|\($0.process)" == key }
            let iterations = rows.filter { $0.phase == .execute && $0.metric == .time }.map(\.value)
            guard let wall = rows.first(where: { $0.phase == .wall && $0.metric == .time })?.value else {
                Issue.record("process \(key) has no wall time")
                continue
            }
            #expect(!iterations.isEmpty, "process \(key) has no iteration")
            #expect(
                iterations.reduce(0, +) <= wall, "process \(key): iterations \(iterations) outlast its wall \(wall)")
        }
    }

    @Test("`wasmbench report` re-renders the saved JSON without running anything")
    func reportFromJSON() throws {
        let folder = TemporaryFolder()
        let json = folder.path("out.json")
        let run = try WasmbenchBinary.run(
            [
                "run", "--kernel", "fib", "--runtime", "native,wasmtime", "--processes", "2", "--iterations", "2",
                "--warmups", "0", "--json", json, "--no-install",
            ], in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(1000))")
        let markdown = try WasmbenchBinary.run(["report", json, "--format", "markdown"], in: folder)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("kernels/fib"))
        let terminal = try WasmbenchBinary.run(["report", json], in: folder)
        #expect(terminal.stdout.contains("geomean"))
    }
}
