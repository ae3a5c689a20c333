import Testing
import WasmBenchExplain
import WasmBenchModel
import WasmBenchRuntime

/// The opcode profile of counted runs: the differential of the last two, worked out by hand.
@Suite("Opcode profiles from counted runs")
struct OpcodeCounterTests {
    /// A run of `iterations` iterations: 100 start-up `local.get`s, then per iteration 30
    /// `local.get` (0x20), 10 `i32.add` (0x6A) and 5 `call` (0x10) in functions 3 and 7.
    static func run(_ iterations: Int) -> OpcodeCounter.Run {
        let n = UInt64(iterations)
        return OpcodeCounter.Run(
            iterations: iterations,
            tally: OpcodeTally(
                opcodes: [0x20: 100 + 30 * n, 0x6A: 10 * n, 0x10: 5 * n],
                functions: [3: 100 + 40 * n, 7: 5 * n], functionNames: [3: "run"], hasNames: true, blocks: 12))
    }

    @Test("per iteration: the last two runs' difference over their iterations'; start-up outside")
    func differential() throws {
        let profile = OpcodeCounter.profile(
            "kernels/fib", "wasmkit", runs: [2, 4, 6].map(Self.run), trap: nil, top: 10)
        #expect(profile.perIteration == 45)
        #expect(profile.outside == 100)
        #expect(profile.steady == true)
        #expect(profile.opcodes.map(\.name) == ["local.get", "i32.add", "call"])
        #expect(profile.opcodes.map(\.perIteration) == [30, 10, 5])
        #expect(profile.opcodes.first?.code == "0x20")
        let categories = Dictionary(uniqueKeysWithValues: profile.categories.map { ($0.category, $0.perIteration) })
        #expect(categories[.variables] == 30 && categories[.integer] == 10 && categories[.calls] == 5)
        #expect(categories[.float] == 0)
        #expect(profile.functions.map(\.index) == [3, 7])
        #expect(profile.functions.map(\.name) == ["run", nil])
        #expect(abs((profile.functions.first?.share ?? 0) - 40.0 / 45) < 1e-12)
        #expect(profile.hasNames && profile.blocks == 12 && profile.trap == nil)
    }

    @Test("a trapped run: the whole run's counts, flagged, with no per-iteration claims")
    func trapped() {
        let profile = OpcodeCounter.profile(
            "mine.wasm", "wasmkit", runs: [Self.run(2)], trap: "integer divide by zero", top: 10)
        #expect(profile.perIteration == 190)
        #expect(profile.trap == "integer divide by zero")
        #expect(profile.outside == nil && profile.steady == nil)
    }
}
