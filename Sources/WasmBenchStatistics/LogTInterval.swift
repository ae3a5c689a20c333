#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// Returns the geometric mean of `xs` with a Student t confidence interval computed on the
/// logarithms.
///
/// With ℓᵢ = log xᵢ, mean m and sample standard deviation s (n − 1 in the denominator), the
/// interval is exp(m ± t · s / √n), t being the (1 + confidence)/2 quantile of Student's t with
/// n − 1 degrees of freedom. The values are the sample, one per independent unit (a fresh process,
/// say); a small n gives a wide t, which is the point: three processes give t = 4.30, not the
/// normal 1.96 a bootstrap of three values behaves like.
///
/// Returns `nil` when `xs` holds fewer than two values (no spread can be estimated), when any
/// value is zero, negative, infinite or NaN, or when `confidence` is not strictly between 0 and 1.
/// Not errors: equal values, which give the zero-width interval [x, x]; unsorted input.
///
/// Sources: "Student", "The Probable Error of a Mean", Biometrika 6(1), 1908 (the t interval);
/// E. Limpert, W. A. Stahel and M. Abbt, "Log-normal Distributions across the Sciences", BioScience
/// 51(5), 341–352, 2001 (multiplicative data: intervals on the log scale, back-transformed).
public func geometricMeanInterval(_ xs: [Double], confidence: Double = 0.95) -> Estimate? {
    guard let sample = LogSample(xs), sample.count >= 2 else { return nil }
    return logInterval(center: sample.mean, components: [sample.component], confidence: confidence)
}

/// Returns geometricMean(numerator) ÷ geometricMean(denominator) with Welch's t interval computed
/// on the logarithms.
///
/// The log of the ratio is the difference of the two samples' log means; its standard error is
/// √(s²ₙ/nₙ + s²ₐ/nₐ), and its degrees of freedom come from the Welch–Satterthwaite equation, so
/// the two sides may differ in spread and size. The interval is the back-transformed
/// difference ± t · standard error, at the (1 + confidence)/2 quantile of Student's t.
///
/// With `inTimeOrder`, each side is a series in the order it was measured, and its size counts as
/// its ``effectiveSampleSize(_:)``: values that drift together carry less information than as
/// many independent ones, so the interval widens.
///
/// Returns `nil` when either side holds fewer than two values, when any value is zero, negative,
/// infinite or NaN, or when `confidence` is not strictly between 0 and 1. Not errors: sides of
/// different sizes; both sides constant, which gives a zero-width interval.
///
/// Sources: B. L. Welch, "The Generalization of 'Student's' Problem when Several Different
/// Population Variances are Involved", Biometrika 34(1/2), 28–35, 1947; F. E. Satterthwaite, "An
/// Approximate Distribution of Estimates of Variance Components", Biometrics Bulletin 2(6),
/// 110–114, 1946; Limpert, Stahel and Abbt (BioScience 2001) for the log scale.
public func ratioOfGeometricMeans(
    numerator: [Double],
    denominator: [Double],
    confidence: Double = 0.95,
    inTimeOrder: Bool = false
) -> Estimate? {
    geometricMeanOfRatiosOfGeometricMeans([(numerator, denominator)], confidence: confidence, inTimeOrder: inTimeOrder)
}

/// Returns the geometric mean over pairs of geometricMean(numerator) ÷ geometricMean(denominator),
/// with a t interval whose degrees of freedom come from the Welch–Satterthwaite equation.
///
/// On the log scale the estimate is L = (1/k) Σ (m̄ₙ − m̄ₐ) over the k pairs, a linear combination
/// of 2k independent sample means; its variance is (1/k²) Σ s²ᵢ/nᵢ over all 2k samples, and
/// Satterthwaite's equation gives the degrees of freedom (Σ s²ᵢ/nᵢ)² / Σ (s²ᵢ/nᵢ)²/(nᵢ − 1). The
/// interval is exp(L ± t · √variance). With one pair this is
/// ``ratioOfGeometricMeans(numerator:denominator:confidence:inTimeOrder:)``; `inTimeOrder` is as
/// there.
///
/// Returns `nil` when `pairs` is empty, when any side holds fewer than two values, when any value
/// is zero, negative, infinite or NaN, or when `confidence` is not strictly between 0 and 1. Not
/// errors: sides of different sizes; no spread anywhere (a zero-width interval).
///
/// Sources: F. E. Satterthwaite, Biometrics Bulletin 2(6), 1946 (degrees of freedom of a linear
/// combination of variances); B. L. Welch, Biometrika 34, 1947; P. J. Fleming and J. J. Wallace,
/// CACM 29(3), 1986 (the geometric mean of ratios).
public func geometricMeanOfRatiosOfGeometricMeans(
    _ pairs: [(numerator: [Double], denominator: [Double])],
    confidence: Double = 0.95,
    inTimeOrder: Bool = false
) -> Estimate? {
    guard !pairs.isEmpty else { return nil }
    var center = 0.0
    var components: [(variance: Double, degreesOfFreedom: Double)] = []
    let weight = 1 / Double(pairs.count)
    for pair in pairs {
        guard let top = LogSample(pair.numerator, inTimeOrder: inTimeOrder),
            let bottom = LogSample(pair.denominator, inTimeOrder: inTimeOrder),
            top.count >= 2, bottom.count >= 2
        else { return nil }
        center += weight * (top.mean - bottom.mean)
        for side in [top, bottom] {
            components.append((weight * weight * side.component.variance, side.component.degreesOfFreedom))
        }
    }
    return logInterval(center: center, components: components, confidence: confidence)
}

