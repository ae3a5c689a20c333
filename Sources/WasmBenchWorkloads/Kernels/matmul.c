/*
 * matmul - memory-bound floating point: C = A * B for 480 x 480 matrices of doubles
 * (1.8 MiB each, 5.3 MiB together: more than this machine's per-core L2). The loops run in
 * i-k-j order, so the inner loop streams a row of B and a row of C (BUILD.md keeps it scalar on
 * both targets). Entries are multiples of 1/8 in [-1, 1]: every product and partial sum is
 * exact in a double, so the result does not depend on evaluation order at all.
 */
#include "wasmbench.h" /* first: it defines _POSIX_C_SOURCE for the system headers */

#include <string.h>

#define MATMUL_MAX 480

/* Matrix order used per iteration (at most MATMUL_MAX). Read afresh every iteration. */
static volatile int matmul_n = 480;

/* Expected result for n = 480 (see matmul_checksum); cross-checked with integer Python. */
#define MATMUL_EXPECTED UINT64_C(10447815703574386899)

static double matmul_a[MATMUL_MAX * MATMUL_MAX];
static double matmul_b[MATMUL_MAX * MATMUL_MAX];
static double matmul_c[MATMUL_MAX * MATMUL_MAX];

/* Fills A and B with multiples of 1/8 in [-1, 1]; a fixed pattern, not a random one. */
static void matmul_fill(int n) {
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            matmul_a[i * n + j] = (double)((i * 7 + j * 3) % 17 - 8) / 8.0;
            matmul_b[i * n + j] = (double)((i * 5 + j * 11) % 13 - 6) / 8.0;
        }
    }
}

static void matmul_multiply(int n, const double *restrict a, const double *restrict b,
                            double *restrict c) {
    memset(c, 0, sizeof(double) * (size_t)n * (size_t)n);
    for (int i = 0; i < n; i++) {
        double *row = c + (size_t)i * (size_t)n;
        for (int k = 0; k < n; k++) {
            double aik = a[(size_t)i * (size_t)n + (size_t)k];
            const double *brow = b + (size_t)k * (size_t)n;
            for (int j = 0; j < n; j++) {
                row[j] += aik * brow[j];
            }
        }
    }
}

/* Every entry of C, scaled back to an integer (entries are multiples of 1/64), folded in order. */
static uint64_t matmul_checksum(int n, const double *c) {
    uint64_t sum = (uint64_t)n;
    for (int i = 0; i < n * n; i++) {
        sum = wb_mix(sum, (uint64_t)(int64_t)(c[i] * 64.0));
    }
    return sum;
}

static uint64_t matmul_work(void) {
    int n = matmul_n;
    if (n < 1 || n > MATMUL_MAX) {
        return 0;
    }
    matmul_multiply(n, matmul_a, matmul_b, matmul_c);
    return matmul_checksum(n, matmul_c);
}

static void matmul_prepare(void) {
    matmul_fill(matmul_n);
}

/* Stores the problem size (`n`) the work reads. */
static void matmul_set_size(int size) {
    matmul_n = (int)size;
}

int main(int argc, char **argv) {
    wb_size size = {"n", 480, 1, MATMUL_MAX, matmul_set_size, NULL};
    wb_kernel kernel = {matmul_prepare, matmul_work, MATMUL_EXPECTED, size};
    return wb_run(argc, argv, kernel);
}
