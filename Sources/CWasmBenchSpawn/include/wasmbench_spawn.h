#ifndef WASMBENCH_SPAWN_H
#define WASMBENCH_SPAWN_H

#include <sys/types.h>

/*
 * Starts PATH with ARGV and ENVP behind a guard process, so that the child and everything it
 * starts die with wasmbench, even when wasmbench is killed with SIGKILL. See spawn.c.
 *
 * The guard leads a new process group (the child and its own helpers join it), has standard
 * input from /dev/null and standard output and error in STDOUT_PATH and STDERR_PATH, and exits
 * only by killing that whole group once the child has ended.
 *
 * Returns the guard's pid, with *STATUS_FD set to the pipe the guard reports the child's wait
 * status on (read it with wasmbench_spawn_status, then close it) and *FORK_REALTIME_NS to
 * CLOCK_REALTIME when the guard started the child (left as it was if the guard died first); or
 * -1 with *ERROR set to the errno of what failed (opening the files, fork, or the child's execve).
 */
pid_t wasmbench_spawn(const char *path, char *const argv[], char *const envp[], const char *stdout_path,
                      const char *stderr_path, int *status_fd, long long *fork_realtime_ns, int *error);

/*
 * After the guard has ended: 1 with *STATUS set to the child's wait status and *WALL_NS to its
 * wall time (from the guard's vfork to reaping it) when the guard saw the child end, 0 when the
 * guard was killed first (a time limit, an interruption).
 */
int wasmbench_spawn_status(int status_fd, int *status, long long *wall_ns);

#endif
