/// Returns `items` in a pseudorandom order fixed by `seed`.
///
/// The same items and seed give the same order on every platform and Swift version (the
/// standard library's `shuffle(using:)` does not promise a fixed algorithm). Empty and
/// one-element arrays come back unchanged; nothing here is an error.
///
/// Source: the Fisher–Yates shuffle as D. E. Knuth gives it, The Art of Computer Programming,
/// vol. 2, 3rd ed., §3.4.2, Algorithm P; driven by ``SeededGenerator`` with Lemire's unbiased
/// bounded integers (ACM TOMACS 29(1), 2019).
public func seededShuffle<T>(_ items: [T], seed: UInt64) -> [T] {
    var result = items
    guard result.count > 1 else { return result }
    var generator = SeededGenerator(seed: seed)
    for i in stride(from: result.count - 1, to: 0, by: -1) {
        let j = generator.nextIndex(below: i + 1)
        result.swapAt(i, j)
    }
    return result
}
