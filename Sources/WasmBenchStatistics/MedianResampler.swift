/// Draws bootstrap resamples of one sample and returns their medians, reusing one buffer.
///
/// Each call to ``nextMedian(using:)`` draws `count` indices with replacement from the
/// generator, copies those values into the buffer and selects the median in place (Hoare's FIND,
/// see ``selectQuantile(_:_:)``), so a run of thousands of replicates allocates nothing after
/// the first and takes expected linear time per replicate.
struct MedianResampler {
    private let sample: [Double]
    private var buffer: [Double]

    /// Creates a resampler, or `nil` when `sample` is empty.
    ///
    /// The caller has already rejected samples containing NaN (``median(_:)`` returns `nil`).
    init?(_ sample: [Double]) {
        guard !sample.isEmpty else { return nil }
        self.sample = sample
        self.buffer = sample
    }

    /// Returns the median of one resample drawn with replacement.
    ///
    /// Source: the nonparametric bootstrap of Efron and Tibshirani (1993), ch. 6.
    mutating func nextMedian(using generator: inout SeededGenerator) -> Double {
        let count = sample.count
        return sample.withUnsafeBufferPointer { source in
            buffer.withUnsafeMutableBufferPointer { target in
                for k in 0..<count {
                    target[k] = source[generator.nextIndex(below: count)]
                }
                return selectQuantile(target, 0.5)
            }
        }
    }
}

/// Returns the equal-tailed percentile interval of `replicates` at `confidence`.
///
/// Sorts `replicates` in place, then takes the type-7 quantiles at (1 − confidence)/2 and
/// (1 + confidence)/2. Returns `nil` for no replicates.
///
/// Source: B. Efron and R. J. Tibshirani, "An Introduction to the Bootstrap", Chapman & Hall
/// 1993, ch. 13 (the percentile interval), with quantiles by Hyndman and Fan (1996) type 7.
func percentileInterval(_ replicates: inout [Double], confidence: Double) -> Interval? {
    guard !replicates.isEmpty else { return nil }
    replicates.sort()
    let tail = (1 - confidence) / 2
    return Interval(
        low: quantileOfSorted(replicates, tail),
        high: quantileOfSorted(replicates, 1 - tail)
    )
}

/// Tells whether bootstrap settings can give an interval: confidence strictly between 0 and 1
/// and at least one resample.
func isValidBootstrap(confidence: Double, resamples: Int) -> Bool {
    confidence > 0 && confidence < 1 && resamples >= 1
}
