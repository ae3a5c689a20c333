"""Integer and float arithmetic in one interpreted loop.

Each trip steps a 31-bit linear congruential generator, takes a quotient and remainder, mixes
them into a 32-bit accumulator with shifts, xor and masks, and runs a damped float recurrence
(multiply, add, divide, compare). Every integer stays below 2**62, so interpreters with tagged
small integers (MicroPython) never fall back to big ones. Only +, -, *, / and abs touch floats,
each one correctly rounded IEEE double operation, so the float result is the same everywhere;
it is still compared with a tolerance of 1e-9, relative.

The expected values were taken from CPython 3.11 and agree on CPython 3.9-3.13, PyPy and
MicroPython; the integer one is exact.
"""

import pyperf

TRIPS = 200000
WANT_MIX = 3595392772
WANT_WAVE = 200355.82963538973


def arith(trips):
    seed = 20240601
    mix = 0x9E3779B9
    wave = 0.5
    energy = 0.0
    for trip in range(1, trips + 1):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        quotient, remainder = divmod(seed, trip + 7)
        mix = (mix + quotient * 3 - remainder) & 0xFFFFFFFF
        mix ^= (mix << 5) & 0xFFFFFFFF
        mix ^= mix >> 13
        mix = (mix * 5 + (seed >> 11)) & 0xFFFFFFFF
        wave = wave * 0.999 + (remainder % 17 - 8.0) / (trip + 1.0)
        if wave > 1.0:
            wave -= 0.75
        elif wave < -1.0:
            wave += 0.75
        energy += wave * wave / (1.0 + abs(wave)) + 1.0
    return mix, energy


def bench_arith(trips):
    mix, wave = arith(trips)
    if mix != WANT_MIX:
        raise ValueError("integer result %d, want %d" % (mix, WANT_MIX))
    if abs(wave - WANT_WAVE) > 1e-9 * abs(WANT_WAVE):
        raise ValueError("float result %r, want %r" % (wave, WANT_WAVE))


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Integer and float arithmetic loop, %d trips" % TRIPS
    runner.bench_func("arith", bench_arith, TRIPS)
