import WasmBenchModel

/// A series chart: one workload × runtime over stored runs, oldest first.
struct SeriesChart {
    /// One run's value with its interval from that run.
    struct Point {
        var value: Double
        var low: Double?
        var high: Double?
        /// What hovering over the point says (run, date, label, value with interval).
        var hover: String
    }

    /// The chart's accessible name.
    var label: String
    var points: [Point]
    /// The indices of the points that start a step change.
    var steps: [Int]
    /// The unit of every value.
    var unit: MeasureUnit
}
