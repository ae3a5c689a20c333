import WasmBenchModel

extension RunDocument {
    /// Whether the run counted instructions (``Measure/instructions``) rather than timed.
    var counted: Bool { result.configuration.measure == .instructions }

    /// The estimator the `execute` table and charts show: the configured one, or for instruction
    /// counts (which repeat) the median.
    var estimator: Estimator { counted ? .median : result.configuration.estimator }

    /// The `execute` table: workloads × runtimes, median and ratio to the baseline, geomean row;
    /// in HTML then the ratio charts.
    func execute() -> ReportSection {
        let name = ReportSection.Name(id: "execute", title: "Execute")
        let what = counted ? "instructions per iteration (callgrind)" : estimator.perIteration
        let caption = "\(what); ratio to \(baseline)" + (counted ? "" : " [\(estimator.interval)]")
        let runtimes = index.runtimes(with: .execute, metric: metric)
        guard !runtimes.isEmpty else {
            return ReportSection(name, caption: caption, [.paragraph(["No execute measurements."])])
        }
        var marks = ReportIndex.Marks()
        let rows = index.workloads.map { workload -> [ReportCell] in
            let cells = runtimes.map { runtime -> ReportCell in
                let cell = index.cell(
                    workload: workload, runtime: runtime, phase: .execute, metric: metric, by: estimator)
                marks.note(cell)
                guard case .value(let summary, _) = cell, runtime != baseline,
                    let estimate = summary.ratioEstimate(estimator)
                else { return .compared(cell, nil, isBaseline: runtime == baseline) }
                return .compared(cell, ratio(estimate, of: runtime), isBaseline: false)
            }
            return [.code(workload)] + cells
        }
        marks.unfair = runtimes.contains(where: index.isUnfair)
        let columns = [ReportTable.Column(header: "workload")] + runtimes.map { .init(header: "\($0)", numeric: true) }
        var table = ReportTable(columns, rows: rows, layout: .wide)
        let means = runtimes.map { index.geometricMean(runtime: $0, phase: .execute) }
        if means.contains(where: { $0?.estimate(estimator) != nil }) {
            let all = index.workloads.count
            table.footer =
                [.plain(counted ? "geomean (instructions)" : "geomean")]
                + means.map { mean in
                    guard let mean, let estimate = mean.estimate(estimator) else { return .plain("") }
                    let covered = mean.workloads < all ? mean.workloads : nil
                    return .mean(ratio(estimate, of: mean.runtime), covered: covered, of: all)
                }
        }
        table.pinned = runtimes.firstIndex(of: baseline).map { $0 + 1 }
        return ReportSection(
            name, caption: caption, [.table(table)] + legend(marks) + (compact ? [] : ratioCharts()))
    }

    /// The `phases` table: per runtime a group of rows, one per workload, with the median of
    /// every phase but `execute`; none for an instruction count, which times no phase.
    func phases() -> ReportSection? {
        guard !counted else { return nil }
        let name = ReportSection.Name(id: "phases", title: "Phases")
        let caption = "medians of every phase but execute, per runtime"
        guard !index.measuredRuntimes.isEmpty else {
            return ReportSection(name, caption: caption, [.paragraph(["No measurements."])])
        }
        let exposed = index.measuredRuntimes.compactMap(index.runtime)
        // A column that would be `—` all the way down is left out.
        let columns = Self.phaseColumns.filter { column in exposed.contains { $0.exposedPhases.contains(column.phase) }
        }
        var marks = ReportIndex.Marks()
        let groups = index.measuredRuntimes.map { runtime in
            let rows = index.workloads.map { workload in
                let cells = columns.map { column -> ReportCell in
                    let cell = index.cell(
                        workload: workload, runtime: runtime, phase: column.phase, metric: column.metric)
                    marks.note(cell)
                    return .measure(cell)
                }
                return ReportTable.Row(cells: [.code(workload)] + cells)
            }
            let notes = index.runtime(runtime)?.notes ?? []
            return ReportTable.Group(heading: runtimeHeading(runtime), notes: notes, rows: rows)
        }
        let headers =
            [ReportTable.Column(header: "workload")] + columns.map { .init(header: "\($0.title)", numeric: true) }
        let table = ReportTable(headers, groups: groups, layout: .split)
        return ReportSection(name, caption: caption, [.table(table)] + legend(marks))
    }

