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
    guard isValidBootstrap(confidence: confidence, resamples: resamples),
        median(xs) != nil,
        var resampler = MedianResampler(xs)
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
    guard isValidBootstrap(confidence: confidence, resamples: resamples),
        let top = median(numerator),
        let bottom = median(denominator), bottom != 0,
        var topResampler = MedianResampler(numerator),
        var bottomResampler = MedianResampler(denominator)
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
    return Estimate(value: top / bottom, interval: interval)
}
