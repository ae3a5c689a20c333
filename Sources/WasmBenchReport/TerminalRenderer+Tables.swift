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
        for var part in table.split(maxWidth: width, leading: leading) {
            // A part whose runtimes have no geometric mean drops the empty row and its rule.
            if case .cells(let cells) = part.lines.last, cells.first == "geomean", part.lines.count >= 2,
                cells.dropFirst().allSatisfy(\.isEmpty)
            {
                part.lines.removeLast(2)
            }
            lines += [""] + part.render()
        }
        return lines + legend(markers)
    }

    /// Builds the `execute` table with runtime columns in the given order.
    private func executeTable(
        _ index: ReportIndex, runtimes: [String], markers: inout ReportIndex.Markers
    ) -> TextTable {
        var table = TextTable(
            columns: [TextTable.Column(header: "workload")] + runtimes.map { TextTable.Column(header: $0) })
        table.gap = 4
        table.styleHeader = palette.bold
        let cells = index.workloads.map { workload in
            runtimes.map { index.cell(workload: workload, runtime: $0, phase: .execute) }
        }
        for cell in cells.joined() { markers.note(cell) }
        markers.unfair = markers.unfair || runtimes.contains(where: index.isUnfair)
        // Medians are right-aligned in a sub-column so the ratios after them line up.
        let medianWidths = runtimes.indices.map { column in
            cells.map { visibleWidth($0[column].text) }.max() ?? 0
        }
        for (row, workload) in index.workloads.enumerated() {
            let values = runtimes.indices.map { column in
                executeCell(
                    cells[row][column], runtime: runtimes[column], index: index, medianWidth: medianWidths[column])
            }
            table.append([workload] + values)
        }
        let means = runtimes.map { index.geometricMean(runtime: $0, phase: .execute) }
        if means.contains(where: { $0 != nil }) {
            table.lines.append(.rule)
            let values = runtimes.indices.map { column in
                means[column].map {
                    String(repeating: " ", count: medianWidths[column] + 2)
                        + geometricMeanText($0, workloads: index.workloads.count)
                        + (index.isUnfair(runtimes[column]) ? palette.yellow("†") : "")
                } ?? ""
            }
            table.append(["geomean"] + values)
        }
        return table
    }

    /// A geometric mean with its interval, and how many workloads it covers when not all.
    private func geometricMeanText(_ mean: GeometricMean, workloads: Int) -> String {
        let ratio = palette.ratio(formatRatio(mean.value, low: mean.ciLow, high: mean.ciHigh), value: mean.value)
        return mean.workloads < workloads ? "\(ratio) (\(mean.workloads) of \(workloads))" : ratio
    }

    /// One `execute` cell: median, warning marker, ratio with its interval.
    private func executeCell(
        _ cell: ReportIndex.Cell, runtime: String, index: ReportIndex, medianWidth: Int
    ) -> String {
        guard case .value(let summary) = cell else {
            let text = pad(cell.text, to: medianWidth, alignment: .right)
            if case .failed = cell { return palette.red(text) }
            return text
        }
        let median = pad(cell.text, to: medianWidth, alignment: .right)
        let marker = summary.warnings.isEmpty ? " " : palette.yellow("*")
        let ratio: String
        if runtime == index.baseline {
            ratio = palette.dim("baseline")
        } else if let value = summary.ratioToBaseline {
            let text = formatRatio(value, low: summary.ratioCILow, high: summary.ratioCIHigh)
            ratio = palette.ratio(text, value: value) + (index.isUnfair(runtime) ? palette.yellow("†") : "")
        } else {
            ratio = ""
        }
        return median + marker + " " + ratio
    }

    /// The `phases` table: per runtime, per workload, the median of every phase but `execute`.
    func phasesSection(_ index: ReportIndex) -> [String] {
        let heading = title("phases") + " — medians of every phase but execute, per runtime"
        guard !index.measuredRuntimes.isEmpty else { return [heading, "", "no measurements"] }
        let columns = PhaseColumn.shown(for: index.measuredRuntimes.compactMap(index.runtime))
        let cells = index.measuredRuntimes.map { runtime in
            index.workloads.map { workload in
                columns.map { index.cell(workload: workload, runtime: runtime, phase: $0.phase, metric: $0.metric) }
            }
        }
        var markers = ReportIndex.Markers()
        for cell in cells.joined().joined() { markers.note(cell) }
        // A column with a warning marker gives every cell a marker slot so the numbers line up.
        let marked = columns.indices.map { column in
            cells.joined().contains { row in row[column].isWarned }
        }
        var table = TextTable(
            columns: [TextTable.Column(header: "workload")]
                + columns.indices.map {
                    TextTable.Column(header: columns[$0].title + (marked[$0] ? " " : ""), alignment: .right)
                })
        table.styleHeader = palette.bold
        for (position, runtime) in index.measuredRuntimes.enumerated() {
            if position > 0 { table.lines.append(.section("")) }
            table.lines.append(.section(runtimeHeading(runtime, index: index)))
            for note in index.runtime(runtime)?.notes ?? [] {
                for line in wrap(note, width: width - 2) { table.lines.append(.section("  " + palette.dim(line))) }
            }
            for (row, workload) in index.workloads.enumerated() {
                let values = columns.indices.map { phaseCell(cells[position][row][$0], marked: marked[$0]) }
                table.append(["  " + workload] + values)
            }
        }
        var lines = [heading]
        for part in table.split(maxWidth: width, leading: 1) {
            lines += [""] + part.render()
        }
        return lines + legend(markers)
    }

    /// One `phases` cell: the median in its unit, `—`, `failed` or `no data`, then a warning
    /// marker (or a space in its place) in a column that has one.
    private func phaseCell(_ cell: ReportIndex.Cell, marked: Bool) -> String {
        let slot = marked ? " " : ""
        switch cell {
        case .value(let summary):
            let text = ReportIndex.format(summary.median, unit: summary.unit)
            return text + (summary.warnings.isEmpty ? slot : palette.yellow("*"))
        case .notExposed: return palette.dim("—") + slot
        case .failed: return palette.red("failed") + slot
        case .noData: return "no data" + slot
        }
    }
}

