#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// Returns the relative half-width h that a `confidence` interval of new ÷ base would have if
/// nothing changed but the machine's noise: two runs of `processes` fresh processes ×
/// `iterations` measured iterations each, every iteration as noisy as the values of `series`
/// (a canary timed back to back, in time order). A change smaller than about h cannot be told
/// from this machine's noise at those settings.
///
/// Method: a moving-block bootstrap of an A/A comparison. Each replicate builds two pretend runs.
/// A pretend process is a block of `iterations × samplesPerIteration` consecutive values of
/// `series` from a uniformly drawn start, read as `iterations` iterations (each the mean of
/// `samplesPerIteration` consecutive values, for iterations longer than one canary sample); a
/// pretend run pools `processes` such blocks; the replicate gives r = median(run A) ÷
/// median(run B). Then h = exp(q) − 1, with q the `confidence` quantile (type 7) of |ln r|: that
/// share of A/A ratios lies within [1 ÷ (1 + h), 1 + h]. Blocks keep the series' own memory (a
/// machine that stays slow for a while slows a whole process); drawing them independently treats
/// processes as independent, as wasmbench's shuffled rounds make them.
///
/// For intuition: were the values independent and normal with relative standard deviation s, h
/// would be z · √2 · √(π/2) · s ÷ √(N·k) ≈ 3.5 · s ÷ √(N·k) at 95% (the median's standard error
/// is √(π/2) · σ ÷ √n; √2 for the two runs of a ratio; N processes × k iterations). When the
/// machine switches states more slowly than a process lasts, iterations add little and only
/// processes narrow h; the blocks show that, the formula does not. Only the machine's share of
/// the noise is here: a workload's own spread between processes comes on top.
///
/// Returns `nil` when `series` is empty or holds NaN or a value ≤ 0, when `processes`,
/// `iterations`, `samplesPerIteration` or `resamples` is below 1, when `series` holds fewer than
/// 10 blocks' worth of values (too few distinct stretches to draw pretend processes from), or when
/// `confidence` is not strictly between 0 and 1. The result depends only on the arguments.
///
/// Sources: H. R. Künsch, "The Jackknife and the Bootstrap for General Stationary Observations",
/// Annals of Statistics 17(3), 1217–1241, 1989 (the moving-block bootstrap); Efron and Tibshirani
/// (1993), ch. 13 (percentile intervals); J. F. Kenney and E. S. Keeping, "Mathematics of
/// Statistics", Part 2, 2nd ed., 1951, §7.13 (the median's standard error).
public func aaRatioHalfWidth(
    series: [Double], processes: Int, iterations: Int, samplesPerIteration: Int = 1, confidence: Double = 0.95,
    resamples: Int = 2000, seed: UInt64 = 1
) -> Double? {
    let block = iterations * samplesPerIteration
    guard processes >= 1, iterations >= 1, samplesPerIteration >= 1, resamples >= 1, confidence > 0, confidence < 1,
        !series.isEmpty, 10 * block <= series.count, !series.contains(where: { $0.isNaN || $0 <= 0 })
    else { return nil }
    // means[i] = the mean of series[i ..< i + samplesPerIteration]: one pretend iteration.
    var means: [Double] = []
    var window = series[0..<samplesPerIteration].reduce(0, +)
    means.append(window / Double(samplesPerIteration))
    for start in stride(from: 1, through: series.count - samplesPerIteration, by: 1) {
        window += series[start + samplesPerIteration - 1] - series[start - 1]
        means.append(window / Double(samplesPerIteration))
    }
    let starts = series.count - block + 1
    var generator = SeededGenerator(seed: seed)
    func pretendRun() -> Double {
        var pooled: [Double] = []
        pooled.reserveCapacity(processes * iterations)
        for _ in 0..<processes {
            let start = generator.nextIndex(below: starts)
            for iteration in 0..<iterations { pooled.append(means[start + iteration * samplesPerIteration]) }
        }
        pooled.sort()
        return quantileOfSorted(pooled, 0.5)
    }
    var logs: [Double] = []
    logs.reserveCapacity(resamples)
    for _ in 0..<resamples {
        let a = pretendRun()
        let b = pretendRun()
        logs.append(abs(log(a / b)))
    }
    logs.sort()
    return exp(quantileOfSorted(logs, confidence)) - 1
}
