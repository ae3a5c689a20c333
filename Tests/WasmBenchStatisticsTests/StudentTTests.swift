import Foundation
import Testing

@testable import WasmBenchStatistics

@Suite("Student's t distribution: quantiles and distribution function")
struct StudentTTests {
    @Test("Quantiles match an independent computation and the printed tables")
    func knownQuantiles() {
        // Expected: python3 Tests/KnownAnswers/log_t_intervals.py (A&S 26.7.3's series for whole
        // degrees of freedom, a numerical integral of the density for fractional ones). The first
        // seven agree with A&S Table 26.10 (12.706, 4.303, 3.182, 2.776, 2.571, 2.262, 2.045).
        let known: [(p: Double, df: Double, t: Double)] = [
            (0.975, 1, 12.706204736174676), (0.975, 2, 4.302652729749459), (0.975, 3, 3.1824463052837064),
            (0.975, 4, 2.7764451051977934), (0.975, 5, 2.570581835636313), (0.975, 9, 2.2621571627982044),
            (0.975, 29, 2.0452296421327043), (0.025, 4, -2.7764451051977934), (0.9, 3, 1.6377443536962097),
            (0.995, 10, 3.1692726726169465), (0.975, 2.5, 3.5746548420036905), (0.975, 4.7, 2.6207260753531685),
            (0.975, 10_000, 1.9602012398914161),
        ]
        for (p, df, t) in known {
            #expect(isClose(studentTQuantile(p, degreesOfFreedom: df), t), "p \(p), df \(df)")
        }
        // Past ten thousand degrees of freedom lgamma's large values cancel and accuracy drops.
        #expect(isClose(studentTQuantile(0.975, degreesOfFreedom: 1_000_000), 1.9599663568670533, relative: 1e-9))
    }

    @Test("The distribution function matches an independent computation")
    func knownDistribution() {
        // Expected: python3 Tests/KnownAnswers/log_t_intervals.py.
        let known: [(t: Double, df: Double, p: Double)] = [
            (2.0, 3, 0.9303370157205785), (-1.5, 7, 0.08864924349498499), (0.7, 2.5, 0.7282975284052259),
            (-3.0, 1, 0.10241638234956668),
        ]
        for (t, df, p) in known {
            #expect(isClose(studentTCDF(t, degreesOfFreedom: df), p), "t \(t), df \(df)")
        }
    }

    @Test("Closed forms: one and two degrees of freedom")
    func closedForms() {
        // Expected: A&S 26.7.3 at ν = 1 is the Cauchy distribution, tan(π(p − 1/2)); at ν = 2 the
        // quantile is (2p − 1)/√(2p(1 − p)).
        for p in [0.6, 0.8, 0.95, 0.99] {
            #expect(isClose(studentTQuantile(p, degreesOfFreedom: 1), tan(Double.pi * (p - 0.5)), relative: 1e-11))
            #expect(isClose(studentTQuantile(p, degreesOfFreedom: 2), (2 * p - 1) / (2 * p * (1 - p)).squareRoot()))
        }
    }

    @Test("The median is 0, infinities are certain, bad arguments give nil")
    func edges() {
        #expect(studentTQuantile(0.5, degreesOfFreedom: 3) == 0)
        #expect(studentTCDF(.infinity, degreesOfFreedom: 3) == 1)
        #expect(studentTCDF(-.infinity, degreesOfFreedom: 3) == 0)
        #expect(studentTCDF(0, degreesOfFreedom: 3) == 0.5)
        #expect(studentTQuantile(0, degreesOfFreedom: 3) == nil)
        #expect(studentTQuantile(1, degreesOfFreedom: 3) == nil)
        #expect(studentTQuantile(.nan, degreesOfFreedom: 3) == nil)
        #expect(studentTQuantile(0.9, degreesOfFreedom: 0) == nil)
        #expect(studentTQuantile(0.9, degreesOfFreedom: .nan) == nil)
        #expect(studentTCDF(.nan, degreesOfFreedom: 3) == nil)
        #expect(studentTCDF(1, degreesOfFreedom: -1) == nil)
    }

    @Test("The regularized incomplete beta function at its symmetric and closed-form points")
    func incompleteBeta() {
        // Expected by reasoning: I_x(1, 1) = x; I_x(a, b) = 1 − I_{1−x}(b, a); I_{1/2}(a, a) = 1/2.
        #expect(isClose(regularizedIncompleteBeta(0.3, a: 1, b: 1), 0.3))
        #expect(
            isClose(regularizedIncompleteBeta(0.2, a: 2.5, b: 0.5), 1 - regularizedIncompleteBeta(0.8, a: 0.5, b: 2.5)))
        #expect(isClose(regularizedIncompleteBeta(0.5, a: 3.7, b: 3.7), 0.5))
        #expect(regularizedIncompleteBeta(0, a: 2, b: 3) == 0)
        #expect(regularizedIncompleteBeta(1, a: 2, b: 3) == 1)
    }
}
