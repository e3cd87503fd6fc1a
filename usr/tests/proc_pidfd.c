// SPDX-License-Identifier: GPL-2.0
/*
 * proc_pidfd: process file descriptors.  pidfd_open and CLONE_PIDFD
 * (clone and clone3) make them; poll says when the process has exited;
 * pidfd_send_signal signals through them (ESRCH once reaped);
 * pidfd_getfd copies a descriptor out of the process (ptrace rules);
 * waitid(P_PIDFD) waits for it, EAGAIN on a non-blocking one.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#ifndef P_PIDFD
#define P_PIDFD		3
#endif
#ifndef CLONE_PIDFD
#define CLONE_PIDFD	0x00001000
#endif

struct clone_args_v0 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

static int pidfd_open(pid_t pid, unsigned int flags)
{
	return syscall(SYS_pidfd_open, pid, flags);
}

static int pidfd_send_signal(int fd, int sig, siginfo_t *info, unsigned int flags)
{
	return syscall(SYS_pidfd_send_signal, fd, sig, info, flags);
}

static int pidfd_getfd(int pidfd, int fd, unsigned int flags)
{
	return syscall(SYS_pidfd_getfd, pidfd, fd, flags);
}

/* A child that sleeps until killed. */
static pid_t sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

static int readable(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

LT_CASE(open_errors)
{
	int fd = pidfd_open(getpid(), 0);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	close(fd);
	fd = pidfd_open(getpid(), O_NONBLOCK);
	LT_CHECK(fd >= 0);
	LT_CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	close(fd);
	LT_CHECK_ERR(pidfd_open(getpid(), 1), EINVAL);
	LT_CHECK_ERR(pidfd_open(0, 0), EINVAL);
	LT_CHECK_ERR(pidfd_open(-1, 0), EINVAL);
	LT_CHECK_ERR(pidfd_open(32767, 0), ESRCH);
}

LT_CASE(poll_and_signal)
{
	pid_t pid = sleeper();
	int fd = pidfd_open(pid, 0), status;
	siginfo_t info;

	LT_CHECK(fd >= 0);
	LT_CHECK(!readable(fd, 50));
	LT_CHECK_ERR(pidfd_send_signal(fd, SIGTERM, NULL, 1), EINVAL);
	LT_CHECK_ERR(pidfd_send_signal(fd, 1000, NULL, 0), EINVAL);
	memset(&info, 0, sizeof(info));
	info.si_signo = SIGUSR1;
	info.si_code = SI_QUEUE;
	LT_CHECK_ERR(pidfd_send_signal(fd, SIGTERM, &info, 0), EINVAL);
	info.si_signo = SIGTERM;
	info.si_code = SI_USER;		/* claiming kill() about another process */
	LT_CHECK_ERR(pidfd_send_signal(fd, SIGTERM, &info, 0), EPERM);
	LT_CHECK_OK(pidfd_send_signal(fd, 0, NULL, 0));
	LT_CHECK_OK(pidfd_send_signal(fd, SIGTERM, NULL, 0));
	LT_CHECK(readable(fd, 5000));
	/* A zombie still takes signals (to no effect); a reaped one is gone. */
	LT_CHECK_OK(pidfd_send_signal(fd, 0, NULL, 0));
	LT_CHECK_EQ(waitpid(pid, &status, 0), pid);
	LT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	LT_CHECK_ERR(pidfd_send_signal(fd, SIGTERM, NULL, 0), ESRCH);
	LT_CHECK(readable(fd, 0));
	close(fd);
	/* Not a pidfd. */
	LT_CHECK_ERR(pidfd_send_signal(0, 0, NULL, 0), EBADF);
	LT_CHECK_ERR(pidfd_send_signal(-1, 0, NULL, 0), EBADF);
}

LT_CASE(getfd)
{
	int pipefd[2], fd, got, self = pidfd_open(getpid(), 0);
	pid_t pid;
	char c = 0;

	LT_CHECK(self >= 0);
	LT_CHECK_OK(pipe(pipefd));
	pid = sleeper();
	fd = pidfd_open(pid, 0);
	LT_CHECK(fd >= 0);
	got = pidfd_getfd(fd, pipefd[1], 0);
	LT_CHECK(got >= 0);
	LT_CHECK_EQ(fcntl(got, F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(write(got, "x", 1), 1);
	LT_CHECK_EQ(read(pipefd[0], &c, 1), 1);
	LT_CHECK_EQ(c, 'x');
	close(got);
	LT_CHECK_ERR(pidfd_getfd(fd, pipefd[1], 1), EINVAL);
	LT_CHECK_ERR(pidfd_getfd(fd, 1000, 0), EBADF);
	LT_CHECK_ERR(pidfd_getfd(fd, -1, 0), EBADF);
	LT_CHECK_ERR(pidfd_getfd(pipefd[0], 0, 0), EBADF);
	kill(pid, SIGKILL);
	LT_CHECK_EQ(waitpid(pid, NULL, 0), pid);
	LT_CHECK_ERR(pidfd_getfd(fd, 0, 0), ESRCH);
	close(fd);
	/* Another user's process: no ptrace access. */
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		_exit(pidfd_getfd(self, 0, 0) == -1 && errno == EPERM ? 0 : 2);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(self);
	close(pipefd[0]);
	close(pipefd[1]);
}

LT_CASE(waitid_pidfd)
{
	pid_t pid = sleeper();
	int fd = pidfd_open(pid, O_NONBLOCK);
	siginfo_t info;

	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(waitid(P_PIDFD, fd, &info, WEXITED), EAGAIN);
	kill(pid, SIGKILL);
	LT_CHECK(readable(fd, 5000));
	memset(&info, 0, sizeof(info));
	LT_CHECK_OK(waitid(P_PIDFD, fd, &info, WEXITED));
	LT_CHECK_EQ(info.si_pid, pid);
	LT_CHECK_EQ(info.si_code, CLD_KILLED);
	LT_CHECK_ERR(waitid(P_PIDFD, fd, &info, WEXITED), ECHILD);
	close(fd);
	LT_CHECK_ERR(waitid(P_PIDFD, 0, &info, WEXITED), EBADF);
	LT_CHECK_ERR(waitid(P_PIDFD, -1, &info, WEXITED), EINVAL);
}

LT_CASE(clone_pidfd)
{
	struct clone_args_v0 args;
	int fd = -1, status;
	long pid;

	memset(&args, 0, sizeof(args));
	args.flags = CLONE_PIDFD;
	args.pidfd = (uintptr_t)&fd;
	args.exit_signal = SIGCHLD;
	pid = syscall(SYS_clone3, &args, sizeof(args));
	if (pid == 0)
		_exit(7);
	LT_CHECK(pid > 0);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	LT_CHECK(readable(fd, 5000));
	LT_CHECK_OK(waitid(P_PIDFD, fd, NULL, WEXITED));
	close(fd);

	/* clone(2): the pidfd comes back through the parent_tid argument. */
	fd = -1;
	pid = syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, &fd, 0, 0);
	if (pid == 0)
		_exit(3);
	LT_CHECK(pid > 0 && fd >= 0);
	LT_CHECK_EQ(waitpid(pid, &status, 0), pid);
	LT_CHECK_EQ(WEXITSTATUS(status), 3);
	close(fd);
	LT_CHECK_ERR(syscall(SYS_clone, CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, 0, &fd, 0, 0),
		     EINVAL);
	LT_CHECK_ERR(syscall(SYS_clone, CLONE_PIDFD | CLONE_THREAD | CLONE_SIGHAND | CLONE_VM,
			     0, &fd, 0, 0), EINVAL);
}

int main(void)
{
	lt_begin("proc_pidfd");
	LT_RUN(open_errors);
	LT_RUN(poll_and_signal);
	LT_RUN(getfd);
	LT_RUN(waitid_pidfd);
	LT_RUN(clone_pidfd);
	return lt_end();
}
