#!/usr/bin/env python3
"""Known answers for wasmbench's least-squares line with t intervals (LinearFit.swift).

Independent of the Swift code: the coefficients come from the normal equations solved as a 2x2
matrix system with exact fractions (b = (X'X)^-1 X'y, the covariance s^2 (X'X)^-1), not from the
centred sums the Swift code uses, and are checked against Python's statistics.linear_regression;
the t quantile is log_t_intervals.py's (A&S 26.7.3 series, bisection). Standard library only;
when scipy is installed the slope's interval is also checked against scipy.stats.linregress.

Run: python3 Tests/KnownAnswers/linear_fit.py
Its output is pasted into Tests/WasmBenchStatisticsTests/LinearFitTests.swift.
"""
import math
import statistics
from fractions import Fraction

from log_t_intervals import t_quantile


def fit(xs, ys, confidence=0.95):
    n = len(xs)
    fx = [Fraction(v) for v in xs]
    fy = [Fraction(v) for v in ys]
    # X'X = [[n, sum x], [sum x, sum x^2]], X'y = [sum y, sum xy]
    s1, sx, sxx = n, sum(fx), sum(v * v for v in fx)
    sy, sxy = sum(fy), sum(a * b for a, b in zip(fx, fy))
    det = s1 * sxx - sx * sx
    inv = [[sxx / det, -sx / det], [-sx / det, s1 / det]]
    a = inv[0][0] * sy + inv[0][1] * sxy
    b = inv[1][0] * sy + inv[1][1] * sxy
    sse = sum((yv - a - b * xv) ** 2 for xv, yv in zip(fx, fy))
    s2 = sse / (n - 2)
    t = t_quantile((1 + confidence) / 2, n - 2)
    se_a = math.sqrt(float(s2 * inv[0][0]))
    se_b = math.sqrt(float(s2 * inv[1][1]))
    check = statistics.linear_regression(xs, ys)
    assert math.isclose(check.slope, float(b), rel_tol=1e-12, abs_tol=1e-15)
    assert math.isclose(check.intercept, float(a), rel_tol=1e-12, abs_tol=1e-15)
    try:
        from scipy import stats

        r = stats.linregress(xs, ys)
        assert math.isclose(r.stderr, se_b, rel_tol=1e-9)
        assert math.isclose(r.intercept_stderr, se_a, rel_tol=1e-9)
    except ImportError:
        pass
    return (float(a), float(a) - t * se_a, float(a) + t * se_a, float(b), float(b) - t * se_b,
            float(b) + t * se_b, math.sqrt(float(s2)))


CASES = [
    # A fixed cost plus a cost per unit, with noise: fib's execute against n, in seconds.
    ([20, 24, 28], [0.00021, 0.00139, 0.00952]),
    ([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1]),
    ([1000, 2000, 4000, 8000, 16000, 32000], [0.0102, 0.0119, 0.0161, 0.0239, 0.0405, 0.0718]),
    ([3, 1, 2, 2], [5.0, 1.0, 3.5, 2.5]),
]

if __name__ == "__main__":
    for xs, ys in CASES:
        print(xs, ys)
        print("  intercept, low, high, slope, low, high, residual sd:")
        print("  " + ", ".join(repr(v) for v in fit(xs, ys)))
    print("90%:", ", ".join(repr(v) for v in fit(*CASES[1], confidence=0.9)))
