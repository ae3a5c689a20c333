/*
 * fib - call-heavy recursion: the naive doubly recursive Fibonacci function.
 * Almost all time goes to calls, returns and a compare per call (no memory traffic besides the
 * call stack). At -O2 clang keeps one of the two calls and turns the other into a loop, which
 * still leaves about fib(n + 1), some 15 million, calls per iteration.
 */
#include "wasmbench.h" /* first: it defines _POSIX_C_SOURCE for the system headers */

/* The argument of the top call. Read afresh every iteration. */
static volatile int fib_n = 35;

/* Expected result: fib(35). */
#define FIB_EXPECTED UINT64_C(9227465)

static uint64_t fib(int n) {
    if (n < 2) {
        return (uint64_t)n;
    }
    return fib(n - 1) + fib(n - 2);
}

static uint64_t fib_work(void) {
    return fib(fib_n);
}

int main(int argc, char **argv) {
    wb_kernel kernel = {NULL, fib_work, FIB_EXPECTED};
    return wb_run(argc, argv, kernel);
}
