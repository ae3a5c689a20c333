import WasmBenchFlamegraph
import WasmBenchModel

extension ExplainDocument {
    /// Each workload's flamegraphs (``FlamegraphSet``): drawn in HTML, named as files by the other
    /// formats when `--flamegraph` wrote them, and why a side is missing when it is.
    func flamegraphs() -> [ReportSection] {
        let set = FlamegraphSet(report)
        guard !set.workloads.isEmpty else { return [] }
        let method: ReportText =
            "Native stacks are reconstructed from callgrind's call graph (instructions): each function's cost "
            + "reaching it is split over its own instructions and its calls in proportion to their totals "
            + "(gprof's proportional attribution, Graham, Kessler & McKusick 1982), recursion is not expanded "
            + "again and calls under 0.1% of the total stay with their caller, so the native stacks are an "
            + "approximation. Wasm stacks are the samples of wasmtime's guest profiler. Both runs include "
            + "start-up. The differential flamegraph has the Wasm profile's shape, each frame red when its "
            + "function's inclusive share is larger than native, blue when smaller, grey when native has no such "
            + "function (matched by name; shares of instructions against shares of samples, the Wasm stacks' "
            + "recursion folded as the reconstruction folds it)."
        var blocks: [ReportBlock] = [.paragraph([method], role: .note)]
        for workload in set.workloads {
            blocks.append(.heading(.code(workload.workload), level: 3))
            let sides = [workload.native, workload.wasm].compactMap { $0 }.map { side -> ReportText in
                let count = side.profile.stacks.stacks.count
                return .code(side.runtime) + " (\(count) distinct stack\(count == 1 ? "" : "s"))"
            }
            if !sides.isEmpty { blocks.append(.paragraph([Self.join(sides, " and ")])) }
            for reason in workload.missing { blocks.append(.paragraph([.text(reason)], role: .note)) }
            if let folder = report.flamegraphFolder {
                let names = workload.files().map(\.name).map { ReportText.code(folder + "/" + $0) }
                if !names.isEmpty { blocks.append(.paragraph(["Files: " + Self.join(names, ", ")])) }
            }
            let figures = [
                (workload.nativeSVG(), "native"), (workload.wasmSVG(), "Wasm"),
                (workload.differenceSVG(), "Wasm against native"),
            ].compactMap { svg, caption in svg.map { ReportFigure(chart: .embedded(svg: $0), caption: .text(caption)) }
            }
            if !figures.isEmpty { blocks.append(.charts([.figures(figures, grid: false)])) }
        }
        return [ReportSection(.init(id: "flamegraphs", title: "Flamegraphs"), blocks)]
    }

    /// `texts` with `separator` between them.
    private static func join(_ texts: [ReportText], _ separator: ReportText) -> ReportText {
        texts.dropFirst().reduce(texts.first ?? "") { $0 + separator + $1 }
    }
}
