import WasmBenchCharts
import WasmBenchModel

extension ExplainDocument {
    /// The opcodes each iteration executes, workload by workload (`--opcodes`): the totals, the
    /// Wasm instructions per native instruction, the categories (charted in HTML), the opcodes and
    /// the functions that executed the most.
    func opcodes(limit: Int = 25) -> [ReportSection] {
        guard let profiles = report.opcodes, !profiles.isEmpty else { return [] }
        let method: ReportText =
            "An instrumented copy of the module (a counter at the start of every basic block) ran on WasmKit with "
            + "each iteration count; every figure is the last two runs' difference over their iterations', so "
            + "start-up is not in it. Structural `end` and `else` count when control reaches them in sequence."
        var blocks: [ReportBlock] = [.paragraph([method], role: .note)]
        for profile in profiles {
            blocks.append(.heading(.code(profile.workload) + " on " + .code(profile.runtime), level: 3))
            blocks.append(.paragraph([summary(profile)]))
            if let trap = profile.trap {
                let trapped: ReportText =
                    "A run trapped (\(trap)): the figures are of the whole run up to the trap, its last block "
                    + "counted as completed."
                blocks.append(.paragraph([trapped], role: .alert))
            }
            let counted = tables(profile, limit: limit)
            blocks.append(.table(counted.categories))
            blocks.append(.charts([.figures([categoryFigure(profile)], grid: false)]))
            blocks.append(.table(counted.opcodes))
            if !profile.hasNames {
                let unnamed: ReportText = "The module has no name section: functions are known by their index only."
                blocks.append(.paragraph([unnamed], role: .note))
            }
            blocks.append(.table(counted.functions))
        }
        return [ReportSection(.init(id: "opcodes", title: "Wasm opcodes per iteration"), blocks)]
    }

    /// The opcodes that only mark structure: compiled code has no instruction for them.
    static let structural: Set<String> = ["block", "loop", "end", "else", "nop"]

    /// Wasm instructions per iteration, blocks, and per native instruction of each counted runtime.
    private func summary(_ profile: OpcodeProfile) -> ReportText {
        let perNative = profile.perNativeInstruction.sorted { $0.key < $1.key }.map { runtime, ratio in
            "\(formatSignificant(ratio)) per instruction of \(runtime)"
        }
        let steady = profile.steady == false ? " (not steady between the first runs)" : ""
        let ratios = perNative.isEmpty ? "" : "; Wasm instructions " + perNative.joined(separator: ", ")
        let structural = profile.opcodes.filter { Self.structural.contains($0.name) }.map(\.perIteration).reduce(0, +)
        let share = profile.perIteration > 0 ? structural / profile.perIteration : 0
        return ReportText(
            .text(
                "\(formatCount(profile.perIteration)) Wasm instructions per iteration\(steady), "
                    + "\(profile.blocks) basic blocks counted\(ratios). \(formatPercent(share)) of them are "
                    + "structure (block, loop, end, else, nop), which compiled code executes as nothing."))
    }

    /// The categories, then the `limit` opcodes and functions that executed the most: a row each,
    /// its names and then its Wasm instructions per iteration and its share.
    private func tables(_ profile: OpcodeProfile, limit: Int) -> (
        categories: ReportTable, opcodes: ReportTable, functions: ReportTable
    ) {
        let counts = { (perIteration: Double, share: Double) -> [ReportCell] in
            [.plain(formatCount(perIteration)), .plain(formatPercent(share))]
        }
        let categories = profile.categories.map { [.plain($0.category.rawValue)] + counts($0.perIteration, $0.share) }
        let opcodes = profile.opcodes.prefix(limit).map { opcode in
            [.code(opcode.code), .code(opcode.name), .plain(opcode.category.rawValue)]
                + counts(opcode.perIteration, opcode.share)
        }
        let functions = profile.functions.prefix(limit).map { function in
            [.plain(String(function.index)), .code(function.name ?? "<function \(function.index)>")]
                + counts(function.perIteration, function.share)
        }
        return (
            ReportTable(headers: ["category", "per iteration", "share"], numeric: [1, 2], rows: categories),
            ReportTable(
                headers: ["opcode", "name", "category", "per iteration", "share"], numeric: [3, 4], rows: opcodes),
            ReportTable(
                headers: ["index", "function", "Wasm instructions per iteration", "share"], numeric: [0, 2, 3],
                rows: functions)
        )
    }

    private func categoryFigure(_ profile: OpcodeProfile) -> ReportFigure {
        let bars = profile.categories.enumerated().map { position, category in
            RatioChart.Bar(
                label: category.category.rawValue, ratio: category.share, value: formatPercent(category.share),
                hover: "\(category.category.rawValue): \(formatCount(category.perIteration)) per iteration",
                colour: position + 1)
        }
        let chart = RatioChart(
            bars: bars, label: "Wasm instructions of \(profile.workload) by category",
            axis: "share of the Wasm instructions per iteration")
        return ReportFigure(chart: .shares(chart), caption: .code(profile.workload))
    }
}
