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
}
