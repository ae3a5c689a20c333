/// A closed range of plausible values, such as a confidence interval.
///
/// The type does not check that `low ≤ high`; the functions of this module that return one
/// always satisfy it.
public struct Interval: Sendable, Equatable {
    /// The lower end.
    public var low: Double
    /// The upper end.
    public var high: Double

    /// Creates an interval from its two ends.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// Returns the interval's width as a fraction of `center`: (high − low) / |center|.
    ///
    /// Returns `.infinity` when `center` is 0, since no width is small relative to zero; this is
    /// how a caller's "interval wider than 5 % of the median" check flags a zero median.
    ///
    /// Source: the project's own noise measure, a plain ratio; the interval itself comes from a
    /// cited method such as ``bootstrapMedianInterval(_:confidence:resamples:seed:)``.
    public func relativeWidth(around center: Double) -> Double {
        guard center != 0 else { return .infinity }
        return (high - low) / abs(center)
    }
}
