import Testing
import WasmBenchStatistics

@Suite("Seeded shuffle")
struct SeededShuffleTests {
    @Test("The shuffle is a permutation of its input")
    func permutation() {
        let items = Array(0..<50)
        for seed: UInt64 in [0, 1, 42, .max] {
            let shuffled = seededShuffle(items, seed: seed)
            #expect(shuffled.sorted() == items)
        }
    }

    @Test("The same seed gives the same order")
    func reproducible() {
        let items = (0..<30).map { "workload-\($0)" }
        #expect(seededShuffle(items, seed: 9) == seededShuffle(items, seed: 9))
        #expect(seededShuffle(items, seed: 9) != seededShuffle(items, seed: 10))
    }

    @Test("Known orders match an independent transcription of Algorithm P")
    func knownAnswer() {
        // Expected: Python transcription of Knuth's Algorithm P (i from n-1 down to 1, j uniform
        // in 0...i by Lemire's method) over SplitMix64-seeded xoshiro256**: shuffle(range(10), 42)
        // and shuffle(range(10), 0).
        #expect(seededShuffle(Array(0..<10), seed: 42) == [9, 1, 4, 2, 8, 7, 6, 5, 3, 0])
        #expect(seededShuffle(Array(0..<10), seed: 0) == [7, 8, 3, 1, 5, 4, 2, 0, 9, 6])
    }

    @Test("Empty and one-element inputs come back unchanged")
    func trivialInputs() {
        #expect(seededShuffle([Int](), seed: 1).isEmpty)
        #expect(seededShuffle(["only"], seed: 1) == ["only"])
    }
}
