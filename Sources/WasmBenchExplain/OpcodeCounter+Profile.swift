import WasmBenchInstrument
import WasmBenchModel
import WasmBenchRuntime

extension OpcodeCounter {
    /// The profile of counted runs: the differential of the last two, or the whole of a single
    /// (trapped) run.
    public static func profile(_ workload: String, _ runtime: String, runs: [Run], trap: String?, top: Int)
        -> OpcodeProfile
    {
        let runs = runs.sorted { $0.iterations < $1.iterations }
        let counted = runs.map {
            CountedRun(iterations: $0.iterations, instructions: Double($0.tally.total), command: $0.command)
        }
        let count = InstructionCount(workload: workload, runtime: runtime, runs: counted)
        let slope = Slope(runs: runs)
        let total = count?.perIteration ?? slope.of(\.total)
        let opcodes = opcodeCounts(slope, total: total)
        let categories = OpcodeCategory.allCases.map { category -> CategoryCount in
            var value = 0.0
            for opcode in opcodes where opcode.category == category { value += opcode.perIteration }
            return CategoryCount(category: category, perIteration: value, share: total > 0 ? value / total : 0)
        }
        let last = runs.last?.tally
        return OpcodeProfile(
            workload: workload, runtime: runtime, runs: counted, perIteration: total,
            steady: trap == nil ? count?.steady : nil, outside: trap == nil ? count?.outside : nil,
            opcodes: opcodes, categories: categories,
            functions: Array(functionCounts(slope, runs: runs, total: total).prefix(top)),
            hasNames: last?.hasNames ?? false, blocks: last?.blocks ?? 0, trap: trap)
    }

    /// Every opcode's executions per iteration, most first.
    private static func opcodeCounts(_ slope: Slope, total: Double) -> [OpcodeCount] {
        let codes = slope.later?.opcodes.keys.sorted() ?? []
        let counts = codes.map { raw -> OpcodeCount in
            let opcode = Opcode(rawValue: raw)
            let value = slope.of { $0.opcodes[raw] ?? 0 }
            return OpcodeCount(
                code: opcode.description, name: opcode.name, category: opcode.category, perIteration: value,
                share: total > 0 ? value / total : 0)
        }
        return counts.filter { $0.perIteration != 0 }.sorted { left, right in
            left.perIteration != right.perIteration ? left.perIteration > right.perIteration : left.code < right.code
        }
    }

    /// Every function's own Wasm instructions per iteration, most first.
    private static func functionCounts(_ slope: Slope, runs: [Run], total: Double) -> [FunctionOpcodeCount] {
        var names: [Int: String] = [:]
        for run in runs { names.merge(run.tally.functionNames) { first, _ in first } }
        let indices = slope.later?.functions.keys.sorted() ?? []
        let counts = indices.map { index -> FunctionOpcodeCount in
            let value = slope.of { $0.functions[index] ?? 0 }
            return FunctionOpcodeCount(
                index: index, name: names[index], perIteration: value, share: total > 0 ? value / total : 0)
        }
        return counts.filter { $0.perIteration != 0 }.sorted { left, right in
            left.perIteration != right.perIteration ? left.perIteration > right.perIteration : left.index < right.index
        }
    }

    /// The per-iteration slope of any count between the last two runs, or the last run's count
    /// when there is only one.
    struct Slope {
        let later: OpcodeTally?
        let earlier: OpcodeTally?
        let span: Double

        init(runs: [Run]) {
            later = runs.last?.tally
            let previous = runs.count >= 2 ? runs[runs.count - 2] : nil
            earlier = previous?.tally
            span = previous.map { Double(max(1, (runs.last?.iterations ?? 1) - $0.iterations)) } ?? 1
        }

        func of(_ count: (OpcodeTally) -> UInt64) -> Double {
            let high = later.map { Double(count($0)) } ?? 0
            let low = earlier.map { Double(count($0)) } ?? 0
            return (high - low) / span
        }
    }
}
