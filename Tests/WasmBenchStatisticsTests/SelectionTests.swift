import Testing

@testable import WasmBenchStatistics

@Suite("In-place quantile selection")
struct SelectionTests {
    @Test("Selection gives the same quantile as sorting, duplicates included")
    func matchesSorting() {
        // Expected: the type-7 quantile of the sorted values (checked against numpy in
        // QuantileTests); selection must return the same order statistics bit for bit.
        var generator = SeededGenerator(seed: 31)
        for count in [1, 2, 3, 7, 8, 9, 16, 17, 30, 31, 64, 257] {
            for distinct in [1, 2, 5, 1000] {
                let values = (0..<count).map { _ in
                    Double(generator.nextIndex(below: distinct)) * 0.25
                }
                let sorted = values.sorted()
                for p in [0, 0.025, 0.1, 0.5, 0.9, 0.975, 1] {
                    var scratch = values
                    let selected = scratch.withUnsafeMutableBufferPointer { selectQuantile($0, p) }
                    #expect(selected == quantileOfSorted(sorted, p))
                    #expect(scratch.sorted() == sorted)
                }
            }
        }
    }
}
