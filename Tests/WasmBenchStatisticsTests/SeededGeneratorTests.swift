import Testing

@testable import WasmBenchStatistics

@Suite("Seeded generator")
struct SeededGeneratorTests {
    @Test("SplitMix64 with seed 0 gives the published first outputs")
    func splitMixKnownAnswer() {
        // Expected: Vigna's reference splitmix64.c (https://prng.di.unimi.it/splitmix64.c) with
        // x = 0; the same values appear in other ports' tests. Reproduced by (one line):
        // python3 -c 'M=2**64-1;s=0;exec("s=(s+0x9e3779b97f4a7c15)&M;z=s;
        // z=((z^z>>30)*0xbf58476d1ce4e5b9)&M;z=((z^z>>27)*0x94d049bb133111eb)&M;
        // print(hex(z^z>>31))\n"*3)'
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
        #expect(generator.next() == 0x6e78_9e6a_a1b9_65f4)
        #expect(generator.next() == 0x06c4_5d18_8009_454f)
    }

    @Test("xoshiro256** from state {1, 2, 3, 4} gives the reference outputs")
    func xoshiroReferenceVector() {
        // Expected: the reference xoshiro256starstar.c from state {1, 2, 3, 4}, as checked in the
        // rand_xoshiro crate's `reference` test (first ten outputs).
        var generator = SeededGenerator(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect(expected.map { _ in generator.next() } == expected)
    }

    @Test("Seeding through SplitMix64 matches independent implementations")
    func seededStreamKnownAnswer() {
        // Expected: python3 Tests/KnownAnswers/bootstrap.py, from splitmix64.c + xoshiro256starstar.c
        // (state = four SplitMix64 outputs of the seed); seed 42 also matches values published in
        // other projects' tests of the same construction.
        var generator = SeededGenerator(seed: 42)
        #expect(generator.next() == 1_546_998_764_402_558_742)
        #expect(generator.next() == 6_990_951_692_964_543_102)
        #expect(generator.next() == 12_544_586_762_248_559_009)
        var zero = SeededGenerator(seed: 0)
        #expect(zero.next() == 0x99ec_5f36_cb75_f2b4)
    }

    @Test("The same seed gives the same stream and a different seed another")
    func determinism() {
        var first = SeededGenerator(seed: 2024)
        var second = SeededGenerator(seed: 2024)
        var other = SeededGenerator(seed: 2025)
        let a = (0..<100).map { _ in first.next() }
        let b = (0..<100).map { _ in second.next() }
        let c = (0..<100).map { _ in other.next() }
        #expect(a == b)
        #expect(a != c)
    }

    @Test("Bounded indices follow Lemire's method exactly and stay in range")
    func boundedIndices() {
        // Expected: python3 Tests/KnownAnswers/bootstrap.py, Lemire (2019)'s nearly divisionless method over the
        // seed-7 stream: [bounded(g, 10) for _ in range(10)].
        var generator = SeededGenerator(seed: 7)
        let drawn = (0..<10).map { _ in generator.nextIndex(below: 10) }
        #expect(drawn == [7, 2, 8, 9, 9, 8, 0, 1, 4, 1])
        for bound in [1, 2, 3, 7, 1000] {
            for _ in 0..<200 {
                let index = generator.nextIndex(below: bound)
                #expect((0..<bound).contains(index))
            }
        }
        #expect(generator.nextIndex(below: 0) == 0)
    }
}
