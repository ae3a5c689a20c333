import Foundation
import Testing
import WasmBenchStatistics

@Suite("Two-group split, lag-1 autocorrelation and the A/A ratio's half-width")
struct NoiseStatisticsTests {
    @Test("two groups far apart are split between them, with Otsu's η by hand")
    func split() throws {
        let split = try #require(twoGroupSplit([12, 1, 11, 2, 10, 3]))
        #expect(split.low == [1, 2, 3])
        #expect(split.high == [10, 11, 12])
        // Expected by hand: mean 6.5; total SS = 2 × (5.5² + 4.5² + 3.5²) = 125.5;
        // between SS = 3 × 3 ÷ 6 × (11 − 2)² = 121.5.
        #expect(isClose(split.explained, 121.5 / 125.5))
    }

    @Test("a minimum share keeps one outlier from forming a group")
    func minimumShare() throws {
        let values = (0..<10).map { 1 + Double($0) / 100 } + [100]
        #expect(try #require(twoGroupSplit(values)).high == [100])
        let guarded = try #require(twoGroupSplit(values, minimumShare: 0.1))
        #expect(guarded.high.count >= 2)
    }

    @Test("no split of equal values, NaN, one value or an impossible share")
    func noSplit() {
        #expect(twoGroupSplit([2, 2, 2]) == nil)
        #expect(twoGroupSplit([1, .nan, 3]) == nil)
        #expect(twoGroupSplit([1]) == nil)
        #expect(twoGroupSplit([1, 2, 3], minimumShare: 0.6) == nil)
    }

    @Test("lag-1 autocorrelation by hand")
    func autocorrelation() {
        // Expected by hand: deviations −2 −1 0 1 2, SS 10, products 2 + 0 + 0 + 2 = 4.
        #expect(isClose(lag1Autocorrelation([1, 2, 3, 4, 5]), 0.4))
        // Deviations 1 −1 1 −1, SS 4, products −3.
        #expect(isClose(lag1Autocorrelation([1, -1, 1, -1]), -0.75))
        #expect(lag1Autocorrelation([1, 1, 1]) == nil)
        #expect(lag1Autocorrelation([1, 2]) == nil)
    }

    @Test("a constant canary leaves nothing to hide a change in; bad input gives nil")
    func constant() {
        #expect(aaRatioHalfWidth(series: Array(repeating: 0.02, count: 50), processes: 3, iterations: 4) == 0)
        #expect(
            aaRatioHalfWidth(series: Array(repeating: 0.02, count: 39), processes: 3, iterations: 4) == nil,
            "fewer than 10 blocks of 4")
        let ten = Array(repeating: 0.02, count: 10)
        #expect(aaRatioHalfWidth(series: ten, processes: 1, iterations: 1) == 0)
        #expect(aaRatioHalfWidth(series: ten + [0], processes: 1, iterations: 1) == nil)
        #expect(aaRatioHalfWidth(series: ten, processes: 0, iterations: 1) == nil)
        #expect(aaRatioHalfWidth(series: ten, processes: 1, iterations: 1, confidence: 1) == nil)
    }

    @Test("independent uniform noise: the half-width matches the median's asymptotic spread")
    func independentNoise() throws {
        // Uniform on [1, 1.1): the median's standard error is 1 ÷ (2 · f · √n) with density
        // f = 10, i.e. 0.05 ÷ √n; a ratio of two such medians (each near 1.05) has a log spread of
        // √2 · 0.05 ÷ 1.05 ÷ √n, so the 95% half-width is about 1.96 × that (Kenney and Keeping).
        let series = uniformSample(count: 5000, low: 1, spread: 0.1, seed: 3)
        let n = 10.0 * 10
        let expected = 1.96 * 2.0.squareRoot() * 0.05 / 1.05 / n.squareRoot()
        let halfWidth = try #require(aaRatioHalfWidth(series: series, processes: 10, iterations: 10, seed: 5))
        #expect(abs(halfWidth / expected - 1) < 0.15, "\(halfWidth) vs \(expected)")
        let same = aaRatioHalfWidth(series: series, processes: 10, iterations: 10, seed: 5)
        #expect(same == halfWidth, "seeded: the same arguments give the same answer")
    }

    @Test("a machine that stays in a state for long stretches gains little from iterations, much from processes")
    func persistentStates() throws {
        // Cycles of 35 samples at 1.0 then 15 at 1.4: slow 30% of the time, in long stretches.
        let series = (0..<2000).map { $0 % 50 < 35 ? 1.0 : 1.4 }
        let short = try #require(aaRatioHalfWidth(series: series, processes: 3, iterations: 5))
        let longer = try #require(aaRatioHalfWidth(series: series, processes: 3, iterations: 20))
        let more = try #require(aaRatioHalfWidth(series: series, processes: 30, iterations: 5))
        #expect(short > 0.2)
        #expect(longer > 0.2, "20 iterations still sit in one state")
        #expect(more < short / 2)
    }

    @Test("iterations spanning several canary samples average them")
    func samplesPerIteration() throws {
        let series = (0..<2000).map { $0 % 2 == 0 ? 1.0 : 1.4 }
        #expect(
            try #require(aaRatioHalfWidth(series: series, processes: 2, iterations: 3, samplesPerIteration: 2)) < 1e-9)
    }
}
