/// A point estimate together with its confidence interval.
///
/// Nothing here is validated: it is a plain value, as produced by
/// ``ratioOfMedians(numerator:denominator:confidence:resamples:seed:)`` and
/// ``geometricMeanOfRatios(_:confidence:resamples:seed:)``.
///
/// Source: the usual pairing of an estimate with its interval (Efron and Tibshirani,
/// "An Introduction to the Bootstrap", Chapman & Hall 1993, ch. 12–13).
public struct Estimate: Sendable, Equatable {
    /// The point estimate, computed from the full samples.
    public var value: Double
    /// The confidence interval around it.
    public var interval: Interval

    /// Creates an estimate.
    public init(value: Double, interval: Interval) {
        self.value = value
        self.interval = interval
    }

    /// Creates an estimate whose value and interval ends are all finite numbers, or nil: a ratio
    /// of a huge value to a tiny one (1e308 ÷ 5e-324, as a hand-edited file may hold) overflows
    /// to infinity, and an estimate of infinity is no estimate. Every estimator here returns
    /// through this.
    init?(finite value: Double, interval: Interval) {
        guard value.isFinite, interval.low.isFinite, interval.high.isFinite else { return nil }
        self.init(value: value, interval: interval)
    }
}
