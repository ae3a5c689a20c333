import Testing
import WasmBenchStatistics

@Suite("Least-squares line with t intervals for intercept and slope")
struct LinearFitTests {
    /// Checks a fit against (intercept, low, high, slope, low, high, residual sd).
    func matches(_ fit: LinearFit?, _ expected: [Double]) -> Bool {
        guard let fit, expected.count == 7 else { return false }
        let actual = [
            fit.intercept.value, fit.intercept.interval.low, fit.intercept.interval.high, fit.slope.value,
            fit.slope.interval.low, fit.slope.interval.high, fit.residualStandardDeviation,
        ]
        return zip(actual, expected).allSatisfy { isClose($0, $1, relative: 1e-9) }
    }

    @Test("Known fits match an independent computation")
    func knownAnswers() {
        // Expected: python3 Tests/KnownAnswers/linear_fit.py (normal equations in exact fractions,
        // checked against statistics.linear_regression; its own t quantile).
        #expect(
            matches(
                linearFit(x: [20, 24, 28], y: [0.00021, 0.00139, 0.00952]),
                [
                    -0.024223333333333336, -0.1785872344667206, 0.1301405678000539, 0.00116375,
                    -0.005209339817177774, 0.007536839817177773, 0.002837325618723848,
                ]))
        #expect(
            matches(
                linearFit(x: [1, 2, 3, 4, 5], y: [2.1, 3.9, 6.2, 7.8, 10.1]),
                [
                    0.050000000000000225, -0.580360061130102, 0.6803600611301025, 1.99, 1.7999392904005416,
                    2.1800607095994584, 0.18885620632287067,
                ]))
        #expect(
            matches(
                linearFit(
                    x: [1000, 2000, 4000, 8000, 16000, 32000], y: [0.0102, 0.0119, 0.0161, 0.0239, 0.0405, 0.0718]),
                [
                    0.008111442786069652, 0.007664492759573888, 0.008558392812565416, 1.9957356076759064e-06,
                    1.9661031094642836e-06, 2.025368105887529e-06, 0.00028308132946251133,
                ]))
        #expect(
            matches(
                linearFit(x: [3, 1, 2, 2], y: [5.0, 1.0, 3.5, 2.5]),
                [-1.0, -4.226989547312094, 2.2269895473120944, 2.0, 0.47878253885167377, 3.5212174611483262, 0.5]))
        #expect(
            matches(
                linearFit(x: [1, 2, 3, 4, 5], y: [2.1, 3.9, 6.2, 7.8, 10.1], confidence: 0.9),
                [
                    0.050000000000000225, -0.4161402507121878, 0.5161402507121883, 1.99, 1.8494534262459523,
                    2.1305465737540477, 0.18885620632287067,
                ]))
    }

    @Test("Points on a line give that line with zero-width intervals and R² of 1")
    func exactLine() throws {
        let fit = try #require(linearFit(x: [1, 2, 4, 8], y: [7, 9, 13, 21]))
        #expect(isClose(fit.intercept.value, 5) && isClose(fit.slope.value, 2))
        #expect(isClose(fit.slope.interval.low, 2) && isClose(fit.slope.interval.high, 2))
        #expect(fit.rSquared == 1 && fit.count == 4)
    }

    @Test("No fit without a spread of x, with too few points, or with non-finite values")
    func refusals() {
        #expect(linearFit(x: [2, 2, 2], y: [1, 2, 3]) == nil)
        #expect(linearFit(x: [1, 2], y: [1, 2]) == nil)
        #expect(linearFit(x: [1, 2, 3], y: [1, 2]) == nil)
        #expect(linearFit(x: [1, 2, 3], y: [1, .nan, 3]) == nil)
        #expect(linearFit(x: [1, 2, .infinity], y: [1, 2, 3]) == nil)
        #expect(linearFit(x: [1, 2, 3], y: [1, 2, 3], confidence: 1) == nil)
    }
}
