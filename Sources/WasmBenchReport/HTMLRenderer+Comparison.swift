import WasmBenchModel

extension HTMLRenderer {
    /// Renders a comparison of two runs as one self-contained HTML document ending in a newline,
    /// with the content of ``TerminalRenderer/render(_:)-(RunComparison)`` and a chart of each
    /// runtime's geometric mean new ÷ base with its interval (log scale, 1× marked).
    public func render(_ comparison: RunComparison) -> String {
        var sections: [HTMLSection] = []
        sections.append(
            HTMLSection(
                id: "execute", title: "Execute",
                body: comparisonTable(ComparisonText.executeRows(comparison), showMeasure: false)))
        if let means = meansSection(comparison) { sections.append(means) }
        let other = ComparisonText.otherChanges(comparison)
        if !other.isEmpty {
            sections.append(
                HTMLSection(
                    id: "other-phases", title: "Other phases that changed",
                    body: comparisonTable(other, showMeasure: true)))
        }
        let lists: [(String, String, [HTML])] = [
            ("changes", "Changed between the runs", ComparisonText.changes(comparison).map { HTML(text: $0) }),
            ("failing", "Newly failing", comparison.newFailures.map(cell)),
            ("only-base", "Only in the base run", comparison.onlyInBase.map(cell)),
            ("only-new", "Only in the new run", comparison.onlyInNew.map(cell)),
            ("caveats", "Caveats", comparison.caveats.map { HTML(text: $0) }),
        ]
        for (id, title, items) in lists where !items.isEmpty {
            sections.append(
                HTMLSection(id: id, title: title, body: "<ul>\n\(items.map { "<li>\($0)</li>\n" as HTML })</ul>"))
        }
        let outcome = ComparisonText.outcome(comparison)
        let introduction: HTML = """
            <p>\(ComparisonText.side("base", comparison.base))<br>
            \(ComparisonText.side("new", comparison.new))<br>
            \(ComparisonText.settings(comparison))</p>
            <p class="\(comparison.regressed ? "alert" : "muted")"><strong>\(outcome)</strong></p>

            """
        return page(
            title: "wasmbench comparison · \(comparison.base.path) → \(comparison.new.path)",
            heading: "wasmbench comparison", introduction: introduction, sections: sections
        ).markup
    }

    private func comparisonTable(_ rows: [Comparison], showMeasure: Bool) -> HTML {
        let leading: [HTML] = ["workload", "runtime"] + (showMeasure ? ["measure"] : [])
        let first = leading.count
        var table = HTMLTable(
            headers: leading + ["base", "new", "new ÷ base [95% CI]", "verdict"], numeric: [first, first + 1])
        for row in rows {
            let measure: [HTML] = showMeasure ? [HTML(text: ComparisonText.measure(row))] : []
            table.append(
                [code(row.workload), code(row.runtime)] + measure + [
                    HTML(text: ComparisonText.value(row.baseMedian, unit: row.unit)),
                    HTML(text: ComparisonText.value(row.newMedian, unit: row.unit)),
                    HTML(text: formatRatio(row.ratio, low: row.ciLow, high: row.ciHigh)), verdict(row.verdict),
                ])
        }
        return table.render()
    }

    private func meansSection(_ comparison: RunComparison) -> HTMLSection? {
        guard !comparison.geometricMeans.isEmpty else { return nil }
        let bars = comparison.geometricMeans.enumerated().map { position, mean in
            let ratio = formatRatio(mean.value, low: mean.ciLow, high: mean.ciHigh)
            return RatioBar(
                label: mean.runtime, unfair: false, ratio: mean.value, low: mean.ciLow, high: mean.ciHigh,
                value: "\(ratio) \(mean.verdict.rawValue)",
                hover:
                    "\(mean.runtime): new ÷ base \(ratio) over \(mean.workloads) workloads, \(mean.verdict.rawValue)",
                colour: Self.colour(position))
        }
        let chart = ratioChart(
            bars, layout: RatioLayout(bars: bars), label: "geometric mean of new ÷ base per runtime",
            axis: "new ÷ base")
        var table = HTMLTable(headers: ["runtime", "workloads", "new ÷ base [95% CI]", "verdict"], numeric: [1])
        for mean in comparison.geometricMeans {
            table.append([
                code(mean.runtime), "\(mean.workloads)",
                HTML(text: formatRatio(mean.value, low: mean.ciLow, high: mean.ciHigh)), verdict(mean.verdict),
            ])
        }
        return HTMLSection(
            id: "geomean", title: "Geometric mean per runtime", body: "<figure>\n\(chart)\n</figure>\n\(table.render())"
        )
    }

    private func verdict(_ verdict: ComparisonVerdict) -> HTML {
        switch verdict {
        case .slower: "<span class=\"failed\">slower</span>"
        case .faster: "<strong>faster</strong>"
        case .uncertain: "<span class=\"mark\">uncertain</span>"
        case .unchanged: "unchanged"
        }
    }

    private func cell(_ cell: ComparedCell) -> HTML {
        "\(code(cell.workload)) · \(code(cell.runtime)): \(cell.reason)"
    }
}
