import WasmBenchModel

extension MarkdownRenderer {
    /// The `execute` table: workloads × runtimes, median and ratio to the baseline, geomean row.
    func executeSection(_ index: ReportIndex) -> [String] {
        let runtimes = index.runtimes(with: .execute)
        var lines = [
            "## Execute", "",
            "Median time per iteration; ratio to \(codeSpan(index.baseline)) with its 95% confidence interval.",
        ]
        guard !runtimes.isEmpty else { return lines + ["", "No execute measurements."] }
        var table = MarkdownTable(
            headers: ["workload"] + runtimes, alignments: [.left] + runtimes.map { _ in .right })
        let grid = index.executeGrid(runtimes: runtimes)
        for row in grid.rows {
            let cells = zip(row.cells, runtimes).map { executeCell($0, runtime: $1, index: index) }
            table.append([codeSpan(row.workload)] + cells)
        }
        if let means = grid.means {
            let cells = means.map { mean in
                mean.map { mean in
                    let coverage = index.coverage(of: mean).map { " (\($0))" } ?? ""
                    let mark = index.isUnfair(mean.runtime) ? " †" : ""
                    return "**\(formatRatio(mean.value, low: mean.ciLow, high: mean.ciHigh))**\(mark)\(coverage)"
                } ?? ""
            }
            table.append(["**geomean**"] + cells)
        }
        lines += [""] + table.render()
        return lines + legend(grid.markers)
    }

    /// One `execute` cell: median, warning marker, ratio with its interval.
    private func executeCell(_ cell: ReportIndex.Cell, runtime: String, index: ReportIndex) -> String {
        guard case .value(let summary) = cell else { return text(of: cell) }
        let median = formatDuration(summary.median) + (summary.warnings.isEmpty ? "" : "\\*")
        if runtime == index.baseline { return median + " · baseline" }
        guard let ratio = summary.ratioToBaseline else { return median }
        let mark = index.isUnfair(runtime) ? " †" : ""
        return median + " · " + formatRatio(ratio, low: summary.ratioCILow, high: summary.ratioCIHigh) + mark
    }

    /// The `phases` table: per runtime × workload, the median of every phase but `execute`.
    func phasesSection(_ index: ReportIndex) -> [String] {
        var lines = ["## Phases", "", "Medians of every phase but execute, per runtime and workload."]
        guard !index.measuredRuntimes.isEmpty else { return lines + ["", "No measurements."] }
        let columns = PhaseColumn.shown(for: index.measuredRuntimes.compactMap(index.runtime))
        var table = MarkdownTable(
            headers: ["runtime", "workload"] + columns.map(\.title),
            alignments: [.left, .left] + columns.map { _ in .right })
        var markers = ReportIndex.Markers()
        for runtime in index.measuredRuntimes {
            for row in index.phaseRows(runtime: runtime, columns: columns, markers: &markers) {
                table.append([codeSpan(runtime), codeSpan(row.workload)] + row.cells.map(text))
            }
        }
        lines += [""] + table.render()
        return lines + legend(markers)
    }

    /// A cell's text: the median in its unit with a warning marker, `—`, `failed` or `no data`.
    private func text(of cell: ReportIndex.Cell) -> String {
        cell.text + (cell.isWarned ? "\\*" : "")
    }

    /// What the markers used in a table mean.
    private func legend(_ markers: ReportIndex.Markers) -> [String] {
        var entries: [String] = []
        if markers.notExposed { entries.append("— = not exposed by this runtime") }
        if markers.warned { entries.append("\\* = see [Warnings](#warnings)") }
        if markers.failed { entries.append("failed = see [Failures](#failures)") }
        if markers.noData { entries.append("no data = nothing measured") }
        if markers.unfair { entries.append("† = not like for like, see [Builds and fairness](#builds-and-fairness)") }
        return entries.isEmpty ? [] : ["", entries.joined(separator: " · ")]
    }

