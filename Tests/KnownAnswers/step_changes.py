#!/usr/bin/env python3
"""Known answers for wasmbench's step-change detection (WasmBenchStatistics/StepChange.swift).

Independent of the Swift code: written from the method's description (moving windows before and
after each index, 95% t intervals of the windows' geometric means on the log scale, a step where
they do not overlap and the relative change exceeds the threshold, the largest change of a run of
neighbouring candidates kept), with the t quantile of log_t_intervals.py. Standard library only.

Run: python3 Tests/KnownAnswers/step_changes.py
Its output is pasted into Tests/WasmBenchStatisticsTests/StepChangeTests.swift.
"""
import math

from log_t_intervals import geometric_mean_interval


def step_changes(values, window, threshold, confidence=0.95):
    if window < 2 or len(values) < 2 * window:
        return []
    candidates = []
    for i in range(window, len(values) - window + 1):
        b, bl, bh, _ = geometric_mean_interval(values[i - window:i], confidence)
        a, al, ah, _ = geometric_mean_interval(values[i:i + window], confidence)
        ratio = a / b
        if (al > bh or ah < bl) and max(ratio, 1 / ratio) - 1 > threshold:
            candidates.append((i, (b, bl, bh), (a, al, ah), ratio))
    runs = []
    for c in candidates:
        if runs and runs[-1][-1][0] + 1 == c[0]:
            runs[-1].append(c)
        else:
            runs.append([c])
    return [max(run, key=lambda c: abs(math.log(c[3]))) for run in runs]


if __name__ == "__main__":
    step = [10.0, 10.3, 9.8, 10.1, 10.2, 12.1, 11.9, 12.3, 12.0, 12.2]
    for c in step_changes(step, 4, 0.05):
        print("step", c[0], "before %.15g [%.15g, %.15g]" % c[1], "after %.15g [%.15g, %.15g]" % c[2], "ratio %.15g" % c[3])
    flat = [10.0, 10.3, 9.8, 10.1, 10.2, 10.0, 9.9, 10.3, 10.0, 10.2]
    print("flat", step_changes(flat, 4, 0.05))
    # A small but clear change: intervals apart, below a 5% threshold.
    small = [10.0, 10.01, 9.99, 10.0, 10.3, 10.31, 10.29, 10.3]
    print("small 5%", step_changes(small, 4, 0.05), "small 1%", [c[0] for c in step_changes(small, 4, 0.01)])
