"""Big-integer arithmetic: a generator that streams the decimal digits of pi.

A spigot over Gosper's series for pi (as in J. Gibbons, "Unbounded Spigot Algorithms for the
Digits of Pi", 2006): the state is three big integers that grow with every digit, and each step
yields one digit with no look-ahead loop. The time goes into multiplying and dividing integers
of thousands of digits. pyperformance's `pidigits` uses a different spigot (Leibniz-style terms
with a look-ahead check); this one exercises the same big-integer code on another path.

The result is checked against pi's first 50 digits, and against the count, sum and last ten
digits of the first 4000, computed independently with Machin's formula
(pi = 16 atan(1/5) - 4 atan(1/239) in fixed-point integers). No integer is ever converted to a
string, so CPython's int-to-str digit limit does not matter.
"""

import pyperf

DIGITS = 4000
FIRST_50 = "31415926535897932384626433832795028841971693993751"
DIGIT_SUM = 18197
LAST_10 = [7, 2, 1, 1, 1, 6, 6, 0, 3, 9]


def pi_digits():
    """Yields 3, 1, 4, 1, 5, ... without end."""
    numerator, offset, denominator, term = 1, 180, 60, 2
    while True:
        growth = 3 * (3 * term + 1) * (3 * term + 2)
        digit = (numerator * (27 * term - 12) + 5 * offset) // (5 * denominator)
        yield digit
        offset = 10 * growth * (numerator * (5 * term - 2) + offset - digit * denominator)
        numerator = 10 * numerator * term * (2 * term - 1)
        denominator = denominator * growth
        term += 1


def take(count):
    digits = []
    stream = pi_digits()
    while len(digits) < count:
        digits.append(next(stream))
    return digits


def bench_pidigits(count):
    digits = take(count)
    head = "".join([str(digit) for digit in digits[:50]])
    if head != FIRST_50:
        raise ValueError("pi begins %s, want %s" % (head, FIRST_50))
    total = sum(digits)
    if len(digits) != DIGITS or total != DIGIT_SUM or digits[-10:] != LAST_10:
        raise ValueError(
            "%d digits of pi summing to %d and ending %r; want %d, %d and %r"
            % (len(digits), total, digits[-10:], DIGITS, DIGIT_SUM, LAST_10))


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Streaming spigot for the first %d digits of pi" % DIGITS
    runner.bench_func("pidigits_gen", bench_pidigits, DIGITS)
