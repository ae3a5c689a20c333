import Testing
import WasmBenchStatistics

@Suite("Ratio of medians")
struct RatioOfMediansTests {
    @Test("Empty groups, a zero denominator median and invalid settings give nil")
    func invalidInputs() {
        #expect(ratioOfMedians(numerator: [], denominator: [1], seed: 1) == nil)
        #expect(ratioOfMedians(numerator: [1], denominator: [], seed: 1) == nil)
        #expect(ratioOfMedians(numerator: [1, 2], denominator: [0, 0, 1], seed: 1) == nil)
        #expect(ratioOfMedians(numerator: [.nan], denominator: [1], seed: 1) == nil)
        #expect(ratioOfMedians(numerator: [1], denominator: [1], confidence: 1.5, seed: 1) == nil)
        #expect(ratioOfMedians(numerator: [1], denominator: [1], resamples: -1, seed: 1) == nil)
    }

    @Test("Identical groups give exactly 1 with an interval containing 1")
    func identicalGroups() throws {
        let xs = uniformSample(count: 30, low: 4, spread: 1, seed: 21)
        let estimate = try #require(ratioOfMedians(numerator: xs, denominator: xs, seed: 3))
        #expect(estimate.value == 1)
        #expect(estimate.interval.low <= 1 && 1 <= estimate.interval.high)
    }

    @Test("Constant groups 2.0 over 1.0 give exactly 2 with [2, 2]")
    func constantGroups() {
        // Expected by reasoning: every resample median is 2 over 1.
        let estimate = ratioOfMedians(
            numerator: Array(repeating: 2.0, count: 10),
            denominator: Array(repeating: 1.0, count: 12),
            seed: 8
        )
        #expect(estimate == Estimate(value: 2, interval: Interval(low: 2, high: 2)))
    }

    @Test("Replicates with a zero denominator median are skipped, not divided")
    func zeroReplicatesSkipped() throws {
        // The denominator median is 0.5, but a quarter of its resamples ([0, 0]) have median 0;
        // the rest give ratios 1 / 0.5 = 2 and 1 / 1 = 1.
        let estimate = try #require(
            ratioOfMedians(numerator: [1, 1], denominator: [0, 1], resamples: 500, seed: 2)
        )
        #expect(estimate.value == 2)
        #expect(estimate.interval.low.isFinite && estimate.interval.high.isFinite)
        #expect(estimate.interval.low == 1 && estimate.interval.high == 2)
    }

    @Test("Known estimate matches an independent transcription")
    func knownAnswer() {
        // Expected: python3 Tests/KnownAnswers/bootstrap.py (numerator resample, then
        // denominator resample, per replicate): ratio([2.4,2.6,2.5,2.7,2.3], [1.2,1.0,1.1,1.3],
        // 0.95, 300, 42) -> (2.173913043478261, (1.8796474358974362, 2.5)); the point estimate
        // is numpy's np.median(num)/np.median(den) = 2.5/1.15.
        let estimate = ratioOfMedians(
            numerator: [2.4, 2.6, 2.5, 2.7, 2.3],
            denominator: [1.2, 1.0, 1.1, 1.3],
            resamples: 300,
            seed: 42
        )
        let expected = Estimate(
            value: 2.173913043478261,
            interval: Interval(low: 1.8796474358974362, high: 2.5)
        )
        #expect(estimate == expected)
    }

    @Test("The same seed gives the same estimate")
    func determinism() {
        let numerator = uniformSample(count: 30, low: 2, spread: 1, seed: 5)
        let denominator = uniformSample(count: 30, low: 1, spread: 1, seed: 6)
        let first = ratioOfMedians(numerator: numerator, denominator: denominator, seed: 77)
        #expect(first != nil)
        #expect(first == ratioOfMedians(numerator: numerator, denominator: denominator, seed: 77))
    }
}
