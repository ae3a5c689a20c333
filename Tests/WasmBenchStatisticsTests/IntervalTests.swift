import Testing
import WasmBenchStatistics

@Suite("Interval")
struct IntervalTests {
    @Test("Relative width is the width over the absolute center")
    func relativeWidth() {
        // Expected by hand: (11 - 9) / 10 = 0.2, and the same for a center of -10.
        let interval = Interval(low: 9, high: 11)
        #expect(interval.relativeWidth(around: 10) == 0.2)
        #expect(interval.relativeWidth(around: -10) == 0.2)
        #expect(Interval(low: 3, high: 3).relativeWidth(around: 3) == 0)
    }

    @Test("Relative width around zero is infinite")
    func zeroCenter() {
        #expect(Interval(low: -1, high: 1).relativeWidth(around: 0) == .infinity)
        #expect(Interval(low: 0, high: 0).relativeWidth(around: 0) == .infinity)
    }
}
