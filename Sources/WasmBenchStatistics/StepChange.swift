#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(ucrt)
    import ucrt
#endif

/// A step found in a series by ``stepChanges(_:window:threshold:confidence:)``.
public struct StepChange: Sendable, Equatable {
    /// The first value after the step.
    public var index: Int
    /// The geometric mean of the `window` values before ``index``, with its t interval.
    public var before: Estimate
    /// The geometric mean of the `window` values from ``index`` on, with its t interval.
    public var after: Estimate
    /// `after.value ÷ before.value`.
    public var ratio: Double

    /// Creates a step.
    public init(index: Int, before: Estimate, after: Estimate, ratio: Double) {
        (self.index, self.before, self.after, self.ratio) = (index, before, after, ratio)
    }
}

/// Returns the step changes of a series: the indices where the `window` values before and the
/// `window` values after differ by more than noise and by more than `threshold`.
///
/// At each index i with `window` values on both sides, the two windows' geometric means get a
/// Student t interval on the logarithms (``geometricMeanInterval(_:confidence:)``). The index is a
/// candidate when the two intervals do not overlap and |after ÷ before − 1| exceeds `threshold`
/// (or |before ÷ after − 1| does, so a speed-up of the same size counts too). Indices near a step
/// are candidates as well, their windows straddling it; of each run of consecutive candidates the
/// one with the largest |log(after ÷ before)| is the step, as Perfherder keeps the best t of a run
/// of alerts. A value in the middle of a series is a step only once both windows fill, so a step in
/// the last `window − 1` values shows only when more values come.
///
/// Returns `[]` when the series is shorter than 2 × `window`, when `window` < 2 (a window needs two
/// values for a spread), when `threshold` is negative or `confidence` not strictly between 0 and 1.
/// A window holding a value that is not positive and finite gives that index no candidate. Not
/// errors: constant windows (zero-width intervals: any change above `threshold` is a step).
///
/// Method: moving windows compared before and after each point, as in Mozilla's Perfherder
/// (Treeherder's `perfalert` `detect_changes`: a t-test between the 12 values before and the 12
/// after each point, flagged above t = 7, the best of neighbouring alerts kept), with the t-test
/// replaced by non-overlapping 95% t intervals of the windows' geometric means (timings are
/// multiplicative: E. Limpert, W. A. Stahel and M. Abbt, BioScience 51(5), 2001) plus a relative
/// threshold, so a statistically clear change too small to matter is not reported. Non-overlap of
/// two 95% intervals is the stricter test (N. Schenker and J. F. Gentleman, "On Judging the
/// Significance of Differences by Examining the Overlap Between Confidence Intervals", The American
/// Statistician 55(3), 182–186, 2001).
public func stepChanges(_ values: [Double], window: Int, threshold: Double, confidence: Double = 0.95)
    -> [StepChange]
{
    guard window >= 2, threshold >= 0, confidence > 0, confidence < 1, values.count >= 2 * window else { return [] }
    var candidates: [StepChange] = []
    for index in window...(values.count - window) {
        guard
            let before = geometricMeanInterval(Array(values[(index - window)..<index]), confidence: confidence),
            let after = geometricMeanInterval(Array(values[index..<(index + window)]), confidence: confidence)
        else { continue }
        let ratio = after.value / before.value
        let separate = after.interval.low > before.interval.high || after.interval.high < before.interval.low
        if separate && max(ratio, 1 / ratio) - 1 > threshold {
            candidates.append(StepChange(index: index, before: before, after: after, ratio: ratio))
        }
    }
    var runs: [[StepChange]] = []
    for candidate in candidates {
        if let last = runs.last?.last, last.index + 1 == candidate.index {
            runs[runs.count - 1].append(candidate)
        } else {
            runs.append([candidate])
        }
    }
    return runs.compactMap { run in run.max { abs(log($0.ratio)) < abs(log($1.ratio)) } }
}
