import WasmBenchModel

extension HTMLRenderer {
    /// The `execute` table: workloads × runtimes, median and ratio to the baseline, geomean row.
    func executeSection(_ index: ReportIndex) -> HTMLSection {
        let runtimes = index.runtimes(with: .execute)
        var body: HTML =
            "<p>Median time per iteration; ratio to \(code(index.baseline)) with its 95% confidence interval.</p>"
        guard !runtimes.isEmpty else {
            return HTMLSection(id: "execute", title: "Execute", body: body + "\n<p>No execute measurements.</p>")
        }
        var table = HTMLTable(
            headers: ["workload"] + runtimes.map { HTML(text: $0) }, numeric: Set(runtimes.indices.map { $0 + 1 }))
        let grid = index.executeGrid(runtimes: runtimes)
        for row in grid.rows {
            table.append(
                [code(row.workload)] + zip(row.cells, runtimes).map { executeCell($0, runtime: $1, index: index) })
        }
        if let means = grid.means {
            table.footer = ["geomean"] + means.map { mean in mean.map { geometricMeanCell($0, index: index) } ?? "" }
        }
        body += "\n" + table.render() + legend(grid.markers)
        return HTMLSection(id: "execute", title: "Execute", body: body)
    }

    /// One `execute` cell: median with its warning marker, then the ratio with its interval.
    private func executeCell(_ cell: ReportIndex.Cell, runtime: String, index: ReportIndex) -> HTML {
        guard case .value(let summary) = cell else { return text(of: cell) }
        let median = text(of: cell)
        if runtime == index.baseline { return median + "<br><span class=\"ratio\">baseline</span>" }
        guard let ratio = summary.ratioToBaseline else { return median }
        let text = formatRatio(ratio, low: summary.ratioCILow, high: summary.ratioCIHigh)
        return median + "<br><span class=\"ratio\">\(text)\(unfairMark(runtime, index: index))</span>"
    }

    /// A geometric mean with its interval, its `†`, and how many workloads it covers when not all.
    private func geometricMeanCell(_ mean: GeometricMean, index: ReportIndex) -> HTML {
        let value = formatRatio(mean.value, low: mean.ciLow, high: mean.ciHigh)
        let coverage = index.coverage(of: mean).map { "<br><small>\($0)</small>" as HTML } ?? ""
        return "\(value)\(unfairMark(mean.runtime, index: index))\(coverage)"
    }

    /// ` †` linking to the builds section when `runtime`'s ratios are not like for like.
    private func unfairMark(_ runtime: String, index: ReportIndex) -> HTML {
        index.isUnfair(runtime)
            ? " <a class=\"mark\" href=\"#builds\" title=\"not like for like: see Builds and fairness\">†</a>" : ""
    }

    /// The `phases` table: per runtime, a group of rows, one per workload, with the median of
    /// every phase but `execute`.
    func phasesSection(_ index: ReportIndex) -> HTMLSection {
        var body: HTML = "<p>Medians of every phase but execute, per runtime and workload.</p>"
        guard !index.measuredRuntimes.isEmpty else {
            return HTMLSection(id: "phases", title: "Phases", body: body + "\n<p>No measurements.</p>")
        }
        let columns = PhaseColumn.shown(for: index.measuredRuntimes.compactMap(index.runtime))
        var table = HTMLTable(
            headers: ["workload"] + columns.map { HTML(text: $0.title) }, numeric: Set(columns.indices.map { $0 + 1 }))
        var markers = ReportIndex.Markers()
        for runtime in index.measuredRuntimes {
            table.lines.append(.group(runtimeHeading(runtime, index: index)))
            for row in index.phaseRows(runtime: runtime, columns: columns, markers: &markers) {
                table.append([code(row.workload)] + row.cells.map(text))
            }
        }
        body += "\n" + table.render() + legend(markers)
        return HTMLSection(id: "phases", title: "Phases", body: body)
    }

    /// A runtime's id with its engine, version, kind and flags, and whether it is the baseline.
    private func runtimeHeading(_ id: String, index: ReportIndex) -> HTML {
        guard let info = index.runtime(id) else { return code(id) }
        var parts = [info.name == id ? info.version : "\(info.name) \(info.version)", info.kind.rawValue]
        if !info.flags.isEmpty { parts.append("flags " + info.flags.joined(separator: " ")) }
        if id == index.baseline { parts.append("baseline") }
        return "\(code(id)) <span class=\"muted\">· \(parts.joined(separator: " · "))</span>"
    }

    /// A cell's text: the median in its unit with a warning marker linking to the warnings,
    /// `—` (not exposed), `failed` or `no data`.
    private func text(of cell: ReportIndex.Cell) -> HTML {
        switch cell {
        case .value:
            let mark: HTML =
                cell.isWarned ? "<a class=\"mark\" href=\"#warnings\" title=\"see Warnings\">*</a>" : ""
            return "\(cell.text)\(mark)"
        case .notExposed: return "<span class=\"na\" title=\"not exposed by this runtime\">\(cell.text)</span>"
        case .failed: return "<a class=\"failed\" href=\"#failures\">\(cell.text)</a>"
        case .noData: return "<span class=\"na\">\(cell.text)</span>"
        }
    }