    /// The phases table's columns, in the order phases happen; `execute` has its own table.
    static let phaseColumns: [(title: String, phase: Phase, metric: Metric)] = [
        ("parse", .parse, .time), ("compile", .compile, .time), ("aot-compile", .aotCompile, .time),
        ("artifact", .aotCompile, .artifactBytes), ("aot-load", .aotLoad, .time), ("instantiate", .instantiate, .time),
        ("startup", .startup, .time), ("import", .import, .time), ("wall", .wall, .time), ("cpu", .wall, .cpu),
        ("peak-rss", .wall, .peakRSS),
    ]

    /// A runtime's id with its engine, version, kind (unless it only repeats the id) and flags,
    /// and whether it is the baseline.
    private func runtimeHeading(_ id: String) -> ReportText {
        guard let info = index.runtime(id) else { return .code(id) }
        var parts = [info.name == id ? info.version : "\(info.name) \(info.version)"]
        if info.kind.rawValue != id { parts.append(info.kind.rawValue) }
        if !info.flags.isEmpty { parts.append("flags " + info.flags.joined(separator: " ")) }
        if id == baseline { parts.append("baseline") }
        return ReportText(.code(id), .text(" "), .styled("· " + parts.joined(separator: " · "), .muted))
    }

    /// What the marks used in a table mean.
    private func legend(_ marks: ReportIndex.Marks) -> [ReportBlock] {
        var entries: [ReportText] = []
        if marks.notExposed { entries.append("— = not exposed by this runtime") }
        if marks.warned { entries.append(ReportText(.symbol("*"), .literal(" = see "), .see(Self.warnings))) }
        if marks.unsteady { entries.append(ReportIndex.unsteadyLegend) }
        if marks.failed { entries.append(ReportText(.literal("failed = see "), .see(Self.failures))) }
        if marks.noData { entries.append("no data = nothing measured") }
        if marks.unfair { entries.append(ReportText(.literal("† = not like for like, see "), .see(Self.builds))) }
        return entries.isEmpty ? [] : [.legend(entries)]
    }

    /// Per workload and runtime: the first iteration against the steady state and the warm-up
    /// iterations left out of `execute`; in HTML then the warm-up curves.
    func warmUp() -> ReportSection? {
        let curves = compact ? [] : warmUpCurves()
        let hasWarmUpData = result.summaries.contains { $0.phase == .execute && $0.firstIteration != nil }
        guard hasWarmUpData || !curves.isEmpty else { return nil }
        var blocks: [ReportBlock] = []
        if hasWarmUpData {
            let runtimes = index.runtimes(with: .execute)
            let rows = index.workloads.compactMap { workload -> [ReportCell]? in
                let cells = runtimes.map { runtime in
                    index.summary(workload: workload, runtime: runtime, phase: .execute).flatMap(ReportIndex.warmUpText)
                }
                return cells.allSatisfy { $0 == nil } ? nil : [.code(workload)] + cells.map { .plain($0 ?? "") }
            }
            let headers = runtimes.map(ReportText.code)
            blocks.append(.table(ReportTable(headers: ["workload"] + headers, rows: rows, layout: .wide)))
        }
        let tolerance = formatPercent(result.configuration.steadyStateTolerance)
        let caption =
            "first iteration ÷ steady-state median; iterations left out as warm-up (median over processes); "
            + "processes whose iterations settled within ±\(tolerance) of their median"
        return ReportSection(.init(id: "warm-up", title: "Warm-up"), caption: caption, blocks + curves)
    }

    /// How each interpreter was built, and whether its ratios to the baseline are like for like.
    func builds() -> ReportSection? {
        let builds = result.runtimes.compactMap { info in info.build.map { (info, $0) } }
        guard !builds.isEmpty else { return nil }
        let rows = builds.map { info, build -> [ReportCell] in
            [.code(info.id), .plain(build.summary + " · " + build.origin), .text(verdict(info))]
        }
        let columns = [
            ReportTable.Column(header: "runtime"), .init(header: "build", wraps: true),
            .init(header: ReportText(.literal("against "), .code(baseline))),
        ]
        let caption = "how each interpreter was built; † marks ratios that compare more than the host"
        return ReportSection(Self.builds, caption: caption, [.table(ReportTable(columns, rows: rows, layout: .list))])
    }

    /// Whether a runtime's ratios to the baseline are like for like, and if not why.
    private func verdict(_ info: RuntimeInfo) -> ReportText {
        if info.id == baseline { return .styled("baseline", .muted) }
        guard let problems = index.fairnessProblems(of: info.id), !problems.isEmpty else {
            return info.build?.matchedPair != nil ? "matched pair: like for like" : "like for like"
        }
        return ReportText(.styled("† not like for like:", .strong), .text(" " + problems.joined(separator: "; ")))
    }
}
