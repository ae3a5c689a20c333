import Foundation
import TestSupport
import Testing
import WasmBenchModel

@testable import WasmBenchReport

@Suite("Hostile text from a run stays inert in every report")
struct HostileTextTests {
    /// HTML, a table pipe, backticks, a colour escape, a terminal-title escape and a carriage return.
    static let message =
        "<img src=x onerror=alert(1)> a | b `tick` \u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{07}line\rover"

    /// The fixture run with a hostile failure message, workload name and command.
    static func runResult() -> RunResult {
        var result = ReportFixture.runResult()
        result.failures.append(
            Failure(
                runtime: "wasmtime", workload: "kernels/<script>alert(1)</script>", process: 0, kind: .crash,
                message: message, command: "wasmtime run `x` | \u{1b}[2Jcat"))
        return result
    }

    /// The pipes of a Markdown table row that separate cells (not escaped as `\|`).
    static func cellSeparators(_ line: Substring) -> Int {
        zip(line, " " + line).filter { $0 == "|" && $1 != "\\" }.count
    }

    @Test("Markdown: no raw HTML, no control characters, and the failure's row keeps the table's columns")
    func markdown() throws {
        let markdown = MarkdownRenderer().render(Self.runResult())
        // Outside code spans every `<` is escaped; inside one (a name as code) it is shown as text.
        #expect(markdown.ranges(of: "<img").allSatisfy { markdown[..<$0.lowerBound].hasSuffix("\\") })
        #expect(markdown.ranges(of: "<script>").allSatisfy { markdown[..<$0.lowerBound].hasSuffix("`kernels/") })
        #expect(markdown.contains("\\<img src=x onerror=alert(1)\\>"))
        #expect(markdown.contains("\\`tick\\`"))
        #expect(!markdown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!markdown.contains("0;title"))
        let lines = markdown.split(separator: "\n")
        let row = try #require(lines.firstIndex { $0.contains("onerror") })
        #expect(lines[row].contains("line<br>over"))
        let delimiter = try #require(lines[..<row].lastIndex { $0.hasPrefix("| :") || $0.hasPrefix("| -") })
        #expect(Self.cellSeparators(lines[row]) == Self.cellSeparators(lines[delimiter]), "\(lines[row])")
    }

    @Test("terminal: no escape sequence or control character but the palette's own", arguments: [false, true])
    func terminal(useColor: Bool) {
        let text = TerminalRenderer(useColor: useColor, width: 100).render(Self.runResult())
        #expect(text.contains("<img src=x onerror=alert(1)>"))
        #expect(!text.contains("\u{1b}]") && !text.contains("\u{1b}[2J") && !text.contains("\u{07}"))
        #expect(!text.contains("\r"))
        #expect(!text.contains("0;title"))
        if !useColor { #expect(!text.contains("\u{1b}")) }
    }

    @Test("HTML escapes every tag, quote and ampersand from the artifact")
    func html() {
        let html = HTMLRenderer().render(Self.runResult())
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }
}
