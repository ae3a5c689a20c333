import Testing
import WasmBenchStatistics

@Suite("Geometric means with t intervals on the log scale; per-process minima")
struct LogTIntervalTests {
    /// Checks an estimate against (value, low, high) up to `isClose`'s tolerance.
    func matches(_ estimate: Estimate?, _ value: Double, _ low: Double, _ high: Double) -> Bool {
        guard let estimate else { return false }
        return isClose(estimate.value, value) && isClose(estimate.interval.low, low)
            && isClose(estimate.interval.high, high)
    }

    @Test("Known intervals match an independent computation")
    func knownAnswers() {
        // Expected: python3 Tests/KnownAnswers/log_t_intervals.py, which prints (value, low,
        // high, degrees of freedom) from its own t quantile.
        #expect(
            matches(
                geometricMeanInterval([1.0, 1.1, 0.95]), 1.0147804616306875, 0.8435510196425569, 1.2207671632520176))
        #expect(
            matches(
                geometricMeanInterval([1.0, 1.1, 0.95], confidence: 0.9), 1.0147804616306875, 0.8951654774360212,
                1.150378797288897))
        let a = [2.0, 2.2, 2.1, 2.05]
        let b = [1.0, 1.3, 1.1]
        #expect(
            matches(
                ratioOfGeometricMeans(numerator: a, denominator: b), 1.8517304956800473, 1.3666195042303846,
                2.5090420691474553))
        #expect(
            matches(
                geometricMeanOfRatiosOfGeometricMeans([(a, b), ([5.0, 5.5], [2.0, 2.1, 1.9])]), 2.2043890633434824,
                1.923241292177191, 2.5266362376648988))
    }

    @Test("Known per-process minima estimates match an independent computation")
    func knownMinima() {
        // Expected: python3 Tests/KnownAnswers/log_t_intervals.py.
        let top: [[Double]] = [[1.3, 1.2, 1.25], [1.1, 1.4], [], [1.22, 1.5, 1.21]]
        let bottom: [[Double]] = [[1.0, 0.9], [0.95, 1.05, 1.0]]
        #expect(groupMinima(top) == [1.2, 1.1, 1.21])
        #expect(
            matches(geometricMeanOfMinima(groups: top), 1.1689244261008722, 1.0252474005971863, 1.3327361894693532))
        #expect(
            matches(
                ratioOfMinima(numeratorGroups: top, denominatorGroups: bottom), 1.2641638773102968,
                1.1061589578143125, 1.4447383871970352))
        let other: (numerator: [[Double]], denominator: [[Double]]) = ([[3.0, 2.9], [3.3]], [[1.5], [1.6, 1.7]])
        #expect(
            matches(
                geometricMeanOfRatiosOfMinima(groupedPairs: [(top, bottom), other]), 1.5888279174707893,
                1.365585208072011, 1.8485658283444502))
    }

    @Test("One pair is the plain ratio; the ratio of a sample to itself is 1")
    func consistency() throws {
        let a = [3.1, 2.9, 3.4, 3.0]
        let b = [1.2, 1.25, 1.1]
        #expect(
            geometricMeanOfRatiosOfGeometricMeans([(a, b)]) == ratioOfGeometricMeans(numerator: a, denominator: b))
        let same = try #require(ratioOfGeometricMeans(numerator: a, denominator: a))
        #expect(isClose(same.value, 1))
        #expect(same.interval.low < 1 && same.interval.high > 1)
    }

    @Test("Constant samples give zero-width intervals; scaling scales the interval")
    func constantsAndScale() throws {
        #expect(geometricMeanInterval([2, 2, 2]) == Estimate(value: 2, interval: Interval(low: 2, high: 2)))
        let base = try #require(geometricMeanInterval([1.0, 1.1, 0.95]))
        let scaled = try #require(geometricMeanInterval([10.0, 11.0, 9.5]))
        #expect(isClose(scaled.value, 10 * base.value))
        #expect(isClose(scaled.interval.low, 10 * base.interval.low))
        #expect(isClose(scaled.interval.high, 10 * base.interval.high))
    }

    @Test("Fewer than two values a side, values that are not positive and finite, bad confidence give nil")
    func edges() {
        #expect(geometricMeanInterval([]) == nil)
        #expect(geometricMeanInterval([1.5]) == nil)
        #expect(geometricMeanInterval([1, 0]) == nil)
        #expect(geometricMeanInterval([1, -2]) == nil)
        #expect(geometricMeanInterval([1, .infinity]) == nil)
        #expect(geometricMeanInterval([1, .nan]) == nil)
        #expect(geometricMeanInterval([1, 2], confidence: 1) == nil)
        #expect(ratioOfGeometricMeans(numerator: [1, 2], denominator: [3]) == nil)
        #expect(geometricMeanOfRatiosOfGeometricMeans([]) == nil)
        #expect(groupMinima([[1, .nan]]) == nil)
        #expect(groupMinima([]) == [])
        #expect(geometricMeanOfMinima(groups: [[1, 2, 3], []]) == nil, "one process holds no spread")
        #expect(ratioOfMinima(numeratorGroups: [[1], [2]], denominatorGroups: [[0], [1]]) == nil)
    }

    @Test("A slow process widens the interval instead of moving a confident estimate")
    func slowProcessWidens() throws {
        // Three fast processes against two fast and one stuck in a slow state (1.4×): the t
        // interval of the ratio must hold the no-change value 1.
        let fast: [[Double]] = [[21.0, 21.3, 29.0], [21.1, 30.2, 21.2], [20.9, 21.0, 21.4]]
        let mixed: [[Double]] = [[21.2, 29.5, 21.0], [29.4, 29.8, 30.1], [21.1, 21.0, 28.8]]
        let ratio = try #require(ratioOfMinima(numeratorGroups: mixed, denominatorGroups: fast))
        #expect(ratio.interval.low < 1 && 1 < ratio.interval.high)
    }
}
