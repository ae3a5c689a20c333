import WasmBenchModel

/// A size chart: one phase against a size, a series per runtime, each with its points (and their
/// intervals) and its fitted line.
struct FitChart {
    /// One runtime's points and line.
    struct Series {
        /// One size's estimate with its interval and what hovering over it says.
        struct Point {
            var size: Double
            var value: Double
            var low: Double?
            var high: Double?
            var hover: String
        }

        var points: [Point]
        /// The fitted line (intercept, slope), drawn across the sizes; nil without a fit.
        var line: (intercept: Double, slope: Double)?
        /// The position of the series' colour in the charts' palette.
        var colour: Int
        /// The runtime id, for the line's hover text.
        var label: String
    }

    /// The chart's accessible name.
    var label: String
    /// The x axis' title (the size's name).
    var axis: String
    /// How an x tick reads (bytes as `KiB`, a parameter as a number).
    var sizeUnit: MeasureUnit?
    /// The unit of the values.
    var unit: MeasureUnit
    var series: [Series]
}
