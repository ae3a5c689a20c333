import WasmBenchModel

extension TerminalRenderer {
    /// Renders a comparison of two runs as text ending in a newline: which runs, the threshold,
    /// the `execute` table (base and new medians, new ÷ base with its 95% interval, verdict), the
    /// geometric mean per runtime, other phases that changed, what else changed between the runs,
    /// cells in one run only or newly failing, caveats, and the outcome.
    public func render(_ comparison: RunComparison) -> String {
        var blocks: [[String]] = [
            [
                palette.bold("wasmbench compare"), ComparisonText.side("base", comparison.base),
                ComparisonText.side("new ", comparison.new), ComparisonText.settings(comparison),
            ]
        ]
        blocks.append(
            comparisonTable(
                "execute — median per iteration; new ÷ base [95% CI]", ComparisonText.executeRows(comparison),
                showMeasure: false))
        blocks.append(geometricMeanTable(comparison))
        let other = ComparisonText.otherChanges(comparison)
        if !other.isEmpty {
            blocks.append(comparisonTable("other phases that changed past the threshold", other, showMeasure: true))
        }
        blocks.append(list("changed between the runs", ComparisonText.changes(comparison)))
        blocks.append(cellList("newly failing", comparison.newFailures, colour: palette.red))
        blocks.append(cellList("only in the base run", comparison.onlyInBase, colour: { $0 }))
        blocks.append(cellList("only in the new run", comparison.onlyInNew, colour: { $0 }))
        blocks.append(list("caveats", comparison.caveats))
        let outcome = ComparisonText.outcome(comparison)
        blocks.append([comparison.regressed ? palette.red(outcome) : palette.bold(outcome)])
        return blocks.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private func comparisonTable(_ heading: String, _ rows: [Comparison], showMeasure: Bool) -> [String] {
        guard !rows.isEmpty else { return [] }
        var columns: [TextTable.Column] = [.init(header: "workload"), .init(header: "runtime")]
        if showMeasure { columns.append(.init(header: "measure")) }
        columns += [
            .init(header: "base", alignment: .right), .init(header: "new", alignment: .right),
            .init(header: "new ÷ base"), .init(header: "verdict"),
        ]
        var table = TextTable(columns: columns)
        table.styleHeader = palette.bold
        for row in rows {
            let measure = showMeasure ? [ComparisonText.measure(row)] : []
            table.append(
                [row.workload, row.runtime] + measure + [
                    ComparisonText.value(row.baseMedian, unit: row.unit),
                    ComparisonText.value(row.newMedian, unit: row.unit),
                    formatRatio(row.ratio, low: row.ciLow, high: row.ciHigh), styled(row.verdict),
                ])
        }
        return [title(heading), ""] + table.render()
    }

    private func geometricMeanTable(_ comparison: RunComparison) -> [String] {
        guard !comparison.geometricMeans.isEmpty else { return [] }
        var table = TextTable(columns: [
            .init(header: "runtime"), .init(header: "workloads", alignment: .right), .init(header: "new ÷ base"),
            .init(header: "verdict"),
        ])
        table.styleHeader = palette.bold
        for mean in comparison.geometricMeans {
            table.append([
                mean.runtime, "\(mean.workloads)", formatRatio(mean.value, low: mean.ciLow, high: mean.ciHigh),
                styled(mean.verdict),
            ])
        }
        return [title("geometric mean of execute ratios, per runtime"), ""] + table.render()
    }

    private func styled(_ verdict: ComparisonVerdict) -> String {
        switch verdict {
        case .slower: palette.red(verdict.rawValue)
        case .faster: palette.bold(verdict.rawValue)
        case .uncertain: palette.yellow(verdict.rawValue)
        case .unchanged: verdict.rawValue
        }
    }

    private func list(_ heading: String, _ lines: [String]) -> [String] {
        lines.isEmpty ? [] : [title(heading)] + lines.map { "  " + $0 }
    }

    private func cellList(_ heading: String, _ cells: [ComparedCell], colour: (String) -> String) -> [String] {
        list(heading, cells.map { colour("\($0.workload) · \($0.runtime)") + ": \($0.reason)" })
    }
}
