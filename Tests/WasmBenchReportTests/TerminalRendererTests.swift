import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("Terminal renderer")
struct TerminalRendererTests {
    @Test("Columns of phases no runtime exposes are left out (the snapshot shows the dashes of mixed runtimes)")
    func notExposedPhase() throws {
        let text = TerminalRenderer().render(MinimalResult.make())
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("  kernels/loop") })
        // Only execute and wall are exposed: no parse … import columns at all, wall has its value.
        #expect(row.split(separator: " ").filter { $0 == "—" }.isEmpty)
        #expect(row.contains("2.00 s"))
        #expect(!text.contains("instantiate"))
        #expect(!text.contains("failed"))
    }

    @Test("No colour unless asked for; ratios above 3× are red when it is")
    func colour() {
        let result = ReportFixture.runResult()
        #expect(!TerminalRenderer().render(result).contains("\u{1B}["))
        let coloured = TerminalRenderer(useColor: true).render(result)
        #expect(coloured.contains("\u{1B}[31m36.7× [36.1–37.3]\u{1B}[0m"))
    }

    @Test("Coloured and plain output have the same layout once escapes are removed")
    func colourKeepsLayout() {
        let result = ReportFixture.runResult()
        let coloured = TerminalRenderer(useColor: true).render(result)
        let stripped = coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == TerminalRenderer().render(result))
    }

    @Test("Every line fits in the width, except whole command lines")
    func fitsWidth() {
        for width in [120, 100, 80] {
            let text = TerminalRenderer(width: width).render(ReportFixture.runResult())
            let long = text.split(separator: "\n").filter { $0.count > width && !$0.contains("$ ") }
            #expect(long.isEmpty, "width \(width): \(long)")
        }
    }

    @Test("Many runtimes split the execute table, each part repeating workloads and the baseline")
    func splitsWideTables() throws {
        var result = ReportFixture.runResult()
        for number in 1...6 {
            let id = "engine-\(number)"
            result.runtimes.append(
                RuntimeInfo(
                    id: id, name: "engine", version: "1.\(number)", kind: .subprocess, flags: [], available: true,
                    exposedPhases: [.execute]))
            for workload in ReportFixture.workloadIDs {
                result.summaries.append(
                    Summary(
                        workload: workload, runtime: id, phase: .execute, metric: .time, count: 85, median: 0.05,
                        mad: 0.001, min: 0.049, ciLow: 0.049, ciHigh: 0.051, ratioToBaseline: 2.5, ratioCILow: 2.4,
                        ratioCIHigh: 2.6))
            }
        }
        let text = TerminalRenderer(width: 120).render(result)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("execute") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("phases") })
        let execute = lines[start..<end]
        let headers = execute.filter { $0.hasPrefix("workload") }
        #expect(headers.count > 1)
        for header in headers {
            #expect(header.hasPrefix("workload") && header.contains("native"))
        }
        #expect(execute.allSatisfy { $0.count <= 120 })
        for number in 1...6 {
            #expect(headers.filter { $0.contains("engine-\(number)") }.count == 1)
        }
    }

    @Test("An incomplete run says so in the header")
    func incomplete() {
        var result = ReportFixture.runResult()
        result.complete = false
        result.finishedAt = nil
        let header = TerminalRenderer().render(result).split(separator: "\n").prefix(3).joined(separator: "\n")
        #expect(header.contains("Incomplete run: not every planned cell ran"))
        #expect(!header.contains("finished"))
    }
}

/// A run with one runtime that exposes only `execute` and `wall`, and one workload.
enum MinimalResult {
    static func make() -> RunResult {
        var result = RunResult(
            toolVersion: "0.3.0", startedAt: "2025-11-23T10:00:00Z", machine: ReportFixture.machine,
            configuration: ReportFixture.configuration,
            runtimes: [
                RuntimeInfo(
                    id: "native", name: "native", version: "clang 19", kind: .native, flags: [], available: true,
                    exposedPhases: [.execute, .wall])
            ],
            workloads: [ReportFixture.workloads[0]])
        result.workloads[0].id = "kernels/loop"
        result.summaries = [
            Summary(
                workload: "kernels/loop", runtime: "native", phase: .execute, metric: .time, count: 85, median: 0.1,
                mad: 0.001, min: 0.099, ciLow: 0.099, ciHigh: 0.101, ratioToBaseline: 1, ratioCILow: 1,
                ratioCIHigh: 1),
            Summary(
                workload: "kernels/loop", runtime: "native", phase: .wall, metric: .time, count: 5, median: 2,
                mad: 0.01, min: 1.98, ciLow: 1.99, ciHigh: 2.01),
        ]
        return result
    }
}

@Suite("Renderers on sparse results")
struct SparseResultTests {
    @Test("A run with nothing measured yet renders its header and says so, in every format")
    func emptyRun() {
        let result = RunResult(
            toolVersion: "0.3.0", startedAt: "2025-11-23T10:00:00Z", machine: ReportFixture.machine,
            configuration: ReportFixture.configuration)
        let terminal = TerminalRenderer().render(result)
        #expect(terminal.contains("Incomplete run: not every planned cell ran"))
        #expect(terminal.contains("No execute measurements."))
        #expect(!terminal.contains("warnings"))
        let markdown = MarkdownRenderer().render(result)
        #expect(markdown.contains("No execute measurements."))
        #expect(!markdown.contains("## Failures"))
        let html = HTMLRenderer().render(result)
        #expect(html.contains("<strong>Incomplete run:</strong>"))
        #expect(html.contains("No execute measurements."))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("id=\"failures\""))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test("A cell whose processes all failed shows failed, not a dash or a number")
    func failedCell() throws {
        var result = ReportFixture.runResult()
        result.summaries.removeAll { $0.runtime == "wasmkit" && $0.workload == "kernels/sha256" }
        let text = TerminalRenderer().render(result)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("kernels/sha256") }
        let execute = try #require(rows.first)
        #expect(execute.hasSuffix("failed"))
        #expect(text.contains("failed = see failures"))
    }
}
