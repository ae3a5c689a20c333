/// Returns a percentile bootstrap confidence interval for the median of `xs`.
///
/// Draws `resamples` samples of the same size with replacement using
/// ``SeededGenerator`` seeded with `seed`, takes each one's median, and returns the
/// (1 − confidence)/2 and (1 + confidence)/2 quantiles (type 7) of those medians. The result
/// depends only on `xs`, `confidence`, `resamples` and `seed`.
///
/// Returns `nil` when `xs` is empty or contains NaN, when `confidence` is not strictly between
/// 0 and 1, or when `resamples` is below 1. Not errors: a single sample or a constant sample,
/// which give the zero-width interval [x, x]; unsorted input.
///
/// Source: B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap", Chapman & Hall
/// 1993, ch. 13, the percentile interval.
public func bootstrapMedianInterval(
    _ xs: [Double],
    confidence: Double = 0.95,
    resamples: Int = 2000,
    seed: UInt64
) -> Interval? {
    bootstrapMedianInterval(groups: [xs], confidence: confidence, resamples: resamples, seed: seed)
}

/// Returns a percentile bootstrap confidence interval for the median of values measured in
/// groups (the iterations of several fresh processes, say).
///
/// The point the interval is about is the median of all values pooled. Each replicate draws as
/// many groups as there are with replacement, then as many values from each drawn group as it
/// holds with replacement (see ``MedianResampler``), and takes the median of what it drew; the
/// interval is the (1 − confidence)/2 and (1 + confidence)/2 quantiles (type 7) of those medians.
/// A single group gives exactly ``bootstrapMedianInterval(_:confidence:resamples:seed:)`` of it.
///
/// Returns `nil` when no group holds a value, when a value is NaN, when `confidence` is not
/// strictly between 0 and 1, or when `resamples` is below 1. Not errors: empty groups (left
/// out), groups of different sizes, one value per group (then the groups are resampled alone).
///
/// Sources: Kalibera and Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013 (resample
/// every level); Efron and Tibshirani (1993), ch. 13, the percentile interval.
public func bootstrapMedianInterval(
    groups: [[Double]],
    confidence: Double = 0.95,
    resamples: Int = 2000,
    seed: UInt64
) -> Interval? {
    guard isValidBootstrap(confidence: confidence, resamples: resamples),
        median(groups.flatMap { $0 }) != nil,
        var resampler = MedianResampler(groups: groups)
    else { return nil }
    var generator = SeededGenerator(seed: seed)
    var replicates: [Double] = []
    replicates.reserveCapacity(resamples)
    for _ in 0..<resamples {
        replicates.append(resampler.nextMedian(using: &generator))
    }
    return percentileInterval(&replicates, confidence: confidence)
}

/// Returns median(numerator) ÷ median(denominator) with a percentile bootstrap interval.
///
/// Each replicate resamples the numerator group, then the denominator group, independently and
/// with replacement (one ``SeededGenerator`` seeded with `seed` drives both), and records the
/// ratio of their medians; the interval is the equal-tailed percentile interval of those ratios.
///
/// Returns `nil` when either group is empty or contains NaN, when the denominator's median is 0,
/// when `confidence` is not strictly between 0 and 1, when `resamples` is below 1, or when every
/// replicate had a zero denominator median. Replicates whose denominator median is 0 are skipped,
/// so nothing is ever divided by zero; the interval then rests on fewer replicates. Not errors:
/// groups of different sizes, single-element groups, negative values.
///
/// Source: B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap", Chapman & Hall
/// 1993, ch. 8 (two-sample bootstrap) and ch. 13 (the percentile interval).
public func ratioOfMedians(
    numerator: [Double],
    denominator: [Double],
    confidence: Double = 0.95,
    resamples: Int = 2000,
    seed: UInt64
) -> Estimate? {
    ratioOfMedians(
        numeratorGroups: [numerator], denominatorGroups: [denominator], confidence: confidence,
        resamples: resamples, seed: seed)
}

/// Returns median(numerator) ÷ median(denominator) of values measured in groups, with a
/// percentile bootstrap interval that resamples groups, then values within them, on both sides.
///
/// Each replicate draws a two-level resample of the numerator's groups, then one of the
/// denominator's (see ``MedianResampler``; one ``SeededGenerator`` seeded with `seed` drives
/// both) and records the ratio of their medians. With one group a side this is exactly
/// ``ratioOfMedians(numerator:denominator:confidence:resamples:seed:)``. What is and is not an
/// error is as there; empty groups are left out.
///
/// Sources: Kalibera and Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013, who give
/// the ratio's interval from a multi-level bootstrap of both systems; Efron and Tibshirani
/// (1993), ch. 8 and 13.
public func ratioOfMedians(
    numeratorGroups: [[Double]],
    denominatorGroups: [[Double]],
    confidence: Double = 0.95,
    resamples: Int = 2000,
    seed: UInt64
) -> Estimate? {
    guard isValidBootstrap(confidence: confidence, resamples: resamples),
        let top = median(numeratorGroups.flatMap { $0 }),
        let bottom = median(denominatorGroups.flatMap { $0 }), bottom != 0,
        var topResampler = MedianResampler(groups: numeratorGroups),
        var bottomResampler = MedianResampler(groups: denominatorGroups)
    else { return nil }
    var generator = SeededGenerator(seed: seed)
    var replicates: [Double] = []
    replicates.reserveCapacity(resamples)
    for _ in 0..<resamples {
        let replicateTop = topResampler.nextMedian(using: &generator)
        let replicateBottom = bottomResampler.nextMedian(using: &generator)
        if replicateBottom != 0 {
            replicates.append(replicateTop / replicateBottom)
        }
    }
    guard let interval = percentileInterval(&replicates, confidence: confidence) else {
        return nil
    }
    return Estimate(finite: top / bottom, interval: interval)
}
