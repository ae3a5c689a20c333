/// Returns the type-7 quantile of `values`, reordering them in place but not fully sorting them.
///
/// Equal to `quantileOfSorted(values.sorted(), p)` for non-empty, NaN-free values and `p` in
/// `[0, 1]`, which callers guarantee; it takes expected linear time and allocates nothing, which
/// is what the bootstrap's thousands of resample medians need.
///
/// Source: C. A. R. Hoare, "Algorithm 65: Find", Communications of the ACM 4(7), 321–322, 1961,
/// with Hoare's partition around a median-of-three pivot (Sedgewick, "Implementing Quicksort
/// Programs", CACM 21(10), 1978) and insertion sort for short ranges (Knuth, TAOCP vol. 3,
/// §5.2.1, Algorithm S).
func selectQuantile(_ values: UnsafeMutableBufferPointer<Double>, _ p: Double) -> Double {
    let last = values.count - 1
    let h = Double(last) * p
    let lowerOffset = min(max(Int(h.rounded(.down)), 0), last)
    selectInPlace(values, rank: lowerOffset)
    let lower = values[lowerOffset]
    let fraction = h - Double(lowerOffset)
    guard fraction > 0, lowerOffset < last else { return lower }
    // After selection everything past `lowerOffset` is ≥ lower; the next order statistic is
    // the smallest of them.
    var upper = values[lowerOffset + 1]
    for index in (lowerOffset + 2)..<values.count where values[index] < upper {
        upper = values[index]
    }
    if lower == upper { return lower }
    return lower + fraction * (upper - lower)
}

/// Reorders `values` so that `values[rank]` holds the value a full sort would put there, with
/// no larger value before it and no smaller value after it.
private func selectInPlace(_ values: UnsafeMutableBufferPointer<Double>, rank: Int) {
    var low = 0
    var high = values.count - 1
    while high > low {
        if high - low < 8 {
            insertionSort(values, from: low, through: high)
            return
        }
        let split = partition(values, from: low, through: high)
        if rank <= split { high = split } else { low = split + 1 }
    }
}

/// Hoare's partition of `values[low...high]` (at least three elements) around the median of
/// its first, middle and last values. Returns j with every value in `low...j` ≤ every value in
/// `(j + 1)...high`, and `low ≤ j < high`.
private func partition(
    _ values: UnsafeMutableBufferPointer<Double>, from low: Int, through high: Int
) -> Int {
    let middle = low + (high - low) / 2
    if values[middle] < values[low] { values.swapAt(middle, low) }
    if values[high] < values[low] { values.swapAt(high, low) }
    if values[high] < values[middle] { values.swapAt(high, middle) }
    let pivot = values[middle]
    var i = low - 1
    var j = high + 1
    while true {
        repeat { i += 1 } while values[i] < pivot
        repeat { j -= 1 } while values[j] > pivot
        if i >= j { return j }
        values.swapAt(i, j)
    }
}

/// Sorts `values[low...high]` in place by straight insertion.
private func insertionSort(
    _ values: UnsafeMutableBufferPointer<Double>, from low: Int, through high: Int
) {
    guard high > low else { return }
    for next in (low + 1)...high {
        let value = values[next]
        var slot = next
        while slot > low, values[slot - 1] > value {
            values[slot] = values[slot - 1]
            slot -= 1
        }
        values[slot] = value
    }
}
