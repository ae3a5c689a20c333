import Foundation
import TestSupport
import Testing
import WasmBenchAnalysis
import WasmBenchHistory
import WasmBenchJobs
import WasmBenchModel
import WasmBenchPlan
import WasmBenchRunner

@Suite("Jobs: the commands' work without argument parsing, and the exit status of each library's errors")
struct JobTests {
    let folder = TemporaryFolder()

    /// Saves `result` as a run JSON in the folder and returns its path.
    func saved(_ result: RunResult, as name: String) throws -> String {
        let path = folder.path(name)
        try ArtifactFile.writeJSON(.run(result), to: path)
        return path
    }

    @Test(
        "compare: two identical runs pass and the Markdown report is written; a timed run against a counted one is invalid input"
    )
    func compare() throws {
        let base = try saved(ReportFixture.runResult(), as: "a.json")
        let same = try saved(ReportFixture.runResult(), as: "b.json")
        let markdown = folder.path("c.md")
        let sink = ReportSink(format: .json, markdown: markdown)
        try CompareJob(base: base, new: same, comparer: RunComparer(), report: sink).execute()
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).contains(base))
        var counted = ReportFixture.runResult()
        counted.configuration.measure = .instructions
        let other = try saved(counted, as: "d.json")
        let error = try #require(throws: JobError.self) {
            try CompareJob(base: base, new: other, comparer: RunComparer(), report: sink).execute()
        }
        #expect(error.status == .invalidInput)
        #expect(error.message.hasPrefix("\(base) and \(other): "))
    }

    @Test("each library error maps to the exit status the README documents; others are not a library's")
    func exitStatuses() {
        #expect(ExitStatus.of(PlanError.usage("u"))?.status == .usage)
        #expect(ExitStatus.of(PlanError.environment("e"))?.status == .environment)
        #expect(ExitStatus.of(HistoryError.locked(store: "s", seconds: 1))?.status == .environment)
        #expect(ExitStatus.of(JobError(.regressed, "r"))?.status == .regressed)
        #expect(ExitStatus.of(JobError(.regressed, "r"))?.message == "r")
        #expect(ExitStatus.of(CocoaError(.fileNoSuchFile)) == nil)
    }
}
