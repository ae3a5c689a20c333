import Testing
import WasmBenchStatistics

@Suite("Steady-state start")
struct SteadyStateTests {
    @Test("A warm-up series settles at index 3")
    func warmUp() {
        // Expected by hand: from index 3 the tail [1.0, 1.01, 0.99, 1.0] has median 1.0 and every
        // value within 5%; from index 2 the value 2 lies 100% away from the median 1.0.
        #expect(steadyStateStart([10, 5, 2, 1.0, 1.01, 0.99, 1.0]) == 3)
    }

    @Test("A constant series is steady from the start")
    func constant() {
        #expect(steadyStateStart(Array(repeating: 4.2, count: 10)) == 0)
    }

    @Test("A series that never settles gives nil")
    func neverSettles() {
        // Every tail of three or more values spans more than ±5% around its median.
        #expect(steadyStateStart([1, 2, 3, 4, 5, 6, 7, 8]) == nil)
        #expect(steadyStateStart([1, 2, 1, 2, 1, 2, 1, 2]) == nil)
    }

    @Test("The window sets the shortest accepted tail")
    func window() {
        // The last two values agree, but the default window of 3 needs three settled values.
        let series: [Double] = [9, 7, 5, 1, 1]
        #expect(steadyStateStart(series) == nil)
        #expect(steadyStateStart(series, window: 2) == 3)
    }

    @Test("Too few values and invalid settings give nil")
    func invalidSettings() {
        #expect(steadyStateStart([]) == nil)
        #expect(steadyStateStart([1, 1]) == nil)
        #expect(steadyStateStart([1, 1, 1], window: 0) == nil)
        #expect(steadyStateStart([1, 1, 1], tolerance: -0.1) == nil)
        #expect(steadyStateStart([1, 1, 1], tolerance: .nan) == nil)
    }

    @Test("The tolerance is relative to the tail's median")
    func tolerance() {
        // Tail [100, 104, 96]: median 100, largest deviation 4%.
        #expect(steadyStateStart([500, 100, 104, 96], tolerance: 0.05) == 1)
        #expect(steadyStateStart([500, 100, 104, 96], tolerance: 0.03) == nil)
    }
}
