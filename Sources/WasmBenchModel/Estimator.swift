/// A closed set of the statistics a cell's values are summarised by. A run's configuration names
/// the one its tables show (``RunConfiguration/estimator``) and a comparison the one its verdicts
/// follow (``RunComparison/estimator``); summaries keep both.
public enum Estimator: String, Codable, Sendable, CaseIterable {
    /// The median of every steady-state iteration of every process, pooled, with a two-level
    /// percentile bootstrap interval (processes, then iterations within them; Kalibera and Jones,
    /// ISMM 2013). On a host that switches between a fast and a slow state it moves with the share
    /// of slow iterations a run happened to catch, and with few processes its bootstrap interval
    /// is too narrow (see the README's *Statistics*).
    case median
    /// The geometric mean over processes of each process's fastest iteration after the configured
    /// warm-ups, with a Student t interval on the logarithms that takes the processes as the sample
    /// (Welch's t for a ratio, Satterthwaite's degrees of freedom for a geometric mean of ratios).
    /// Noise on a shared machine only adds time, so a process's minimum is its best estimate of
    /// the code's own time (Chen and Revels, "Robust benchmarking in noisy environments", 2016);
    /// the t interval stays honest with three processes, where a bootstrap of three values does
    /// not. A warming-up iteration is slower than the steady state and never the minimum, so no
    /// steady-state detection is applied.
    case processMinimum = "process-minimum"

    /// The estimator tables show and comparisons decide by unless told otherwise:
    /// ``processMinimum``, which the simulation and the A/A runs favour (README, *Statistics*).
    /// Runs saved before the estimator was recorded showed the median and are read so. Default
    /// arguments spell the case itself: a client compiled this static as a default argument to
    /// its former value, so keep them in step.
    public static let preferred: Estimator = .processMinimum

    /// How a report names it in a sentence: "median" or "per-process minimum".
    public var phrase: String {
        switch self {
        case .median: "median"
        case .processMinimum: "per-process minimum"
        }
    }
}
