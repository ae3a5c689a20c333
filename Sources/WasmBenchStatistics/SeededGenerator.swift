/// A deterministic pseudorandom generator: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same stream of numbers on every platform and Swift version, so a
/// run's shuffle and every bootstrap interval can be reproduced from the seed stored with the
/// results. Every seed is valid, including 0 (SplitMix64 never expands a seed into the all-zero
/// state xoshiro must avoid); nothing here is an error. Not suitable for cryptography.
///
/// Source: D. Blackman and S. Vigna, "Scrambled Linear Pseudorandom Number Generators", 2018
/// (ACM TOMS 47(4), 2021), generator xoshiro256**, with the seeding their reference code
/// <https://prng.di.unimi.it/xoshiro256starstar.c> recommends: four outputs of ``SplitMix64``
/// (Steele, Lea and Flood, OOPSLA 2014).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose state is the first four outputs of `SplitMix64(seed: seed)`.
    ///
    /// Any value is a valid seed.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// Creates a generator with the given raw xoshiro256** state, for the reference test vector.
    ///
    /// The all-zero state would only ever produce zeros; callers must not pass it.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    /// Returns the next 64 bits of the stream.
    ///
    /// Never fails: every state reached from a seed is valid.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// Returns a uniformly distributed integer in `0..<bound`, or 0 when `bound` is 0.
    ///
    /// Unlike the standard library's `next(upperBound:)`, whose algorithm may change between
    /// releases, this one is fixed, so seeded shuffles and resamples stay reproducible.
    ///
    /// Source: D. Lemire, "Fast Random Integer Generation in an Interval", ACM TOMACS 29(1), 2019,
    /// the nearly divisionless method.
    mutating func nextIndex(below bound: UInt64) -> UInt64 {
        guard bound > 0 else { return 0 }
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// Returns a uniformly distributed index in `0..<count`, or 0 when `count` is not positive.
    mutating func nextIndex(below count: Int) -> Int {
        guard count > 0 else { return 0 }
        return Int(truncatingIfNeeded: nextIndex(below: UInt64(count)))
    }
}

/// Rotates the bits of `x` left by `k` places (0 < k < 64).
@inline(__always)
private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}
