import Testing
import WasmBenchStatistics

@Suite("Bootstrap interval of the median")
struct BootstrapTests {
    @Test("Empty input, NaN and invalid settings give nil")
    func invalidInputs() {
        #expect(bootstrapMedianInterval([], seed: 1) == nil)
        #expect(bootstrapMedianInterval([1, .nan], seed: 1) == nil)
        #expect(bootstrapMedianInterval([1, 2], confidence: 0, seed: 1) == nil)
        #expect(bootstrapMedianInterval([1, 2], confidence: 1, seed: 1) == nil)
        #expect(bootstrapMedianInterval([1, 2], confidence: .nan, seed: 1) == nil)
        #expect(bootstrapMedianInterval([1, 2], resamples: 0, seed: 1) == nil)
    }

    @Test("A single sample gives the degenerate interval [x, x]")
    func singleSample() {
        #expect(bootstrapMedianInterval([3.25], seed: 5) == Interval(low: 3.25, high: 3.25))
    }

    @Test("A constant sample gives a zero-width interval")
    func constantSample() {
        // Expected by reasoning: every resample of a constant sample has that constant as median.
        let interval = bootstrapMedianInterval(Array(repeating: 7.5, count: 30), seed: 11)
        #expect(interval == Interval(low: 7.5, high: 7.5))
    }

    @Test("On [1, 2] the 95% interval is [1, 2]")
    func enumerableDistribution() {
        // Expected by enumeration: resample medians are 1, 1.5, 2 with probabilities 1/4, 1/2,
        // 1/4, so the 2.5% and 97.5% quantiles of many replicates are 1 and 2.
        let interval = bootstrapMedianInterval([1, 2], resamples: 20_000, seed: 1)
        #expect(interval == Interval(low: 1, high: 2))
    }

    @Test("The interval contains the median of random data")
    func containsPointEstimate() throws {
        for seed: UInt64 in 1...20 {
            let xs = uniformSample(count: 30, low: 10, spread: 2, seed: seed)
            let center = try #require(median(xs))
            let interval = try #require(bootstrapMedianInterval(xs, seed: seed))
            let smallest = try #require(xs.min())
            let largest = try #require(xs.max())
            #expect(interval.low <= center && center <= interval.high)
            #expect(smallest <= interval.low && interval.high <= largest)
        }
    }

    @Test("The same seed gives the same interval")
    func determinism() {
        let xs = uniformSample(count: 25, low: 1, spread: 1, seed: 3)
        let first = bootstrapMedianInterval(xs, seed: 99)
        #expect(first != nil)
        #expect(first == bootstrapMedianInterval(xs, seed: 99))
        // A different seed may give another interval; both must still be valid intervals.
        let other = bootstrapMedianInterval(xs, seed: 100)
        #expect(other.map { $0.low <= $0.high } == true)
    }

    @Test("Known intervals match an independent transcription")
    func knownAnswer() {
        // Expected: python3 Tests/KnownAnswers/bootstrap.py, a second implementation from the
        // published algorithms (SplitMix64-seeded xoshiro256**, Lemire bounded indices, resample
        // medians, type-7 percentiles), each resample's median and each interval's ends checked
        // there against numpy.median and numpy.percentile:
        // boot([12.1,11.8,12.5,13.0,11.9,12.2,12.7,12.0], 0.95, 200, 42) -> (11.9, 12.7) and
        // boot(same, 0.90, 500, 7) -> (11.95, 12.6).
        let xs = [12.1, 11.8, 12.5, 13.0, 11.9, 12.2, 12.7, 12.0]
        let first = bootstrapMedianInterval(xs, resamples: 200, seed: 42)
        #expect(first == Interval(low: 11.9, high: 12.7))
        let second = bootstrapMedianInterval(xs, confidence: 0.90, resamples: 500, seed: 7)
        #expect(second == Interval(low: 11.95, high: 12.6))
    }

    @Test("A higher confidence never gives a narrower interval for the same seed")
    func confidenceWidens() throws {
        let xs = uniformSample(count: 30, low: 5, spread: 3, seed: 8)
        let narrow = try #require(bootstrapMedianInterval(xs, confidence: 0.8, seed: 4))
        let wide = try #require(bootstrapMedianInterval(xs, confidence: 0.99, seed: 4))
        #expect(wide.low <= narrow.low && narrow.high <= wide.high)
    }
}
