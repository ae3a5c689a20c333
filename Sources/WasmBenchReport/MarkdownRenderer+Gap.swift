import WasmBenchModel

extension MarkdownRenderer {
    /// Renders a gap analysis as GitHub-flavoured Markdown ending in a newline, with the content
    /// of ``TerminalRenderer/render(_:)-(GapReport)``.
    public func render(_ report: GapReport) -> String {
        var blocks: [[String]] = [
            [
                "# wasmbench explain", "",
                "wasmbench \(report.toolVersion) · started \(report.startedAt) · \(report.machine.cpuModel), \(report.machine.cores) cores",
            ]
        ]
        let runtimes = GapText.countedRuntimes(report)
        if !runtimes.isEmpty {
            blocks.append(
                ["## Instructions per iteration", "", GapText.method(report), ""]
                    + grid(GapText.perIterationRows(report), runtimes: runtimes)
                    + (GapText.steadinessLegend(report).map { ["", $0] } ?? []))
            blocks.append(
                [
                    "## Instructions outside the iterations", "",
                    "Start-up, compilation, instantiation and exit: the first run's count less its iterations × the cost of one.",
                    "",
                ] + grid(GapText.outsideRows(report), runtimes: runtimes))
        }
        for workload in GapText.workloads(report) {
            let profiles = GapText.profiles(report, workload: workload)
            guard !profiles.isEmpty else { continue }
            var table = MarkdownTable(
                headers: ["function"] + profiles.map(GapText.profileHeading),
                alignments: [.left] + profiles.map { _ in .right })
            for row in GapText.functionRows(profiles) { table.append([codeSpan(row.name)] + row.cells) }
            blocks.append(
                ["## Functions of \(codeSpan(workload))", "", "Own share of each profile.", ""] + table.render())
        }
        if !report.failures.isEmpty {
            blocks.append(
                ["## Failures", ""]
                    + report.failures.map {
                        "- \(codeSpan($0.workload)) · \(codeSpan($0.runtime)): \($0.kind.rawValue): \($0.message)"
                    })
        }
        if !report.notices.isEmpty { blocks.append(["## Notices", ""] + report.notices.map { "- " + $0 }) }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private func grid(_ rows: [(workload: String, cells: [String])], runtimes: [String]) -> [String] {
        var table = MarkdownTable(
            headers: ["workload"] + runtimes.map(codeSpan), alignments: [.left] + runtimes.map { _ in .right })
        for row in rows { table.append([codeSpan(row.workload)] + row.cells) }
        return table.render()
    }
}
