import Foundation
import TestSupport
import Testing
import WasmBenchArtifact
import WasmBenchCharts
import WasmBenchModel

@testable import WasmBenchReport

@Suite("Report documents")
struct ReportDocumentTests {
    /// Every section a run report can have, in the one order the run document builds them.
    static let runOrder = [
        "answer", "machine", "configuration", "runtimes", "workloads", "execute", "precision", "phases", "aot",
        "warm-up",
        "builds",
        "warnings", "failures", "not-run", "notices",
    ]

    @Test("The run document's sections come in the same order in the compact and the full view")
    func runSectionOrder() {
        for result in [ReportFixture.runResult(), PythonReportFixture.runResult()] {
            for compact in [true, false] {
                let ids = ReportArtifact.run(result).document(compact: compact).sections.map(\.name.id)
                let positions = ids.compactMap(Self.runOrder.firstIndex)
                #expect(positions.count == ids.count, "unknown sections in \(ids)")
                #expect(positions == positions.sorted(), "compact \(compact): \(ids)")
                #expect(ids.contains("execute") && ids.contains("phases"))
            }
        }
    }

    @Test("The full report opens with the answer: each runtime's geometric mean in words, then its chart")
    func answerFirst() throws {
        let artifact = ReportArtifact.run(PythonReportFixture.runResult())
        let markdown = MarkdownRenderer().render(artifact)
        let answer = try #require(markdown.range(of: "## In short"))
        #expect(answer.lowerBound < (markdown.range(of: "## Machine")?.lowerBound ?? markdown.startIndex))
        #expect(
            markdown.contains(
                "- `cpython3.11-wasi@wasmtime-aot`: **1.47× [1.42–1.51]** the execute time of `cpython3.11-native` — "
                    + "slower, geometric mean over 2 of 2 workloads"))
        #expect(markdown.contains("`pypy3`: **0.0615× [0.0596–0.0633]**"))
        #expect(markdown.contains("faster (16.3× less time)"))
        let html = HTMLRenderer().render(artifact)
        let chart = try #require(html.range(of: "<figure id=\"geomean-chart\">"))
        #expect(chart.lowerBound < (html.range(of: "<section id=\"machine\">")?.lowerBound ?? html.startIndex))
        // Every chart's name comes before its chart, where it cannot be read as the next one's.
        for figure in html.components(separatedBy: "<figure").dropFirst() {
            let caption = figure.range(of: "<figcaption>")?.lowerBound
            let svg = figure.range(of: "<svg")?.lowerBound
            if let caption, let svg { #expect(caption < svg) }
        }
    }

    @Test("A run that asked for precision says how many ratios reached it and why the others did not")
    func precisionSection() {
        var result = ReportFixture.runResult()
        let goal = PrecisionGoal(target: 0.03, timeBudgetSeconds: 600, maxProcesses: 30)
        result.configuration.precision = goal
        result.precision = PrecisionRecord(
            goal: goal,
            cells: [
                PrecisionCell(
                    workload: "kernels/fib", runtime: "wasmtime", halfWidth: 0.012, processes: 3, shortfall: nil),
                PrecisionCell(
                    workload: "kernels/sha256", runtime: "wasmkit", halfWidth: 0.047, processes: 9,
                    shortfall: .timeBudget),
            ])
        let markdown = MarkdownRenderer().render(ReportArtifact.run(result))
        #expect(
            markdown.contains("1 of 2 execute ratios reached ±3% (95% interval), asked within 600 s and 30 processes"))
        #expect(
            markdown.contains("| `kernels/sha256` | `wasmkit` |   ±4.7% |         9 | the run's time budget was spent"))
        #expect(markdown.contains("±3% on every execute ratio, processes added within 600 s and 30 a cell"))
        let terminal = TerminalRenderer().render(ReportArtifact.run(result))
        #expect(terminal.contains("precision") && terminal.contains("±4.7%"))
        #expect(!MarkdownRenderer().render(ReportArtifact.run(ReportFixture.runResult())).contains("Precision"))
    }

    @Test("The terminal's compact view leaves out the sections Markdown and HTML list; charts are only for HTML")
    func levelsOfDetail() {
        let artifact = ReportArtifact.run(PythonReportFixture.runResult())
        let compact = Set(artifact.document(compact: true).sections.map(\.name.id))
        let full = Set(artifact.document(compact: false).sections.map(\.name.id))
        #expect(compact.isDisjoint(with: ["answer", "runtimes", "workloads"]))
        #expect(full.subtracting(compact) == ["answer", "runtimes", "workloads"])
        #expect(
            Self.blocks(of: artifact.document(compact: false)).contains { if case .charts = $0 { true } else { false } }
        )
        #expect(
            !Self.blocks(of: artifact.document(compact: true)).contains {
                if case .figures = $0 { true } else { false }
            })
        #expect(!MarkdownRenderer().render(artifact).contains("Warm-up curves"))
        #expect(HTMLRenderer().render(artifact).contains("Warm-up curves"))
    }

    @Test("Comparison documents end with the outcome in the terminal and open with it elsewhere")
    func otherArtifacts() {
        let comparison = ReportArtifact.comparison(ComparisonFixture.comparison())
        // The terminal ends a comparison with its outcome; Markdown and HTML open with it.
        #expect(comparison.document(compact: true).closing.count == 1)
        #expect(comparison.document(compact: false).closing.isEmpty)
        #expect(
            comparison.document(compact: true).sections.map(\.name.id)
                == comparison.document(compact: false).sections.map(\.name.id))
    }

    @Test("The one entry point gives what the back ends write, and JSON gives the artifact")
    func entryPoint() throws {
        let artifacts: [ReportArtifact] = [
            .run(ReportFixture.runResult()), .comparison(ComparisonFixture.comparison()),
            .explain(ExplainReportFixture.report()),
        ]
        for artifact in artifacts {
            let text = { (format: ReportFormat) in String(decoding: try artifact.render(as: format), as: UTF8.self) }
            #expect(try text(.terminal) == artifact.text(TerminalWriter(useColor: false, width: 120)))
            #expect(try text(.markdown) == artifact.text(MarkdownWriter()))
            #expect(try text(.html) == artifact.text(HTMLWriter()))
            let coloured = try artifact.render(as: .terminal, useColor: true, width: 80)
            #expect(
                String(decoding: coloured, as: UTF8.self) == artifact.text(TerminalWriter(useColor: true, width: 80)))
        }
        let result = ReportFixture.runResult()
        #expect(try ReportArtifact.run(result).render(as: .json) == JSONArtifact.encode(result))
    }

    static func blocks(of document: ReportDocument) -> [ReportBlock] {
        func flat(_ blocks: [ReportBlock]) -> [ReportBlock] {
            blocks.flatMap { block in if case .charts(let inner) = block { [block] + flat(inner) } else { [block] } }
        }
        return flat(document.introduction + document.sections.flatMap(\.blocks) + document.closing)
    }
}

