// SPDX-License-Identifier: GPL-2.0
/*
 * fs_sigio: signal-driven I/O.  F_SETOWN/F_GETOWN (a process, a negative
 * process group), F_SETOWN_EX/F_GETOWN_EX (thread, process, group),
 * F_SETSIG/F_GETSIG, and O_ASYNC on a pipe: a write signals the read
 * end's owner with SIGIO, or with the F_SETSIG signal carrying si_fd and
 * si_code POLL_IN; a read that frees room signals the write end's owner
 * with POLL_OUT; no O_ASYNC, no signal.  Bad owners and signals fail.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

static int wait_sig(sigset_t *set, siginfo_t *si, int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	return sigtimedwait(set, si, &ts);
}

LT_CASE(owner_get_set)
{
	struct f_owner_ex ex;
	pid_t pid;
	int p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(fcntl(p[0], F_GETOWN), 0);
	LT_CHECK_OK(fcntl(p[0], F_GETOWN_EX, &ex));
	LT_CHECK_EQ(ex.pid, 0);
	LT_CHECK_OK(fcntl(p[0], F_SETOWN, getpid()));
	LT_CHECK_EQ(fcntl(p[0], F_GETOWN), getpid());
	LT_CHECK_OK(fcntl(p[0], F_GETOWN_EX, &ex));
	LT_CHECK_EQ(ex.type, F_OWNER_PID);
	LT_CHECK_EQ(ex.pid, getpid());
	/* A process group (our own: init's children may be in group 0). */
	pid = fork();
	if (pid == 0) {
		if (setpgid(0, 0) || fcntl(p[0], F_SETOWN, -getpid()))
			_exit(2);
		if (fcntl(p[0], F_GETOWN) != -getpid())
			_exit(3);
		if (fcntl(p[0], F_GETOWN_EX, &ex) || ex.type != F_OWNER_PGRP || ex.pid != getpid())
			_exit(4);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	ex.type = F_OWNER_TID;
	ex.pid = gettid();
	LT_CHECK_OK(fcntl(p[0], F_SETOWN_EX, &ex));
	memset(&ex, 0, sizeof(ex));
	LT_CHECK_OK(fcntl(p[0], F_GETOWN_EX, &ex));
	LT_CHECK_EQ(ex.type, F_OWNER_TID);
	LT_CHECK_EQ(ex.pid, gettid());
	/* Shared by dup: it is the open file's. */
	LT_CHECK_EQ(fcntl(dup(p[0]), F_GETOWN), gettid());
	LT_CHECK_EQ(fcntl(p[0], F_GETSIG), 0);
	LT_CHECK_OK(fcntl(p[0], F_SETSIG, SIGUSR1));
	LT_CHECK_EQ(fcntl(p[0], F_GETSIG), SIGUSR1);
	close(p[0]);
	close(p[1]);
}

LT_CASE(x_bad_owner)
{
	struct f_owner_ex ex = { .type = 7, .pid = 1 };
	int p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_ERR(fcntl(p[0], F_SETOWN_EX, &ex), EINVAL);
	ex.type = F_OWNER_PID;
	ex.pid = 30000;
	LT_CHECK_ERR(fcntl(p[0], F_SETOWN_EX, &ex), ESRCH);
	LT_CHECK_ERR(fcntl(p[0], F_SETOWN, 30000), ESRCH);
	LT_CHECK_ERR(fcntl(p[0], F_SETOWN_EX, (void *)8), EFAULT);
	LT_CHECK_ERR(fcntl(p[0], F_GETOWN_EX, (void *)8), EFAULT);
	LT_CHECK_ERR(fcntl(p[0], F_SETSIG, 65), EINVAL);
	LT_CHECK_ERR(fcntl(p[0], F_SETSIG, -1), EINVAL);
	close(p[0]);
	close(p[1]);
}

LT_CASE(sigio_on_pipe)
{
	sigset_t set, old;
	siginfo_t si;
	char c;
	int p[2];

	sigemptyset(&set);
	sigaddset(&set, SIGIO);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	LT_CHECK_OK(sigprocmask(SIG_BLOCK, &set, &old));
	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(fcntl(p[0], F_SETOWN, getpid()));
	/* Owner set but no O_ASYNC: nothing. */
	LT_CHECK_EQ(write(p[1], "a", 1), 1);
	LT_CHECK_ERR(wait_sig(&set, &si, 50), EAGAIN);
	LT_CHECK_OK(fcntl(p[0], F_SETFL, O_ASYNC));
	LT_CHECK(fcntl(p[0], F_GETFL) & O_ASYNC);
	LT_CHECK_EQ(write(p[1], "b", 1), 1);
	LT_CHECK_EQ(wait_sig(&set, &si, 2000), SIGIO);
	/* With F_SETSIG: that signal, with the details. */
	LT_CHECK_OK(fcntl(p[0], F_SETSIG, SIGUSR1));
	LT_CHECK_EQ(write(p[1], "c", 1), 1);
	LT_CHECK_EQ(wait_sig(&set, &si, 2000), SIGUSR1);
	LT_CHECK_EQ(si.si_fd, p[0]);
	LT_CHECK_EQ(si.si_code, POLL_IN);
	LT_CHECK(si.si_band & POLLIN);
	/* The write end hears of room when a read frees a slot. */
	LT_CHECK_OK(fcntl(p[1], F_SETOWN, getpid()));
	LT_CHECK_OK(fcntl(p[1], F_SETSIG, SIGUSR2));
	LT_CHECK_OK(fcntl(p[1], F_SETFL, O_ASYNC));
	LT_CHECK_EQ(read(p[0], &c, 1), 1);
	LT_CHECK_EQ(read(p[0], &c, 1), 1);
	LT_CHECK_EQ(read(p[0], &c, 1), 1);
	LT_CHECK_EQ(wait_sig(&set, &si, 2000), SIGUSR2);
	LT_CHECK_EQ(si.si_fd, p[1]);
	LT_CHECK_EQ(si.si_code, POLL_OUT);
	/* O_ASYNC off again: silence. */
	LT_CHECK_OK(fcntl(p[0], F_SETFL, 0));
	while (wait_sig(&set, &si, 10) > 0)
		;
	LT_CHECK_EQ(write(p[1], "d", 1), 1);
	LT_CHECK_ERR(wait_sig(&set, &si, 50), EAGAIN);
	close(p[0]);
	close(p[1]);
	while (wait_sig(&set, &si, 10) > 0)
		;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

int main(void)
{
	lt_begin("fs_sigio");
	LT_RUN(owner_get_set);
	LT_RUN(x_bad_owner);
	LT_RUN(sigio_on_pipe);
	return lt_end();
}
