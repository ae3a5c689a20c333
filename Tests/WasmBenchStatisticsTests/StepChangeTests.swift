import Testing
import WasmBenchStatistics

@Suite("Step changes: moving windows whose t intervals separate by more than a threshold")
struct StepChangeTests {
    @Test("a known step is found where an independent computation finds it, with the same windows")
    func knownAnswer() throws {
        // Expected: python3 Tests/KnownAnswers/step_changes.py (its own t quantile, the method
        // written from its description).
        let series = [10.0, 10.3, 9.8, 10.1, 10.2, 12.1, 11.9, 12.3, 12.0, 12.2]
        let steps = stepChanges(series, window: 4, threshold: 0.05)
        let step = try #require(steps.count == 1 ? steps.first : nil)
        #expect(step.index == 5)
        #expect(isClose(step.before.value, 10.0982521686441, relative: 1e-13))
        #expect(isClose(step.before.interval.low, 9.75815199072387, relative: 1e-13))
        #expect(isClose(step.before.interval.high, 10.4502058338979, relative: 1e-13))
        #expect(isClose(step.after.value, 12.0740973270638, relative: 1e-13))
        #expect(isClose(step.after.interval.low, 11.8060791166394, relative: 1e-13))
        #expect(isClose(step.after.interval.high, 12.3482000097681, relative: 1e-13))
        #expect(isClose(step.ratio, 1.19566209334273, relative: 1e-13))
    }

    @Test("a clear change below the threshold is not a step; with a lower threshold it is")
    func threshold() {
        let small = [10.0, 10.01, 9.99, 10.0, 10.3, 10.31, 10.29, 10.3]
        #expect(stepChanges(small, window: 4, threshold: 0.05).isEmpty)
        #expect(stepChanges(small, window: 4, threshold: 0.01).map(\.index) == [4])
    }

    @Test("a synthetic series with a 20% slowdown injected is flagged once, at the slowdown; an A/A series is not")
    func injectedSlowdown() {
        // 30 runs with ±3% uniform noise around 100 ms; the second series is 20% slower from run 15.
        let noise = uniformSample(count: 30, low: 0.97, spread: 0.06, seed: 11)
        let same = noise.map { 0.100 * $0 }
        let slower = noise.enumerated().map { $0.offset >= 15 ? 1.2 * $0.element * 0.100 : $0.element * 0.100 }
        let flagged = stepChanges(slower, window: 5, threshold: 0.05)
        #expect(flagged.map(\.index) == [15])
        #expect(flagged.first.map { $0.ratio > 1.15 && $0.ratio < 1.25 } == true)
        #expect(stepChanges(same, window: 5, threshold: 0.05).isEmpty)
        // A speed-up of the same size counts too.
        #expect(stepChanges(slower.reversed(), window: 5, threshold: 0.05).map(\.index) == [15])
    }

    @Test("too short a series, a window under two or a bad confidence give no step rather than a guess")
    func degenerate() {
        #expect(stepChanges([1, 1, 2], window: 2, threshold: 0.05).isEmpty)
        #expect(stepChanges([1, 1, 1, 2, 2, 2], window: 1, threshold: 0.05).isEmpty)
        #expect(stepChanges([1, 1.01, 1, 2, 2.01, 2], window: 3, threshold: 0.05, confidence: 1).isEmpty)
        #expect(stepChanges([1, 1.01, 0, 2, 2.01, 2], window: 3, threshold: 0.05).isEmpty)
        // Constant windows have zero-width intervals: any change past the threshold is a step.
        #expect(stepChanges([1, 1, 1, 2, 2, 2], window: 3, threshold: 0.05).map(\.index) == [3])
    }
}
