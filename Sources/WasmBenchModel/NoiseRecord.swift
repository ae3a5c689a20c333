/// How quiet the machine was, in one word, from the canary's samples.
public enum NoiseVerdict: String, Codable, Sendable, CaseIterable {
    /// The canary's samples lie close together: its 90th percentile is within a few percent of its
    /// minimum and its median did not drift.
    case quiet
    /// The samples spread (or drift) more than that, without two distinct states.
    case noisy
    /// The machine switches between a fast and a slow state: the samples form two clusters far
    /// apart, each holding a real share of them. A median may then land in either state.
    case bimodal
}

/// One timing of the canary: a fixed loop of wasmbench's own, timed next to the measurements.
public struct CanarySample: Codable, Sendable, Equatable {
    /// When it was taken: seconds since the first canary sample of the run (monotonic clock).
    public var at: Double
    /// How long the loop took, in seconds.
    public var seconds: Double
    /// The runtime of the process that started right after it; `nil` at the start and end of a run.
    public var runtime: String?
    /// The workload of that process.
    public var workload: String?
    /// That process's index within its cell.
    public var process: Int?

    /// Creates a sample.
    public init(at: Double, seconds: Double, runtime: String? = nil, workload: String? = nil, process: Int? = nil) {
        self.at = at
        self.seconds = seconds
        self.runtime = runtime
        self.workload = workload
        self.process = process
    }
}

/// The best split of the canary's samples into a fast and a slow cluster.
public struct CanaryStates: Codable, Sendable, Equatable {
    /// The fast cluster's median, seconds.
    public var fastMedian: Double
    /// The slow cluster's median, seconds.
    public var slowMedian: Double
    /// The share of samples in the slow cluster (0…1).
    public var slowShare: Double
    /// How far apart the clusters sit compared with their own widths:
    /// √2 · (slow median − fast median) ÷ √(s_fast² + s_slow²), with s = 1.4826 · MAD of each
    /// cluster (Ashman's D with robust estimates). A plain bell curve split in two gives about 2;
    /// two clearly distinct states give 4 or more.
    public var separation: Double

    /// Creates the split.
    public init(fastMedian: Double, slowMedian: Double, slowShare: Double, separation: Double) {
        self.fastMedian = fastMedian
        self.slowMedian = slowMedian
        self.slowShare = slowShare
        self.separation = separation
    }

    /// Slow median ÷ fast median.
    public var ratio: Double { slowMedian / fastMedian }
}

/// The spread of the canary's samples, derived from them.
public struct NoiseSpread: Codable, Sendable, Equatable {
    /// How many samples.
    public var count: Int
    /// The fastest sample, seconds.
    public var minimum: Double
    /// The median, seconds.
    public var median: Double
    /// The median absolute deviation (unscaled), seconds.
    public var mad: Double
    /// The 90th percentile (type 7), seconds.
    public var p90: Double
    /// p90 ÷ minimum: how much slower the slowest tenth is than the best.
    public var p90OverMinimum: Double
    /// The share of samples more than 1.2 × the minimum (0…1).
    public var slowShare: Double
    /// The best two-cluster split, when there are enough samples for one (each side ≥ 10%).
    public var states: CanaryStates?
    /// The median of the last quarter of samples ÷ that of the first quarter (time order); `nil`
    /// below 8 samples.
    public var drift: Double?
    /// The lag-1 autocorrelation of the samples in time order: near 0 when each sample is
    /// independent of the one before; near 1 when the machine stays in a state for many samples.
    public var autocorrelation: Double?

    /// Creates a spread.
    public init(
        count: Int, minimum: Double, median: Double, mad: Double, p90: Double, slowShare: Double,
        states: CanaryStates? = nil, drift: Double? = nil, autocorrelation: Double? = nil
    ) {
        self.count = count
        self.minimum = minimum
        self.median = median
        self.mad = mad
        self.p90 = p90
        self.p90OverMinimum = minimum > 0 ? p90 / minimum : 1
        self.slowShare = slowShare
        self.states = states
        self.drift = drift
        self.autocorrelation = autocorrelation
    }
}

/// The machine's noise during a run: a fixed loop of wasmbench's (the canary) timed at the start,
/// between processes within a small time budget, and at the end, with the spread of those
/// timings and a verdict. Derived fields (``spread``, ``verdict``, ``reason``) come from
/// ``samples`` alone.
public struct NoiseRecord: Codable, Sendable, Equatable {
    /// What the canary is, e.g. `fib(35) in Swift, inside wasmbench (release build)`. Canary times
    /// compare only between records with the same canary.
    public var canary: String
    /// Every timing, in the order taken.
    public var samples: [CanarySample]
    /// What timing the canary cost the run, in seconds.
    public var overheadSeconds: Double
    /// The samples' spread; `nil` with fewer than 5 samples.
    public var spread: NoiseSpread?
    /// Quiet, noisy or bimodal; `nil` with fewer than 5 samples.
    public var verdict: NoiseVerdict?
    /// Why that verdict, in a sentence (e.g. `two states: 21.2 ms (69%) and 29.8 ms (31%), 1.41× apart`).
    public var reason: String?

    /// Creates a record with no samples yet.
    public init(canary: String, samples: [CanarySample] = [], overheadSeconds: Double = 0) {
        self.canary = canary
        self.samples = samples
        self.overheadSeconds = overheadSeconds
    }
}
