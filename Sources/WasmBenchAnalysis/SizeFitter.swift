import WasmBenchModel
import WasmBenchStatistics

/// Fits each phase against a size: a swept workload's problem size (`run --param`), and every
/// workload's module size in bytes. Pure: summaries and workloads in, ``SizeFit`` records out.
///
/// A point is a summary's estimate by the run's estimator; the line is ``linearFit(x:y:confidence:)``
/// through the points (ordinary least squares, 95% t intervals), so it needs three sizes or more.
/// Module sizes are fitted only for the phases that read the whole module (parse, compile,
/// aot-compile, aot-load, instantiate, startup) and only when the run's modules span a factor of
/// two or more: modules of nearly one size say nothing about how a phase grows with size.
public enum SizeFitter {
    /// The phases fitted against the module's size.
    public static let modulePhases: [Phase] = [.parse, .compile, .aotCompile, .aotLoad, .instantiate, .startup]

    /// The metrics fitted: times, CPU time, instruction counts and artifact sizes (not peak-rss).
    static let metrics: Set<Metric> = [.time, .cpu, .instructions, .artifactBytes]

    /// The fits of `result`, sweeps first (by workload, runtime, phase), then module sizes.
    public static func fits(of result: RunResult, estimator: Estimator) -> [SizeFit] {
        parameterFits(result, estimator: estimator) + moduleFits(result, estimator: estimator)
    }

    /// One fit per swept workload × runtime × phase × metric.
    static func parameterFits(_ result: RunResult, estimator: Estimator) -> [SizeFit] {
        let variants = result.workloads.filter { $0.parameter != nil && $0.stripped != true }
        var families: [String] = []
        for variant in variants where !families.contains(variant.variantOf ?? variant.id) {
            families.append(variant.variantOf ?? variant.id)
        }
        return families.flatMap { family -> [SizeFit] in
            let members = variants.filter { ($0.variantOf ?? $0.id) == family }
            let sizes = Dictionary(members.map { ($0.id, Double($0.parameter?.value ?? 0)) }) { first, _ in first }
            let name = members.first?.parameter?.name ?? "size"
            return fits(result, sizes: sizes, estimator: estimator, phases: nil) {
                SizeFit(
                    axis: .parameter, workload: family, sizeName: name, runtime: $0, phase: $1, metric: $2, points: [])
            }
        }
    }

    /// One fit per runtime × module phase × metric, over the workloads' module sizes, each module
    /// once (by its hash: a sweep's variants share theirs, and the first of them stands for it).
    static func moduleFits(_ result: RunResult, estimator: Estimator) -> [SizeFit] {
        var seen = Set<String>()
        let modules = result.workloads.filter {
            ($0.wasmBytes ?? 0) > 0 && ($0.wasmSHA256.isEmpty || seen.insert($0.wasmSHA256).inserted)
        }
        let bytes = modules.compactMap(\.wasmBytes)
        guard let smallest = bytes.min(), let largest = bytes.max(), largest >= 2 * smallest else { return [] }
        let sizes = Dictionary(modules.map { ($0.id, Double($0.wasmBytes ?? 0)) }) { first, _ in first }
        // A native executable reads no module: its phases say nothing about the module's size.
        let native = Set(result.runtimes.filter { $0.kind == .native }.map(\.id))
        return fits(result, sizes: sizes, estimator: estimator, phases: Set(modulePhases), skipping: native) {
            SizeFit(
                axis: .moduleBytes, workload: nil, sizeName: "bytes", runtime: $0, phase: $1, metric: $2, points: [])
        }
    }

    /// The fits over the summaries of the workloads in `sizes`, one per runtime × phase × metric
    /// in the summaries' order (the runtimes in `skipping` left out), made by `make` and filled with
    /// points and the line.
    private static func fits(
        _ result: RunResult, sizes: [String: Double], estimator: Estimator, phases: Set<Phase>?,
        skipping: Set<String> = [], make: (String, Phase, Metric) -> SizeFit
    ) -> [SizeFit] {
        var order: [SizeFit] = []
        var points: [Int: [SizeFit.Point]] = [:]
        for summary in result.summaries {
            guard let size = sizes[summary.workload], metrics.contains(summary.metric),
                !skipping.contains(summary.runtime),
                phases?.contains(summary.phase) ?? true, let estimate = summary.estimate(estimator)
            else { continue }
            let index =
                order.firstIndex {
                    $0.runtime == summary.runtime && $0.phase == summary.phase && $0.metric == summary.metric
                }
                ?? {
                    order.append(make(summary.runtime, summary.phase, summary.metric))
                    return order.count - 1
                }()
            points[index, default: []].append(SizeFit.Point(workload: summary.workload, size: size, estimate: estimate))
        }
        return order.indices.compactMap { index in
            var fit = order[index]
            fit.points = (points[index] ?? []).sorted { ($0.size, $0.workload) < ($1.size, $1.workload) }
            guard Set(fit.points.map(\.size)).count >= 2 else { return nil }
            if let line = linearFit(x: fit.points.map(\.size), y: fit.points.map(\.estimate.value)) {
                fit.intercept = EstimatedValue(
                    value: line.intercept.value, ciLow: line.intercept.interval.low,
                    ciHigh: line.intercept.interval.high)
                fit.slope = EstimatedValue(
                    value: line.slope.value, ciLow: line.slope.interval.low, ciHigh: line.slope.interval.high)
                fit.rSquared = line.rSquared
            }
            return fit
        }
    }
}
