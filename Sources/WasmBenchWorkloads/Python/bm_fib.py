"""Call-heavy recursion: the naive doubly recursive Fibonacci function.

Almost all the time goes into Python function calls and returns, plus small-integer compares
and additions: fib(30) makes 2,692,537 calls. The answer is checked against a loop.
"""

import pyperf

DEPTH = 30


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_by_loop(n):
    previous, current = 0, 1
    for _ in range(n):
        previous, current = current, previous + current
    return previous


def bench_fib(depth):
    got = fib(depth)
    want = fib_by_loop(depth)
    if got != want:
        raise ValueError("fib(%d) gave %d, want %d" % (depth, got, want))


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Recursive Fibonacci: fib(%d)" % DEPTH
    runner.bench_func("fib", bench_fib, DEPTH)
