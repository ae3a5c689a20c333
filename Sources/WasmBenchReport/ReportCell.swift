/// One cell of a report table.
enum ReportCell {
    case text(ReportText)
    /// A median in its unit with a warning mark, or why there is none (`—`, `failed`, `no data`).
    case measure(ReportIndex.Cell)
    /// A median with its ratio to the baseline, or `baseline` in the baseline's own column.
    case compared(ReportIndex.Cell, ReportRatio?, isBaseline: Bool)
    /// A geometric mean of ratios, with how many of all workloads it covers when not all.
    case mean(ReportRatio, covered: Int?, of: Int)

    static func plain(_ text: String) -> ReportCell { .text(.text(text)) }
    static func code(_ text: String) -> ReportCell { .text(.code(text)) }
}

/// A ratio to the baseline as a cell shows it.
struct ReportRatio {
    /// The ratio with its interval, e.g. `1.42× [1.38–1.47]`.
    var text: String
    /// The ratio, which the terminal colours by.
    var value: Double
    /// Whether it compares more than the host (`†`).
    var unfair: Bool
}
