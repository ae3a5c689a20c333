/*
 * wasmbench's spawn: the child runs behind a guard that takes it, and its helpers, down with
 * wasmbench.
 *
 * Why a guard: Linux's PR_SET_PDEATHSIG sends a signal to a process when its parent dies, but
 * only to that one process (a runtime's own helpers, a browser's renderers, are not covered), and
 * it is cleared by fork. The guard is the child's parent and the leader of the child's process
 * group; its death signal (SIGHUP) makes it kill the whole group. The child itself also gets
 * SIGKILL as its death signal, with the guard as its parent, in case the guard is killed first.
 *
 * Why fork and vfork here rather than posix_spawn: a death signal must be set inside the new
 * process (prctl acts on the caller), and posix_spawn runs no code of ours there. The guard is a
 * fork of wasmbench, a multithreaded process, so it calls only async-signal-safe system calls
 * (no malloc, no locks, no Swift) until it exits: it never execs. Its child is made with vfork,
 * which runs no fork handlers, and only sets its death signal and mask before execve.
 *
 * The thread caveat (prctl(2)): the death signal fires when the *thread* that created the process
 * exits, not the process. The guard is forked by the thread that then waits for it (the
 * launcher's run blocks until the guard is reaped), so that thread outlives the guard unless the
 * whole of wasmbench dies, which is the case to catch. Callers must not spawn on a thread that
 * may exit while the child runs.
 *
 * Limits: a helper that leaves the process group (setsid, setpgid) escapes the group kill; one
 * that execs a set-user-ID program loses its own death signal.
 */
#define _GNU_SOURCE
#include "wasmbench_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* One message from the guard: the child started (nanoseconds: CLOCK_REALTIME at its vfork), could
 * not start (value: errno), or ended (value: its wait status; nanoseconds: its wall time from vfork
 * to reaping, so that wasmbench's own fork of the guard is not in it). */
enum { STARTED = 1, FAILED = 2, ENDED = 3 };
struct message {
    int kind;
    int value;
    long long nanoseconds;
};

static long long nanoseconds(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

static void send_message(int fd, int kind, int value, long long nanoseconds) {
    struct message message = {kind, value, nanoseconds};
    while (write(fd, &message, sizeof message) < 0 && errno == EINTR) {
    }
}

static int receive_message(int fd, struct message *message) {
    ssize_t got;
    while ((got = read(fd, message, sizeof *message)) < 0 && errno == EINTR) {
    }
    return got == (ssize_t)sizeof *message;
}

/* Standard input from /dev/null, output and error to the descriptors wasmbench gave (the write
 * ends of the pipes it reads), the report pipe on fd 3, and no other descriptor of wasmbench's
 * left open (a lock a run holds, another child's pipe, must not outlive it in here).
 * Returns 0, or the errno of what failed. */
static int set_up_descriptors(int *report, int stdout_fd, int stderr_fd) {
    int files[3] = {open("/dev/null", O_RDONLY), stdout_fd, stderr_fd};
    for (int index = 0; index < 3; index++) {
        if (files[index] < 0) return errno;
    }
    /* Out of the way of 0, 1 and 2 first, so no dup2 below overwrites another's source. */
    int moved[4];
    for (int index = 0; index < 3; index++) moved[index] = fcntl(files[index], F_DUPFD_CLOEXEC, 10);
    moved[3] = fcntl(*report, F_DUPFD_CLOEXEC, 10);
    for (int index = 0; index < 4; index++) {
        if (moved[index] < 0) return errno;
    }
    *report = moved[3];
    for (int index = 0; index < 3; index++) {
        if (dup2(moved[index], index) < 0) return errno;
    }
    if (dup3(moved[3], 3, O_CLOEXEC) < 0) return errno;
    *report = 3;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, 4, ~0U, 0) == 0) return 0;
#endif
    {
        struct rlimit limit;
        int top = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 65536 ? (int)limit.rlim_cur : 65536;
        for (int fd = 4; fd < top; fd++) close(fd);
    }
    return 0;
}

/* The guard: sets its death signal, starts the child, waits for it or for wasmbench's death, and
 * ends by killing its process group. Never returns. */
static void guard(pid_t wasmbench, int report, const char *path, char *const argv[], char *const envp[],
                  int stdout_fd, int stderr_fd) {
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGHUP);
    /* wasmbench died before the death signal was set: nothing would ever send it. */
    if (getppid() != wasmbench) kill(0, SIGKILL);
    /* Handlers are wasmbench's code: every signal back to its default (blocked until execve). */
    struct sigaction standard = {0};
    standard.sa_handler = SIG_DFL;
    for (int signal = 1; signal < NSIG; signal++) sigaction(signal, &standard, NULL);
    int failure = set_up_descriptors(&report, stdout_fd, stderr_fd);
    if (failure != 0) {
        send_message(report, FAILED, failure, 0);
        _exit(127);
    }
    pid_t self = getpid();
    volatile int exec_error = 0;
    long long realtime = nanoseconds(CLOCK_REALTIME);
    long long start = nanoseconds(CLOCK_MONOTONIC);
    pid_t child = vfork();
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != self) _exit(127);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execve(path, argv, envp);
        exec_error = errno; /* vfork: the guard's memory, read once the child is gone */
        _exit(127);
    }
    if (child < 0 || exec_error != 0) {
        int code = child < 0 ? errno : exec_error;
        if (child > 0) waitpid(child, NULL, 0);
        send_message(report, FAILED, code, 0);
        _exit(127);
    }
    send_message(report, STARTED, 0, realtime);
    int status = 0;
    for (;;) {
        siginfo_t info;
        int signal = sigwaitinfo(&all, &info);
        if (signal == SIGCHLD) {
            if (waitpid(child, &status, WNOHANG) == child) break;
        } else if (signal == SIGHUP || signal == SIGTERM || signal == SIGINT || signal == SIGQUIT) {
            kill(0, SIGKILL);
        }
    }
    send_message(report, ENDED, status, nanoseconds(CLOCK_MONOTONIC) - start);
    /* The child's own helpers still in the group die with it, and so does the guard. */
    kill(0, SIGKILL);
    _exit(127);
}

pid_t wasmbench_spawn(const char *path, char *const argv[], char *const envp[], int stdout_fd, int stderr_fd,
                      int *status_fd, long long *fork_realtime_ns, int *error) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
        *error = errno;
        return -1;
    }
    pid_t wasmbench = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        close(pipe_fds[0]);
        guard(wasmbench, pipe_fds[1], path, argv, envp, stdout_fd, stderr_fd);
    }
    int fork_error = errno;
    close(pipe_fds[1]);
    if (pid < 0) {
        close(pipe_fds[0]);
        *error = fork_error;
        return -1;
    }
    struct message message;
    int received = receive_message(pipe_fds[0], &message);
    if (received && message.kind == FAILED) {
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
        }
        close(pipe_fds[0]);
        *error = message.value;
        return -1;
    }
    *status_fd = pipe_fds[0];
    if (received && message.kind == STARTED) *fork_realtime_ns = message.nanoseconds;
    return pid;
}

int wasmbench_spawn_status(int status_fd, int *status, long long *wall_ns) {
    struct message message;
    if (!receive_message(status_fd, &message) || message.kind != ENDED) return 0;
    *status = message.value;
    *wall_ns = message.nanoseconds;
    return 1;
}

int wasmbench_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }
