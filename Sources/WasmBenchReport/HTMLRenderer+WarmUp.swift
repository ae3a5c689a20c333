import WasmBenchModel

extension HTMLRenderer {
    /// One warm-up curve's data: the per-iteration `execute` times of a workload × runtime.
    struct WarmUpSeries {
        /// The workload id.
        var workload: String
        /// The runtime id.
        var runtime: String
        /// The rows, each with an iteration index, in the result's order.
        var rows: [Row]

        /// The rows of each process, by process and then iteration.
        var processes: [(process: Int, rows: [Row])] {
            let numbers = Set(rows.map(\.process)).sorted()
            return numbers.map { number in
                (number, rows.filter { $0.process == number }.sorted { ($0.iteration ?? 0) < ($1.iteration ?? 0) })
            }
        }
    }

    /// Where a warm-up chart's parts go.
    private enum WarmUpLayout {
        static let width = 340.0
        static let height = 210.0
        static let left = 64.0
        static let right = 12.0
        static let top = 12.0
        static let bottom = 40.0
        static let inset = 8.0
    }

    /// Every workload × runtime whose rows hold `execute` times of two iterations or more, in
    /// the report's workload and runtime order.
    func warmUpSeries(_ index: ReportIndex) -> [WarmUpSeries] {
        var series: [WarmUpSeries] = []
        for row in index.result.rows
        where row.phase == .execute && row.metric == .time && row.iteration != nil && row.value.isFinite
            && row.process >= 0
        {
            if let position = series.firstIndex(where: { $0.workload == row.workload && $0.runtime == row.runtime }) {
                series[position].rows.append(row)
            } else {
                series.append(WarmUpSeries(workload: row.workload, runtime: row.runtime, rows: [row]))
            }
        }
        let workloads = index.workloads
        let runtimes = index.measuredRuntimes
        func rank(_ id: String, in ids: [String]) -> Int { ids.firstIndex(of: id) ?? ids.count }
        return series.filter { Set($0.rows.compactMap(\.iteration)).count >= 2 }
            .enumerated()
            .sorted { a, b in
                let left = (rank(a.element.workload, in: workloads), rank(a.element.runtime, in: runtimes), a.offset)
                let right = (rank(b.element.workload, in: workloads), rank(b.element.runtime, in: runtimes), b.offset)
                return left < right
            }
            .map(\.element)
    }

    /// The warm-up curves, grouped by workload, with one legend for all; nothing when no rows
    /// have per-iteration times.
    func warmUpCurves(_ index: ReportIndex) -> HTML {
        let series = warmUpSeries(index)
        guard !series.isEmpty else { return "" }
        let processes = (series.flatMap { $0.rows.map(\.process) }.max() ?? -1) + 1
        let keys = (0..<processes).map { "<span style=\"color:\(Self.colour($0))\">●</span> #\($0)" as HTML }
        var html: HTML =
            "<h3>Warm-up curves</h3>\n<p>Time of each iteration, one line per process: "
            + "\(HTML(joining: keys, separator: " ")). ○ = warm-up iteration (configured); "
            + "shaded = iterations left out as warm-up (median over processes); dashed = steady-state median.</p>\n"
        var workload: String?
        for entry in series {
            if entry.workload != workload {
                if workload != nil { html += "</div>\n" }
                html += "<h4>\(code(entry.workload))</h4>\n<div class=\"charts\">\n"
                workload = entry.workload
            }
            let summary = index.summary(workload: entry.workload, runtime: entry.runtime, phase: .execute)
            let caption = summary.flatMap(ReportIndex.warmUpText).map { " — \($0)" } ?? ""
            html +=
                "<figure>\n\(warmUpChart(entry, summary: summary))\n"
                + "<figcaption>\(code(entry.runtime))\(caption)</figcaption>\n</figure>\n"
        }
        return html + "</div>"
    }

    /// A line chart of iteration index against time for one series: the iterations left out as
    /// warm-up shaded, the steady-state median dashed, a line per process.
    private func warmUpChart(_ series: WarmUpSeries, summary: Summary?) -> HTML {
        typealias Layout = WarmUpLayout
        let (left, top) = (Layout.left, Layout.top)
        let (right, bottom) = (Layout.width - Layout.right, Layout.height - Layout.bottom)
        let iterations = series.rows.compactMap(\.iteration).max() ?? 1
        // Points keep a few pixels off the plot's edges.
        let x = LinearScale(
            upTo: Double(max(iterations, 1)), ticks: 8, minimumStep: 1, from: left + Layout.inset,
            to: right - Layout.inset)
        let y = LinearScale(
            upTo: max(series.rows.map(\.value).max() ?? 0, summary?.median ?? 0), ticks: 4, from: bottom, to: top)
        var svg = SVG.start(
            class: "chart warm-up", width: Layout.width, height: Layout.height,
            label: "time per iteration of \(series.workload) on \(series.runtime)")
        if let leftOut = summary?.warmupIterations, leftOut > 0 {
            let edge = min(max(x.position(Double(leftOut) - 0.5), left), right)
            svg +=
                SVG.rect(
                    "warm-up-band", x: left, y: top, width: edge - left, height: bottom - top,
                    hover: "\(leftOut) iterations left out as warm-up (median over processes)") + "\n"
        }
        for tick in y.ticks {
            let level = y.position(tick)
            svg +=
                SVG.line("grid", from: (left, level), to: (right, level))
                + SVG.text("tick", x: left - 6, y: level + 4, anchor: .end, formatDuration(tick)) + "\n"
        }
        for tick in x.ticks {
            svg += SVG.text("tick", x: x.position(tick), y: bottom + 14, anchor: .middle, String(Int(tick)))
        }
        svg +=
            "\n" + SVG.line("axis", from: (left, bottom), to: (right, bottom))
            + SVG.text("axis-title", x: (left + right) / 2, y: bottom + 32, anchor: .middle, "iteration") + "\n"
        if let summary {
            let level = y.position(summary.median)
            svg +=
                SVG.line(
                    "median", from: (left, level), to: (right, level),
                    hover: "steady-state median \(formatDuration(summary.median))") + "\n"
        }
        for (process, rows) in series.processes {
            svg += processCurve(process: process, rows: rows, x: x, y: y)
        }
        return svg + "</svg>"
    }

    /// One process's line and points; warm-up iterations are hollow points.
    private func processCurve(process: Int, rows: [Row], x: LinearScale, y: LinearScale) -> HTML {
        let colour = Self.colour(process)
        let points = rows.map { (x: x.position(Double($0.iteration ?? 0)), y: y.position($0.value)) }
        var curve = SVG.polyline("curve", points: points, stroke: colour) + "\n"
        for (row, point) in zip(rows, points) {
            let hover =
                "process #\(process), iteration \(row.iteration ?? 0): \(formatDuration(row.value))"
                + (row.warmup ? " (warm-up)" : "")
            curve += SVG.circle(
                row.warmup ? "point warm-up-point" : "point", x: point.x, y: point.y, radius: 3,
                fill: row.warmup ? "#ffffff" : colour, stroke: colour, hover: hover)
        }
        return curve + "\n"
    }
}
