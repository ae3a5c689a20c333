import WasmBenchModel
import WasmBenchStatistics

/// Derives summaries and geometric means from raw rows. Pure: the same rows, configuration and
/// failures always give the same numbers (the bootstrap is seeded from the run's seed and the
/// summary's key).
public struct Summarizer: Sendable {
    /// The settings (baseline, seed, noise threshold, warm-ups).
    public let configuration: RunConfiguration

    /// Creates a summarizer.
    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// Identifies one summary: workload × runtime × phase × metric.
    struct Key: Hashable {
        let workload: String
        let runtime: String
        let phase: Phase
        let metric: Metric
    }

    /// How the per-iteration `execute` series of one cell warmed up, process by process.
    struct WarmUpRecord {
        var firstIterations: [Double] = []
        var leftOut: [Int] = []
        var settled = 0
        var unsettled = 0
    }

    /// Fills `summaries` and `geometricMeans` of a result from its rows.
    ///
    /// A per-iteration `execute` series (rows with an iteration index) is summarised over its
    /// steady state: in each process, the iterations from ``steadyStateStart(_:window:tolerance:)``
    /// on, or after the configured warm-ups if those are more. A process whose iterations never
    /// settle keeps every iteration after the configured warm-ups, and the summary says so.
    ///
    /// Counted runs (rows with ``Row/iterations``) give the `execute` instruction count instead:
    /// one cost per iteration for each counted set, see ``perIterationCounts(_:)``.
    public func summarize(_ result: inout RunResult) {
        let set = samples(result.rows, failures: result.failures)
        let (order, groups, warmUps, counts) = (set.order, set.groups, set.warmUps, set.counts)
        let failed = Set(result.failures.map { "\($0.runtime)\u{0}\($0.workload)" })
        result.summaries = order.compactMap { key in
            guard let values = groups[key] else { return nil }
            let baselineKey = Key(
                workload: key.workload, runtime: configuration.baseline, phase: key.phase, metric: key.metric)
            let baseline = key.runtime == configuration.baseline ? nil : groups[baselineKey]
            var summary = summary(
                key, values, baseline: baseline, partial: failed.contains("\(key.runtime)\u{0}\(key.workload)"))
            if key.phase == .execute && key.metric == .time,
                let warmUp = warmUps[Cell(workload: key.workload, runtime: key.runtime)]
            {
                summary?.record(warmUp, tolerance: configuration.steadyStateTolerance)
            }
            if key.phase == .execute && key.metric == .instructions,
                let count = counts[Cell(workload: key.workload, runtime: key.runtime)]
            {
                summary?.record(count)
            }
            return summary
        }
        Self.attach(
            Self.resultWarnings(result.rows, failures: result.failures, baseline: configuration.baseline),
            to: &result.summaries)
        result.geometricMeans = geometricMeans(groups, runtimes: result.runtimes.map(\.id))
        result.crossovers = CrossoverEstimator.crossovers(of: result, iterations: configuration.iterations)
        result.sizeFits = SizeFitter.fits(of: result, estimator: configuration.estimator)
    }

    /// The samples every summary covers, by key in the order the rows first name them, and how
    /// each cell's iteration series warmed up. What ``summarize(_:)`` and ``RunComparer`` share.
    ///
    /// Every row of a process that failed is left out (the rows stay in the artifact, for the
    /// record): what a process measured before it trapped, timed out or printed markers that
    /// cannot be believed does not describe the workload. A counted set's runs each finished on
    /// their own, so a set's failure leaves the runs counted before it in.
    func samples(_ rows: [Row], failures: [Failure]) -> SampleSet {
        let failed = Set(
            failures.compactMap { failure in
                failure.process.map { ProcessKey(runtime: failure.runtime, workload: failure.workload, process: $0) }
            })
        let rows = rows.filter { row in
            row.iterations != nil
                || !failed.contains(ProcessKey(runtime: row.runtime, workload: row.workload, process: row.process))
        }
        let (kept, warmUps) = steadyStateRows(rows)
        var groups: [Key: Samples] = [:]
        var order: [Key] = []
        var seen: Set<Key> = []
        var counted: [Cell: [Int: [CountedRun]]] = [:]
        for (position, row) in rows.enumerated() where !row.warmup {
            if let iterations = row.iterations, row.metric == .instructions {
                // A counted run's total stands for its cell's per-iteration count, derived below.
                let key = Key(workload: row.workload, runtime: row.runtime, phase: .execute, metric: .instructions)
                if seen.insert(key).inserted { order.append(key) }
                counted[Cell(workload: row.workload, runtime: row.runtime), default: [:]][row.process, default: []]
                    .append(CountedRun(iterations: iterations, instructions: row.value))
                continue
            }
            let key = Key(workload: row.workload, runtime: row.runtime, phase: row.phase, metric: row.metric)
            // A key is ordered by its first steady-state row, which the median covers.
            if kept[position], seen.insert(key).inserted { order.append(key) }
            groups[key, default: Samples()].append(row.value, process: row.process, steady: kept[position])
        }
        let (perIteration, counts) = perIterationCounts(counted)
        groups.merge(perIteration) { $1 }
        // A cell whose counted sets give no count (each cut short by a failure) has no summary.
        return SampleSet(order: order.filter { groups[$0] != nil }, groups: groups, warmUps: warmUps, counts: counts)
    }

