import WasmBenchModel

extension TerminalRenderer {
    /// Renders a gap analysis as text ending in a newline: instructions per iteration on every
    /// runtime with the ratio to the baseline, the instructions outside the iterations, each
    /// workload's function profiles side by side, failures and notices.
    public func render(_ report: GapReport) -> String {
        var blocks: [[String]] = [
            [
                palette.bold("wasmbench explain \(report.toolVersion)") + " · started \(report.startedAt)",
                "\(report.machine.cpuModel), \(report.machine.cores) cores · \(report.machine.os) \(report.machine.architecture)",
            ]
        ]
        let runtimes = GapText.countedRuntimes(report)
        if !runtimes.isEmpty {
            blocks.append(
                [title("instructions per iteration"), palette.dim(GapText.method(report)), ""]
                    + grid(GapText.perIterationRows(report), runtimes: runtimes)
                    + (GapText.steadinessLegend(report).map { ["", palette.dim($0)] } ?? []))
            blocks.append(
                [
                    title("instructions outside the iterations"),
                    palette.dim(
                        "start-up, compilation, instantiation and exit: the first run's count less its iterations × the cost of one"
                    ),
                    "",
                ] + grid(GapText.outsideRows(report), runtimes: runtimes))
        }
        for workload in GapText.workloads(report) {
            let profiles = GapText.profiles(report, workload: workload)
            guard !profiles.isEmpty else { continue }
            var table = TextTable(
                columns: [.init(header: "function")]
                    + profiles.map { .init(header: GapText.profileHeading($0), alignment: .right) })
            table.styleHeader = palette.bold
            for row in GapText.functionRows(profiles) { table.append([row.name] + row.cells) }
            blocks.append([title("functions of \(workload) — own share of each profile"), ""] + table.render())
        }
        if !report.failures.isEmpty {
            blocks.append(
                [title("failures")]
                    + report.failures.map { "  \($0.workload) · \($0.runtime): \($0.kind.rawValue): \($0.message)" })
        }
        if !report.notices.isEmpty { blocks.append([title("notices")] + report.notices.map { "  " + $0 }) }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private func grid(_ rows: [(workload: String, cells: [String])], runtimes: [String]) -> [String] {
        var table = TextTable(
            columns: [.init(header: "workload")] + runtimes.map { .init(header: $0, alignment: .right) })
        table.styleHeader = palette.bold
        for row in rows { table.append([row.workload] + row.cells) }
        return table.split(maxWidth: width, leading: 1).flatMap { $0.render() + [""] }.dropLast()
    }
}
