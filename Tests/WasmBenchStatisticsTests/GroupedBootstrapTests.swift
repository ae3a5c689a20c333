import Testing
import WasmBenchStatistics

@Suite("Two-level bootstrap of values measured in groups (processes × iterations)")
struct GroupedBootstrapTests {
    /// Three processes whose iterations agree closely within each process but not between them.
    let processes: [[Double]] = [[10.0, 10.2, 10.1], [12.0, 12.3, 11.9], [10.9, 11.1, 11.0]]
    let baseline: [[Double]] = [[5.0, 5.1], [5.2, 5.3], [4.9, 5.0]]

    @Test("One group gives exactly the one-level bootstrap of it")
    func oneGroupIsFlat() {
        let xs = [12.1, 11.8, 12.5, 13.0, 11.9, 12.2, 12.7, 12.0]
        #expect(bootstrapMedianInterval(groups: [xs], seed: 42) == bootstrapMedianInterval(xs, seed: 42))
        let den = [1.2, 1.0, 1.1, 1.3]
        #expect(
            ratioOfMedians(numeratorGroups: [xs], denominatorGroups: [den], seed: 3)
                == ratioOfMedians(numerator: xs, denominator: den, seed: 3))
    }

    @Test("Known grouped intervals match an independent transcription")
    func knownAnswers() {
        // Expected: python3 Tests/KnownAnswers/bootstrap.py (SplitMix64-seeded xoshiro256**,
        // Lemire bounded indices; per replicate: draw as many groups as there are, then as many
        // values from each as it holds, both with replacement; median; type-7 percentiles):
        // boot(G, 0.95, 400, 42) -> (10.1, 12.007499999999993);
        // ratio(G, B, 0.95, 400, 9) -> (2.1782178217821784, (1.942307692307692, 2.404040404040404));
        // gmr([(G, B), ([[2.0, 2.2], [2.6]], [[1.0], [1.1], [0.9]])], 0.95, 300, 5)
        //   -> (2.1890818184619762, (1.9671731902378473, 2.4991026489274497)).
        #expect(
            bootstrapMedianInterval(groups: processes, resamples: 400, seed: 42)
                == Interval(low: 10.1, high: 12.007499999999993))
        #expect(
            ratioOfMedians(numeratorGroups: processes, denominatorGroups: baseline, resamples: 400, seed: 9)
                == Estimate(
                    value: 2.1782178217821784, interval: Interval(low: 1.942307692307692, high: 2.404040404040404)))
        let pairs: [(numerator: [[Double]], denominator: [[Double]])] = [
            (processes, baseline), ([[2.0, 2.2], [2.6]], [[1.0], [1.1], [0.9]]),
        ]
        #expect(
            geometricMeanOfRatios(groupedPairs: pairs, resamples: 300, seed: 5)
                == Estimate(
                    value: 2.1890818184619762, interval: Interval(low: 1.9671731902378473, high: 2.4991026489274497)))
    }

    @Test("Spread between processes widens the interval that pooling would hide")
    func betweenProcessSpreadWidens() throws {
        let pooled = try #require(bootstrapMedianInterval(processes.flatMap { $0 }, seed: 7))
        let grouped = try #require(bootstrapMedianInterval(groups: processes, seed: 7))
        #expect(grouped.high - grouped.low > pooled.high - pooled.low)
    }

    @Test("Empty groups are left out; no value at all, NaN and bad settings give nil")
    func edges() {
        #expect(
            bootstrapMedianInterval(groups: [[], [1, 2], []], resamples: 500, seed: 1)
                == bootstrapMedianInterval([1, 2], resamples: 500, seed: 1))
        #expect(bootstrapMedianInterval(groups: [], seed: 1) == nil)
        #expect(bootstrapMedianInterval(groups: [[], []], seed: 1) == nil)
        #expect(bootstrapMedianInterval(groups: [[1], [.nan]], seed: 1) == nil)
        #expect(bootstrapMedianInterval(groups: [[1], [2]], confidence: 1, seed: 1) == nil)
        #expect(ratioOfMedians(numeratorGroups: [[1]], denominatorGroups: [[0], [0]], seed: 1) == nil)
        #expect(geometricMeanOfRatios(groupedPairs: [], seed: 1) == nil)
    }

    @Test("One value per group resamples the groups alone: constant groups give a zero-width interval")
    func singletons() {
        // Expected by reasoning: every replicate draws three copies of groups that all hold 4.
        #expect(bootstrapMedianInterval(groups: [[4], [4], [4]], seed: 2) == Interval(low: 4, high: 4))
    }
}
