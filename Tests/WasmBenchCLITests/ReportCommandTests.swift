import Foundation
import TestSupport
import Testing
import WasmBenchArtifact
import WasmBenchModel
import WasmBenchReport

/// `wasmbench report` re-renders a saved run in every format without running anything.
@Suite("wasmbench report renders a saved run")
struct ReportCommandTests {
    let folder = TemporaryFolder()

    /// A saved run of one workload on native and WasmKit, with a geometric mean.
    func savedRun() throws -> String {
        var result = SavedRun.skeleton(estimator: .median)
        result.summaries = [("native", 0.01, 1.0), ("wasmkit", 0.2, 20.0)].map { runtime, median, ratio in
            Summary(
                workload: "kernels/fib", runtime: runtime, phase: .execute, metric: .time, count: 4, median: median,
                mad: 0, min: median, ciLow: median, ciHigh: median, ratioToBaseline: ratio, ratioCILow: ratio * 0.9,
                ratioCIHigh: ratio * 1.1)
        }
        result.geometricMeans = [
            GeometricMean(
                runtime: "wasmkit", baseline: "native", phase: .execute, workloads: 1, value: 20, ciLow: 18, ciHigh: 22)
        ]
        let path = folder.path("run.json")
        try JSONArtifact.encode(result).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("--format html prints one self-contained HTML page with the execute table and the geomean chart")
    func html() throws {
        let result = try WasmbenchBinary.run(["report", try savedRun(), "--format", "html"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(result.stdout.hasSuffix("</html>\n"))
        #expect(result.stdout.contains("<section id=\"execute\">"))
        #expect(result.stdout.contains("20.0× [18.0–22.0]"))
        #expect(result.stdout.contains("<figure id=\"geomean-chart\">"))
        #expect(!result.stdout.contains("<script"))
    }

    @Test("--format markdown and json still print their formats")
    func otherFormats() throws {
        let path = try savedRun()
        let markdown = try WasmbenchBinary.run(["report", path, "--format", "markdown"], in: folder)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# wasmbench results"))
        let json = try WasmbenchBinary.run(["report", path, "--format", "json"], in: folder)
        #expect(json.status == 0)
        #expect(try JSONArtifact.decode(Data(json.stdout.utf8)).geometricMeans.count == 1)
    }

    @Test(
        "A file with a word this build does not know: exit 3, the word cut short and without escape sequences, a newer wasmbench suggested"
    )
    func unknownWord() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: try savedRun()))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var summaries = try #require(object["summaries"] as? [[String: Any]])
        summaries[0]["phase"] = "\u{1B}]0;owned\u{07}\u{1B}[31m" + String(repeating: "x", count: 200)
        object["summaries"] = summaries
        let path = folder.path("newer.json")
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let result = try WasmbenchBinary.run(["report", path], in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains("at summaries[0].phase, which this wasmbench does not know"), "\(result.stderr)")
        #expect(result.stderr.contains("newer wasmbench"))
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"))
        #expect(!result.stderr.contains(String(repeating: "x", count: 65)), "the word is cut to 64 characters")
    }
}
