/// A sample split at one threshold into a low and a high group.
public struct TwoGroupSplit: Sendable, Equatable {
    /// The low group's values, sorted.
    public var low: [Double]
    /// The high group's values, sorted.
    public var high: [Double]
    /// The share of the total sum of squares that lies between the groups (Otsu's η, 0…1):
    /// about 0.64 for one normal bell cut at its mean, near 1 for two groups far apart.
    public var explained: Double

    /// Creates a split.
    public init(low: [Double], high: [Double], explained: Double) {
        self.low = low
        self.high = high
        self.explained = explained
    }
}

/// Returns the split of `xs` into a low and a high group that leaves the least sum of squares
/// within the groups (equivalently, the most between them), with each group holding at least
/// `minimumShare` of the values.
///
/// In one dimension the best two groups are a prefix and a suffix of the sorted values, so every
/// admissible cut is tried once, with running sums (O(n log n) for the sort). Ties between cuts
/// go to the lower one. `minimumShare` keeps a few outliers from forming a group of their own.
///
/// Returns `nil` when `xs` has fewer than 2 values or contains NaN, when `minimumShare` lies
/// outside [0, 0.5], when no cut leaves both groups large enough, or when every value is equal
/// (nothing to split). Not errors: unsorted input, repeated values.
///
/// Sources: W. D. Fisher, "On Grouping for Maximum Homogeneity", JASA 53(284), 789–798, 1958
/// (optimal groups of ordered values are contiguous); N. Otsu, "A Threshold Selection Method from
/// Gray-Level Histograms", IEEE Trans. SMC 9(1), 62–66, 1979 (the criterion and η).
public func twoGroupSplit(_ xs: [Double], minimumShare: Double = 0) -> TwoGroupSplit? {
    let n = xs.count
    guard n >= 2, !xs.contains(where: \.isNaN), minimumShare >= 0, minimumShare <= 0.5 else { return nil }
    let sorted = xs.sorted()
    let smallest = max(1, Int((minimumShare * Double(n)).rounded(.up)))
    guard smallest <= n - smallest else { return nil }
    let total = sorted.reduce(0, +)
    let mean = total / Double(n)
    let totalSquares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    guard totalSquares > 0 else { return nil }
    var prefix = sorted[0..<smallest].reduce(0, +)
    var best = (count: smallest, between: -1.0)
    for count in smallest...(n - smallest) {
        if count > smallest { prefix += sorted[count - 1] }
        let lowMean = prefix / Double(count)
        let highMean = (total - prefix) / Double(n - count)
        let between = Double(count) * Double(n - count) / Double(n) * (highMean - lowMean) * (highMean - lowMean)
        if between > best.between { best = (count, between) }
    }
    return TwoGroupSplit(
        low: Array(sorted[0..<best.count]), high: Array(sorted[best.count...]),
        explained: min(1, best.between / totalSquares))
}

/// Returns the lag-1 autocorrelation of a series in time order:
/// Σ (xₜ − x̄)(xₜ₊₁ − x̄) ÷ Σ (xₜ − x̄)².
///
/// Near 0 when each value is independent of the one before; near 1 when the series stays high
/// or low for long stretches. Returns `nil` with fewer than 3 values, NaN, or a constant series.
///
/// Source: G. E. P. Box, G. M. Jenkins and G. C. Reinsel, "Time Series Analysis: Forecasting and
/// Control", 4th ed., Wiley 2008, §2.1.5 (the estimator r₁).
public func lag1Autocorrelation(_ xs: [Double]) -> Double? {
    guard xs.count >= 3, !xs.contains(where: \.isNaN) else { return nil }
    let mean = xs.reduce(0, +) / Double(xs.count)
    let squares = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    guard squares > 0 else { return nil }
    var products = 0.0
    for index in 1..<xs.count { products += (xs[index - 1] - mean) * (xs[index] - mean) }
    return products / squares
}
