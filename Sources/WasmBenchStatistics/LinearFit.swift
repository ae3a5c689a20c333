/// A straight line fitted by ordinary least squares, y = intercept + slope · x, with Student t
/// confidence intervals for both coefficients.
public struct LinearFit: Sendable, Equatable {
    /// The fitted value at x = 0 (a fixed cost), with its interval.
    public var intercept: Estimate
    /// The fitted change of y per unit of x (a cost per unit), with its interval.
    public var slope: Estimate
    /// The residual standard deviation, √(SSE / (n − 2)).
    public var residualStandardDeviation: Double
    /// The share of y's variance the line explains, 1 − SSE / Syy (1 when y is constant).
    public var rSquared: Double
    /// The number of points.
    public var count: Int
}

/// Fits y = a + b·x to the points by ordinary least squares, with t intervals for a and b.
///
/// With x̄ and ȳ the means, Sxx = Σ(x − x̄)², Sxy = Σ(x − x̄)(y − ȳ): b = Sxy / Sxx and
/// a = ȳ − b·x̄. The residuals' variance s² = SSE / (n − 2) gives the standard errors
/// se(b) = s / √Sxx and se(a) = s · √(1/n + x̄² / Sxx), and each interval is estimate ± t · se, t
/// being the (1 + confidence)/2 quantile of Student's t with n − 2 degrees of freedom. The x values
/// are taken as known exactly and the errors in y as independent with one variance, the usual
/// assumptions of the method; timings whose noise grows with their size break the second, so the
/// intervals are a guide, not a guarantee.
///
/// Returns `nil` when fewer than three points are given (two points fit exactly and leave no
/// degree of freedom for an interval), when `x` and `y` differ in length, when every x is the same
/// (no slope can be fitted), when any value is infinite or NaN, or when `confidence` is not
/// strictly between 0 and 1. Not errors: points on an exact line (zero-width intervals), a
/// negative fitted intercept or slope, unsorted or repeated x values.
///
/// Source: N. R. Draper and H. Smith, "Applied Regression Analysis", 3rd ed., Wiley 1998,
/// ch. 1 (§1.2 the least-squares line, §1.4 the standard errors and t intervals of b₀ and b₁).
public func linearFit(x: [Double], y: [Double], confidence: Double = 0.95) -> LinearFit? {
    let n = x.count
    guard n >= 3, y.count == n, confidence > 0, confidence < 1,
        (x + y).allSatisfy(\.isFinite)
    else { return nil }
    let count = Double(n)
    let meanX = x.reduce(0, +) / count
    let meanY = y.reduce(0, +) / count
    var sxx = 0.0
    var sxy = 0.0
    var syy = 0.0
    for (xi, yi) in zip(x, y) {
        sxx += (xi - meanX) * (xi - meanX)
        sxy += (xi - meanX) * (yi - meanY)
        syy += (yi - meanY) * (yi - meanY)
    }
    guard sxx > 0 else { return nil }
    let slope = sxy / sxx
    let intercept = meanY - slope * meanX
    var sse = 0.0
    for (xi, yi) in zip(x, y) {
        let residual = yi - (intercept + slope * xi)
        sse += residual * residual
    }
    let variance = sse / (count - 2)
    guard let t = studentTQuantile((1 + confidence) / 2, degreesOfFreedom: count - 2) else { return nil }
    let slopeError = (variance / sxx).squareRoot()
    let interceptError = (variance * (1 / count + meanX * meanX / sxx)).squareRoot()
    guard
        let slopeEstimate = Estimate(
            finite: slope, interval: Interval(low: slope - t * slopeError, high: slope + t * slopeError)),
        let interceptEstimate = Estimate(
            finite: intercept,
            interval: Interval(low: intercept - t * interceptError, high: intercept + t * interceptError))
    else { return nil }
    return LinearFit(
        intercept: interceptEstimate, slope: slopeEstimate, residualStandardDeviation: variance.squareRoot(),
        rSquared: syy > 0 ? 1 - sse / syy : 1, count: n)
}
