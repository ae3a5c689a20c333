/// The SplitMix64 generator: a 64-bit counter passed through a strong mixing function.
///
/// wasmbench uses it only to expand one 64-bit seed into the four words of
/// ``SeededGenerator``'s state, as the xoshiro authors recommend. It is exposed so the expansion
/// can be checked against published outputs. Every seed is valid, including 0; nothing here is an
/// error. The stream depends only on the seed, so it is the same on every platform.
///
/// Source: G. L. Steele Jr., D. Lea and C. H. Flood, "Fast Splittable Pseudorandom Number
/// Generators", OOPSLA 2014, and the public-domain reference code
/// <https://prng.di.unimi.it/splitmix64.c> by S. Vigna.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The counter; advanced by the golden-ratio increment before each output.
    private var state: UInt64

    /// Creates a generator whose first output mixes `seed + 0x9e3779b97f4a7c15`.
    ///
    /// Any value is a valid seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 bits of the stream.
    ///
    /// Never fails: the generator has no invalid state.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