@Suite("Report back ends")
struct ReportWriterTests {
    /// A document with every kind of block, span and cell.
    static func sampler() -> ReportDocument {
        let warnings = ReportSection.Name(id: "warnings", title: "Warnings")
        let builds = ReportSection.Name(id: "builds", title: "Builds and fairness")
        let summary = Summary(
            workload: "w", runtime: "r", phase: .execute, metric: .time, count: 5, median: 0.5, mad: 0.01, min: 0.4,
            ciLow: 0.49, ciHigh: 0.51, warnings: [SummaryWarning(kind: .wideInterval, message: "noisy")])
        var table = ReportTable(
            [.init(header: "workload"), .init(header: "median", numeric: true), .init(header: "ratio", numeric: true)],
            groups: [
                .init(
                    heading: "group one", notes: ["a note"],
                    rows: [
                        .init(
                            cells: [
                                .code("a|b"), .measure(.value(summary)),
                                .compared(
                                    .value(summary), ReportRatio(text: "2.00×", value: 2, unfair: true),
                                    isBaseline: false),
                            ]),
                        .init(cells: [.code("c"), .measure(.notExposed), .compared(.failed, nil, isBaseline: false)]),
                    ])
            ],
            layout: .split)
        table.footer = [
            .plain("geomean"), .plain(""),
            .mean(ReportRatio(text: "2.00×", value: 2, unfair: false), covered: 1, of: 2),
        ]
        var list = ReportTable(headers: ["name", "message"], rows: [], layout: .list)
        list.groups = [.init(rows: [.init(cells: [.plain("failure"), .plain("a message")], detail: "$ command")])]
        let chart = RatioChart(
            bars: [
                RatioChart.Bar(label: "r", ratio: 2, low: 1.5, high: 2.5, value: "2.00×", hover: "r: 2×", colour: 0)
            ],
            label: "ratios", axis: "ratio")
        let blocks: [ReportBlock] = [
            .paragraph(["plain <p>", "second line"]), .paragraph([ReportText(.literal("it's ours"))], role: .note),
            .paragraph([ReportText(.styled("Alert:", .strong), .text(" it's theirs"))], role: .alert),
            .list([ReportText(.prose("a `code` note"))], style: .bullets), .list(["line"], style: .lines),
            .list([ReportText(.code("x"), .lineBreak, .swatch(1))], style: .bullets),
            .facts([
                ReportFact(label: "Label", value: ["one", "two"]), ReportFact(label: "Longer label", value: ["bare"]),
            ]),
            .table(table), .table(list),
            .legend([
                ReportText(.symbol("*"), .literal(" = see "), .see(warnings)), "† = see " + ReportText(.see(builds)),
            ]),
            .heading("Sub", level: 3),
            .charts([.figures([ReportFigure(id: "chart", chart: .ratios(chart), caption: "caption")], grid: true)]),
        ]
        let tones: [ReportText.Tone] = [.strong, .alarm, .failure, .doubt, .warning, .muted]
        return ReportDocument(
            title: "title", heading: "heading", introduction: [.paragraph(tones.map { .styled("tone", $0) })],
            sections: [ReportSection(.init(id: "all", title: "Every block"), caption: "the caption", blocks)],
            closing: [.paragraph(["closing"])])
    }

