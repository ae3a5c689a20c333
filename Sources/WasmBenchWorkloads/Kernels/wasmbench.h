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
 * Usage: prog [[size] iterations]; iterations defaults to 5, the size (the kernel's problem size,
 * such as fib's n) to the kernel's own default. Anything that is not a whole number from 1 to
 * INT_MAX for iterations, or from the kernel's least to its greatest size, is a usage error: a
 * message on stderr and exit status 2. The iteration count is always the last argument.
 * At the default size every iteration must return the built-in answer; at another size, the
 * kernel's independent reference where it has one (fib), else the first iteration's result (the
 * iterations must agree with one another; the checksum is printed for comparison across runtimes).
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
 * Parses text as a whole number from low to high into *value; returns 0 when it is not one.
 */
static inline int wb_parse_int(const char *text, long long low, long long high, long long *value) {
    char *end = NULL;
    errno = 0;
    long long parsed = strtoll(text, &end, 10);
    int is_number = end != text && *end == '\0' && text[0] >= '0' && text[0] <= '9';
    if (!is_number || errno == ERANGE || parsed < low || parsed > high) {
        return 0;
    }
    *value = parsed;
    return 1;
}

/* A kernel's problem size: its name for messages, default and bounds, and how the work reads it. */
typedef struct {
    /* The parameter's name (as in the manifest), e.g. "n". */
    const char *name;
    /* The size the built-in answer is for. */
    int fallback;
    /* The least and greatest size the kernel accepts. */
    int low, high;
    /* Stores the size where the work reads it. */
    void (*set)(int size);
    /* An independent answer at a size, or NULL: then every iteration must agree with the first. */
    uint64_t (*reference)(int size);
} wb_size;

/*
 * Returns the iteration count from the last argument (or the default) and stores the size from
 * the one before it, if given. On a usage error it prints a message on stderr and exits with
 * status 2: this runs at the top of main, before any work.
 */
static inline int wb_arguments(int argc, char **argv, wb_size size, int *chosen) {
    const char *name = argc > 0 && argv[0] != NULL ? argv[0] : "kernel";
    *chosen = size.fallback;
    if (argc < 2) {
        return WB_DEFAULT_ITERATIONS;
    }
    long long value = 0;
    if (argc > 3) {
        fprintf(stderr, "usage: %s [[%s] iterations]\n", name, size.name);
        exit(WB_EXIT_USAGE);
    }
    if (argc == 3) {
        if (!wb_parse_int(argv[1], size.low, size.high, &value)) {
            fprintf(stderr, "%s: %s must be a whole number from %d to %d, got '%s'\n", name, size.name,
                    size.low, size.high, argv[1]);
            exit(WB_EXIT_USAGE);
        }
        *chosen = (int)value;
    }
    const char *text = argv[argc - 1];
    if (!wb_parse_int(text, 1, INT_MAX, &value)) {
        fprintf(stderr, "%s: iterations must be a whole number from 1 to %d, got '%s'\n", name,
                INT_MAX, text);
        fprintf(stderr, "usage: %s [[%s] iterations]\n", name, size.name);
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
    /* Whether want is still unknown: the first recorded result becomes it. */
    int open;
} wb_checker;

/* A checker that expects every iteration to return want. */
static inline wb_checker wb_expect(uint64_t want) {
    wb_checker checker = {want, 0, 0, 0};
    return checker;
}

/* Records one iteration's result; remembers the first one that differs from the answer. */
static inline void wb_record(wb_checker *checker, uint64_t got) {
    if (checker->open) {
        checker->open = 0;
        checker->want = got;
    }
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
    /* The checksum every iteration must return at the default size. */
    uint64_t expected;
    /* The problem size. */
    wb_size size;
} wb_kernel;

/*
 * Runs a kernel as a whole program: start marker, argument parsing, then per iteration
 * prepare, timed work, sink, iteration marker, check. Returns main's exit status.
 */
static inline int wb_run(int argc, char **argv, wb_kernel kernel) {
    wb_start();
    int size = kernel.size.fallback;
    int count = wb_arguments(argc, argv, kernel.size, &size);
    kernel.size.set(size);
    wb_checker checker = wb_expect(kernel.expected);
    if (size != kernel.size.fallback) {
        if (kernel.size.reference != NULL) {
            checker.want = kernel.size.reference(size);
        } else {
            checker.open = 1;
        }
    }
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
