import WasmBenchModel

extension TerminalRenderer {
    /// The `execute` table: workloads × runtimes, median and ratio to the baseline, geomean row.
    func executeSection(_ index: ReportIndex) -> [String] {
        let heading = title("execute") + " — median per iteration; ratio to \(index.baseline) [95% CI]"
        var runtimes = index.runtimes(with: .execute)
        guard !runtimes.isEmpty else { return [heading, "", "no execute measurements"] }
        var markers = ReportIndex.Markers()
        var table = executeTable(index, runtimes: runtimes, markers: &markers)
        var leading = 1
        if table.width > width, let position = runtimes.firstIndex(of: index.baseline) {
            // Repeat the baseline next to the workloads in every part of a split table.
            runtimes.insert(runtimes.remove(at: position), at: 0)
            table = executeTable(index, runtimes: runtimes, markers: &markers)
            leading = 2
        }
        var lines = [heading]
        for part in table.split(maxWidth: width, leading: leading) {
            lines += [""] + part.render()
        }
        return lines + legend(markers)
    }

    /// Builds the `execute` table with runtime columns in the given order.
    private func executeTable(_ index: ReportIndex, runtimes: [String], markers: inout ReportIndex.Markers) -> TextTable {
        var table = TextTable(columns: [TextTable.Column(header: "workload")] + runtimes.map { TextTable.Column(header: $0) })
        table.gap = 4
        table.styleHeader = palette.bold
        let cells = index.workloads.map { workload in
            runtimes.map { index.cell(workload: workload, runtime: $0, phase: .execute) }
        }
        cells.joined().forEach { markers.note($0) }
        // Medians are right-aligned in a sub-column so the ratios after them line up.
        let medianWidths = runtimes.indices.map { column in
            cells.map { visibleWidth(medianText($0[column])) }.max() ?? 0
        }
        for (row, workload) in index.workloads.enumerated() {
            let values = runtimes.indices.map { column in
                executeCell(cells[row][column], runtime: runtimes[column], index: index, medianWidth: medianWidths[column])
            }
            table.append([workload] + values)
        }
        let means = runtimes.map { index.geometricMean(runtime: $0, phase: .execute) }
        if means.contains(where: { $0 != nil }) {
            table.lines.append(.rule)
            let values = runtimes.indices.map { column in
                means[column].map { mean in
                    let ratio = palette.ratio(formatRatio(mean.value, low: mean.ciLow, high: mean.ciHigh), value: mean.value)
                    let coverage = mean.workloads < index.workloads.count ? " (\(mean.workloads) of \(index.workloads.count))" : ""
                    return String(repeating: " ", count: medianWidths[column] + 2) + ratio + coverage
                } ?? ""
            }
            table.append(["geomean"] + values)
        }
        return table
    }

    /// The median part of an `execute` cell, or the marker that replaces it.
    private func medianText(_ cell: ReportIndex.Cell) -> String {
        switch cell {
        case .value(let summary): formatDuration(summary.median)
        case .notExposed: "—"
        case .failed: "failed"
        case .noData: "no data"
        }
    }

    /// One `execute` cell: median, warning marker, ratio with its interval.
    private func executeCell(_ cell: ReportIndex.Cell, runtime: String, index: ReportIndex, medianWidth: Int) -> String {
        guard case .value(let summary) = cell else {
            let text = pad(medianText(cell), to: medianWidth, alignment: .right)
            if case .failed = cell { return palette.red(text) }
            return text
        }
        let median = pad(medianText(cell), to: medianWidth, alignment: .right)
        let marker = summary.warnings.isEmpty ? " " : palette.yellow("*")
        let ratio: String
        if runtime == index.baseline {
            ratio = palette.dim("baseline")
        } else if let value = summary.ratioToBaseline {
            ratio = palette.ratio(formatRatio(value, low: summary.ratioCILow, high: summary.ratioCIHigh), value: value)
        } else {
            ratio = ""
        }
        return median + marker + " " + ratio
    }

    /// The `phases` table: per runtime, per workload, the median of every phase but `execute`.
    func phasesSection(_ index: ReportIndex) -> [String] {
        let heading = title("phases") + " — median per process or per iteration, as measured"
        guard !index.measuredRuntimes.isEmpty else { return [heading, "", "no measurements"] }
        let columns = PhaseColumn.all
        var table = TextTable(
            columns: [TextTable.Column(header: "workload")]
                + columns.map { TextTable.Column(header: $0.title + " ", alignment: .right) })
        table.styleHeader = palette.bold
        var markers = ReportIndex.Markers()
        for (position, runtime) in index.measuredRuntimes.enumerated() {
            if position > 0 { table.lines.append(.section("")) }
            table.lines.append(.section(runtimeHeading(runtime, index: index)))
            for note in index.runtime(runtime)?.notes ?? [] {
                for line in wrap(note, width: width - 4) { table.lines.append(.section("  " + palette.dim(line))) }
            }
            for workload in index.workloads {
                let cells = columns.map {
                    index.cell(workload: workload, runtime: runtime, phase: $0.phase, metric: $0.metric)
                }
                cells.forEach { markers.note($0) }
                table.append(["  " + workload] + cells.map(phaseCell))
            }
        }
        var lines = [heading]
        for part in table.split(maxWidth: width, leading: 1) {
            lines += [""] + part.render()
        }
        return lines + legend(markers)
    }

    /// One `phases` cell: the median in its unit, `—`, `failed` or `no data`, then a warning
    /// marker or a space so the numbers line up.
    private func phaseCell(_ cell: ReportIndex.Cell) -> String {
        switch cell {
        case .value(let summary):
            let text = ReportIndex.format(summary.median, unit: summary.unit)
            return text + (summary.warnings.isEmpty ? " " : palette.yellow("*"))
        case .notExposed: return palette.dim("—") + " "
        case .failed: return palette.red("failed") + " "
        case .noData: return "no data "
        }
    }
}