    /// Per workload and runtime: the first iteration against the steady state and the warm-up
    /// iterations left out of `execute`.
    func warmUpSection(_ index: ReportIndex) -> [String] {
        guard index.hasWarmUpData else { return [] }
        let runtimes = index.runtimes(with: .execute)
        var table = MarkdownTable(headers: ["workload"] + runtimes.map(codeSpan))
        for workload in index.workloads {
            let cells = runtimes.map { runtime in
                index.summary(workload: workload, runtime: runtime, phase: .execute).flatMap(ReportIndex.warmUpText)
                    ?? ""
            }
            if cells.allSatisfy(\.isEmpty) { continue }
            table.append([codeSpan(workload)] + cells)
        }
        return [
            "## Warm-up", "",
            "First iteration ÷ steady-state median; iterations left out as warm-up (median over processes); "
                + "processes whose iterations settled within ±\(formatPercent(index.result.configuration.steadyStateTolerance)) "
                + "of their median.",
            "",
        ] + table.render()
    }

    /// How each interpreter was built, and whether its ratios to the baseline are like for like.
    func buildsSection(_ index: ReportIndex) -> [String] {
        let runtimes = index.interpreterRuntimes
        guard !runtimes.isEmpty else { return [] }
        var table = MarkdownTable(
            headers: [
                "runtime", "implementation", "compiler", "flags", "features", "origin",
                "against \(codeSpan(index.baseline))",
            ])
        for info in runtimes {
            guard let build = info.build else { continue }
            let verdict =
                switch index.verdict(of: info) {
                case .baseline: "baseline"
                case .notLikeForLike(let problems): "† **not like for like:** " + problems.joined(separator: "; ")
                case .matchedPair: "matched pair: like for like"
                case .likeForLike: "like for like"
                }
            table.append([
                codeSpan(info.id), "\(build.implementation) \(build.version)", build.compiler ?? "unknown",
                build.flags.map(codeSpan) ?? "unknown", build.features.joined(separator: ", "), build.origin, verdict,
            ])
        }
        return [
            "## Builds and fairness", "",
            "How each interpreter was built; † marks ratios that compare more than the host.", "",
        ]
            + table.render()
    }

    /// Every summary warning with its workload, runtime and phase.
    func warningsSection(_ index: ReportIndex) -> [String] {
        let warnings = index.warnings
        guard !warnings.isEmpty else { return [] }
        var table = MarkdownTable(headers: ["workload", "runtime", "phase", "kind", "message"])
        for (summary, warning) in warnings {
            table.append([
                codeSpan(summary.workload), codeSpan(summary.runtime),
                ReportIndex.label(phase: summary.phase, metric: summary.metric), warning.kind.rawValue, warning.message,
            ])
        }
        return ["## Warnings", ""] + table.render()
    }

    /// Every failed process with its command line.
    func failuresSection(_ index: ReportIndex) -> [String] {
        let failures = index.result.failures
        guard !failures.isEmpty else { return [] }
        var table = MarkdownTable(headers: ["runtime", "workload", "process", "kind", "message", "command"])
        for failure in failures {
            table.append([
                codeSpan(failure.runtime), codeSpan(failure.workload), failure.process.map { "#\($0)" } ?? "all",
                failure.kind.rawValue, failure.message, failure.command.map(codeSpan) ?? "",
            ])
        }
        return ["## Failures", ""] + table.render()
    }

    /// Runtimes that could not run here, with the reason.
    func notRunSection(_ index: ReportIndex) -> [String] {
        let runtimes = index.unavailableRuntimes
        guard !runtimes.isEmpty else { return [] }
        return ["## Not run", ""]
            + runtimes.map { "- \(codeSpan($0.id)): \($0.unavailableReason ?? "no reason recorded")" }
    }

    /// Things to know about the run as a whole.
    func noticesSection(_ index: ReportIndex) -> [String] {
        let notices = index.result.notices
        guard !notices.isEmpty else { return [] }
        return ["## Notices", ""] + notices.map { "- " + $0 }
    }
}
