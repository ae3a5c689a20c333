import WasmBenchStatistics

/// An estimator with an interval method: new ÷ base for two cells measured as processes of
/// iterations, with a 95% interval.
struct Method: Sendable {
    /// The name the table shows.
    var name: String
    /// Computes the ratio of `numerator` over `denominator` (groups are processes).
    var ratio: @Sendable (_ numerator: [[Double]], _ denominator: [[Double]], _ seed: UInt64) -> Estimate?

    static let resamples = 2000

    /// What `wasmbench` did before: the median of all iterations, two-level percentile bootstrap.
    static let medianBootstrap = Method(name: "median, 2-level bootstrap") { top, bottom, seed in
        ratioOfMedians(numeratorGroups: top, denominatorGroups: bottom, resamples: resamples, seed: seed)
    }
    /// The minimum of all iterations, same bootstrap.
    static let minimumBootstrap = Method(name: "minimum, 2-level bootstrap") { top, bottom, seed in
        twoLevelBootstrap(top, bottom, seed: seed) { quantile($0, 0) }
    }
    /// The 25th percentile of all iterations, same bootstrap.
    static let quartileBootstrap = Method(name: "25th percentile, 2-level bootstrap") { top, bottom, seed in
        twoLevelBootstrap(top, bottom, seed: seed) { quantile($0, 0.25) }
    }
    /// The median of the per-process minima, bootstrap over processes.
    static let medianOfMinimaBootstrap = Method(name: "median of process minima, bootstrap") { top, bottom, seed in
        guard let a = groupMinima(top), let b = groupMinima(bottom) else { return nil }
        return twoLevelBootstrap(a.map { [$0] }, b.map { [$0] }, seed: seed) { median($0) }
    }
    /// The geometric mean of per-process medians, Welch t on the logs.
    static let processMedianT = Method(name: "process medians, Welch t on logs") { top, bottom, _ in
        ratioOfGeometricMeans(numerator: top.compactMap(median), denominator: bottom.compactMap(median))
    }
    /// The geometric mean of per-process minima, Welch t on the logs: wasmbench's default now.
    static let processMinimumT = Method(name: "process minima, Welch t on logs") { top, bottom, _ in
        ratioOfMinima(numeratorGroups: top, denominatorGroups: bottom)
    }
    static let all = [
        medianBootstrap, minimumBootstrap, quartileBootstrap, medianOfMinimaBootstrap, processMedianT,
        processMinimumT,
    ]
}

/// statistic(all of top) ÷ statistic(all of bottom), with the percentile interval of the same
/// ratio over two-level resamples (processes, then iterations within each drawn process).
func twoLevelBootstrap(
    _ top: [[Double]], _ bottom: [[Double]], seed: UInt64, statistic: ([Double]) -> Double?
) -> Estimate? {
    guard let a = statistic(top.flatMap { $0 }), let b = statistic(bottom.flatMap { $0 }), b > 0 else { return nil }
    var random = Random(seed: seed)
    func draw(_ groups: [[Double]]) -> [Double] {
        var values: [Double] = []
        for _ in groups.indices {
            let group = groups[random.index(below: groups.count)]
            for _ in group.indices { values.append(group[random.index(below: group.count)]) }
        }
        return values
    }
    var replicates: [Double] = []
    replicates.reserveCapacity(Method.resamples)
    for _ in 0..<Method.resamples {
        if let x = statistic(draw(top)), let y = statistic(draw(bottom)), y > 0 { replicates.append(x / y) }
    }
    guard let low = quantile(replicates, 0.025), let high = quantile(replicates, 0.975) else { return nil }
    return Estimate(value: a / b, interval: Interval(low: low, high: high))
}
