/*
 * wasmbench.h - the guest side of the wasmbench marker protocol.
 *
 * Every kernel includes this header first (it sets _POSIX_C_SOURCE before any system header, so
 * clock_gettime is declared under -std=c11 on glibc, musl and wasi-libc alike).
 *
 * Protocol: these lines on stdout, one per line, stdout flushed after each; no other stdout line
 * starts with "wasmbench:".
 *   wasmbench:start <ns>           first thing in main: CLOCK_REALTIME in nanoseconds
 *   wasmbench:iter <index> <ns>    after iteration <index> (0-based): its CLOCK_MONOTONIC
 *                                  nanoseconds, covering the work only, not the printing
 *   wasmbench:check ok <checksum>  at the end, when every iteration produced the built-in answer
 *   wasmbench:check fail got=<x> want=<y>
 *                                  otherwise (x is the first wrong result); the exit status is 3
 * Usage: prog [iterations]; iterations defaults to 5. Anything that is not a whole number from 1
 * to INT_MAX is a usage error: a message on stderr and exit status 2.
 * Checksums are unsigned 64-bit integers printed in decimal.
 */
#ifndef WASMBENCH_H
#define WASMBENCH_H

#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200809L
#undef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Exit statuses shared by every kernel. */
enum {
    WB_EXIT_OK = 0,
    WB_EXIT_USAGE = 2,
    WB_EXIT_CHECK_FAILED = 3,
};

/* Iterations run when argv[1] is absent. */
#define WB_DEFAULT_ITERATIONS 5

/*
 * Every iteration's result is folded into this sink. It is volatile, so the compiler must
 * produce each result in full and cannot drop or merge iterations.
 */
static volatile uint64_t wb_sink;

/* Reads the given clock in nanoseconds; 0 if the clock cannot be read. */
static inline uint64_t wb_clock_ns(clockid_t clock) {
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) {
        return 0;
    }
    return (uint64_t)ts.tv_sec * UINT64_C(1000000000) + (uint64_t)ts.tv_nsec;
}

/* Monotonic nanoseconds, for timing one iteration. */
static inline uint64_t wb_now(void) {
    return wb_clock_ns(CLOCK_MONOTONIC);
}

/* Prints the start marker (wall-clock time); call it first thing in main. */
static inline void wb_start(void) {
    printf("wasmbench:start %" PRIu64 "\n", wb_clock_ns(CLOCK_REALTIME));
    fflush(stdout);
}

/*
 * Returns the iteration count from argv[1] (or the default). On a usage error it prints a
 * message on stderr and exits with status 2: this runs at the top of main, before any work.
 */
static inline int wb_iterations(int argc, char **argv) {
    const char *name = argc > 0 && argv[0] != NULL ? argv[0] : "kernel";
    if (argc < 2) {
        return WB_DEFAULT_ITERATIONS;
    }
    if (argc > 2) {
        fprintf(stderr, "usage: %s [iterations]\n", name);
        exit(WB_EXIT_USAGE);
    }
    const char *text = argv[1];
    char *end = NULL;
    errno = 0;
    long long value = strtoll(text, &end, 10);
    int is_number = end != text && *end == '\0' && text[0] >= '0' && text[0] <= '9';
    if (!is_number || errno == ERANGE || value < 1 || value > INT_MAX) {
        fprintf(stderr, "%s: iterations must be a whole number from 1 to %d, got '%s'\n", name,
                INT_MAX, text);
        fprintf(stderr, "usage: %s [iterations]\n", name);
        exit(WB_EXIT_USAGE);
    }
    return (int)value;
}

/* Folds a result into the volatile sink; call it before reading the end time. */
static inline void wb_consume(uint64_t result) {
    wb_sink = wb_sink * UINT64_C(31) + result;
}

/* Prints one iteration's marker. */
static inline void wb_iter(int index, uint64_t elapsed_ns) {
    printf("wasmbench:iter %d %" PRIu64 "\n", index, elapsed_ns);
    fflush(stdout);
}

/* Tracks whether every iteration produced the expected checksum. */
typedef struct {
    uint64_t want;
    uint64_t first_wrong;
    int wrong;
} wb_checker;

/* A checker that expects every iteration to return want. */
static inline wb_checker wb_expect(uint64_t want) {
    wb_checker checker = {want, 0, 0};
    return checker;
}

/* Records one iteration's result; remembers the first one that differs from the answer. */
static inline void wb_record(wb_checker *checker, uint64_t got) {
    if (got != checker->want && !checker->wrong) {
        checker->wrong = 1;
        checker->first_wrong = got;
    }
}

/* Prints the check marker and returns main's exit status. */
static inline int wb_finish(const wb_checker *checker) {
    if (checker->wrong) {
        printf("wasmbench:check fail got=%" PRIu64 " want=%" PRIu64 "\n", checker->first_wrong,
               checker->want);
        fflush(stdout);
        return WB_EXIT_CHECK_FAILED;
    }
    printf("wasmbench:check ok %" PRIu64 "\n", checker->want);
    fflush(stdout);
    return WB_EXIT_OK;
}

/* Mixes one 64-bit word into a running checksum (order-sensitive, every bit matters). */
static inline uint64_t wb_mix(uint64_t state, uint64_t word) {
    state ^= word + UINT64_C(0x9e3779b97f4a7c15) + (state << 6) + (state >> 2);
    state *= UINT64_C(0xff51afd7ed558ccd);
    return state ^ (state >> 29);
}

/* A kernel's per-iteration steps. */
typedef struct {
    /* Untimed set-up before each iteration (e.g. restoring the unsorted input); may be NULL. */
    void (*prepare)(void);
    /* The timed work; returns the iteration's checksum. */
    uint64_t (*work)(void);
    /* The checksum every iteration must return. */
    uint64_t expected;
} wb_kernel;

/*
 * Runs a kernel as a whole program: start marker, argument parsing, then per iteration
 * prepare, timed work, sink, iteration marker, check. Returns main's exit status.
 */
static inline int wb_run(int argc, char **argv, wb_kernel kernel) {
    wb_start();
    int count = wb_iterations(argc, argv);
    wb_checker checker = wb_expect(kernel.expected);
    /*
     * Called through a volatile pointer so the work is never inlined into main: every iteration
     * is a fresh call. Engines that tier up only between calls (V8 has no on-stack replacement
     * for wasm) can then run later iterations in optimised code instead of staying in the
     * baseline tier for the whole run.
     */
    uint64_t (*volatile work)(void) = kernel.work;
    for (int i = 0; i < count; i++) {
        if (kernel.prepare != NULL) {
            kernel.prepare();
        }
        uint64_t t0 = wb_now();
        uint64_t result = work();
        wb_consume(result); /* volatile access: the work cannot move past the end time */
        uint64_t t1 = wb_now();
        wb_iter(i, t1 - t0);
        wb_record(&checker, result);
    }
    return wb_finish(&checker);
}

#endif /* WASMBENCH_H */
