import WasmBenchCharts
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
        let lists = ReportSection.lists(
            [
                ("failures", "Failures", failures),
                ("notices", "Notices", report.notices.map { ReportText(.prose($0)) }),
            ],
            style: .lines)
        return ReportDocument(
            title: "wasmbench explain · \(report.startedAt)", heading: "wasmbench explain",
            introduction: [.paragraph([introduction])],
            sections: counts() + functions() + flamegraphs() + opcodes() + lists)
    }

    /// The runtimes with counts or failed counts, the baseline first, then in the report's runtime order.
    private var countedRuntimes: [String] {
        let callgrindFailures = report.failures.filter {
            $0.kind != .unsupported && !$0.message.hasPrefix(OpcodeProfile.failurePrefix)
        }
        let counted = Set(report.instructions.map(\.runtime) + callgrindFailures.map(\.runtime))
        let ordered = report.runtimes.map(\.id).filter(counted.contains)
        return ordered.filter { $0 == report.baseline } + ordered.filter { $0 != report.baseline }
    }

    /// The workloads with counts or profiles, in the report's order.
    private var workloads: [String] {
        let seen = Set(report.instructions.map(\.workload) + report.profiles.map(\.workload))
        return report.workloads.map(\.id).filter(seen.contains)
    }

    /// The count of one workload × runtime, if any.
    private func count(_ workload: String, _ runtime: String) -> InstructionCount? {
        report.instructions.first { $0.workload == workload && $0.runtime == runtime }
    }

    /// Instructions per iteration (charted in HTML) and outside the iterations, if anything was counted.
    private func counts() -> [ReportSection] {
        let runtimes = countedRuntimes
        guard !runtimes.isEmpty else { return [] }
        // Instructions per iteration and the ratio to the baseline, `~` after a count that is not steady.
        let perIteration = grid(runtimes) { count in
            let value = formatCount(count.perIteration) + (count.steady == false ? "~" : " ")
            return count.runtime == report.baseline
                ? "\(value) baseline" : "\(value) \(count.ratioToBaseline.map { formatRatio($0) } ?? "")"
        }
        var blocks: [ReportBlock] = [.paragraph([.text(method)], role: .note), .table(perIteration)]
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
                [.paragraph([outside], role: .note), .table(grid(runtimes) { formatCount($0.outside) })]),
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

    /// A table of the counted workloads × `runtimes`: a count's `text`, `failed` where the cell
    /// failed, `—` where it was not counted.
    private func grid(_ runtimes: [String], _ text: (InstructionCount) -> String) -> ReportTable {
        let counted = workloads.filter { workload in report.instructions.contains { $0.workload == workload } }
        let rows = counted.map { workload in
            [ReportCell.code(workload)]
                + runtimes.map { runtime -> ReportCell in
                    let failed = report.failures.contains { $0.workload == workload && $0.runtime == runtime }
                    return .plain(count(workload, runtime).map(text) ?? (failed ? "failed" : "—"))
                }
        }
        return ReportTable(
            headers: ["workload"] + runtimes.map(ReportText.code), numeric: Set(1...runtimes.count), rows: rows,
            layout: .split)
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
            let headers = ["function"] + sources.map(ReportText.text)
            let table = ReportTable(headers: headers, numeric: Set(1...sources.count), rows: functionRows(profiles))
            return (workload, table)
        }
        let blocks = tables.flatMap { [ReportBlock.heading(.code($0), level: 3), .table($1)] }
        let note = ReportBlock.paragraph(["Own share of each profile."], role: .note)
        return tables.isEmpty ? [] : [ReportSection(.init(id: "functions", title: "Functions"), [note] + blocks)]
    }

    /// The functions of a workload's profiles side by side: every function in some profile's
    /// top `limit` with at least 0.1%, by its largest share, with one share cell per profile
    /// (`—` where a profile does not list it).
    private func functionRows(_ profiles: [FunctionProfile], limit: Int = 12) -> [[ReportCell]] {
        // Functions under 0.1% of every profile would only show as 0%.
        let shown = profiles.flatMap { $0.functions.prefix(limit).filter { $0.share >= 0.001 } }
        let best = Dictionary(shown.map { ($0.name, $0.share) }, uniquingKeysWith: max)
        let names = best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        return names.prefix(limit).map { name in
            [ReportCell.code(name)]
                + profiles.map { profile -> ReportCell in
                    .plain(profile.functions.first { $0.name == name }.map { formatPercent($0.share) } ?? "—")
                }
        }
    }
}