    /// One process of one cell.
    struct ProcessKey: Hashable {
        let runtime: String
        let workload: String
        let process: Int
    }

    /// The samples of a run's summaries: what ``samples(_:failures:)`` returns.
    struct SampleSet {
        /// Every key, in the order the rows first name it.
        var order: [Key]
        /// Each key's samples.
        var groups: [Key: Samples]
        /// How each cell's per-iteration series warmed up.
        var warmUps: [Cell: WarmUpRecord]
        /// How steady each cell's counted sets were.
        var counts: [Cell: CountRecord] = [:]
    }

    /// Which rows the summaries cover, and how each cell's iteration series warmed up.
    private func steadyStateRows(_ rows: [Row]) -> (kept: [Bool], warmUps: [Cell: WarmUpRecord]) {
        var kept = rows.map { !$0.warmup }
        // Positions of each process's per-iteration execute rows, in iteration order.
        var series: [Cell: [Int: [Int]]] = [:]
        for (position, row) in rows.enumerated()
        where row.phase == .execute && row.metric == .time && row.iteration != nil {
            series[Cell(workload: row.workload, runtime: row.runtime), default: [:]][row.process, default: []]
                .append(position)
        }
        var warmUps: [Cell: WarmUpRecord] = [:]
        for (cell, processes) in series {
            var warmUp = WarmUpRecord()
            for process in processes.keys.sorted() {
                let positions = processes[process, default: []].sorted {
                    (rows[$0].iteration ?? 0) < (rows[$1].iteration ?? 0)
                }
                let values = positions.map { rows[$0].value }
                if let first = values.first { warmUp.firstIterations.append(first) }
                let configured = positions.filter { rows[$0].warmup }.count
                var leftOut = configured
                if values.count - configured >= Self.steadyWindow {
                    if let start = steadyStateStart(
                        values, window: Self.steadyWindow, tolerance: configuration.steadyStateTolerance)
                    {
                        warmUp.settled += 1
                        leftOut = Swift.max(configured, start)
                    } else {
                        warmUp.unsettled += 1
                    }
                }
                warmUp.leftOut.append(leftOut)
                for position in positions.prefix(leftOut) { kept[position] = false }
            }
            warmUps[cell] = warmUp
        }
        return (kept, warmUps)
    }

    /// One summary's samples, kept by the process that measured them so the bootstrap can
    /// resample processes, then iterations within them.
    struct Samples {
        /// Every steady-state value, in row order.
        private(set) var values: [Double] = []
        private var byProcess: [Int: [Double]] = [:]
        private var afterWarmUps: [Int: [Double]] = [:]

        /// Adds a value that is not a configured warm-up; `steady` when it lies in its series'
        /// steady state (always, for phases measured once per process).
        mutating func append(_ value: Double, process: Int, steady: Bool) {
            afterWarmUps[process, default: []].append(value)
            guard steady else { return }
            values.append(value)
            byProcess[process, default: []].append(value)
        }

        /// The steady-state values of each process, in process order: what the median covers.
        var groups: [[Double]] { byProcess.keys.sorted().compactMap { byProcess[$0] } }

        /// Every value of each process after the configured warm-ups, in process order: what the
        /// process minimum covers. A warming-up iteration is slower than the steady state, so it is
        /// never a minimum, while steady-state detection can take a switch of the host into its slow
        /// state for the end of a warm-up and drop the fast iterations before it.
        var minimumGroups: [[Double]] { afterWarmUps.keys.sorted().compactMap { afterWarmUps[$0] } }
    }

    /// The fewest iterations a settled series ends with.
    static let steadyWindow = 3

    private func summary(_ key: Key, _ samples: Samples, baseline: Samples?, partial: Bool) -> Summary? {
        let seed = configuration.seed ^ stableHash("\(key.workload)|\(key.runtime)|\(key.phase)|\(key.metric)")
        let values = samples.values
        guard let median = median(values), let mad = medianAbsoluteDeviation(values), let low = values.min(),
            let interval = bootstrapMedianInterval(groups: samples.groups, seed: seed)
        else { return nil }
        var summary = Summary(
            workload: key.workload, runtime: key.runtime, phase: key.phase, metric: key.metric, count: values.count,
            median: median, mad: mad, min: low, ciLow: interval.low, ciHigh: interval.high)
        if let baseline,
            let ratio = ratioOfMedians(
                numeratorGroups: samples.groups, denominatorGroups: baseline.groups, seed: seed &+ 1)
        {
            summary.ratioToBaseline = ratio.value
            summary.ratioCILow = ratio.interval.low
            summary.ratioCIHigh = ratio.interval.high
        }
        summary.processMinimum = ProcessMinimum.value(samples.minimumGroups)
        if let baseline {
            summary.processMinimumRatio = ProcessMinimum.ratio(samples.minimumGroups, baseline.minimumGroups)
        }
        summary.warnings = warnings(
            values, shown: summary.estimate(configuration.estimator), phase: key.phase, metric: key.metric,
            partial: partial)
        return summary
    }