extension TerminalRenderer {
    /// How each interpreter was built and whether its ratios to the baseline are like for like.
    func buildsSection(_ index: ReportIndex) -> [String] {
        let runtimes = index.interpreterRuntimes
        guard !runtimes.isEmpty else { return [] }
        var table = listTable(["runtime", "build", "against \(index.baseline)"])
        var rows: [(id: String, build: String, verdict: String)] = []
        for info in runtimes {
            guard let build = info.build else { continue }
            let verdict =
                switch index.verdict(of: info) {
                case .baseline: palette.dim("baseline")
                case .notLikeForLike(let problems):
                    palette.yellow("† not like for like: ") + problems.joined(separator: "; ")
                case .matchedPair: "matched pair: like for like"
                case .likeForLike: "like for like"
                }
            rows.append((info.id, build.summary + " · " + build.origin, verdict))
        }
        // The build gets about half of what the runtime column leaves; the verdict the rest.
        let idWidth = rows.map { visibleWidth($0.id) }.max() ?? 0
        let buildWidth = max(24, (width - table.indent - idWidth - 2 * table.gap) / 2)
        for row in rows {
            table.append([row.id, wrap(row.build, width: buildWidth).joined(separator: "\n"), row.verdict])
        }
        table = wrappingLastColumn(table)
        return [
            title("builds") + " — how each interpreter was built; † marks ratios that compare more than the host", "",
        ]
            + table.render()
    }

    /// Per workload and runtime: the first iteration against the steady state, and the
    /// warm-up iterations left out of `execute`.
    func warmUpSection(_ index: ReportIndex) -> [String] {
        guard index.hasWarmUpData else { return [] }
        let runtimes = index.runtimes(with: .execute)
        var table = TextTable(
            columns: [TextTable.Column(header: "workload")] + runtimes.map { TextTable.Column(header: $0) })
        table.gap = 4
        table.styleHeader = palette.bold
        for workload in index.workloads {
            let cells = runtimes.map { runtime in
                index.summary(workload: workload, runtime: runtime, phase: .execute).flatMap(ReportIndex.warmUpText)
                    ?? ""
            }
            if cells.allSatisfy(\.isEmpty) { continue }
            table.append([workload] + cells)
        }
        var lines = [
            title("warm-up")
                + " — first iteration ÷ steady-state median; iterations left out as warm-up; processes that settled"
        ]
        for part in table.split(maxWidth: width, leading: 1) {
            lines += [""] + part.render()
        }
        return lines
    }
}
