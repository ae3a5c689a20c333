import Foundation
import TestSupport
import Testing
import WasmBenchAnalysis
import WasmBenchArtifact
import WasmBenchModel
import WasmBenchReport

/// A saved run whose numbers sit at the edges (huge, zero, negative, or not numbers at all) is
/// rendered, recomputed and compared by the real `wasmbench` without a crash: either a report
/// or exit 3 with what is wrong and where.
@Suite("Saved runs with numbers at the edges: a report or a clear message, never a crash")
struct EdgeNumberTests {
    let folder = TemporaryFolder()

    /// One workload on native and WasmKit, 2 processes × 3 iterations, every execute, wall and
    /// peak-rss row holding `value` (halved on WasmKit, so 1e308 stays finite), summarised from its rows.
    static func run(_ value: Double) -> RunResult {
        var result = SavedRun.skeleton()
        for (runtime, factor) in [("native", 1.0), ("wasmkit", 0.5)] {
            for process in 0..<2 {
                func row(_ phase: Phase, _ metric: Metric = .time, iteration: Int? = nil) -> Row {
                    Row(
                        runtime: runtime, runtimeVersion: "1", flags: [], workload: "kernels/fib", phase: phase,
                        metric: metric, value: value * factor, process: process, iteration: iteration,
                        warmup: iteration == 0)
                }
                result.rows += (0..<3).map { row(.execute, iteration: $0) }
                result.rows += [row(.wall), row(.wall, .peakRSS)]
            }
        }
        Summarizer(configuration: result.configuration).summarize(&result)
        return result
    }

    /// The saved run at `path` with a noise record (the canary's samples and spread) whose every
    /// number is `value`, added to its JSON as a hand edit would.
    static func withNoise(_ path: String, _ value: Double) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: path))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let spread = [
            "autocorrelation", "mad", "median", "minimum", "p90", "p90OverMinimum", "slowShare",
        ].reduce(into: ["count": 2] as [String: Any]) { $0[$1] = value }
        object["noise"] = [
            "canary": "fib(30)", "overheadSeconds": value, "reason": "edited", "verdict": "noisy", "spread": spread,
            "samples": [["at": 0, "seconds": value], ["at": value, "seconds": value]],
        ]
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    func save(_ result: RunResult, _ name: String) throws -> String {
        let path = folder.path(name)
        try JSONArtifact.encode(result).write(to: URL(fileURLWithPath: path))
        return path
    }

    func wasmbench(_ arguments: [String]) throws -> WasmbenchBinary.Invocation {
        try WasmbenchBinary.run(arguments, timeout: 120, in: folder)
    }

    /// Every way `report` and `compare` read a file: each format, recomputed or not, and as
    /// either side of a comparison.
    func readEveryWay(_ path: String, against sane: String) throws -> [(String, WasmbenchBinary.Invocation)] {
        var runs: [(String, WasmbenchBinary.Invocation)] = []
        for format in ["terminal", "markdown", "html", "json"] {
            for extra in [[], ["--recompute"]] {
                let arguments = ["report", path, "--format", format] + extra
                runs.append((arguments.joined(separator: " "), try wasmbench(arguments)))
            }
            for (base, new) in [(sane, path), (path, sane)] {
                let arguments = ["compare", base, new, "--format", format]
                runs.append((arguments.joined(separator: " "), try wasmbench(arguments)))
            }
        }
        return runs
    }

    @Test(
        "huge, zero and negative values are rendered, recomputed and compared without a crash",
        arguments: [1e308, 0, -0.5, 5e-324])
    func extremes(value: Double) throws {
        let sane = try save(Self.run(0.01), "sane.json")
        var edgy = Self.run(value)
        // Stored summaries and means hand-edited to the same value, not only the rows.
        for index in edgy.summaries.indices {
            edgy.summaries[index].median = value
            edgy.summaries[index].ratioToBaseline = value
        }
        for index in edgy.geometricMeans.indices { edgy.geometricMeans[index].value = value }
        let path = try Self.withNoise(try save(edgy, "edgy.json"), value)
        for (command, run) in try readEveryWay(path, against: sane) {
            // 0 or 2 for a comparison's verdict, 0 for a report; a signal is a crash.
            #expect([0, 2].contains(run.status), "\(command): \(run.status) \(run.stderr)")
            #expect(!run.stdout.isEmpty, "\(command)")
        }
    }

    @Test(
        "a hand-edited file with a number JSON cannot hold, a NaN or a missing field: exit 3 naming the field",
        arguments: [
            // The first `value` of the sorted JSON is a geometric mean's; the first `median` a summary's.
            (#""value" : 1e999"#, "1e999"), (#""value" : "NaN""#, "geometricMeans[0].processMinimum.value"),
            (#""value" : null"#, "geometricMeans[0].processMinimum.value"), (#""median" : 1,"#, "summaries[0].median"),
        ])
    func damaged(edit: String, field: String) throws {
        let sane = try save(Self.run(0.01), "sane.json")
        var text = try String(contentsOfFile: sane, encoding: .utf8)
        let key = edit.hasPrefix(#""median"#) ? #""median" : "# : #""value" : "#
        let range = try #require(text.range(of: key + #"[^,\n]*,?"#, options: .regularExpression))
        // Drop the field's whole line for the missing-field case; replace its value otherwise.
        text.replaceSubrange(range, with: key.hasPrefix(#""median"#) ? "" : edit + ",")
        let path = folder.path("damaged.json")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [["report", path], ["report", path, "--recompute"], ["compare", sane, path]] {
            let run = try wasmbench(arguments)
            #expect(run.status == 3, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains(field), "\(arguments): \(run.stderr)")
        }
    }

    @Test("report --recompute says which stored summaries disagree with the rows, and renders the recomputed ones")
    func recomputeDisagreement() throws {
        var result = Self.run(0.01)
        let index = try #require(
            result.summaries.firstIndex { $0.runtime == "wasmkit" && $0.phase == .execute && $0.metric == .time })
        result.summaries[index].median = 7
        let path = try save(result, "edited.json")
        let recomputed = try wasmbench(["report", path, "--recompute", "--format", "json"])
        #expect(recomputed.status == 0, "\(recomputed.stderr)")
        #expect(
            recomputed.stderr.contains("disagree") && recomputed.stderr.contains("kernels/fib")
                && recomputed.stderr.contains("wasmkit") && recomputed.stderr.contains("median"),
            "\(recomputed.stderr)")
        let document = try JSONArtifact.decode(Data(recomputed.stdout.utf8))
        #expect(document.summaries[index].median == 0.005)
        let agreeing = try wasmbench(["report", try save(Self.run(0.01), "same.json"), "--recompute"])
        #expect(agreeing.status == 0)
        #expect(!agreeing.stderr.contains("disagree"), "\(agreeing.stderr)")
    }
}