    @Test("Every back end writes every block kind, charts only in HTML")
    func everyBlock() {
        let document = Self.sampler()
        let terminal = TerminalWriter(useColor: false, width: 80).write(document)
        let markdown = MarkdownWriter().write(document)
        let html = HTMLWriter().write(document)
        for text in [terminal, markdown, html] {
            for expected in ["second line", "line", "Label", "one", "bare", "workload", "geomean", "Sub", "closing"] {
                #expect(text.contains(expected), "missing \(expected)")
            }
            #expect(text.hasSuffix("\n"))
        }
        #expect(terminal.contains("every block — the caption"))
        #expect(terminal.contains("  • a `code` note"))
        #expect(terminal.contains("group one\n  a note\n  a|b"))
        #expect(terminal.contains("  failure  a message\n           $ command"))
        #expect(terminal.contains("* = see warnings · † = see builds and fairness"))
        #expect(!terminal.contains("<svg") && !markdown.contains("<svg"))
        #expect(markdown.contains("> **Alert:** it's theirs"))
        #expect(
            markdown.contains("\\* = see [Warnings](#warnings) · † = see [Builds and fairness](#builds-and-fairness)"))
        #expect(markdown.contains("group one\n\n| workload    |"))
        #expect(markdown.contains("\n| `a\\|b`      | 500 ms\\* |"))
        #expect(markdown.contains("\n| **geomean** |"))
        #expect(
            html.contains("<figure id=\"chart\">\n<div") == false
                && html.contains("<div class=\"charts\">\n<figure id=\"chart\">"))
        #expect(html.contains("<a href=\"#builds\">Builds and fairness</a>"))
        #expect(html.contains("<tr class=\"group\"><th colspan=\"3\" scope=\"rowgroup\">group one</th></tr>"))
    }

    @Test("Each back end escapes in its own way: HTML markup, Markdown table pipes, terminal as is")
    func escaping() {
        let document = Self.sampler()
        let html = HTMLWriter().write(document)
        #expect(html.contains("<p>plain &lt;p&gt;<br>\nsecond line</p>"))
        // The report's own wording keeps its apostrophe; text from an artifact has it escaped.
        #expect(html.contains("<p class=\"muted\">it's ours</p>"))
        #expect(html.contains("<strong>Alert:</strong> it&#39;s theirs"))
        #expect(html.contains("<code>a|b</code>"))
        #expect(TerminalWriter(useColor: false, width: 80).write(document).contains("plain <p>"))
    }

    @Test("Tones: the terminal colours, Markdown bolds strong and alarming text, HTML uses classes")
    func tones() {
        let document = Self.sampler()
        let terminal = TerminalWriter(useColor: true, width: 80).write(document)
        for code in ["1", "31", "33", "2"] { #expect(terminal.contains("\u{1B}[\(code)mtone\u{1B}[0m")) }
        #expect(MarkdownWriter().write(document).contains("**tone** · **tone** · tone · tone · tone · tone") == false)
        #expect(MarkdownWriter().write(document).contains("**tone**\n**tone**\ntone"))
        let html = HTMLWriter().write(document)
        for markup in [
            "<strong>tone</strong>", "<span class=\"failed\">tone</span>", "<span class=\"mark\">tone</span>",
        ] {
            #expect(html.contains(markup))
        }
    }
}

@Suite("The ahead-of-time section")
struct CrossoverSectionTests {
    @Test("a run with an ahead-of-time pair says after how many runs the compile pays, with its interval")
    func section() {
        var result = ReportFixture.runResult()
        result.crossovers = [
            AOTCrossover(
                workload: "kernels/fib", runtime: "wasmtime-aot", counterpart: "wasmtime", compileSeconds: 0.04,
                artifactBytes: 120_000, savingPerRun: 0.026, iterations: 20, runs: 0.04 / 0.026, runsLow: 1.18,
                runsHigh: nil),
            AOTCrossover(
                workload: "kernels/matmul", runtime: "wasmtime-aot", counterpart: "wasmtime", compileSeconds: 0.04,
                artifactBytes: nil, savingPerRun: -0.002, iterations: 20, runs: nil, runsLow: nil, runsHigh: nil),
        ]
        let markdown = MarkdownRenderer().render(ReportArtifact.run(result))
        #expect(markdown.contains("## Ahead-of-time compilation"))
        #expect(markdown.contains("1.54 runs [1.18–∞]"))
        #expect(markdown.contains("never (a run with the artifact saves nothing)"))
        #expect(markdown.contains("a start of the workload with 20 iterations"))
        #expect(!MarkdownRenderer().render(ReportArtifact.run(ReportFixture.runResult())).contains("Ahead-of-time"))
    }
}
