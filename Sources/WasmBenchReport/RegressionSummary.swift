import WasmBenchModel

/// What regressed, in one line for stderr: the first few slower cells with their ratios and how
/// many cells that the base run measured now fail. A ratio is the one the verdict followed
/// (``RunComparison/estimator``), named.
package func regressionSummary(_ comparison: RunComparison) -> String {
    let cells = comparison.regressions.prefix(5).map { cell in
        let change = cell.estimate(comparison.estimator)
        let ratio = formatRatio(change?.ratio ?? cell.ratio, low: change?.ciLow, high: change?.ciHigh)
        return "\(cell.workload) on \(cell.runtime) \(ratio) (\(comparison.estimator.phrase))"
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
