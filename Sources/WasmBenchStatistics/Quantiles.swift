/// Returns the `p`-th sample quantile of `xs` by Hyndman and Fan's definition 7.
///
/// With the values sorted as x₀ ≤ … ≤ xₙ₋₁ and h = (n − 1)·p, the result interpolates linearly
/// between x₍⌊h⌋₎ and x₍⌊h⌋+1₎. This is R's default `quantile(type = 7)` and numpy's
/// `percentile(method="linear")`.
///
/// Returns `nil` when `xs` is empty, when `p` lies outside `[0, 1]` (or is NaN), or when `xs`
/// contains NaN, which has no place in an order. Not errors: unsorted input, repeated values and
/// infinities (ordered as usual).
///
/// Source: R. J. Hyndman and Y. Fan, "Sample Quantiles in Statistical Packages",
/// The American Statistician 50(4), 361–365, 1996, definition 7.
public func quantile(_ xs: [Double], _ p: Double) -> Double? {
    guard !xs.isEmpty, p >= 0, p <= 1, !xs.contains(where: \.isNaN) else { return nil }
    return quantileOfSorted(xs.sorted(), p)
}

/// Returns the median of `xs`: the middle value, or the mean of the two middle values.
///
/// Equal to `quantile(xs, 0.5)`. Returns `nil` when `xs` is empty or contains NaN; unsorted input
/// and repeated values are not errors.
///
/// Source: Hyndman and Fan (1996), definition 7 at p = 0.5, which reduces to the textbook median.
public func median(_ xs: [Double]) -> Double? {
    quantile(xs, 0.5)
}

/// Returns the median absolute deviation of `xs`: the median of |xᵢ − median(xs)|, unscaled.
///
/// Multiply by ``madNormalConsistency`` to estimate a standard deviation when the data are
/// normal. Matches `scipy.stats.median_abs_deviation(xs, scale=1)` and R's `mad(xs, constant = 1)`.
///
/// Returns `nil` when `xs` is empty or contains NaN. A MAD of 0 (more than half the values equal)
/// is a valid result, not an error.
///
/// Source: F. R. Hampel, "The Influence Curve and Its Role in Robust Estimation", JASA 69(346),
/// 383–393, 1974; see also Iglewicz and Hoaglin, "How to Detect and Handle Outliers", ASQC 1993.
public func medianAbsoluteDeviation(_ xs: [Double]) -> Double? {
    guard let center = median(xs) else { return nil }
    return median(xs.map { abs($0 - center) })
}

/// The factor that turns an unscaled MAD into a consistent estimate of a normal standard deviation.
///
/// It is 1 / Φ⁻¹(3/4) ≈ 1.4826, where Φ⁻¹ is the standard normal quantile function; R's `mad`
/// applies it by default and `scipy.stats.median_abs_deviation(scale="normal")` likewise.
/// wasmbench stores MADs unscaled and applies this constant only where a σ-like spread is meant.
///
/// Source: P. J. Rousseeuw and C. Croux, "Alternatives to the Median Absolute Deviation",
/// JASA 88(424), 1273–1283, 1993, who give b = 1.4826 for consistency at the normal.
public let madNormalConsistency = 1.4826

/// Returns the type-7 quantile of an already sorted, non-empty, NaN-free collection.
///
/// Callers check `p` in `[0, 1]`. Equal neighbours are returned as they are, so infinities do not
/// turn into NaN through `∞ − ∞`.
func quantileOfSorted<C: RandomAccessCollection>(_ sorted: C, _ p: Double) -> Double
where C.Element == Double {
    let last = sorted.count - 1
    let h = Double(last) * p
    let lowerOffset = min(max(Int(h.rounded(.down)), 0), last)
    let upperOffset = min(lowerOffset + 1, last)
    let lower = sorted[sorted.index(sorted.startIndex, offsetBy: lowerOffset)]
    let upper = sorted[sorted.index(sorted.startIndex, offsetBy: upperOffset)]
    let fraction = h - Double(lowerOffset)
    if fraction == 0 || lower == upper { return lower }
    return lower + fraction * (upper - lower)
}
