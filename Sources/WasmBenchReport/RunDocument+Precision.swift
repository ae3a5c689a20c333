import WasmBenchModel

extension RunDocument {
    /// The precision the run asked of its execute ratios, how many reached it, and each one that
    /// did not with the half-width it reached, its processes and why no more ran, beside the
    /// machine's noise during the run.
    func precision() -> ReportSection? {
        guard let record = result.precision, !record.cells.isEmpty else { return nil }
        let goal = record.goal
        let missed = record.missed
        let reached = record.cells.count - missed.count
        var summary =
            "\(reached) of \(record.cells.count) execute ratios reached ±\(formatPercent(goal.target)) "
            + "(95% interval), asked within \(formatSetting(seconds: goal.timeBudgetSeconds)) and "
            + "\(goal.maxProcesses) processes a cell"
        if !missed.isEmpty { summary += "; missed:" }
        var blocks: [ReportBlock] = [.paragraph([.text(summary + (missed.isEmpty ? "." : ""))])]
        if !missed.isEmpty {
            let rows = missed.map { cell -> [ReportCell] in
                [
                    .code(cell.workload), .code(cell.runtime),
                    .plain(cell.halfWidth.map { "±" + formatPercent($0) } ?? "—"), .plain(String(cell.processes)),
                    .plain(cell.shortfall?.phrase ?? ""),
                ]
            }
            blocks.append(
                .table(
                    ReportTable(
                        headers: ["workload", "runtime", "reached", "processes", "why not"], numeric: [2, 3],
                        rows: rows, layout: .list)))
            if let noise = result.noise, let verdict = noise.verdict {
                blocks.append(
                    .paragraph(
                        [.text("The machine's noise during the run: \(verdict.rawValue), \(noise.reason ?? "").")],
                        role: .note))
            }
        }
        return ReportSection(
            .init(id: "precision", title: "Precision"), caption: "what each execute ratio's interval reached",
            blocks)
    }
}