    /// What the markers used in a table mean.
    private func legend(_ markers: ReportIndex.Markers) -> HTML {
        var entries: [HTML] = []
        if markers.notExposed { entries.append("— = not exposed by this runtime") }
        if markers.warned { entries.append("* = see <a href=\"#warnings\">Warnings</a>") }
        if markers.failed { entries.append("failed = see <a href=\"#failures\">Failures</a>") }
        if markers.noData { entries.append("no data = nothing measured") }
        if markers.unfair { entries.append("† = not like for like, see <a href=\"#builds\">Builds and fairness</a>") }
        return entries.isEmpty ? "" : "\n<p class=\"legend\">\(HTML(joining: entries, separator: " · "))</p>"
    }

    /// Per workload and runtime: the first iteration against the steady state and the warm-up
    /// iterations left out of `execute`, then the warm-up curves.
    func warmUpSection(_ index: ReportIndex) -> HTMLSection? {
        let curves = warmUpCurves(index)
        guard index.hasWarmUpData || !curves.isEmpty else { return nil }
        var body: HTML = ""
        if index.hasWarmUpData {
            let runtimes = index.runtimes(with: .execute)
            var table = HTMLTable(headers: ["workload"] + runtimes.map { HTML(text: $0) })
            for workload in index.workloads {
                let cells = runtimes.map { runtime in
                    index.summary(workload: workload, runtime: runtime, phase: .execute).flatMap(ReportIndex.warmUpText)
                        ?? ""
                }
                if cells.allSatisfy(\.isEmpty) { continue }
                table.append([code(workload)] + cells.map { HTML(text: $0) })
            }
            let tolerance = formatPercent(index.result.configuration.steadyStateTolerance)
            body +=
                "<p>First iteration ÷ steady-state median; iterations left out as warm-up (median over processes); "
                + "processes whose iterations settled within ±\(tolerance) of their median.</p>\n" + table.render()
        }
        if !curves.isEmpty { body += (index.hasWarmUpData ? "\n" : "") + curves }
        return HTMLSection(id: "warm-up", title: "Warm-up", body: body)
    }

    /// How each interpreter was built, and whether its ratios to the baseline are like for like.
    func buildsSection(_ index: ReportIndex) -> HTMLSection? {
        let runtimes = index.interpreterRuntimes
        guard !runtimes.isEmpty else { return nil }
        var table = HTMLTable(
            headers: [
                "runtime", "implementation", "compiler", "flags", "features", "origin",
                "against \(code(index.baseline))",
            ])
        for info in runtimes {
            guard let build = info.build else { continue }
            let verdict: HTML =
                switch index.verdict(of: info) {
                case .baseline: "baseline"
                case .notLikeForLike(let problems):
                    "<strong>† not like for like:</strong> \(problems.joined(separator: "; "))"
                case .matchedPair: "matched pair: like for like"
                case .likeForLike: "like for like"
                }
            table.append([
                code(info.id), HTML(text: "\(build.implementation) \(build.version)"),
                HTML(text: build.compiler ?? "unknown"), build.flags.map(code) ?? "unknown",
                HTML(text: build.features.joined(separator: ", ")), HTML(text: build.origin), verdict,
            ])
        }
        let body: HTML =
            "<p>How each interpreter was built; † marks ratios that compare more than the host.</p>\n"
            + table.render()
        return HTMLSection(id: "builds", title: "Builds and fairness", body: body)
    }

    /// Every summary warning with its workload, runtime and phase.
    func warningsSection(_ index: ReportIndex) -> HTMLSection? {
        let warnings = index.warnings
        guard !warnings.isEmpty else { return nil }
        var table = HTMLTable(headers: ["workload", "runtime", "phase", "kind", "message"])
        for (summary, warning) in warnings {
            table.append([
                code(summary.workload), code(summary.runtime),
                HTML(text: ReportIndex.label(phase: summary.phase, metric: summary.metric)),
                HTML(text: warning.kind.rawValue), HTML(text: warning.message),
            ])
        }
        return HTMLSection(id: "warnings", title: "Warnings", body: table.render())
    }

    /// Every failed process with its command line.
    func failuresSection(_ index: ReportIndex) -> HTMLSection? {
        let failures = index.result.failures
        guard !failures.isEmpty else { return nil }
        var table = HTMLTable(headers: ["runtime", "workload", "process", "kind", "message", "command"])
        for failure in failures {
            table.append([
                code(failure.runtime), code(failure.workload), HTML(text: failure.process.map { "#\($0)" } ?? "all"),
                "<span class=\"failed\">\(failure.kind.rawValue)</span>", HTML(text: failure.message),
                failure.command.map(code) ?? "",
            ])
        }
        return HTMLSection(id: "failures", title: "Failures", body: table.render())
    }

    /// Runtimes that could not run here, with the reason.
    func notRunSection(_ index: ReportIndex) -> HTMLSection? {
        let runtimes = index.unavailableRuntimes
        guard !runtimes.isEmpty else { return nil }
        let items = runtimes.map {
            "<li>\(code($0.id)): \($0.unavailableReason ?? "no reason recorded")</li>\n" as HTML
        }
        return HTMLSection(id: "not-run", title: "Not run", body: "<ul>\n\(items)</ul>")
    }

    /// Things to know about the run as a whole.
    func noticesSection(_ index: ReportIndex) -> HTMLSection? {
        let notices = index.result.notices
        guard !notices.isEmpty else { return nil }
        let items = notices.map { "<li>\(prose($0))</li>\n" as HTML }
        return HTMLSection(id: "notices", title: "Notices", body: "<ul>\n\(items)</ul>")
    }
}
