import Foundation
import TestSupport
import Testing
import WasmBenchModel
import WasmBenchReport

@Suite("HTML renderer")
struct HTMLRendererTests {
    @Test("The HTML report of the fixture matches its snapshot")
    func snapshot() {
        Snapshot.expectMatch(HTMLRenderer().render(ReportFixture.runResult()), named: "html.html")
    }

    @Test("The HTML report of the python fixture matches its snapshot")
    func pythonSnapshot() {
        Snapshot.expectMatch(HTMLRenderer().render(PythonReportFixture.runResult()), named: "html-python.html")
    }

    @Test("Text from the run is escaped: a runtime id, message, command, flag or notice cannot open a tag")
    func escapes() {
        let html = HTMLRenderer().render(Self.hostile())
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;boom&lt;/b&gt; &amp; &quot;quoted&quot;"))
        // Every `<` left opens a tag the renderer writes.
        let tags = Set(html.matches(of: /<\/?([A-Za-z!][A-Za-z0-9]*)/).map { String($0.1).lowercased() })
        #expect(html.components(separatedBy: "<").count - 1 == html.matches(of: /<\/?[A-Za-z!]/).count)
        #expect(tags.isSubset(of: Self.tagsWritten), "unexpected tags: \(tags.subtracting(Self.tagsWritten))")
    }

