import WasmBenchModel
import WasmBenchStatistics

extension HistorySeries {
    /// The series of `points` with its step changes found by
    /// ``WasmBenchStatistics/stepChanges(_:window:threshold:confidence:)`` over the points' values
    /// (see that function for the method and its sources). Points without a positive finite value
    /// stay in the series but break no window: they are left out of the detection.
    public static func detecting(
        workload: String, runtime: String, phase: Phase, metric: Metric, estimator: Estimator, points: [HistoryPoint],
        window: Int, threshold: Double
    ) -> HistorySeries {
        let usable = points.indices.filter { points[$0].value > 0 && points[$0].value.isFinite }
        let steps = stepChanges(usable.map { points[$0].value }, window: window, threshold: threshold)
        let changes = steps.map { step in
            let index = usable[step.index]
            return HistoryChange(
                index: index, runID: points[index].runID,
                before: EstimatedValue(
                    value: step.before.value, ciLow: step.before.interval.low, ciHigh: step.before.interval.high),
                after: EstimatedValue(
                    value: step.after.value, ciLow: step.after.interval.low, ciHigh: step.after.interval.high),
                ratio: step.ratio)
        }
        return HistorySeries(
            workload: workload, runtime: runtime, phase: phase, metric: metric, unit: metric.unit, estimator: estimator,
            window: window, threshold: threshold, points: points, changes: changes)
    }
}
