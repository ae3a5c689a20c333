#!/usr/bin/env python3
"""Known answers for wasmbench's Student t quantile and log-scale t intervals.

Independent of the Swift code: the t distribution function here is A&S 26.7.3's finite series for
whole degrees of freedom and a numerical integral of the density (adaptive Simpson) for fractional
ones, checked against each other; quantiles by plain bisection. Standard library only; when scipy
is installed the results are also checked against scipy.stats (t.ppf, t.cdf, t.interval and
ttest_ind's Welch interval), a second implementation by other hands.

Run: python3 Tests/KnownAnswers/log_t_intervals.py
Its output is pasted into Tests/WasmBenchStatisticsTests/StudentTTests.swift and
LogTIntervalTests.swift.
"""
import math


def t_cdf_series(t, nu):
    """P(T <= t) for whole nu, M. Abramowitz and I. A. Stegun (1964) 26.7.3 and 26.7.4."""
    theta = math.atan(abs(t) / math.sqrt(nu))
    s, c = math.sin(theta), math.cos(theta)
    if nu % 2 == 1:
        total, term = 0.0, c
        if nu > 1:
            total = term
            for k in range(1, (nu - 3) // 2 + 1):
                term *= c * c * (2 * k) / (2 * k + 1)
                total += term
        a = 2 / math.pi * (theta + s * total)
    else:
        total, term = 1.0, 1.0
        for k in range(1, (nu - 2) // 2 + 1):
            term *= c * c * (2 * k - 1) / (2 * k)
            total += term
        a = s * total
    return 0.5 + a / 2 if t >= 0 else 0.5 - a / 2


def t_density(u, nu):
    log_c = math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2) - 0.5 * math.log(nu * math.pi)
    return math.exp(log_c - (nu + 1) / 2 * math.log1p(u * u / nu))


def simpson(f, a, b, tol, whole=None, depth=60):
    m = (a + b) / 2
    fa, fm, fb = f(a), f(m), f(b)
    if whole is None:
        whole = (b - a) / 6 * (fa + 4 * fm + fb)
    lm, rm = (a + m) / 2, (m + b) / 2
    left = (m - a) / 6 * (fa + 4 * f(lm) + fm)
    right = (b - m) / 6 * (fm + 4 * f(rm) + fb)
    if depth == 0 or abs(left + right - whole) <= 15 * tol:
        return left + right + (left + right - whole) / 15
    return simpson(f, a, m, tol / 2, left, depth - 1) + simpson(f, m, b, tol / 2, right, depth - 1)


def t_cdf_integral(t, nu):
    """P(T <= t) as 1/2 plus the integral of the density from 0 to |t|."""
    area = simpson(lambda u: t_density(u, nu), 0.0, abs(t), 1e-15)
    return 0.5 + area if t >= 0 else 0.5 - area


def t_cdf(t, nu):
    return t_cdf_series(t, int(nu)) if float(nu).is_integer() else t_cdf_integral(t, nu)


def t_quantile(p, nu):
    target = max(p, 1 - p)
    low, high = 0.0, 1.0
    while t_cdf(high, nu) < target:
        low, high = high, high * 2
    for _ in range(200):
        middle = (low + high) / 2
        if middle in (low, high):
            break
        if t_cdf(middle, nu) < target:
            low = middle
        else:
            high = middle
    t = (low + high) / 2
    return t if p > 0.5 else -t


def log_sample(xs):
    logs = [math.log(x) for x in xs]
    mean = sum(logs) / len(logs)
    var = sum((l - mean) ** 2 for l in logs) / (len(logs) - 1)
    return mean, var / len(logs), len(logs) - 1


def interval(center, components, confidence=0.95):
    """exp(center +- t * sqrt(sum of variances)), Satterthwaite (1946) degrees of freedom."""
    v = sum(c[0] for c in components)
    df = v * v / sum(c[0] * c[0] / c[1] for c in components)
    half = t_quantile((1 + confidence) / 2, df) * math.sqrt(v)
    return math.exp(center), math.exp(center - half), math.exp(center + half), df


def geometric_mean_interval(xs, confidence=0.95):
    mean, v, df = log_sample(xs)
    return interval(mean, [(v, df)], confidence)


def gm_of_ratios_of_gms(pairs, confidence=0.95):
    k = len(pairs)
    center, components = 0.0, []
    for top, bottom in pairs:
        (mt, vt, dt), (mb, vb, db) = log_sample(top), log_sample(bottom)
        center += (mt - mb) / k
        components += [(vt / k / k, dt), (vb / k / k, db)]
    return interval(center, components, confidence)


def minima(groups):
    return [min(g) for g in groups if g]


def cross_check_with_scipy():
    """What scipy computes on its own (Boost's t distribution, scipy.stats.ttest_ind's Welch
    degrees of freedom, gmean) against the implementation above: the known answers have a second,
    independent source. Skipped, with a line saying so, when scipy is not installed."""
    try:
        import numpy
        import scipy.stats as st
    except ImportError:
        print("# scipy not installed: the cross-check against scipy.stats is skipped")
        return
    # The series above loses digits for a million degrees of freedom (1e-11 relative): within 1e-10.
    for p, nu in [(0.975, 1), (0.975, 3), (0.975, 4.7), (0.9, 3), (0.995, 10), (0.025, 4), (0.975, 1000000)]:
        assert math.isclose(t_quantile(p, nu), st.t.ppf(p, nu), rel_tol=1e-10), (p, nu)
    for t, nu in [(2.0, 3), (-1.5, 7), (0.7, 2.5), (-3.0, 1)]:
        assert math.isclose(t_cdf(t, nu), st.t.cdf(t, nu), rel_tol=1e-12), (t, nu)
    xs = [1.0, 1.1, 0.95]
    value, low, high, _ = geometric_mean_interval(xs)
    logs = numpy.log(xs)
    ci = st.t.interval(0.95, len(xs) - 1, loc=logs.mean(), scale=st.sem(logs))
    assert math.isclose(value, st.gmean(xs), rel_tol=1e-14)
    assert math.isclose(low, math.exp(ci[0]), rel_tol=1e-12) and math.isclose(high, math.exp(ci[1]), rel_tol=1e-12)
    a, b = [2.0, 2.2, 2.1, 2.05], [1.0, 1.3, 1.1]
    value, low, high, df = gm_of_ratios_of_gms([(a, b)])
    welch = st.ttest_ind(numpy.log(a), numpy.log(b), equal_var=False)
    assert math.isclose(df, welch.df, rel_tol=1e-12), (df, welch.df)
    ci = welch.confidence_interval(0.95)
    assert math.isclose(low, math.exp(ci.low), rel_tol=1e-12) and math.isclose(high, math.exp(ci.high), rel_tol=1e-12)
    print("# scipy.stats agrees: t quantiles and cdf, the one-sample and Welch log-scale t intervals")


if __name__ == "__main__":
    cross_check_with_scipy()
    # The two distribution functions agree where both apply.
    for nu in (1, 2, 3, 4, 5, 9, 30):
        for t in (0.3, 1.0, 2.5, 7.0):
            assert abs(t_cdf_series(t, nu) - t_cdf_integral(t, nu)) < 1e-13, (t, nu)
    print("quantiles (p, nu) -> t")
    for p, nu in [(0.975, 1), (0.975, 2), (0.975, 3), (0.975, 4), (0.975, 5), (0.975, 9), (0.975, 29),
                  (0.025, 4), (0.9, 3), (0.995, 10), (0.975, 2.5), (0.975, 4.7), (0.975, 10000), (0.975, 1000000)]:
        print(f"  ({p}, {nu}) -> {t_quantile(p, nu)!r}")
    print("cdf (t, nu) -> P")
    for t, nu in [(2.0, 3), (-1.5, 7), (0.7, 2.5), (-3.0, 1)]:
        print(f"  ({t}, {nu}) -> {t_cdf(t, nu)!r}")
    xs = [1.0, 1.1, 0.95]
    print("geometricMeanInterval", xs, "->", geometric_mean_interval(xs))
    print("geometricMeanInterval 90%", xs, "->", geometric_mean_interval(xs, 0.9))
    a, b = [2.0, 2.2, 2.1, 2.05], [1.0, 1.3, 1.1]
    print("ratioOfGeometricMeans", a, b, "->", gm_of_ratios_of_gms([(a, b)]))
    pairs = [(a, b), ([5.0, 5.5], [2.0, 2.1, 1.9])]
    print("geometricMeanOfRatiosOfGeometricMeans", pairs, "->", gm_of_ratios_of_gms(pairs))
    top = [[1.3, 1.2, 1.25], [1.1, 1.4], [], [1.22, 1.5, 1.21]]
    bottom = [[1.0, 0.9], [0.95, 1.05, 1.0]]
    print("minima", top, "->", minima(top), ";", bottom, "->", minima(bottom))
    print("ratioOfMinima ->", gm_of_ratios_of_gms([(minima(top), minima(bottom))]))
    print("geometricMeanOfMinima(top) ->", geometric_mean_interval(minima(top)))
    other = ([[3.0, 2.9], [3.3]], [[1.5], [1.6, 1.7]])
    print("geometricMeanOfRatiosOfMinima ->",
          gm_of_ratios_of_gms([(minima(top), minima(bottom)), (minima(other[0]), minima(other[1]))]))
