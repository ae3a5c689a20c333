#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// Returns the geometric mean of `xs`, computed as the exponential of the mean of the logarithms.
///
/// Working in logarithms avoids the overflow and underflow of multiplying many values. This is
/// the right mean for normalised numbers such as speed ratios: it gives the same ranking whatever
/// the reference.
///
/// Returns `nil` when `xs` is empty or when any value is zero, negative or NaN, where the
/// logarithm is undefined. Not errors: a single value (returned up to rounding), infinity.
/// The result goes through the platform's `log` and `exp`, so it may differ in the last bit
/// between C libraries.
///
/// Source: P. J. Fleming and J. J. Wallace, "How Not to Lie with Statistics: The Correct Way to
/// Summarize Benchmark Results", Communications of the ACM 29(3), 218–221, 1986.
public func geometricMean(_ xs: [Double]) -> Double? {
    guard !xs.isEmpty, xs.allSatisfy({ $0 > 0 }) else { return nil }
    var sum = 0.0
    for x in xs {
        sum += log(x)
    }
    return exp(sum / Double(xs.count))
}

/// Returns the geometric mean of per-pair median ratios, with a percentile bootstrap interval.
///
/// The point estimate is the geometric mean of median(numerator) ÷ median(denominator) over the
/// pairs. Each replicate resamples, pair by pair in order, the numerator group then the
/// denominator group, independently and with replacement (one ``SeededGenerator`` seeded with
/// `seed` drives them all), and takes the geometric mean of the replicate ratios; the interval is
/// the equal-tailed percentile interval of those geometric means.
///
/// Returns `nil` when `pairs` is empty; when any group is empty or contains NaN; when any pair's
/// ratio of medians is zero, negative or has a zero denominator; when `confidence` is not strictly
/// between 0 and 1 or `resamples` is below 1; or when no replicate remains. A replicate in which
/// some pair's ratio is not positive (zero denominator median included) is skipped, so nothing
/// is divided by zero or passed to `log` outside its domain. Not errors: pairs with groups of
/// different sizes, a single pair (then the result is that pair's ratio of medians, up to
/// rounding).
///
/// Source: Fleming and Wallace (CACM 29(3), 1986) for the geometric mean of ratios; B. Efron and
/// R. J. Tibshirani, "An Introduction to the Bootstrap", Chapman & Hall 1993, ch. 13, for the
/// percentile interval.
public func geometricMeanOfRatios(
    _ pairs: [(numerator: [Double], denominator: [Double])],
    confidence: Double = 0.95,
    resamples: Int = 2000,
    seed: UInt64
) -> Estimate? {
    geometricMeanOfRatios(
        groupedPairs: pairs.map { ([$0.numerator], [$0.denominator]) }, confidence: confidence,
        resamples: resamples, seed: seed)
}

/// Returns the geometric mean of per-pair median ratios of values measured in groups, with a
/// percentile bootstrap interval that resamples groups, then values within them.
///
/// As ``geometricMeanOfRatios(_:confidence:resamples:seed:)``, except that each side of a pair is
/// a list of groups (one per process) resampled at both levels (see ``MedianResampler``); with
/// one group a side the two are exactly equal. Empty groups are left out.
///
/// Sources: Fleming and Wallace (CACM 29(3), 1986); Kalibera and Jones, "Rigorous Benchmarking in
/// Reasonable Time", ISMM 2013 (resample every level); Efron and Tibshirani (1993), ch. 13.
public func geometricMeanOfRatios(
    groupedPairs pairs: [(numerator: [[Double]], denominator: [[Double]])],
    confidence: Double = 0.95,
    resamples: Int = 2000,
    seed: UInt64
) -> Estimate? {
    guard isValidBootstrap(confidence: confidence, resamples: resamples), !pairs.isEmpty else {
        return nil
    }
    var pointRatios: [Double] = []
    var resamplers: [(top: MedianResampler, bottom: MedianResampler)] = []
    for pair in pairs {
        guard let top = median(pair.numerator.flatMap { $0 }), let bottom = median(pair.denominator.flatMap { $0 }),
            bottom != 0,
            let topResampler = MedianResampler(groups: pair.numerator),
            let bottomResampler = MedianResampler(groups: pair.denominator)
        else { return nil }
        pointRatios.append(top / bottom)
        resamplers.append((topResampler, bottomResampler))
    }
    guard let value = geometricMean(pointRatios) else { return nil }

    var generator = SeededGenerator(seed: seed)
    var replicates: [Double] = []
    replicates.reserveCapacity(resamples)
    for _ in 0..<resamples {
        var logSum = 0.0
        var usable = true
        for index in resamplers.indices {
            let top = resamplers[index].top.nextMedian(using: &generator)
            let bottom = resamplers[index].bottom.nextMedian(using: &generator)
            let ratio = bottom != 0 ? top / bottom : 0
            if ratio > 0 { logSum += log(ratio) } else { usable = false }
        }
        if usable {
            replicates.append(exp(logSum / Double(resamplers.count)))
        }
    }
    guard let interval = percentileInterval(&replicates, confidence: confidence) else {
        return nil
    }
    return Estimate(finite: value, interval: interval)
}