    @Test("The document loads nothing: no script, every link points inside the page, no url() or @import")
    func selfContained() {
        for result in [ReportFixture.runResult(), PythonReportFixture.runResult()] {
            let html = HTMLRenderer().render(result)
            #expect(html.hasPrefix("<!DOCTYPE html>\n"))
            #expect(!html.contains("<script"))
            let references = html.matches(of: /(?:src|href)\s*=\s*"([^"]*)"/).map { String($0.1) }
            #expect(!references.isEmpty)
            #expect(references.allSatisfy { $0.hasPrefix("#") }, "\(references.filter { !$0.hasPrefix("#") })")
            #expect(!html.contains("url("))
            #expect(!html.contains("@import"))
            #expect(!html.contains("http://") && !html.contains("https://"))
        }
    }

    @Test("Ratios and geometric means that are not like for like carry †; the matched pair's and the baseline's do not")
    func unfairMarks() throws {
        let html = HTMLRenderer().render(PythonReportFixture.runResult())
        let execute = try #require(Self.section("execute", of: html))
        let rows = execute.split(separator: "\n").filter {
            $0.hasPrefix("<tr><th scope=\"row\">") || $0.hasPrefix("<tfoot><tr>")
        }
        #expect(rows.count == 3)
        for row in rows {
            // heading, then cpython3.11-native, the matched WASI side, pypy3, wasi-python3.15
            let cells = row.components(separatedBy: "<td")
            #expect(cells.count == 5)
            #expect(!cells[1].contains("†") && !cells[2].contains("†"))
            #expect(cells[3].contains("†") && cells[4].contains("†"))
        }
        let chart = try #require(Self.geomeanChart(of: html))
        #expect(chart.contains(">pypy3 †</text>"))
        #expect(chart.contains(">cpython3.11-wasi@wasmtime-aot</text>"))
        #expect(html.contains("<section id=\"builds\">"))
    }

    @Test("A phase a runtime does not expose shows — in the phases table, with a legend")
    func notExposed() throws {
        let html = HTMLRenderer().render(ReportFixture.runResult())
        let phases = try #require(Self.section("phases", of: html))
        let lines = phases.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("<thead>") }).components(separatedBy: "<th")
        let parse = try #require(header.firstIndex { $0.contains(">parse</th>") })
        let startup = try #require(header.firstIndex { $0.contains(">startup</th>") })
        // The first row after native's heading is native × kernels/fib: no parse, a startup time.
        let group = try #require(
            lines.firstIndex { $0.contains("class=\"group\"") && $0.contains("<code>native</code>") })
        let cells = lines[group + 1].components(separatedBy: "<t")
        #expect(cells[parse].contains("title=\"not exposed by this runtime\">—<"))
        #expect(cells[startup].contains("312 µs"))
        #expect(phases.contains("— = not exposed by this runtime"))
    }

    @Test("The geometric mean chart has one bar per runtime with a geometric mean, each with hover text")
    func geomeanBars() throws {
        for result in [ReportFixture.runResult(), PythonReportFixture.runResult()] {
            let chart = try #require(Self.geomeanChart(of: HTMLRenderer().render(result)))
            let means = result.geometricMeans.filter { $0.phase == .execute }
            #expect(chart.components(separatedBy: "<rect class=\"bar\"").count - 1 == means.count)
            #expect(chart.matches(of: /<rect class="bar"[^>]*><title>[^<]+<\/title><\/rect>/).count == means.count)
            for mean in means {
                #expect(chart.contains("<title>\(mean.runtime): geometric mean "))
            }
            #expect(chart.contains("class=\"reference\""))
        }
    }

    @Test("The log axis spans ratios from 0.05× to 30×; bars run from the 1× line to their ratio")
    func logAxis() throws {
        var result = ReportFixture.runResult()
        result.geometricMeans[0].value = 0.06
        result.geometricMeans[0].ciLow = 0.05
        result.geometricMeans[0].ciHigh = 0.07
        result.geometricMeans[1].value = 30
        result.geometricMeans[1].ciLow = 28
        result.geometricMeans[1].ciHigh = 32
        let chart = try #require(Self.geomeanChart(of: HTMLRenderer().render(result)))
        for tick in ["0.05×", "0.1×", "0.2×", "0.5×", "1×", "2×", "5×", "10×", "20×", "50×"] {
            #expect(chart.contains(">\(tick)</text>"), "no tick \(tick)")
        }
        let reference = try #require(chart.firstMatch(of: /class="reference" x1="([0-9.]+)"/).map { Double($0.1) })
        let bars = chart.matches(of: /<rect class="bar" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"/)
            .compactMap { match in Double(match.1).flatMap { x in Double(match.2).map { (x, x + $0) } } }
        #expect(bars.count == 2)
        let faster = try #require(bars.first)
        let slower = try #require(bars.last)
        #expect(abs(faster.1 - (reference ?? 0)) < 0.11 && faster.0 < faster.1)
        #expect(abs(slower.0 - (reference ?? 0)) < 0.11 && slower.1 > slower.0)
    }

    @Test("Warm-up curves: a chart per workload × runtime with per-iteration rows, a line per process, warm-ups hollow")
    func warmUpCurves() throws {
        let result = PythonReportFixture.runResult()
        let warmUp = try #require(Self.section("warm-up", of: HTMLRenderer().render(result)))
        let charts = PythonReportFixture.workloadIDs.count * PythonReportFixture.curveRuntimes.count
        #expect(warmUp.components(separatedBy: "<svg class=\"chart warm-up\"").count - 1 == charts)
        #expect(warmUp.components(separatedBy: "<polyline").count - 1 == charts * 3)
        let points = result.rows.count
        #expect(warmUp.components(separatedBy: "<circle class=\"point").count - 1 == points)
        #expect(
            warmUp.components(separatedBy: "<circle class=\"point warm-up-point\"").count - 1
                == result.rows.filter(\.warmup).count)
        // PyPy leaves three iterations of python/fib out as warm-up: its chart shades them.
        #expect(warmUp.contains("<title>3 iterations left out as warm-up (median over processes)</title>"))
        #expect(warmUp.contains("first 9.82× · 3 left out · 2/3 settled"))
    }

    /// Tags the renderer writes; anything else in a document came from the run's text.
    static let tagsWritten: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
        "strong", "small", "nav", "ul", "li", "a", "main", "section", "dl", "dt", "dd", "code", "div", "span",
        "br", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "svg", "line",
        "text", "rect", "path", "polyline", "circle",
    ]

    /// The fixture with markup in a runtime id, a message, a command, flags, a summary and a notice.
    static func hostile() -> RunResult {
        var result = ReportFixture.runResult()
        let id = "<script>alert(1)</script>"
        for position in result.runtimes.indices where result.runtimes[position].id == "wasmtime" {
            result.runtimes[position].id = id
            result.runtimes[position].flags.append("--x=<y>")
        }
        for position in result.summaries.indices where result.summaries[position].runtime == "wasmtime" {
            result.summaries[position].runtime = id
        }
        for position in result.geometricMeans.indices where result.geometricMeans[position].runtime == "wasmtime" {
            result.geometricMeans[position].runtime = id
        }
        for position in result.failures.indices where result.failures[position].runtime == "wasmtime" {
            result.failures[position].runtime = id
            result.failures[position].message = "<b>boom</b> & \"quoted\""
            result.failures[position].command = "sh -c 'wasmtime run fib.wasm </dev/null'"
        }
        result.workloads[0].summary = "<i>fib</i>"
        result.notices.append("<img src=http://example.invalid/x.png>")
        return result
    }

    /// The content of the section with the given id.
    static func section(_ id: String, of html: String) -> String? {
        html.components(separatedBy: "<section id=\"\(id)\">").dropFirst().first?
            .components(separatedBy: "</section>").first
    }

    /// The geometric mean chart's figure.
    static func geomeanChart(of html: String) -> String? {
        html.components(separatedBy: "<figure id=\"geomean-chart\">").dropFirst().first?
            .components(separatedBy: "</figure>").first
    }
}
