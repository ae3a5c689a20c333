/*
 * intloop - a tight, branchy integer loop: Collatz sequence lengths.
 * For every start value below a limit it counts the steps to reach 1 (odd: 3n + 1, even: n / 2);
 * the branch on parity is data-dependent and hard to predict. 64-bit arithmetic throughout.
 */
#include "wasmbench.h" /* first: it defines _POSIX_C_SOURCE for the system headers */

/* Start values 1 .. collatz_limit - 1 are walked. Read afresh every iteration. */
static volatile uint32_t collatz_limit = 300000;

/*
 * Expected result for collatz_limit = 300000: total steps 35669673, longest walk 442 steps from
 * 230631, mixed as in collatz_work (cross-checked with an independent Python script).
 */
#define INTLOOP_EXPECTED UINT64_C(2984132671102191978)

/* Steps from n down to 1. */
static uint32_t collatz_steps(uint64_t n) {
    uint32_t steps = 0;
    while (n != 1) {
        if (n & 1) {
            n = 3 * n + 1;
        } else {
            n >>= 1;
        }
        steps++;
    }
    return steps;
}

/* Total steps, the longest walk and where it starts, folded into one checksum. */
static uint64_t collatz_work(void) {
    uint32_t limit = collatz_limit;
    uint64_t total = 0;
    uint32_t longest = 0;
    uint32_t longest_start = 0;
    for (uint32_t start = 1; start < limit; start++) {
        uint32_t steps = collatz_steps(start);
        total += steps;
        if (steps > longest) {
            longest = steps;
            longest_start = start;
        }
    }
    return wb_mix(wb_mix(total, longest), longest_start);
}

/* Stores the problem size (`limit`) the work reads. */
static void intloop_set_size(int size) {
    collatz_limit = (uint32_t)size;
}

int main(int argc, char **argv) {
    wb_size size = {"limit", 300000, 2, 100000000, intloop_set_size, NULL};
    wb_kernel kernel = {NULL, collatz_work, INTLOOP_EXPECTED, size};
    return wb_run(argc, argv, kernel);
}
