import Testing
import WasmBenchModel

@testable import WasmBenchRunner

@Suite("Progress lines")
struct ProgressLinesTests {
    /// HTML, a table pipe, backticks, a colour escape, a terminal-title escape and a carriage return.
    static let message =
        "<img src=x onerror=alert(1)> a | b `tick` \u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{07}line\rover"

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
