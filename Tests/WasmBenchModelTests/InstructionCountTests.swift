import Testing
import WasmBenchModel

@Suite("Differential instruction counts")
struct InstructionCountTests {
    func runs(_ totals: [(Int, Double)]) -> [CountedRun] {
        totals.map { CountedRun(iterations: $0.0, instructions: $0.1) }
    }

    @Test("the cost of an iteration is the last two runs' slope; what is left of the first run is outside")
    func knownAnswer() throws {
        // Expected by hand: (1_957_753_771 − 1_305_170_777) ÷ 2 = 326_291_497 for both slopes;
        // 652_587_783 − 2 × 326_291_497 = 4_789.
        let count = try #require(
            InstructionCount(
                workload: "w", runtime: "r",
                runs: runs([(4, 1_305_170_777), (2, 652_587_783), (6, 1_957_753_771)])))
        #expect(count.runs.map(\.iterations) == [2, 4, 6])
        #expect(count.perIteration == 326_291_497)
        #expect(count.earlierPerIteration == 326_291_497)
        #expect(count.steady == true)
        #expect(count.outside == 4_789)
    }

    @Test("slopes more than 5% apart are not steady")
    func unsteady() throws {
        // Expected by hand: earlier (1.3e9 − 0.7e9) ÷ 2 = 3e8, last (1.76e9 − 1.3e9) ÷ 2 = 2.3e8.
        let count = try #require(
            InstructionCount(workload: "w", runtime: "r", runs: runs([(2, 7e8), (4, 1.3e9), (6, 1.76e9)])))
        #expect(count.perIteration == 2.3e8)
        #expect(count.earlierPerIteration == 3e8)
        #expect(count.steady == false)
        let near = try #require(
            InstructionCount(workload: "w", runtime: "r", runs: runs([(2, 200), (4, 400), (6, 610)])))
        #expect(near.steady == true, "105 against 100 is within 5%")
        let two = try #require(InstructionCount(workload: "w", runtime: "r", runs: runs([(2, 200), (4, 400)])))
        #expect(two.steady == nil, "two runs cannot tell")
    }

    @Test("fewer than two runs or a repeated iteration count give nil")
    func invalid() {
        #expect(InstructionCount(workload: "w", runtime: "r", runs: runs([(2, 10)])) == nil)
        #expect(InstructionCount(workload: "w", runtime: "r", runs: runs([(2, 10), (2, 12)])) == nil)
        #expect(InstructionCount(workload: "w", runtime: "r", runs: []) == nil)
    }
}
