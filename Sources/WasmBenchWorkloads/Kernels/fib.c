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

/* Stores the problem size (`n`) the work reads. */
static void fib_set_size(int size) {
    fib_n = (int)size;
}

/* fib(n) by iteration: an answer that shares no code with the recursion. */
static uint64_t fib_reference(int n) {
    uint64_t a = 0, b = 1;
    for (int i = 0; i < n; i++) {
        uint64_t next = a + b;
        a = b;
        b = next;
    }
    return a;
}

int main(int argc, char **argv) {
    wb_size size = {"n", 35, 1, 45, fib_set_size, fib_reference};
    wb_kernel kernel = {NULL, fib_work, FIB_EXPECTED, size};
    return wb_run(argc, argv, kernel);
}
