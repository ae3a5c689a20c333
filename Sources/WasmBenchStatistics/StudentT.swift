#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// Returns the `p`-quantile of Student's t distribution with `degreesOfFreedom` degrees of
/// freedom: the t with P(T ≤ t) = p.
///
/// Degrees of freedom need not be whole: Welch's and Satterthwaite's approximations give
/// fractional ones. The quantile is found by bisection on ``studentTCDF(_:degreesOfFreedom:)``
/// until the bracket is 1e-15 of its upper end wide, so it is about as accurate as that function
/// (1e-13 relative or better up to 10 000 degrees of freedom; past that lgamma's large values
/// cancel, and at a million it is 1e-10), and symmetric: the quantile of 1 − p is minus that of p.
///
/// Returns `nil` when `p` is not strictly between 0 and 1 (or is NaN), or when
/// `degreesOfFreedom` is not positive (or is NaN). Not errors: fractional or very large degrees
/// of freedom (the latter approach the normal quantile); p = 0.5, which gives 0.
///
/// Source: W. S. Gosset ("Student"), "The Probable Error of a Mean", Biometrika 6(1), 1–25, 1908;
/// the distribution function through the incomplete beta function as in M. Abramowitz and
/// I. A. Stegun, "Handbook of Mathematical Functions", NBS 1964, 26.7.1 and 26.5.27.
public func studentTQuantile(_ p: Double, degreesOfFreedom: Double) -> Double? {
    guard p > 0, p < 1, degreesOfFreedom > 0 else { return nil }
    if p == 0.5 { return 0 }
    let target = max(p, 1 - p)
    var low = 0.0
    var high = 1.0
    while (studentTCDF(high, degreesOfFreedom: degreesOfFreedom) ?? 1) < target {
        low = high
        high *= 2
        if high.isInfinite { return nil }
    }
    while high - low > 1e-15 * high {
        let middle = low + (high - low) / 2
        guard middle > low, middle < high else { break }
        if (studentTCDF(middle, degreesOfFreedom: degreesOfFreedom) ?? 1) < target {
            low = middle
        } else {
            high = middle
        }
    }
    let t = low + (high - low) / 2
    return p > 0.5 ? t : -t
}

/// Returns P(T ≤ t) for Student's t distribution with `degreesOfFreedom` degrees of freedom.
///
/// Computed as 1 − I_x(ν/2, 1/2)/2 for t ≥ 0, with x = ν/(ν + t²) and I the regularized
/// incomplete beta function (see ``regularizedIncompleteBeta(_:a:b:)``), and by symmetry for
/// t < 0.
///
/// Returns `nil` when `t` is NaN or `degreesOfFreedom` is not positive (or is NaN). Not errors:
/// infinite `t` (0 or 1), fractional degrees of freedom.
///
/// Source: M. Abramowitz and I. A. Stegun, "Handbook of Mathematical Functions", NBS 1964,
/// 26.7.1 (the t distribution) and 26.5.27 (its relation to the incomplete beta function).
public func studentTCDF(_ t: Double, degreesOfFreedom: Double) -> Double? {
    guard !t.isNaN, degreesOfFreedom > 0 else { return nil }
    if t.isInfinite { return t > 0 ? 1 : 0 }
    let x = degreesOfFreedom / (degreesOfFreedom + t * t)
    let tail = regularizedIncompleteBeta(x, a: degreesOfFreedom / 2, b: 0.5) / 2
    return t >= 0 ? 1 - tail : tail
}

/// Returns the regularized incomplete beta function I_x(a, b), for 0 ≤ x ≤ 1 and a, b > 0.
///
/// Evaluates the continued fraction of A&S 26.5.8 by the modified Lentz method, on x itself when
/// x < (a + 1)/(a + b + 2) and otherwise on 1 − x through I_x(a, b) = 1 − I_{1−x}(b, a), where it
/// converges quickly. Callers check the domain.
///
/// Source: M. Abramowitz and I. A. Stegun, "Handbook of Mathematical Functions", NBS 1964,
/// 26.5.8; W. H. Press, S. A. Teukolsky, W. T. Vetterling and B. P. Flannery, "Numerical Recipes",
/// 3rd ed., Cambridge 2007, §6.4 (the evaluation) and §5.2 (Lentz's method).
func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(1 - x)
    if x < (a + 1) / (a + b + 2) {
        return exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * betaContinuedFraction(1 - x, a: b, b: a) / b
}

/// The continued fraction of A&S 26.5.8 for I_x(a, b), by the modified Lentz method: stops when
/// a step changes the value by less than 1e-16 relative, or after 10 000 steps.
private func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
    var c = 1.0
    var d = 1 / guarded(1 - (a + b) * x / (a + 1))
    var result = d
    for m in 1...10_000 {
        let m = Double(m)
        let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        d = 1 / guarded(1 + even * d)
        c = guarded(1 + even / c)
        result *= d * c
        let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        d = 1 / guarded(1 + odd * d)
        c = guarded(1 + odd / c)
        let step = d * c
        result *= step
        if abs(step - 1) < 1e-16 { break }
    }
    return result
}