/// The mean and variance of the logarithms of a sample of positive, finite values.
struct LogSample {
    let count: Int
    let mean: Double
    let variance: Double
    /// How many independent values the sample is worth: its count, or for a series in time order
    /// its ``effectiveSampleSize(_:)``.
    let effectiveCount: Double

    /// Summarises `xs` on the log scale, or `nil` when it is empty or holds a value that is not
    /// positive and finite. With `inTimeOrder`, `xs` is a series in the order it was measured.
    init?(_ xs: [Double], inTimeOrder: Bool = false) {
        guard !xs.isEmpty, xs.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let logs = xs.map { log($0) }
        let mean = logs.reduce(0, +) / Double(logs.count)
        count = logs.count
        self.mean = mean
        variance = logs.count < 2 ? 0 : logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(logs.count - 1)
        effectiveCount = inTimeOrder ? effectiveSampleSize(logs) : Double(logs.count)
    }

    /// The variance of the sample's mean and its degrees of freedom (the sample needs two values).
    var component: (variance: Double, degreesOfFreedom: Double) {
        (variance / effectiveCount, effectiveCount - 1)
    }
}

/// Returns how many independent values a series in time order is worth for estimating its mean:
/// n (1 − r₁) ÷ (1 + r₁) for a lag-1 autocorrelation r₁ > 0 (a first-order autoregressive
/// series), kept between 2 and n; n itself when r₁ ≤ 0 or the series is shorter than
/// ``serialCorrelationMinimumCount``, where r₁ says too little to lean on.
///
/// Benchmark processes run one after another on a machine whose speed can drift for minutes: a
/// stretch of slow processes is one slow period, not many independent slow draws, and an interval
/// that counted them as independent would be too narrow to hold for a re-run.
///
/// Not errors: NaN or a constant series (no correlation to estimate: n); fewer than two values (n).
///
/// Sources: G. V. Bayley and J. M. Hammersley, "The 'Effective' Number of Independent Observations
/// in an Autocorrelated Time Series", JRSS Supplement 8(2), 184–197, 1946; F. W. Zwiers and H. von
/// Storch, "Taking Serial Correlation into Account in Tests of the Mean", Journal of Climate 8(2),
/// 336–351, 1995 (the AR(1) form and its use in a t test).
public func effectiveSampleSize(_ series: [Double]) -> Double {
    let n = Double(series.count)
    guard series.count >= serialCorrelationMinimumCount, let r = lag1Autocorrelation(series), r > 0 else { return n }
    return min(n, max(2, n * (1 - r) / (1 + r)))
}

/// The shortest series whose lag-1 autocorrelation ``effectiveSampleSize(_:)`` uses: below it the
/// estimate of r₁ is too noisy (Zwiers and von Storch 1995, §3).
public let serialCorrelationMinimumCount = 10

/// exp(center ± t · √(Σ variances)), t from Student's t with the Welch–Satterthwaite degrees of
/// freedom of the components; `nil` for a confidence outside (0, 1).
private func logInterval(
    center: Double,
    components: [(variance: Double, degreesOfFreedom: Double)],
    confidence: Double
) -> Estimate? {
    guard confidence > 0, confidence < 1 else { return nil }
    let variance = components.reduce(0) { $0 + $1.variance }
    let value = exp(center)
    guard variance > 0 else { return Estimate(finite: value, interval: Interval(low: value, high: value)) }
    let denominator = components.reduce(0) { $0 + $1.variance * $1.variance / $1.degreesOfFreedom }
    let degreesOfFreedom = variance * variance / denominator
    guard let t = studentTQuantile((1 + confidence) / 2, degreesOfFreedom: degreesOfFreedom) else { return nil }
    let half = t * variance.squareRoot()
    return Estimate(finite: value, interval: Interval(low: exp(center - half), high: exp(center + half)))
}
