import WasmBenchModel

/// Values against a size, a run or an iteration, each point with its interval: against sizes a
/// series per runtime with its fitted line, against runs or iterations a line through the points.
struct PointChart {
    /// What the x axis counts.
    enum Across {
        /// Sizes called `name` (the axis' title), shown in `unit` (bytes as `KiB`) or as numbers.
        case sizes(name: String, unit: MeasureUnit?)
        /// Stored runs, oldest first (a point's size is its position), a dashed line before each
        /// of `steps` (the positions that start a step change).
        case runs(steps: [Int])
        /// The iterations of one workload × runtime, a series per process: the steady-state
        /// `median` drawn dashed, the `leftOut` iterations (warm-up) shaded.
        case iterations(median: Double?, leftOut: Int?)
    }

    /// One runtime's points and line.
    struct Series {
        /// One size's (run's, iteration's) estimate with its interval and what hovering over it says.
        struct Point {
            var size: Double
            var value: Double
            var low: Double?
            var high: Double?
            var hover: String
            /// A warm-up iteration (configured), drawn hollow.
            var warmUp = false
        }

        var points: [Point]
        /// The fitted line (intercept, slope), drawn across the sizes; nil without a fit.
        var line: (intercept: Double, slope: Double)? = nil
        /// The position of the series' colour in the charts' palette.
        var colour: Int
        /// The runtime id, for the line's hover text.
        var label: String
    }

    /// The chart's accessible name.
    var label: String
    var across: Across
    /// The unit of the values.
    var unit: MeasureUnit
    var series: [Series]
}
