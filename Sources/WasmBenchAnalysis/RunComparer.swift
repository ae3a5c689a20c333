import WasmBenchModel
import WasmBenchStatistics

/// Compares two saved runs from their raw rows: for every workload × runtime × phase × metric
/// both summarised, new ÷ base by every estimator (the median with a two-level bootstrap
/// interval, the process minimum with Welch's t interval), and a verdict against a threshold by
/// the chosen one. Pure: the same two runs and settings always give the same comparison.
///
/// Each run's samples are selected as its own summaries select them (the median's steady-state
/// iterations, the process minimum's iterations after the configured warm-ups, per-iteration
/// instruction counts derived from counted runs, see ``Summarizer``), so a comparison covers what
/// the two reports show. Both runs must share their ``RunConfiguration/measure`` (see
/// ``checkComparable(base:new:)``); the geometric means and the cells matched are of that
/// measure's `execute` metric.
public struct RunComparer: Sendable {
    /// The relative change below which a difference counts as none (0.05 is 5%).
    public var threshold: Double
    /// The estimator whose verdicts count.
    public var estimator: Estimator
    /// The phases whose slowdowns (and new failures) count as regressions.
    public var gatedPhases: [Phase]
    /// Seeds the bootstrap.
    public var seed: UInt64

    /// Creates a comparer.
    public init(
        threshold: Double = 0.05, estimator: Estimator = .processMinimum, gatedPhases: [Phase] = [.execute],
        seed: UInt64 = 1
    ) {
        self.threshold = threshold
        self.estimator = estimator
        self.gatedPhases = gatedPhases
        self.seed = seed
    }

    /// Throws when the two runs cannot be compared: one timed, the other counted instructions.
    public func checkComparable(base: RunResult, new: RunResult) throws(ComparisonError) {
        let (before, after) = (base.configuration.measure, new.configuration.measure)
        guard before == after else { throw .differentMeasures(base: before, new: after) }
    }

    /// Compares `new` against `base`; the paths are recorded as given. Runs of different measures
    /// share no `execute` summary: check them with ``checkComparable(base:new:)`` first.
    /// Instruction counts are always decided by ``Estimator/median``: a counted set gives one
    /// count per iteration, so there is no per-process minimum to take.
    public func compare(base: RunResult, basePath: String, new: RunResult, newPath: String) -> RunComparison {
        if base.configuration.measure == .instructions && estimator != .median {
            var counting = self
            counting.estimator = .median
            return counting.compare(base: base, basePath: basePath, new: new, newPath: newPath)
        }
        var baseSamples = Summarizer(configuration: base.configuration).samples(base.rows, failures: base.failures)
        var newSamples = Summarizer(configuration: new.configuration).samples(new.rows, failures: new.failures)
        baseSamples.order = Self.readingOrder(baseSamples.order, of: base)
        newSamples.order = Self.readingOrder(newSamples.order, of: new)
        let measure = base.configuration.measure
        var comparison = RunComparison(
            base: side(base, path: basePath), new: side(new, path: newPath), threshold: threshold,
            estimator: estimator, gatedPhases: gatedPhases, caveats: caveats(base, new), measure: measure)
        var unratioed: [String] = []
        var unreadMemory: [String] = []
        var twoSpeedCells: [(Summarizer.Key, TwoSpeeds)] = []
        for key in baseSamples.order {
            guard let before = baseSamples.groups[key], let after = newSamples.groups[key] else { continue }
            guard
                let estimate = ratioOfMedians(
                    numeratorGroups: after.groups, denominatorGroups: before.groups, seed: seed(for: key)),
                let baseMedian = median(before.values), let newMedian = median(after.values)
            else {
                let cell = "\(key.workload) × \(key.runtime) \(key.phase.rawValue) \(key.metric.rawValue)"
                if key.metric == .peakRSS, median(before.values) == 0 || median(after.values) == 0 {
                    unreadMemory.append(cell)
                } else {
                    unratioed.append(cell)
                }
                continue
            }
            let medianVerdict = verdict(estimate)
            let speeds = twoSpeeds(base: before.minimumGroups, new: after.minimumGroups)
            let minimum = ProcessMinimum.ratio(after.minimumGroups, before.minimumGroups, inTimeOrder: true).map {
                compared(
                    $0, base: ProcessMinimum.value(before.minimumGroups),
                    new: ProcessMinimum.value(after.minimumGroups),
                    twoSpeeds: speeds)
            }
            if let speeds, estimator == .processMinimum, key.phase == .execute {
                twoSpeedCells.append((key, speeds))
            }
            comparison.comparisons.append(
                Comparison(
                    workload: key.workload, runtime: key.runtime, phase: key.phase, metric: key.metric,
                    baseMedian: baseMedian, newMedian: newMedian, ratio: estimate.value,
                    ciLow: estimate.interval.low, ciHigh: estimate.interval.high,
                    verdict: deciding(median: medianVerdict, processMinimum: minimum), medianVerdict: medianVerdict,
                    processMinimum: minimum, changes: changes(key, base, new)))
        }
        comparison.caveats += twoSpeedCells.map(Self.twoSpeedCaveat)
        if !unreadMemory.isEmpty {
            comparison.caveats.append(
                "no ratio for \(unreadMemory.joined(separator: ", ")): a peak-rss of 0 bytes, since Linux counts a process's resident memory in per-CPU batches and a small process can read 0"
            )
        }
        if !unratioed.isEmpty {
            comparison.caveats.append(
                "no ratio for \(unratioed.joined(separator: ", ")): a median is zero, or the ratio is too large or too small for a number (a damaged or hand-edited file?)"
            )
        }
        comparison.geometricMeans = geometricMeans(baseSamples, newSamples, metric: measure.metric)
        comparison.newFailures = newFailures(base: base, baseSamples: baseSamples, new: new)
        let failing = Set(comparison.newFailures.map { Cell(workload: $0.workload, runtime: $0.runtime) })
        let (onlyBase, onlyNew) = unmatchedCells(baseSamples, newSamples, metric: measure.metric)
        comparison.onlyInBase = onlyBase.filter { !failing.contains($0) }.map {
            ComparedCell(workload: $0.workload, runtime: $0.runtime, reason: "not in the new run")
        }
        comparison.onlyInNew = onlyNew.map {
            ComparedCell(workload: $0.workload, runtime: $0.runtime, reason: "not in the base run")
        }
        return comparison
    }

