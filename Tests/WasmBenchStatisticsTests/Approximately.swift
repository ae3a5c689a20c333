import WasmBenchStatistics

/// Tells whether `actual` equals `expected` up to `relative` error (absolute near zero).
///
/// Known answers computed by numpy or scipy may differ from ours in the last bit because they
/// interpolate and sum in a different order; 1e-12 is far above that and far below any
/// difference that matters.
func isClose(_ actual: Double?, _ expected: Double, relative: Double = 1e-12) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= relative * max(1, abs(expected))
}

/// Returns `count` reproducible values uniform in `[low, low + spread)`.
///
/// Built from the top 53 bits of ``SeededGenerator`` outputs, so the data do not depend on the
/// standard library's `Double.random`, whose algorithm may change.
func uniformSample(count: Int, low: Double, spread: Double, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
        low + spread * Double(generator.next() >> 11) * 0x1p-53
    }
}
