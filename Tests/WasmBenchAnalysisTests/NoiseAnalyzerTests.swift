import Testing
import WasmBenchAnalysis
import WasmBenchModel

@Suite("Canary timings to a spread and a verdict")
struct NoiseAnalyzerTests {
    let analyzer = NoiseAnalyzer()

    /// `count` values cycling through `pattern` (milliseconds), in seconds.
    func series(_ pattern: [Double], count: Int) -> [Double] {
        (0..<count).map { pattern[$0 % pattern.count] / 1000 }
    }

    @Test("tight timings are quiet; spread fields by hand")
    func quiet() throws {
        let spread = try #require(analyzer.spread(series([21.0, 21.1, 20.9, 21.05, 20.95], count: 40)))
        #expect(spread.count == 40)
        #expect(abs(spread.minimum - 0.0209) < 1e-12)
        #expect(abs(spread.median - 0.021) < 1e-12)
        #expect(spread.slowShare == 0)
        #expect(analyzer.verdict(spread).verdict == .quiet)
    }

    @Test("timings spread evenly from 20 to 26 ms are noisy, not bimodal")
    func noisy() throws {
        let spread = try #require(analyzer.spread(series((0..<31).map { 20 + Double($0) * 0.2 }, count: 93)))
        let (verdict, reason) = analyzer.verdict(spread)
        #expect(verdict == .noisy)
        #expect(reason.hasPrefix("p90 is 1.2"))
        #expect((spread.states?.separation ?? 0) < NoiseAnalyzer.stateSeparation)
    }

    @Test("a fast and a slow state are bimodal, with the reason naming both")
    func bimodal() throws {
        let fast = Array(repeating: [21.0, 21.1, 20.9], count: 10).flatMap { $0 }
        let slow = Array(repeating: [30.0, 30.1, 29.9], count: 5).flatMap { $0 }
        let spread = try #require(analyzer.spread((fast + slow + fast).map { $0 / 1000 }))
        let (verdict, reason) = analyzer.verdict(spread)
        #expect(verdict == .bimodal)
        #expect(reason == "two states: 21.0 ms (80%) and 30.0 ms (20%), 1.43× apart")
        #expect(abs(spread.slowShare - 0.2) < 1e-12)
    }

    @Test("a step halfway through is drift")
    func drift() throws {
        let spread = try #require(analyzer.spread(series([21], count: 20) + series([23], count: 20)))
        #expect(abs((spread.drift ?? 0) - 23.0 / 21) < 1e-12)
        #expect(analyzer.verdict(spread).reason.contains("drifted +10%"))
    }

    @Test("fewer than 5 samples: no spread, no verdict")
    func few() {
        var record = NoiseRecord(canary: "c", samples: [CanarySample(at: 0, seconds: 0.02)])
        analyzer.analyze(&record)
        #expect(record.spread == nil && record.verdict == nil && record.reason == nil)
        #expect(analyzer.spread([0.02, 0.02, .nan, -1, 0.02, 0.02]) == nil, "only four usable")
    }
}
