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

    @Test("the progress line strips the escapes of a failure's message and of names")
    func progress() throws {
        let failure = Failure(
            runtime: "r\u{1b}[1m", workload: "w\u{9b}2J", process: 0, kind: .crash, message: Self.message)
        let line = try #require(
            progressLine(
                .finished(
                    step: 1, of: 2, runtime: "r\u{1b}[1m", workload: "w\u{9b}2J", process: 0, execute: nil,
                    failure: failure)))
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(line.contains("<img src=x onerror=alert(1)> a | b `tick` red line\nover"))
    }

    @Test("HTML escapes every tag, quote and ampersand from the artifact")
    func html() {
        let html = HTMLRenderer().render(Self.runResult())
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }
}

@Suite("Progress lines")
struct ProgressLinesTests {
    @Test("an unavailable runtime is said once, not once per workload")
    func skippedOnce() {
        var lines = ProgressLines()
        let reason = "libwasmtime.so was not found; set WASMTIME_LIB"
        let said = ["kernels/fib", "kernels/hash", "kernels/sort"].compactMap {
            lines.line(for: .skipped(runtime: "wasmtime-capi", workload: $0, reason: reason), elapsed: 1)
        }
        #expect(said == ["skip  wasmtime-capi: \(reason) (every workload it was asked for is skipped)"])
        let other = lines.line(for: .skipped(runtime: "node", workload: "kernels/fib", reason: "no node"), elapsed: 2)
        #expect(other?.hasPrefix("skip  node: no node") == true)
    }

    @Test("a finished process shows the time since the run's first event and the time left at that pace")
    func elapsedAndLeft() {
        var lines = ProgressLines()
        _ = lines.line(
            for: .started(step: 1, of: 4, runtime: "native", workload: "kernels/fib", process: 0), elapsed: 100)
        let event = ProgressEvent.finished(
            step: 1, of: 4, runtime: "native", workload: "kernels/fib", process: 0, execute: 0.0213, failure: nil)
        let line = lines.line(for: event, elapsed: 165)
        #expect(line?.hasSuffix("21.3 ms/iter  1m 05s · ~3m 15s left") == true, "\(line ?? "")")
        let last = ProgressEvent.finished(
            step: 4, of: 4, runtime: "native", workload: "kernels/fib", process: 3, execute: 0.0213, failure: nil)
        #expect(lines.line(for: last, elapsed: 3700)?.hasSuffix("ms/iter  1h 00m") == true)
        #expect(ProgressLines.clock(42.4) == "42s" && ProgressLines.clock(.nan) == "0s")
    }
}
