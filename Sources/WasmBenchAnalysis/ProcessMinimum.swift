import WasmBenchModel
import WasmBenchStatistics

/// The ``Estimator/processMinimum`` estimates the summaries and comparisons record: the statistics
/// module's t intervals where there are at least two processes a side, and the bare value where
/// there is one (no spread to estimate). `nil` where a value is NaN, zero or negative.
enum ProcessMinimum {
    /// The geometric mean of one side's per-process minima.
    static func value(_ groups: [[Double]]) -> EstimatedValue? {
        EstimatedValue(geometricMeanOfMinima(groups: groups), otherwise: bare(groups))
    }

    /// One side's value ÷ the other's; with `inTimeOrder` each side's groups are the processes in
    /// the order they ran, counted by their effective number (see ``effectiveSampleSize(_:)``).
    static func ratio(_ numerator: [[Double]], _ denominator: [[Double]], inTimeOrder: Bool = false) -> EstimatedValue?
    {
        EstimatedValue(
            ratioOfMinima(numeratorGroups: numerator, denominatorGroups: denominator, inTimeOrder: inTimeOrder),
            otherwise: bare(numerator).flatMap { top in bare(denominator).map { top / $0 } })
    }

    /// The geometric mean over pairs of their ratios.
    static func geometricMean(_ pairs: [(numerator: [[Double]], denominator: [[Double]])]) -> EstimatedValue? {
        let ratios = pairs.compactMap { pair in
            bare(pair.numerator).flatMap { top in bare(pair.denominator).map { top / $0 } }
        }
        return EstimatedValue(
            geometricMeanOfRatiosOfMinima(groupedPairs: pairs),
            otherwise: ratios.count == pairs.count ? WasmBenchStatistics.geometricMean(ratios) : nil)
    }

    /// The geometric mean of the per-process minima, without an interval.
    private static func bare(_ groups: [[Double]]) -> Double? {
        groupMinima(groups).flatMap(WasmBenchStatistics.geometricMean)
    }
}

extension EstimatedValue {
    /// A statistics estimate with its interval, or else the bare `value` without one; nil when
    /// neither is there or the bare value is not a finite number (a ratio that overflowed).
    fileprivate init?(_ estimate: Estimate?, otherwise value: Double?) {
        if let estimate {
            self.init(value: estimate.value, ciLow: estimate.interval.low, ciHigh: estimate.interval.high)
        } else if let value, value.isFinite {
            self.init(value: value)
        } else {
            return nil
        }
    }
}
