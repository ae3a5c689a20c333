import WasmBenchModel

extension MarkdownRenderer {
    /// Renders a comparison of two runs as GitHub-flavoured Markdown ending in a newline, with
    /// the same content as ``TerminalRenderer/render(_:)-(RunComparison)``: for a CI job's summary
    /// or a pull request comment.
    public func render(_ comparison: RunComparison) -> String {
        var blocks: [[String]] = [
            [
                "# wasmbench comparison", "", "- " + ComparisonText.side("**base**", comparison.base),
                "- " + ComparisonText.side("**new**", comparison.new), "- " + ComparisonText.settings(comparison),
                "", "**\(ComparisonText.outcome(comparison))**",
            ]
        ]
        blocks.append(table("## Execute", ComparisonText.executeRows(comparison), showMeasure: false))
        if !comparison.geometricMeans.isEmpty {
            var table = MarkdownTable(
                headers: ["runtime", "workloads", "new ÷ base [95% CI]", "verdict"], alignments: [.left, .right])
            for mean in comparison.geometricMeans {
                table.append([
                    codeSpan(mean.runtime), "\(mean.workloads)",
                    formatRatio(mean.value, low: mean.ciLow, high: mean.ciHigh), verdictText(mean.verdict),
                ])
            }
            blocks.append(["## Geometric mean per runtime", ""] + table.render())
        }
        blocks.append(table("## Other phases that changed", ComparisonText.otherChanges(comparison), showMeasure: true))
        blocks.append(bullets("## Changed between the runs", ComparisonText.changes(comparison)))
        blocks.append(cells("## Newly failing", comparison.newFailures))
        blocks.append(cells("## Only in the base run", comparison.onlyInBase))
        blocks.append(cells("## Only in the new run", comparison.onlyInNew))
        blocks.append(bullets("## Caveats", comparison.caveats))
        return blocks.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private func table(_ heading: String, _ rows: [Comparison], showMeasure: Bool) -> [String] {
        guard !rows.isEmpty else { return [] }
        let leading = ["workload", "runtime"] + (showMeasure ? ["measure"] : [])
        var table = MarkdownTable(
            headers: leading + ["base", "new", "new ÷ base [95% CI]", "verdict"],
            alignments: leading.map { _ in .left } + [.right, .right])
        for row in rows {
            let measure = showMeasure ? [ComparisonText.measure(row)] : []
            table.append(
                [codeSpan(row.workload), codeSpan(row.runtime)] + measure + [
                    ComparisonText.value(row.baseMedian, unit: row.unit),
                    ComparisonText.value(row.newMedian, unit: row.unit),
                    formatRatio(row.ratio, low: row.ciLow, high: row.ciHigh), verdictText(row.verdict),
                ])
        }
        return [heading, ""] + table.render()
    }

    private func verdictText(_ verdict: ComparisonVerdict) -> String {
        verdict == .slower || verdict == .faster ? "**\(verdict.rawValue)**" : verdict.rawValue
    }

    private func bullets(_ heading: String, _ lines: [String]) -> [String] {
        lines.isEmpty ? [] : [heading, ""] + lines.map { "- " + $0 }
    }

    private func cells(_ heading: String, _ cells: [ComparedCell]) -> [String] {
        bullets(heading, cells.map { "\(codeSpan($0.workload)) · \(codeSpan($0.runtime)): \($0.reason)" })
    }
}
