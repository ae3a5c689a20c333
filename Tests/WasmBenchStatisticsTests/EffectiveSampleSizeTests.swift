import Testing
import WasmBenchStatistics

@Suite("Effective sample size of a series in time order, and intervals that use it")
struct EffectiveSampleSizeTests {
    @Test("Known answers: a series in runs of three, a ramp (clamped), and the cases that keep n")
    func knownAnswers() {
        // By hand: mean 1.5, Σ(x − m)² = 3, lag-1 products 1.25 → r₁ = 5/12; 12 · (7/12) / (17/12) = 84/17.
        let runs = [1.0, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]
        #expect(abs(effectiveSampleSize(runs) - 84.0 / 17.0) < 1e-12)
        // A ramp of 12 has r₁ = 0.75: 12 · 0.25 / 1.75 = 1.71, kept at 2.
        #expect(effectiveSampleSize((1...12).map(Double.init)) == 2)
        // Alternating values (r₁ < 0), a constant, a series under the minimum length: n.
        #expect(effectiveSampleSize([1.0, 2].flatMap { _ in [1.0, 2] } + [1, 2, 1, 2, 1, 2, 1, 2]) == 12)
        #expect(effectiveSampleSize(Array(repeating: 3.0, count: 12)) == 12)
        #expect(effectiveSampleSize([1.0, 1, 2, 2, 3, 3]) == 6)
        #expect(serialCorrelationMinimumCount == 10)
    }

    @Test("A drifting series widens the ratio's interval; an independent-looking one leaves it as it was")
    func widens() throws {
        let drifting = [1.0, 1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 1.07, 1.08, 1.09, 1.1, 1.11]
        let steady = [1.0, 1.1, 1.0, 1.1, 1.0, 1.1, 1.0, 1.1, 1.0, 1.1, 1.0, 1.1]
        let plain = try #require(ratioOfGeometricMeans(numerator: drifting, denominator: steady))
        let ordered = try #require(ratioOfGeometricMeans(numerator: drifting, denominator: steady, inTimeOrder: true))
        #expect(ordered.value == plain.value)
        #expect(ordered.interval.low < plain.interval.low && ordered.interval.high > plain.interval.high)
        let shuffled = [1.05, 1.0, 1.09, 1.02, 1.11, 1.03, 1.07, 1.01, 1.1, 1.04, 1.08, 1.06]
        #expect(
            ratioOfGeometricMeans(numerator: steady, denominator: steady.reversed(), inTimeOrder: true)
                == ratioOfGeometricMeans(numerator: steady, denominator: steady.reversed()))
        // r₁ of the shuffled order is below 0: nothing to correct.
        #expect(effectiveSampleSize(shuffled) == 12)
    }
}
