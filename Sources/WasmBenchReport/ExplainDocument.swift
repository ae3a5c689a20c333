import WasmBenchModel

/// Builds the report document of an explain analysis: instructions per iteration on every runtime
/// with the ratio to the baseline (charted per workload in HTML), the instructions outside the
/// iterations, each workload's function profiles side by side, failures and notices.
struct ExplainDocument {
    let report: ExplainReport

    func build() -> ReportDocument {
        let machine = report.machine
        let introduction = ReportText(
            .styled("wasmbench \(report.toolVersion)", .strong),
            .text(
                " · started \(report.startedAt) · \(machine.cpuModel), \(machine.cores) cores · \(machine.os) "
                    + "\(machine.architecture) · "),
            .literal("baseline "), .code(report.baseline))
        let failures = report.failures.map { failure in
            let command: [ReportText.Span] = failure.command.map { [.lineBreak, .code($0)] } ?? []
            let text = ReportText(.code(failure.workload), .literal(" · "), .code(failure.runtime))
            return text + ReportText([.text(": \(failure.kind.rawValue): \(failure.message)")] + command)
        }
        let lists = [
            ("failures", "Failures", failures), ("notices", "Notices", report.notices.map { ReportText(.prose($0)) }),
        ]
        let sections =
            counts() + functions() + opcodes()
            + lists.filter { !$0.2.isEmpty }.map {
                ReportSection(.init(id: $0, title: .text($1)), [.list($2, style: .lines)])
            }
        return ReportDocument(
            title: "wasmbench explain · \(report.startedAt)", heading: "wasmbench explain",
            introduction: [.paragraph([introduction])], sections: sections)
    }

    /// Instructions per iteration (charted in HTML) and outside the iterations, if anything was counted.
    private func counts() -> [ReportSection] {
        let runtimes = countedRuntimes
        guard !runtimes.isEmpty else { return [] }
        var blocks: [ReportBlock] = [
            .paragraph([.text(method)], role: .note), .table(grid(perIterationRows, runtimes)),
        ]
        if report.instructions.contains(where: { $0.steady == false }) {
            blocks.append(.legend([ReportIndex.unsteadyLegend]))
        }
        blocks.append(.charts([.figures(ratioFigures(), grid: true)]))
        let outside: ReportText =
            "Start-up, compilation, instantiation and exit: the first run's count less its iterations × the cost of one."
        return [
            ReportSection(.init(id: "instructions", title: "Instructions per iteration"), blocks),
            ReportSection(
                .init(id: "outside", title: "Instructions outside the iterations"),
                [.paragraph([outside], role: .note), .table(grid(outsideRows, runtimes))]),
        ]
    }

    /// How the counts were made, for the line above the table.
    private var method: String {
        guard let first = report.instructions.first else { return "" }
        let counts = first.runs.map { String($0.iterations) }
        let list = counts.dropLast().joined(separator: ", ") + " and " + (counts.last ?? "")
        return "callgrind instruction counts of runs of \(list) iterations; one iteration = the last two runs' "
            + "difference over their iterations' (no start-up, compile or instantiation in it); ratio to \(report.baseline)"
    }

    /// A table of workloads × counted runtimes.
    private func grid(_ rows: [(workload: String, cells: [String])], _ runtimes: [String]) -> ReportTable {
        ReportTable(
            headers: ["workload"] + runtimes.map(ReportText.code), numeric: Set(1...runtimes.count),
            rows: rows.map { [.code($0.workload)] + $0.cells.map(ReportCell.plain) }, layout: .split)
    }

    /// One chart per workload (HTML draws them): each non-baseline runtime's instruction ratio.
    private func ratioFigures() -> [ReportFigure] {
        let runtimes = countedRuntimes.filter { $0 != report.baseline }
        return workloads.compactMap { workload in
            let bars = runtimes.enumerated().compactMap { position, runtime -> RatioChart.Bar? in
                guard let count = count(workload, runtime), let ratio = count.ratioToBaseline else { return nil }
                let hover =
                    "\(runtime) on \(workload): \(formatRatio(ratio)) the instructions of \(report.baseline)"
                    + (count.steady == false ? " (not steady)" : "")
                return RatioChart.Bar(
                    label: runtime, ratio: ratio, value: formatRatio(ratio), hover: hover, colour: position + 1)
            }
            let label = "instructions per iteration of \(workload), ratio to \(report.baseline)"
            let chart = RatioChart(bars: bars, label: label, axis: "instructions ÷ \(report.baseline)")
            return bars.isEmpty ? nil : ReportFigure(chart: .ratios(chart), caption: .code(workload))
        }
    }

    /// The function profiles of each workload side by side, under a heading each.
    private func functions() -> [ReportSection] {
        let tables = workloads.compactMap { workload -> (String, ReportTable)? in
            let mine = report.profiles.filter { $0.workload == workload }
            // The baseline's profile first.
            let profiles = mine.filter { $0.runtime == report.baseline } + mine.filter { $0.runtime != report.baseline }
            guard !profiles.isEmpty else { return nil }
            let sources = profiles.map { "\($0.runtime) (\($0.source == .callgrind ? "instructions" : "samples"))" }
            let rows = functionRows(profiles).map { [ReportCell.code($0.name)] + $0.cells.map(ReportCell.plain) }
            let headers = ["function"] + sources.map(ReportText.text)
            return (workload, ReportTable(headers: headers, numeric: Set(1...sources.count), rows: rows))
        }
        let blocks = tables.flatMap { [ReportBlock.heading(.code($0), level: 3), .table($1)] }
        let note = ReportBlock.paragraph(["Own share of each profile."], role: .note)
        return tables.isEmpty ? [] : [ReportSection(.init(id: "functions", title: "Functions"), [note] + blocks)]
    }
}
