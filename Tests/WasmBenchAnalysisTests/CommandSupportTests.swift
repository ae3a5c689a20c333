import TestSupport
import Testing
import WasmBenchModel

@testable import WasmBenchAnalysis

@Suite("compare's gated phases and report's recomputed summaries, from the analysis")
struct CommandSupportTests {
    @Test("phase names read as phases in order; `none` gates none; unknown names are listed with the phases")
    func gatedPhases() throws {
        #expect(try Phase.gated(byNames: ["execute", "compile"]) == [.execute, .compile])
        #expect(try Phase.gated(byNames: ["none"]) == [])
        #expect(throws: Phase.UnknownNames(names: ["exec", "x"])) {
            try Phase.gated(byNames: ["exec", "execute", "x"])
        }
        let message = Phase.UnknownNames(names: ["x"]).description
        #expect(message.hasPrefix("unknown phase x in --fail-on; the phases are: "))
        #expect(message.hasSuffix(", or none") && message.contains("execute"))
    }

    func result() -> RunResult {
        var result = SavedRun.skeleton()
        for process in 0..<2 {
            for iteration in 0..<3 {
                result.rows.append(
                    Row(
                        runtime: "native", runtimeVersion: "1", flags: [], workload: "kernels/fib", phase: .execute,
                        value: 0.1 + 0.01 * Double(iteration), process: process, iteration: iteration,
                        warmup: iteration == 0))
            }
        }
        Summarizer(configuration: result.configuration).summarize(&result)
        return result
    }

    @Test("recomputing agreeing summaries adds nothing; a changed stored number gives one notice, kept in the run")
    func recompute() throws {
        var agreeing = result()
        #expect(SummaryDisagreement.recompute(&agreeing) == nil)
        #expect(agreeing == result())
        var tampered = result()
        let index = try #require(tampered.summaries.indices.first)
        tampered.summaries[index].median *= 2
        let notice = try #require(SummaryDisagreement.recompute(&tampered))
        #expect(notice.contains("disagree with the summaries recomputed from the rows"))
        #expect(tampered.notices.last == notice)
        #expect(tampered.summaries == result().summaries)
    }

    @Test("the notice shows five disagreements and counts the rest")
    func noticeCounts() {
        let disagreements = (0..<7).map {
            SummaryDisagreement(item: "item \($0)", field: "median", stored: 1, recomputed: 2)
        }
        let notice = SummaryDisagreement.notice(disagreements)
        #expect(notice?.hasPrefix("7 stored number(s) disagree") == true)
        #expect(notice?.hasSuffix("; and 2 more") == true)
        #expect(SummaryDisagreement.notice([]) == nil)
    }
}
