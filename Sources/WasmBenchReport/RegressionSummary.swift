import WasmBenchModel

/// What regressed, in one line for stderr: the first few slower cells with their ratios and how
/// many cells that the base run measured now fail.
public func regressionSummary(_ comparison: RunComparison) -> String {
    let cells = comparison.regressions.prefix(5).map {
        "\($0.workload) on \($0.runtime) \(formatRatio($0.ratio, low: $0.ciLow, high: $0.ciHigh))"
    }
    var parts: [String] = []
    if !cells.isEmpty {
        parts.append("slower: " + cells.joined(separator: "; ") + (comparison.regressions.count > 5 ? "; …" : ""))
    }
    if !comparison.newFailures.isEmpty {
        parts.append("\(comparison.newFailures.count) cell(s) that the base run measured now fail")
    }
    return "the new run regressed (\(parts.joined(separator: "; "))); see the report above"
}