    /// Reasons to distrust a summary; the interval judged is that of the estimator the tables show.
    private func warnings(
        _ values: [Double], shown: EstimatedValue?, phase: Phase, metric: Metric, partial: Bool
    ) -> [SummaryWarning] {
        guard metric == .time || metric == .cpu else {
            return partial ? [SummaryWarning(kind: .partial, message: "some processes of this cell failed")] : []
        }
        var warnings: [SummaryWarning] = []
        // One sample per process is the norm for per-process phases; flag only thin iteration data.
        if values.count < 3 && phase == .execute {
            warnings.append(
                SummaryWarning(kind: .fewSamples, message: "only \(values.count) sample(s): the interval means little"))
        }
        if let shown, let low = shown.ciLow, let high = shown.ciHigh, values.count >= 3,
            case let width = Interval(low: low, high: high).relativeWidth(around: shown.value),
            width > configuration.noiseThreshold
        {
            let percent = (width * 1000).rounded() / 10
            let limit = (configuration.noiseThreshold * 1000).rounded() / 10
            warnings.append(
                SummaryWarning(
                    kind: .wideInterval,
                    message:
                        "95% CI is \(percent)% of the \(configuration.estimator.phrase) (over \(limit)%): noisy, run more processes or quiet the machine"
                ))
        }
        let outliers = modifiedZScoreOutliers(values)
        if !outliers.isEmpty {
            warnings.append(
                SummaryWarning(
                    kind: .outliers,
                    message: "\(outliers.count) of \(values.count) samples are outliers (modified z-score > 3.5)"))
        }
        if partial { warnings.append(SummaryWarning(kind: .partial, message: "some processes of this cell failed")) }
        return warnings
    }

    /// Per runtime, the geometric mean of its `execute` ratios to the baseline, of the run's measure.
    private func geometricMeans(_ groups: [Key: Samples], runtimes: [String]) -> [GeometricMean] {
        let baseline = configuration.baseline
        let metric = configuration.measure.metric
        let workloads = Set(groups.keys.map(\.workload)).sorted()
        return runtimes.filter { $0 != baseline }.compactMap { runtime in
            let sides = workloads.compactMap { workload -> (mine: Samples, theirs: Samples)? in
                guard let mine = groups[Key(workload: workload, runtime: runtime, phase: .execute, metric: metric)],
                    let theirs = groups[Key(workload: workload, runtime: baseline, phase: .execute, metric: metric)]
                else { return nil }
                return (mine, theirs)
            }
            let pairs = sides.map { (numerator: $0.mine.groups, denominator: $0.theirs.groups) }
            guard !pairs.isEmpty,
                let estimate = geometricMeanOfRatios(
                    groupedPairs: pairs, seed: configuration.seed ^ stableHash("geomean|\(runtime)"))
            else { return nil }
            var mean = GeometricMean(
                runtime: runtime, baseline: baseline, phase: .execute, workloads: pairs.count, value: estimate.value,
                ciLow: estimate.interval.low, ciHigh: estimate.interval.high)
            mean.processMinimum = ProcessMinimum.geometricMean(
                sides.map { (numerator: $0.mine.minimumGroups, denominator: $0.theirs.minimumGroups) })
            return mean
        }
    }
}

extension Summary {
    /// Records how the cell's iterations warmed up, with a warning when some never settled.
    fileprivate mutating func record(_ warmUp: Summarizer.WarmUpRecord, tolerance: Double) {
        firstIteration = WasmBenchStatistics.median(warmUp.firstIterations)
        warmupIterations = WasmBenchStatistics.median(warmUp.leftOut.map(Double.init)).map { Int($0.rounded()) }
        steadyProcesses = warmUp.settled
        processes = warmUp.leftOut.count
        guard warmUp.unsettled > 0 else { return }
        let percent = (tolerance * 1000).rounded() / 10
        warnings.append(
            SummaryWarning(
                kind: .noSteadyState,
                message:
                    "in \(warmUp.unsettled) of \(warmUp.leftOut.count) processes the iterations never settled within ±\(percent)% of their median: the summary includes warming-up iterations; run more iterations"
            ))
    }
}

/// FNV-1a 64-bit hash of a string's UTF-8 bytes (Fowler, Noll & Vo): stable across runs and
/// platforms, unlike `Hasher`, so seeds derived from it repeat.
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
}
