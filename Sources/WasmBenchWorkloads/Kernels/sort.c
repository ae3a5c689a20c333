/*
 * sort - memory-bound integer work: quicksort of 512 Ki pseudo-random 32-bit integers (2 MiB,
 * twice this machine's per-core L2). Median-of-three pivots, the smaller side recursed and the
 * larger looped, insertion sort below 16 elements. Unpredictable compares and swaps over a
 * large array; each iteration sorts a fresh copy of the same input (the copy is not timed).
 */
#include "wasmbench.h" /* first: it defines _POSIX_C_SOURCE for the system headers */

#include <string.h>

#define SORT_MAX (1 << 19)
#define SORT_SMALL 16

/* Elements sorted per iteration (at most SORT_MAX). Read afresh every iteration. */
static volatile int sort_count = 1 << 19;

/* Expected result for 512 Ki elements (see sort_checksum); cross-checked with Python's sorted(). */
#define SORT_EXPECTED UINT64_C(16694587133248312564)

static uint32_t sort_input[SORT_MAX];
static uint32_t sort_data[SORT_MAX];

/* The same pseudo-random input every time (xorshift32). */
static void sort_fill_input(int count) {
    uint32_t state = 2463534242u;
    for (int i = 0; i < count; i++) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        sort_input[i] = state;
    }
}

static void sort_swap(uint32_t *a, uint32_t *b) {
    uint32_t t = *a;
    *a = *b;
    *b = t;
}

static void sort_insertion(uint32_t *v, int n) {
    for (int i = 1; i < n; i++) {
        uint32_t key = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > key) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = key;
    }
}

/* Sorts v[0 .. n-1] ascending. Recursion depth stays below log2(n). */
static void sort_quick(uint32_t *v, int n) {
    while (n > SORT_SMALL) {
        int mid = n / 2;
        /* Order first, middle, last; the median lands in the middle. */
        if (v[mid] < v[0]) sort_swap(&v[mid], &v[0]);
        if (v[n - 1] < v[0]) sort_swap(&v[n - 1], &v[0]);
        if (v[n - 1] < v[mid]) sort_swap(&v[n - 1], &v[mid]);
        uint32_t pivot = v[mid];
        int i = 0;
        int j = n - 1;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                sort_swap(&v[i], &v[j]);
                i++;
                j--;
            }
        }
        /* v[0 .. j] <= pivot <= v[i .. n-1] */
        int left = j + 1;
        int right = n - i;
        if (left < right) {
            sort_quick(v, left);
            v += i;
            n = right;
        } else {
            sort_quick(v + i, right);
            n = left;
        }
    }
    sort_insertion(v, n);
}

/* 0 if v is not ascending; otherwise every 16th element and the count, folded in order. */
static uint64_t sort_checksum(const uint32_t *v, int n) {
    for (int i = 1; i < n; i++) {
        if (v[i - 1] > v[i]) {
            return 0;
        }
    }
    uint64_t sum = (uint64_t)n;
    for (int i = 0; i < n; i += 16) {
        sum = wb_mix(sum, v[i]);
    }
    return sum;
}

/* Restores the unsorted input. */
static void sort_prepare(void) {
    sort_fill_input(SORT_MAX);
    memcpy(sort_data, sort_input, sizeof sort_data);
}

static uint64_t sort_work(void) {
    int count = sort_count;
    if (count < 1 || count > SORT_MAX) {
        return 0;
    }
    sort_quick(sort_data, count);
    return sort_checksum(sort_data, count);
}

/* Stores the problem size (`count`) the work reads. */
static void sort_set_size(int size) {
    sort_count = (int)size;
}

int main(int argc, char **argv) {
    wb_size size = {"count", 524288, 1, SORT_MAX, sort_set_size, NULL};
    wb_kernel kernel = {sort_prepare, sort_work, SORT_EXPECTED, size};
    return wb_run(argc, argv, kernel);
}
