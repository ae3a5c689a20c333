/// Returns the first index from which `series` stays within `tolerance` of its own median.
///
/// The result is the smallest i such that `series[i...]` holds at least `window` values and every
/// one of them lies within ±`tolerance` (relative) of the median of `series[i...]`, that is
/// |x − m| ≤ tolerance · |m|. The values before i are the warm-up iterations.
///
/// Returns `nil` when no such index exists: the series never settles, which is a real outcome
/// to report, not an error. Also `nil` when `series` has fewer than `window` values, when
/// `window` is below 1, or when `tolerance` is negative or NaN. A constant series gives 0.
/// NaN values never count as settled.
///
/// Source: the project's own simple rule, inspired by E. Barrett, C. F. Bolz-Tereick,
/// R. Killick, S. Mount and L. Tratt, "Virtual Machine Warmup Blows Hot and Cold", OOPSLA 2017,
/// which shows that a steady state may never be reached (hence `nil`).
public func steadyStateStart(
    _ series: [Double],
    window: Int = 3,
    tolerance: Double = 0.05
) -> Int? {
    guard window >= 1, tolerance >= 0, series.count >= window else { return nil }
    for start in 0...(series.count - window) {
        let tail = series[start...]
        guard let center = median(Array(tail)) else { continue }
        let limit = tolerance * abs(center)
        if tail.allSatisfy({ abs($0 - center) <= limit }) {
            return start
        }
    }
    return nil
}
