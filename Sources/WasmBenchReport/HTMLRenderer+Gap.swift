import WasmBenchModel

extension HTMLRenderer {
    /// Renders a gap analysis as one self-contained HTML document ending in a newline, with the
    /// content of ``TerminalRenderer/render(_:)-(GapReport)`` and, per workload, a chart of each
    /// runtime's instructions per iteration as a ratio to the baseline's (log scale, 1× marked).
    public func render(_ report: GapReport) -> String {
        var sections: [HTMLSection] = []
        let runtimes = GapText.countedRuntimes(report)
        if !runtimes.isEmpty {
            var body: HTML = "<p class=\"muted\">\(GapText.method(report))</p>\n"
            body += grid(GapText.perIterationRows(report), runtimes: runtimes)
            if let legend = GapText.steadinessLegend(report) { body += "\n<p class=\"legend\">\(legend)</p>" }
            body += "\n" + ratioCharts(report)
            sections.append(HTMLSection(id: "instructions", title: "Instructions per iteration", body: body))
            sections.append(
                HTMLSection(
                    id: "outside", title: "Instructions outside the iterations",
                    body: "<p class=\"muted\">Start-up, compilation, instantiation and exit: the first run's count "
                        + "less its iterations × the cost of one.</p>\n"
                        + grid(GapText.outsideRows(report), runtimes: runtimes)))
        }
        var profiles: HTML = ""
        for workload in GapText.workloads(report) {
            let list = GapText.profiles(report, workload: workload)
            guard !list.isEmpty else { continue }
            var table = HTMLTable(
                headers: ["function"] + list.map { HTML(text: GapText.profileHeading($0)) },
                numeric: Set(1...list.count))
            for row in GapText.functionRows(list) { table.append([code(row.name)] + row.cells.map { HTML(text: $0) }) }
            profiles += "<h3>\(code(workload))</h3>\n\(table.render())\n"
        }
        if !profiles.markup.isEmpty {
            sections.append(
                HTMLSection(
                    id: "functions", title: "Functions",
                    body: "<p class=\"muted\">Own share of each profile.</p>\n" + profiles))
        }
        let failures = report.failures.map { failure -> HTML in
            "<li>\(code(failure.workload)) · \(code(failure.runtime)): \(failure.kind.rawValue): \(failure.message)"
                + (failure.command.map { "<br><code>\($0)</code>" as HTML } ?? "") + "</li>\n"
        }
        if !failures.isEmpty {
            sections.append(HTMLSection(id: "failures", title: "Failures", body: "<ul>\n\(failures)</ul>"))
        }
        if !report.notices.isEmpty {
            sections.append(
                HTMLSection(
                    id: "notices", title: "Notices",
                    body: "<ul>\n\(report.notices.map { "<li>\(prose($0))</li>\n" as HTML })</ul>"))
        }
        let introduction: HTML =
            "<p>wasmbench \(report.toolVersion) · started \(report.startedAt) · \(report.machine.cpuModel), "
            + "\(report.machine.cores) cores · baseline \(code(report.baseline))</p>\n"
        return page(
            title: "wasmbench explain · \(report.startedAt)", heading: "wasmbench explain", introduction: introduction,
            sections: sections
        ).markup
    }

    private func grid(_ rows: [(workload: String, cells: [String])], runtimes: [String]) -> HTML {
        var table = HTMLTable(headers: ["workload"] + runtimes.map(code), numeric: Set(1...runtimes.count))
        for row in rows { table.append([code(row.workload)] + row.cells.map { HTML(text: $0) }) }
        return table.render()
    }

    /// One chart per workload: each non-baseline runtime's instruction ratio, on one shared scale.
    private func ratioCharts(_ report: GapReport) -> HTML {
        let runtimes = GapText.countedRuntimes(report).filter { $0 != report.baseline }
        let charts = GapText.workloads(report).compactMap { workload -> (String, [RatioBar])? in
            let bars = runtimes.enumerated().compactMap { position, runtime -> RatioBar? in
                guard
                    let count = report.instructions.first(where: { $0.workload == workload && $0.runtime == runtime }),
                    let ratio = count.ratioToBaseline
                else { return nil }
                let steadiness = count.steady == false ? " (not steady)" : ""
                return RatioBar(
                    label: runtime, unfair: false, ratio: ratio, low: nil, high: nil, value: formatRatio(ratio),
                    hover: "\(runtime) on \(workload): \(formatRatio(ratio)) the instructions of \(report.baseline)"
                        + steadiness, colour: Self.colour(position + 1))
            }
            return bars.isEmpty ? nil : (workload, bars)
        }
        guard !charts.isEmpty else { return "" }
        let layout = RatioLayout(bars: charts.flatMap(\.1))
        let figures = charts.map { workload, bars -> HTML in
            let chart = ratioChart(
                bars, layout: layout, label: "instructions per iteration of \(workload), ratio to \(report.baseline)",
                axis: "instructions ÷ \(report.baseline)")
            return "<figure>\n\(chart)\n<figcaption>\(code(workload))</figcaption>\n</figure>"
        }
        return "<div class=\"charts\">\n\(HTML(joining: figures, separator: "\n"))\n</div>"
    }
}
