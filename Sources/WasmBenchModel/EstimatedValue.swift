/// One estimator's value with its 95% confidence interval, when it has one.
public struct EstimatedValue: Codable, Sendable, Equatable {
    /// The point estimate.
    public var value: Double
    /// Lower end of the 95% confidence interval; `nil` when there is none (a single process gives
    /// ``Estimator/processMinimum`` no spread to estimate).
    public var ciLow: Double?
    /// Upper end of the 95% confidence interval; `nil` exactly when ``ciLow`` is.
    public var ciHigh: Double?

    /// Creates an estimate.
    public init(value: Double, ciLow: Double? = nil, ciHigh: Double? = nil) {
        self.value = value
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }
}
