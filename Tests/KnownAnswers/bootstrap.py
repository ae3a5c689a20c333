#!/usr/bin/env python3
"""Known answers for wasmbench's seeded generator and bootstrap intervals.

A second implementation, written from the published algorithms rather than from the Swift code:
SplitMix64 (Steele, Lea and Flood 2014; Vigna's splitmix64.c), xoshiro256** (Blackman and Vigna
2018, xoshiro256starstar.c) seeded with four SplitMix64 outputs, Lemire's nearly divisionless
bounded integers (ACM TOMACS 2019), and the percentile bootstrap (Efron and Tibshirani 1993,
ch. 13) of medians, resampling processes then the values within each (Kalibera and Jones, ISMM
2013); a single process is resampled at one level. Standard library only.

What no other library can give (the same resamples as ours need our generator) is checked piece
by piece against numpy and scipy when they are installed: every resample's median against
numpy.median, every interval's ends against numpy.percentile (linear, the type-7 quantile),
point estimates against numpy.median and scipy.stats.gmean, and the generator against the values
other projects publish for seed 42. Without them the script says so and prints the same numbers.

Run: python3 Tests/KnownAnswers/bootstrap.py
Its output is pasted into Tests/WasmBenchStatisticsTests/SeededGeneratorTests.swift,
BootstrapTests.swift, RatioOfMediansTests.swift and GroupedBootstrapTests.swift.
"""
import math

try:
    import numpy
    import scipy.stats
except ImportError:  # the answers do not need them; only the cross-checks do
    numpy = None

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        self.s = []
        state = seed
        for _ in range(4):
            state, value = splitmix64(state)
            self.s.append(value)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def below(self, bound):
        """Lemire (2019): the high word of a 128-bit product, rejecting the biased low words."""
        if bound == 0:
            return 0
        product = self.next() * bound
        if product & MASK < bound:
            threshold = ((1 << 64) - bound) % bound
            while product & MASK < threshold:
                product = self.next() * bound
        return product >> 64


def type7(sorted_values, p):
    """Hyndman and Fan (1996) type 7, the default of R and numpy."""
    h = (len(sorted_values) - 1) * p
    lower = math.floor(h)
    upper = min(lower + 1, len(sorted_values) - 1)
    return sorted_values[lower] + (h - lower) * (sorted_values[upper] - sorted_values[lower])


def median(values):
    return type7(sorted(values), 0.5)


def resample_median(groups, generator):
    """Processes first (skipped for one), then as many values from each as it holds."""
    drawn = []
    for _ in range(len(groups)):
        group = groups[0] if len(groups) == 1 else groups[generator.below(len(groups))]
        drawn.extend(group[generator.below(len(group))] for _ in range(len(group)))
    value = median(drawn)
    if numpy is not None:
        assert value == float(numpy.median(drawn)), (drawn, value)
    return value


def percentile_interval(replicates, confidence):
    replicates = sorted(replicates)
    tail = (1 - confidence) / 2
    low, high = type7(replicates, tail), type7(replicates, 1 - tail)
    if numpy is not None:
        check = numpy.percentile(replicates, [100 * tail, 100 * (1 - tail)], method="linear")
        assert math.isclose(low, check[0], rel_tol=1e-12) and math.isclose(high, check[1], rel_tol=1e-12)
    return low, high


def boot(groups, confidence, resamples, seed):
    generator = Xoshiro256StarStar(seed)
    return percentile_interval([resample_median(groups, generator) for _ in range(resamples)], confidence)


def ratio(numerator, denominator, confidence, resamples, seed):
    """Per replicate: the numerator's resample, then the denominator's, from one generator."""
    generator = Xoshiro256StarStar(seed)
    replicates = []
    for _ in range(resamples):
        top, bottom = resample_median(numerator, generator), resample_median(denominator, generator)
        if bottom != 0:
            replicates.append(top / bottom)
    point = median([x for g in numerator for x in g]) / median([x for g in denominator for x in g])
    if numpy is not None:
        assert point == float(numpy.median(sum(numerator, [])) / numpy.median(sum(denominator, [])))
    return point, percentile_interval(replicates, confidence)


def gmr(pairs, confidence, resamples, seed):
    """The geometric mean of per-pair median ratios; each replicate resamples pair by pair."""
    ratios = [median(sum(n, [])) / median(sum(d, [])) for n, d in pairs]
    point = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    if numpy is not None:
        assert math.isclose(point, float(scipy.stats.gmean(ratios)), rel_tol=1e-15)
    generator = Xoshiro256StarStar(seed)
    replicates = []
    for _ in range(resamples):
        logs, usable = 0.0, True
        for n, d in pairs:
            top, bottom = resample_median(n, generator), resample_median(d, generator)
            r = top / bottom if bottom != 0 else 0
            if r > 0:
                logs += math.log(r)
            else:
                usable = False
        if usable:
            replicates.append(math.exp(logs / len(pairs)))
    return point, percentile_interval(replicates, confidence)


def main():
    if numpy is None:
        print("# numpy/scipy not installed: the cross-checks are skipped, the answers are the same")
    g = Xoshiro256StarStar(42)
    stream = [g.next() for _ in range(3)]
    # Published for seed 42 by other implementations of the same construction (e.g. the `rand_xoshiro`
    # crate's and numpy-free ports' tests): the first output.
    assert stream[0] == 1546998764402558742
    print("generator(42).next() x3:", stream)
    print("generator(0).next():", hex(Xoshiro256StarStar(0).next()))
    g = Xoshiro256StarStar(7)
    print("bounded(generator(7), 10) x10:", [g.below(10) for _ in range(10)])

    xs = [12.1, 11.8, 12.5, 13.0, 11.9, 12.2, 12.7, 12.0]
    print("boot(xs, 0.95, 200, 42):", boot([xs], 0.95, 200, 42))
    print("boot(xs, 0.90, 500, 7):", boot([xs], 0.90, 500, 7))
    print(
        "ratio(num, den, 0.95, 300, 42):",
        ratio([[2.4, 2.6, 2.5, 2.7, 2.3]], [[1.2, 1.0, 1.1, 1.3]], 0.95, 300, 42))

    processes = [[10.0, 10.2, 10.1], [12.0, 12.3, 11.9], [10.9, 11.1, 11.0]]
    baseline = [[5.0, 5.1], [5.2, 5.3], [4.9, 5.0]]
    print("boot(G, 0.95, 400, 42):", boot(processes, 0.95, 400, 42))
    print("ratio(G, B, 0.95, 400, 9):", ratio(processes, baseline, 0.95, 400, 9))
    print(
        "gmr([(G, B), ...], 0.95, 300, 5):",
        gmr([(processes, baseline), ([[2.0, 2.2], [2.6]], [[1.0], [1.1], [0.9]])], 0.95, 300, 5))


if __name__ == "__main__":
    main()
