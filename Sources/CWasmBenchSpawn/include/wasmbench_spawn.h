#ifndef WASMBENCH_SPAWN_H
#define WASMBENCH_SPAWN_H

#include <sys/types.h>

/*
 * Starts PATH with ARGV and ENVP behind a guard process, so that the child and everything it
 * starts die with wasmbench, even when wasmbench is killed with SIGKILL. See spawn.c.
 *
 * The guard leads a new process group (the child and its own helpers join it), has standard
 * input from /dev/null and standard output and error on STDOUT_FD and STDERR_FD (the write ends
 * of pipes the caller reads; they may be the same descriptor), and exits only by killing that
 * whole group once the child has ended. The caller closes its copies of STDOUT_FD and STDERR_FD
 * once this returns.
 *
 * Returns the guard's pid, with *STATUS_FD set to the pipe the guard reports the child's wait
 * status on (read it with wasmbench_spawn_status, then close it) and *FORK_REALTIME_NS to
 * CLOCK_REALTIME when the guard started the child (left as it was if the guard died first); or
 * -1 with *ERROR set to the errno of what failed (the descriptors, fork, or the child's execve).
 */
pid_t wasmbench_spawn(const char *path, char *const argv[], char *const envp[], int stdout_fd, int stderr_fd,
                      int *status_fd, long long *fork_realtime_ns, int *error);

/*
 * After the guard has ended: 1 with *STATUS set to the child's wait status and *WALL_NS to its
 * wall time (from the guard's vfork to reaping it) when the guard saw the child end, 0 when the
 * guard was killed first (a time limit, an interruption).
 */
int wasmbench_spawn_status(int status_fd, int *status, long long *wall_ns);

/*
 * A pipe whose two ends are closed on exec (pipe2 with O_CLOEXEC, which Swift's Glibc module does
 * not declare): 0, or -1 with errno set.
 */
int wasmbench_pipe(int fds[2]);

#endif
