import Foundation
import TestSupport
import Testing
import WasmBenchModel

/// `wasmbench run --measure instructions` twice on the same kernel, then `wasmbench compare`:
/// callgrind's counts repeat, so an A/A comparison is unchanged on every cell whatever else the
/// machine does. Needs valgrind (CI installs it).
@Suite("run --measure instructions: counts that repeat, so an A/A compare is unchanged", .serialized)
struct InstructionMeasureTests {
    /// Runs the fib kernel on native and wasmtime, counted at 1 and 2 iterations, into `json`.
    func countedRun(_ json: String, in folder: TemporaryFolder) throws -> RunResult {
        let run = try WasmbenchBinary.run(
            [
                "run", "--measure", "instructions", "--kernel", "fib", "--runtime", "native,wasmtime",
                "--counted-iterations", "1,2", "--json", json, "--no-install",
            ], timeout: 900, in: folder)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        return try JSONDecoder().decode(RunResult.self, from: try #require(FileManager.default.contents(atPath: json)))
    }

    @Test("fib on native and wasmtime, counted twice: every cell unchanged and within 0.5%")
    func sameCountsTwice() throws {
        #expect(SharedSetup.outcome.status == 0, "wasmbench setup failed: \(SharedSetup.outcome.log.suffix(800))")
        let folder = TemporaryFolder()
        let (base, new) = (folder.path("a.json"), folder.path("b.json"))
        for path in [base, new] {
            let result = try countedRun(path, in: folder)
            #expect(result.configuration.measure == .instructions)
            #expect(result.configuration.countedIterations == [1, 2])
            #expect(result.failures.isEmpty, "\(result.failures)")
            #expect(!result.rows.contains { $0.metric != .instructions }, "an instruction run times nothing")
            for runtime in ["native", "wasmtime"] {
                let rows = result.rows.filter { $0.runtime == runtime }
                #expect(rows.map(\.iterations) == [1, 2], "\(runtime): one counted set of two runs")
                #expect(rows.allSatisfy { $0.command?.contains("valgrind") == true })
                let count = try #require(
                    result.summaries.first {
                        $0.runtime == runtime && $0.phase == .execute && $0.metric == .instructions
                    }, "no instruction count for \(runtime)")
                // fib(35): some 15 million calls, so hundreds of millions of instructions an iteration.
                #expect(count.median > 1e7, "\(runtime): \(count.median)")
            }
            let ratio = try #require(
                result.summaries.first { $0.runtime == "wasmtime" && $0.metric == .instructions }?.ratioToBaseline)
            #expect(ratio > 0.5 && ratio < 5, "wasmtime ÷ native: \(ratio)")
        }
        let compare = try WasmbenchBinary.run(["compare", base, new, "--format", "json"], timeout: 120, in: folder)
        #expect(compare.status == 0, "\(compare.stderr)")
        let comparison = try JSONDecoder().decode(RunComparison.self, from: Data(compare.stdout.utf8))
        #expect(comparison.measure == .instructions)
        let cells = comparison.comparisons.filter { $0.phase == .execute && $0.metric == .instructions }
        #expect(Set(cells.map(\.runtime)) == ["native", "wasmtime"])
        for cell in cells {
            print(
                "A/A \(cell.workload) on \(cell.runtime): \(cell.baseMedian) vs \(cell.newMedian) instructions/iteration, ratio \(cell.ratio)"
            )
            #expect(cell.verdict == .unchanged, "\(cell)")
            #expect(abs(cell.ratio - 1) < 0.005, "\(cell.runtime): \(cell.ratio)")
        }
        #expect(!comparison.regressed)
    }
}
