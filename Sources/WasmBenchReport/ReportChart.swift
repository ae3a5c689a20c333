import WasmBenchCharts

/// The charts a report draws.
enum ReportChart {
    /// Horizontal bars of ratios on a log scale, 1× marked; a section's ratio charts share an axis.
    case ratios(RatioChart)
    /// Horizontal bars of shares of a whole (opcode categories) on a linear scale from 0: a ratio
    /// chart's bars, each `ratio` holding a share from 0 to 1 and no interval.
    case shares(RatioChart)
    /// A finished SVG drawn by another target (a flamegraph), embedded as it is: its renderer
    /// escapes every text it draws.
    case embedded(svg: String)
    /// A phase against a size, a series per runtime with its fitted line; one workload × runtime
    /// over stored runs with its steps marked; or its time per iteration, a line per process
    /// (``PointChart``).
    case points(PointChart)
}
