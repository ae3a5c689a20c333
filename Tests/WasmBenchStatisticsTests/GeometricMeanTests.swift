import Testing
import WasmBenchStatistics

@Suite("Geometric mean")
struct GeometricMeanTests {
    @Test("Empty input and non-positive values give nil")
    func invalidInputs() {
        #expect(geometricMean([]) == nil)
        #expect(geometricMean([1, 0, 2]) == nil)
        #expect(geometricMean([1, -2]) == nil)
        #expect(geometricMean([1, .nan]) == nil)
    }

    @Test("The geometric mean of [1, 4, 16] is 4")
    func knownAnswer() {
        // Expected: python3 -c 'import scipy.stats as st; print(st.gmean([1,4,16]))' -> 4.0
        #expect(isClose(geometricMean([1, 4, 16]), 4))
        // Expected: python3 -c 'import scipy.stats as st; print(st.gmean([2.0,0.5,8.0]))' -> 2.0
        #expect(isClose(geometricMean([2, 0.5, 8]), 2))
        #expect(isClose(geometricMean([3.5]), 3.5))
    }

    @Test("Geometric mean of ratios of constant groups is exact with a zero-width interval")
    func constantRatios() throws {
        // Expected: python3 -c 'import scipy.stats as st; print(st.gmean([2.0,0.5,8.0]))' -> 2.0;
        // every replicate repeats the same three ratios.
        let pairs: [(numerator: [Double], denominator: [Double])] = [
            ([2, 2, 2], [1, 1, 1]),
            ([1, 1], [2, 2]),
            ([8, 8, 8, 8], [1, 1]),
        ]
        let estimate = try #require(geometricMeanOfRatios(pairs, seed: 4))
        #expect(isClose(estimate.value, 2))
        #expect(isClose(estimate.interval.low, 2))
        #expect(isClose(estimate.interval.high, 2))
    }

    @Test("Geometric mean of median ratios matches scipy")
    func knownRatios() throws {
        // Expected: python3 -c 'import numpy as np, scipy.stats as st; P=[([1,3,2],[4,1]),
        // ([9,10,11],[3,3,6]),([0.5],[0.25,0.75])]; print(st.gmean([np.median(a)/np.median(b)
        // for a,b in P]))' -> 1.3867225487012695 (ratios 0.8, 3.333…, 1.0)
        let pairs: [(numerator: [Double], denominator: [Double])] = [
            ([1, 3, 2], [4, 1]),
            ([9, 10, 11], [3, 3, 6]),
            ([0.5], [0.25, 0.75]),
        ]
        let estimate = try #require(geometricMeanOfRatios(pairs, seed: 12))
        #expect(isClose(estimate.value, 1.3867225487012695))
        #expect(estimate.interval.low <= estimate.value && estimate.value <= estimate.interval.high)
        #expect(geometricMeanOfRatios(pairs, seed: 12) == estimate)
    }

    @Test("Invalid pairs give nil")
    func invalidPairs() {
        #expect(geometricMeanOfRatios([], seed: 1) == nil)
        #expect(geometricMeanOfRatios([(numerator: [], denominator: [1])], seed: 1) == nil)
        #expect(geometricMeanOfRatios([(numerator: [1], denominator: [0])], seed: 1) == nil)
        #expect(geometricMeanOfRatios([(numerator: [-1], denominator: [1])], seed: 1) == nil)
        let valid: [(numerator: [Double], denominator: [Double])] = [([1], [1])]
        #expect(geometricMeanOfRatios(valid, resamples: 0, seed: 1) == nil)
        #expect(geometricMeanOfRatios(valid, confidence: 0, seed: 1) == nil)
    }

    @Test("A single pair gives that pair's ratio of medians")
    func singlePair() throws {
        let numerator = uniformSample(count: 20, low: 3, spread: 1, seed: 1)
        let denominator = uniformSample(count: 20, low: 1, spread: 1, seed: 2)
        let ratio = try #require(
            ratioOfMedians(numerator: numerator, denominator: denominator, seed: 9)
        )
        let geomean = try #require(
            geometricMeanOfRatios([(numerator, denominator)], seed: 9)
        )
        #expect(isClose(geomean.value, ratio.value))
        #expect(isClose(geomean.interval.low, ratio.interval.low))
        #expect(isClose(geomean.interval.high, ratio.interval.high))
    }
}