    /// `keys` in the order a reader looks for them: the run's workloads, then its runtimes, as it
    /// lists them (ids it does not list after those, as measured), then phases in the order they
    /// happen, then metrics. A run measures its cells shuffled, so the order in which they were
    /// first measured means nothing to a reader of the comparison.
    static func readingOrder(_ keys: [Summarizer.Key], of run: RunResult) -> [Summarizer.Key] {
        func positions(_ ids: [String]) -> [String: Int] {
            Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let workloads = positions(run.workloads.map(\.id) + keys.map(\.workload))
        let runtimes = positions(run.runtimes.map(\.id) + keys.map(\.runtime))
        return keys.sorted { x, y in
            (workloads[x.workload] ?? 0, runtimes[x.runtime] ?? 0, x.phase, x.metric)
                < (workloads[y.workload] ?? 0, runtimes[y.runtime] ?? 0, y.phase, y.metric)
        }
    }

    /// What an estimate of new ÷ base says, given the threshold (see ``ComparisonVerdict``).
    ///
    /// Source: the decision rule of T. Kalibera and R. Jones, "Rigorous Benchmarking in
    /// Reasonable Time", ISMM 2013, §5: report a change only when the confidence interval of the
    /// ratio excludes 1, and weigh it by its size.
    ///
    /// `threshold` replaces the comparer's own for one cell (see ``TwoSpeeds``).
    public func verdict(_ estimate: Estimate, threshold: Double? = nil) -> ComparisonVerdict {
        let upper = 1 + max(self.threshold, threshold ?? 0)
        let lower = 1 / upper
        if estimate.interval.low > 1 && estimate.value >= upper { return .slower }
        if estimate.interval.high < 1 && estimate.value <= lower { return .faster }
        if estimate.interval.low >= lower && estimate.interval.high <= upper { return .unchanged }
        return .uncertain
    }

    /// The verdict that counts: the chosen estimator's, or the median's where the process minimum
    /// has no value (a value of zero, say).
    private func deciding(median: ComparisonVerdict, processMinimum: ComparedEstimate?) -> ComparisonVerdict {
        switch estimator {
        case .median: median
        case .processMinimum: processMinimum?.verdict ?? median
        }
    }

    /// A process-minimum ratio as a compared estimate; without an interval (a single process) it
    /// is `uncertain`.
    /// Where the cell runs at two speeds, a change must exceed the gap between them to count; a
    /// smaller one is `uncertain`.
    private func compared(
        _ ratio: EstimatedValue, base: EstimatedValue?, new: EstimatedValue?, twoSpeeds: TwoSpeeds? = nil
    ) -> ComparedEstimate {
        var judged = ComparisonVerdict.uncertain
        if let low = ratio.ciLow, let high = ratio.ciHigh {
            let estimate = Estimate(value: ratio.value, interval: Interval(low: low, high: high))
            judged = verdict(estimate)
            if let twoSpeeds, judged == .slower || judged == .faster {
                // Only a change beyond the gap counts; under it, nothing can be said either way.
                let beyond = verdict(estimate, threshold: twoSpeeds.ratio - 1)
                judged = beyond == .slower || beyond == .faster ? beyond : .uncertain
            }
        }
        return ComparedEstimate(
            base: base?.value, new: new?.value, ratio: ratio.value, ciLow: ratio.ciLow, ciHigh: ratio.ciHigh,
            verdict: judged, twoSpeeds: twoSpeeds)
    }

    /// The fast and slow speeds of a cell whose per-process minima, pooled from both runs, split
    /// into two states by the canary's own test (``NoiseAnalyzer``: the slow cluster at least
    /// ``NoiseAnalyzer/stateRatio`` × the fast one and ``NoiseAnalyzer/stateSeparation`` of their
    /// widths apart) with both speeds inside at least one run; `nil` for one speed, for one run
    /// all fast and the other all slow (a change), or for too few processes (10 pooled).
    ///
    /// Such a cell's processes land in one state or the other depending on when they ran; between
    /// two identical runs the slow share was measured to move from 8% to 92% (node on the `interp`
    /// kernel, a 1.2× gap), a between-run component no interval over one run's processes can see
    /// (T. Kalibera and R. Jones, ISMM 2013, §3: variation at a level that was not repeated). The
    /// same split of processes into states is the "inconsistent" class of E. Barrett et al.,
    /// "Virtual Machine Warmup Blows Hot and Cold", OOPSLA 2017.
    func twoSpeeds(base: [[Double]], new: [[Double]]) -> TwoSpeeds? {
        guard let before = groupMinima(base), let after = groupMinima(new),
            let states = NoiseAnalyzer().states(before + after),
            states.ratio >= NoiseAnalyzer.stateRatio, states.separation >= NoiseAnalyzer.stateSeparation
        else { return nil }
        let border = (states.fastMedian * states.slowMedian).squareRoot()
        // Both speeds within one run (two processes each at least): a run all fast against one all
        // slow is a change, not a machine that switches.
        let mixed = [before, after].contains { values in
            values.filter { $0 > border }.count >= 2 && values.filter { $0 <= border }.count >= 2
        }
        guard mixed else { return nil }
        func slowShare(_ values: [Double]) -> Double {
            values.isEmpty ? 0 : Double(values.filter { $0 > border }.count) / Double(values.count)
        }
        return TwoSpeeds(
            fast: states.fastMedian, slow: states.slowMedian, baseSlowShare: slowShare(before),
            newSlowShare: slowShare(after))
    }

    /// What a reader of the comparison is told about a cell that runs at two speeds.
    private static func twoSpeedCaveat(_ cell: (key: Summarizer.Key, speeds: TwoSpeeds)) -> String {
        let (key, speeds) = cell
        let gap = Int(((speeds.ratio - 1) * 100).rounded())
        let shares = "\(Int((speeds.baseSlowShare * 100).rounded()))% → \(Int((speeds.newSlowShare * 100).rounded()))%"
        return
            "\(key.workload) × \(key.runtime) runs at two speeds \(gap)% apart (processes in the slow one: \(shares)): a change under \(gap)% cannot be told from a shift between them there; `--measure instructions` compares it without the machine's states"
    }

    private func side(_ result: RunResult, path: String) -> ComparedRun {
        ComparedRun(
            path: path, toolVersion: result.toolVersion, startedAt: result.startedAt, complete: result.complete,
            machine: result.machine, configuration: result.configuration)
    }

    private func seed(for key: Summarizer.Key) -> UInt64 {
        seed ^ stableHash("compare|\(key.workload)|\(key.runtime)|\(key.phase)|\(key.metric)")
    }

    /// Per runtime, the geometric mean of new ÷ base `execute` ratios of `metric` over the
    /// workloads both ran.
    private func geometricMeans(
        _ base: Summarizer.SampleSet,
        _ new: Summarizer.SampleSet,
        metric: Metric
    ) -> [ComparedGeometricMean] {
        var runtimes: [String] = []
        var pairs: [String: [(after: Summarizer.Samples, before: Summarizer.Samples)]] = [:]
        for key in base.order where key.phase == .execute && key.metric == metric {
            guard let before = base.groups[key], let after = new.groups[key] else { continue }
            if pairs[key.runtime] == nil { runtimes.append(key.runtime) }
            pairs[key.runtime, default: []].append((after, before))
        }
        return runtimes.compactMap { runtime in
            guard let sides = pairs[runtime],
                let estimate = geometricMeanOfRatios(
                    groupedPairs: sides.map { ($0.after.groups, $0.before.groups) },
                    seed: seed ^ stableHash("compare|geomean|\(runtime)"))
            else { return nil }
            let list = sides.map { (numerator: $0.after.minimumGroups, denominator: $0.before.minimumGroups) }
            let medianVerdict = verdict(estimate)
            let minimum = ProcessMinimum.geometricMean(list).map { compared($0, base: nil, new: nil) }
            return ComparedGeometricMean(
                runtime: runtime, workloads: list.count, value: estimate.value, ciLow: estimate.interval.low,
                ciHigh: estimate.interval.high, verdict: deciding(median: medianVerdict, processMinimum: minimum),
                medianVerdict: medianVerdict, processMinimum: minimum)
        }
    }

    /// The workload × runtime cells with `execute` data of `metric` in one run only.
    private func unmatchedCells(
        _ base: Summarizer.SampleSet,
        _ new: Summarizer.SampleSet,
        metric: Metric
    ) -> (onlyBase: [Cell], onlyNew: [Cell]) {
        func cells(_ order: [Summarizer.Key]) -> [Cell] {
            order.filter { $0.phase == .execute && $0.metric == metric }
                .map { Cell(workload: $0.workload, runtime: $0.runtime) }
        }
        let before = cells(base.order)
        let after = cells(new.order)
        return (before.filter { !after.contains($0) }, after.filter { !before.contains($0) })
    }

    /// The new run's failures in cells the base run measured and did not fail in, one per cell.
    private func newFailures(
        base: RunResult,
        baseSamples: Summarizer.SampleSet,
        new: RunResult
    ) -> [ComparedCell] {
        let measured = Set(
            baseSamples.order.filter { $0.phase == .execute }.map {
                Cell(workload: $0.workload, runtime: $0.runtime)
            })
        // A cell that failed in the base run too (a flaky time-out, say) has not newly failed.
        var seen = Set(
            base.failures.filter { $0.kind != .unsupported }.map {
                Cell(workload: $0.workload, runtime: $0.runtime)
            })
        return new.failures.compactMap { failure in
            let cell = Cell(workload: failure.workload, runtime: failure.runtime)
            guard failure.kind != .unsupported, measured.contains(cell), seen.insert(cell).inserted else { return nil }
            return ComparedCell(
                workload: failure.workload, runtime: failure.runtime,
                reason: "\(failure.kind.rawValue): \(failure.message)")
        }
    }

    /// What differs for one cell besides the measurement: the runtime's version or flags, the workload's module.
    private func changes(_ key: Summarizer.Key, _ base: RunResult, _ new: RunResult) -> [String] {
        var found: [String] = []
        if let before = base.runtimes.first(where: { $0.id == key.runtime }),
            let after = new.runtimes.first(where: { $0.id == key.runtime })
        {
            if before.version != after.version { found.append("version \(before.version) → \(after.version)") }
            if before.flags != after.flags {
                found.append("flags \(before.flags.joined(separator: " ")) → \(after.flags.joined(separator: " "))")
            }
        }
        if let before = base.workloads.first(where: { $0.id == key.workload }),
            let after = new.workloads.first(where: { $0.id == key.workload }),
            before.wasmSHA256 != after.wasmSHA256 || before.nativeSHA256 != after.nativeSHA256
        {
            found.append("workload rebuilt (another module)")
        }
        return found
    }

    /// What a comparison of instruction counts says about itself.
    static let instructionCaveat =
        "the runs count instructions per iteration (callgrind), not time: the counts repeat, so an interval is often a single point (the counted sets agreed), and a change is a change of the code run, not of the machine's speed"

    /// What makes the two runs hard to compare as a whole.
    private func caveats(_ base: RunResult, _ new: RunResult) -> [String] {
        var found: [String] = []
        found += machineCaveats(base.machine, new.machine)
        let (x, y) = (base.configuration, new.configuration)
        if x.processes != y.processes || x.iterations != y.iterations || x.warmups != y.warmups {
            found.append(
                "other settings: \(x.processes) × \(x.iterations) (\(x.warmups) warm-ups) vs \(y.processes) × \(y.iterations) (\(y.warmups) warm-ups)"
            )
        }
        if x.steadyStateTolerance != y.steadyStateTolerance {
            found.append("other steady-state tolerance: \(x.steadyStateTolerance) vs \(y.steadyStateTolerance)")
        }
        if !base.complete { found.append("the base run is incomplete (interrupted or stopped)") }
        if !new.complete { found.append("the new run is incomplete (interrupted or stopped)") }
        if x.countedIterations != y.countedIterations {
            found.append(
                "other counted iterations: \(x.countedIterations ?? []) vs \(y.countedIterations ?? [])")
        }
        if x.measure == .instructions {
            found.append(Self.instructionCaveat)
        } else if x.processes < 2 || y.processes < 2 {
            found.append(
                "a run has a single process: the median's intervals cannot hold the spread between processes, and the per-process minimum has none (its verdicts are uncertain)"
            )
        }
        found += noiseCaveats(base.noise, new.noise)
        return found
    }

    /// Whether the runs come from different CPUs (see ``MachineInfo/cpuDifferences(to:)``), or from
    /// machines set up differently, or from fingerprints too old to tell.
    func machineCaveats(_ a: MachineInfo, _ b: MachineInfo) -> [String] {
        let cpu = a.cpuDifferences(to: b)
        if !cpu.isEmpty {
            return [
                "the runs come from different CPUs (\(cpu.map(\.description).joined(separator: "; "))); ratios between them differ by machine"
            ]
        }
        let setup = a.setupDifferences(to: b)
        if !setup.isEmpty {
            return [
                "the machines are set up differently (\(setup.map(\.description).joined(separator: "; "))): absolute times may differ more than ratios"
            ]
        }
        if a.fingerprintGaps(to: b) {
            return [
                "a run lacks the CPU's family, model and stepping (saved by an older wasmbench): two CPUs named \(a.cpuModel) cannot be told apart"
            ]
        }
        return []
    }

    /// What the canary says about the machine in each run: a bimodal or noisy run, and a machine
    /// that ran at another speed (canary medians more than 5% apart, same canary).
    func noiseCaveats(_ base: NoiseRecord?, _ new: NoiseRecord?) -> [String] {
        var found: [String] = []
        for (name, record) in [("base", base), ("new", new)] {
            guard let record, let verdict = record.verdict, verdict != .quiet else { continue }
            let what = verdict == .bimodal ? "switched between a fast and a slow state" : "was noisy"
            found.append(
                "during the \(name) run the machine \(what) (canary: \(record.reason ?? verdict.rawValue)); its medians carry that noise"
            )
        }
        if let base, let new, base.canary == new.canary, let before = base.spread?.median,
            let after = new.spread?.median, before > 0, abs(after / before - 1) > 0.05
        {
            found.append(
                "the machine ran at another speed: the canary's median was \(NoiseAnalyzer.milliseconds(before)) in the base run and \(NoiseAnalyzer.milliseconds(after)) in the new one (\(NoiseAnalyzer.times(after / before))); absolute times compare the machine's state too"
            )
        }
        return found
    }
}
