/*
 * wasmbench's exec helper: runs one program as a fork()ed child of this small process and writes
 * the child's wait status and resource use to a file.
 *
 * Why: a child started with posix_spawn (vfork) from wasmbench inherits wasmbench's own memory
 * high-water mark in ru_maxrss (Linux records the old address space's peak at exec). Forking from
 * this tiny static program instead gives the measured program a clean peak RSS.
 *
 * Usage: exec-helper REPORT PROGRAM [ARGS...]
 * REPORT gets one line: "<wait status> <maxrss KiB> <user s> <system s> <wall ns> <realtime ns at fork>".
 * The helper exits like the child (same status, or the same signal).
 */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long nanoseconds(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s REPORT PROGRAM [ARGS...]\n", argv[0]);
        return 125;
    }
    long long realtime = nanoseconds(CLOCK_REALTIME);
    long long start = nanoseconds(CLOCK_MONOTONIC);
    pid_t child = fork();
    if (child < 0) {
        perror("wasmbench exec-helper: fork");
        return 126;
    }
    if (child == 0) {
        execv(argv[2], argv + 2);
        perror("wasmbench exec-helper: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            perror("wasmbench exec-helper: wait4");
            return 126;
        }
    }
    long long wall = nanoseconds(CLOCK_MONOTONIC) - start;
    FILE *report = fopen(argv[1], "w");
    if (report != NULL) {
        fprintf(report, "%d %ld %ld.%06ld %ld.%06ld %lld %lld\n", status, usage.ru_maxrss, (long)usage.ru_utime.tv_sec,
                (long)usage.ru_utime.tv_usec, (long)usage.ru_stime.tv_sec, (long)usage.ru_stime.tv_usec, wall, realtime);
        fclose(report);
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) {
        signal(WTERMSIG(status), SIG_DFL);
        kill(getpid(), WTERMSIG(status));
        return 128 + WTERMSIG(status);
    }
    return 126;
}
