import WasmBenchCharts
import WasmBenchModel

extension RunDocument {
    /// How each phase grows with size: per swept workload × runtime × phase the fitted fixed and
    /// per-unit cost with their intervals, and each runtime's module phases against the module's
    /// bytes; a table for every format, a chart per workload × phase for HTML. None when the run
    /// has no size fit.
    func sizes() -> ReportSection? {
        guard !result.sizeFits.isEmpty else { return nil }
        var blocks: [ReportBlock] = []
        let axes: [(SizeFit.Axis, ReportText)] = [
            (.parameter, "Against the problem size (--param)"), (.moduleBytes, "Against the module's size"),
        ]
        for (axis, heading) in axes {
            let fits = result.sizeFits.filter { $0.axis == axis }
            if !fits.isEmpty { blocks += [.heading(heading, level: 3), .table(Self.fitTable(fits))] + fitCharts(fits) }
        }
        let sentences = [
            "Each size's estimate is the run's (\(result.configuration.estimator.perIteration)); the line through",
            "them is fitted by ordinary least squares, fixed + per unit × size, with 95% t intervals for both",
            "(n − 2 degrees of freedom, so three sizes give wide ones; fewer than three sizes give no line).",
            "R² near 1 means the cost grows in proportion to the size; a low R² means it does not grow linearly",
            "(fib's calls grow exponentially with n): read the points then, not the line. Module sizes are",
            "fitted for the phases that read the module when the run's modules span a factor of two or more.",
        ]
        blocks.append(.paragraph([ReportText(.literal(sentences.joined(separator: " ")))], role: .note))
        return ReportSection(
            .init(id: "sizes", title: "Size and complexity"),
            caption: "how each phase grows with the input's and the module's size", blocks)
    }

    /// One row per fit of one axis: the workload (or for module sizes the number of workloads),
    /// runtime, phase, the points, fixed cost, per-unit cost and R².
    static func fitTable(_ fits: [SizeFit]) -> ReportTable {
        let modules = fits.first?.axis == .moduleBytes
        let headers: [ReportText] = [
            modules ? "workloads" : "workload", "runtime", "phase", "sizes", "fixed [95% CI]", "per unit [95% CI]",
            "R²",
        ]
        let rows = fits.map { fit -> [ReportCell] in
            let points = fit.points.map {
                "\(size($0.size, fit)) → \(ReportIndex.format($0.estimate.value, unit: fit.unit))"
            }
            return [
                .code(modules ? "\(fit.points.count)" : fit.workload ?? ""), .code(fit.runtime),
                .plain(ReportIndex.label(phase: fit.phase, metric: fit.metric)), .plain(points.joined(separator: ", ")),
                .plain(fit.intercept.map { ReportIndex.format($0, unit: fit.unit) } ?? "—"),
                .plain(fit.slope.map { perUnit($0, fit) } ?? "—"),
                .plain(fit.rSquared.map(formatSignificant) ?? "—"),
            ]
        }
        return ReportTable(headers: headers, numeric: [4, 5, 6], rows: rows)
    }

    /// A chart per workload (or module axis) × phase × metric, a series per runtime.
    func fitCharts(_ fits: [SizeFit]) -> [ReportBlock] {
        let colour = { (fit: SizeFit) in (index.measuredRuntimes.firstIndex(of: fit.runtime) ?? 0) + 1 }
        let key = { (fit: SizeFit) in [fit.workload ?? "", fit.phase.rawValue, fit.metric.rawValue] }
        let groups = ReportIndex.ordered(fits.map(key)).map { group in fits.filter { key($0) == group } }
        let figures = groups.map { group -> ReportFigure in
            let first = group[0]
            let series = group.map { fit in
                PointChart.Series(
                    points: fit.points.map { point in
                        PointChart.Series.Point(
                            size: point.size, value: point.estimate.value, low: point.estimate.ciLow,
                            high: point.estimate.ciHigh,
                            hover:
                                "\(point.workload) on \(fit.runtime): \(ReportIndex.format(point.estimate.value, unit: fit.unit))"
                        )
                    },
                    line: fit.intercept.flatMap { a in fit.slope.map { (a.value, $0.value) } },
                    colour: colour(fit), label: fit.runtime)
            }
            let what =
                "\(ReportIndex.label(phase: first.phase, metric: first.metric)) of \(first.workload ?? "every workload")"
            let across = PointChart.Across.sizes(
                name: first.axis == .moduleBytes ? "module size" : first.sizeName,
                unit: first.axis == .moduleBytes ? .bytes : nil)
            let chart = PointChart(
                label: "\(what) against \(first.sizeName)", across: across, unit: first.unit, series: series)
            let keys = group.flatMap { fit -> [ReportText.Span] in
                [.text(" "), .swatch(colour(fit)), .text(" \(fit.runtime)")]
            }
            return ReportFigure(chart: .points(chart), caption: ReportText([.text(what + ":")] + keys))
        }
        return [
            .charts([
                .paragraph([
                    "Points: each size's estimate with its interval; the line: the fitted line, in the runtime's colour."
                ]),
                .figures(figures, grid: true),
            ])
        ]
    }

    /// A size as the table shows it: `n=24`, or a module's bytes.
    private static func size(_ size: Double, _ fit: SizeFit) -> String {
        fit.axis == .moduleBytes
            ? formatBytes(size)
            : "\(fit.sizeName)=\(size == size.rounded() && abs(size) < 1e15 ? String(Int(size)) : formatCount(size))"
    }

    /// The slope per unit of the size: per KiB of module, or per 1 of the parameter.
    private static func perUnit(_ slope: EstimatedValue, _ fit: SizeFit) -> String {
        guard fit.axis == .moduleBytes else {
            return ReportIndex.format(slope, unit: fit.unit) + " per \(fit.sizeName)"
        }
        let scaled = EstimatedValue(
            value: slope.value * 1024, ciLow: slope.ciLow.map { $0 * 1024 }, ciHigh: slope.ciHigh.map { $0 * 1024 })
        return ReportIndex.format(scaled, unit: fit.unit) + " per KiB"
    }
}
