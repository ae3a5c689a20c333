/// Draws bootstrap resamples of a sample measured in groups and returns their medians, reusing
/// one buffer.
///
/// A benchmark's samples come in groups: the iterations of one fresh process share that process's
/// layout, JIT decisions and machine state, so they vary less among themselves than between
/// processes. Each call to ``nextMedian(using:)`` therefore resamples at both levels, as Kalibera
/// and Jones recommend for repeated benchmark runs: it draws as many groups as there are, with
/// replacement, then from each drawn group as many values as it holds, with replacement, pools
/// them and selects the median in place (Hoare's FIND, see ``selectQuantile(_:_:)``). An interval
/// from these replicates widens with the spread between processes, which pooling every value as
/// if independent would hide.
///
/// With a single group the first level has nothing to choose and draws nothing, so the replicates
/// are exactly those of the ordinary one-level bootstrap of that group. A run of thousands of
/// replicates allocates nothing after the first few.
///
/// Sources: T. Kalibera and R. Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013, §4
/// (resampling with replacement at every level of a multi-level experiment); A. C. Davison and
/// D. V. Hinkley, "Bootstrap Methods and their Application", Cambridge 1997, §3.8 (two-stage
/// resampling of hierarchical data); the nonparametric bootstrap of Efron and Tibshirani (1993),
/// ch. 6.
struct MedianResampler {
    private let groups: [[Double]]
    private var buffer: [Double]

    /// Creates a resampler of one ungrouped sample, or `nil` when `sample` is empty.
    ///
    /// The caller has already rejected samples containing NaN (``median(_:)`` returns `nil`).
    init?(_ sample: [Double]) {
        self.init(groups: [sample])
    }

    /// Creates a resampler of grouped values, or `nil` when no group holds a value. Empty groups
    /// are left out: a process that measured nothing is not a group.
    init?(groups: [[Double]]) {
        let kept = groups.filter { !$0.isEmpty }
        guard !kept.isEmpty else { return nil }
        self.groups = kept
        self.buffer = []
        buffer.reserveCapacity(kept.count * (kept.map(\.count).max() ?? 0))
    }

    /// Returns the median of one resample drawn with replacement at both levels.
    mutating func nextMedian(using generator: inout SeededGenerator) -> Double {
        buffer.removeAll(keepingCapacity: true)
        for _ in 0..<groups.count {
            let group = groups.count == 1 ? groups[0] : groups[generator.nextIndex(below: groups.count)]
            for _ in 0..<group.count {
                buffer.append(group[generator.nextIndex(below: group.count)])
            }
        }
        return buffer.withUnsafeMutableBufferPointer { selectQuantile($0, 0.5) }
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
