// SPDX-License-Identifier: GPL-2.0
/*
 * fs_lease: F_SETLEASE/F_GETLEASE.  Read leases need no writer (the
 * holder's own O_RDWR counts), write leases no other writer; an open
 * that conflicts signals the holder (SIGIO, or its F_SETSIG signal), an
 * O_NONBLOCK one fails with EWOULDBLOCK, a blocking one waits until the
 * holder gives the lease up; F_GETLEASE shows what the lease must become
 * meanwhile.  Not the owner: EACCES; not a regular file: EINVAL.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_lease"
#define F	D "/f"

static volatile int *step;

LT_CASE(set_get)
{
	int ro = open(F, O_RDONLY), rw;

	LT_CHECK(ro >= 0);
	signal(SIGIO, SIG_IGN);	/* we break our own lease below */
	LT_CHECK_EQ(fcntl(ro, F_GETLEASE), F_UNLCK);
	LT_CHECK_OK(fcntl(ro, F_SETLEASE, F_RDLCK));
	LT_CHECK_EQ(fcntl(ro, F_GETLEASE), F_RDLCK);
	/* A writer now would break it: nobody may take a write lease. */
	LT_CHECK_ERR(open(F, O_RDWR | O_NONBLOCK), EWOULDBLOCK);
	LT_CHECK_OK(fcntl(ro, F_SETLEASE, F_UNLCK));
	LT_CHECK_EQ(fcntl(ro, F_GETLEASE), F_UNLCK);
	rw = open(F, O_RDWR);
	LT_CHECK(rw >= 0);
	/* Open for writing somewhere: no read lease, even for that file itself. */
	LT_CHECK_ERR(fcntl(ro, F_SETLEASE, F_RDLCK), EAGAIN);
	LT_CHECK_ERR(fcntl(rw, F_SETLEASE, F_RDLCK), EAGAIN);
	close(ro);
	/* The only writer may have a write lease. */
	LT_CHECK_OK(fcntl(rw, F_SETLEASE, F_WRLCK));
	LT_CHECK_EQ(fcntl(rw, F_GETLEASE), F_WRLCK);
	LT_CHECK_OK(fcntl(rw, F_SETLEASE, F_UNLCK));
	close(rw);
	signal(SIGIO, SIG_DFL);
}

LT_CASE(break_signals_and_waits)
{
	struct timespec ts = { 5, 0 };
	sigset_t set, old;
	siginfo_t si;
	int fd = open(F, O_RDWR);
	pid_t pid;

	LT_CHECK(fd >= 0);
	sigemptyset(&set);
	sigaddset(&set, SIGIO);
	sigaddset(&set, SIGUSR1);
	LT_CHECK_OK(sigprocmask(SIG_BLOCK, &set, &old));
	LT_CHECK_OK(fcntl(fd, F_SETSIG, SIGUSR1));
	LT_CHECK_OK(fcntl(fd, F_SETLEASE, F_WRLCK));
	*step = 0;
	pid = fork();
	if (pid == 0) {
		int r;

		if (open(F, O_RDONLY | O_NONBLOCK) != -1 || errno != EWOULDBLOCK)
			_exit(2);
		*step = 1;
		r = open(F, O_RDONLY);	/* waits for the holder */
		_exit(r >= 0 && *step == 2 ? 0 : 3);
	}
	LT_CHECK_EQ(sigtimedwait(&set, &si, &ts), SIGUSR1);
	LT_CHECK_EQ(si.si_fd, fd);
	/* A reader is coming: the write lease must become a read lease. */
	LT_CHECK_EQ(fcntl(fd, F_GETLEASE), F_RDLCK);
	LT_CHECK(lt_wait_flag(step, 1, 5000));
	lt_sleep_ms(100);
	*step = 2;
	LT_CHECK_OK(fcntl(fd, F_SETLEASE, F_UNLCK));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	while (sigtimedwait(&set, &si, &(struct timespec){ 0, 1000000 }) > 0)
		;
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(fd);
}

LT_CASE(x_errors)
{
	int dfd = open(D, O_RDONLY | O_DIRECTORY), p[2], fd;
	pid_t pid;

	LT_CHECK(dfd >= 0);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_ERR(fcntl(dfd, F_SETLEASE, F_RDLCK), EINVAL);
	LT_CHECK_ERR(fcntl(p[0], F_SETLEASE, F_RDLCK), EINVAL);
	fd = open(F, O_RDONLY);
	LT_CHECK_ERR(fcntl(fd, F_SETLEASE, 7), EINVAL);
	close(fd);
	pid = fork();
	if (pid == 0) {
		int r;

		if (setuid(1000))
			_exit(2);
		r = open(F, O_RDONLY);
		_exit(fcntl(r, F_SETLEASE, F_RDLCK) == -1 && errno == EACCES ? 0 : 3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(dfd);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	lt_begin("fs_lease");
	step = lt_shared(4096);
	if (!step || lt_fs_setup(D) || lt_put_file(F, "x", 1, 0644)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(set_get);
	LT_RUN(break_signals_and_waits);
	LT_RUN(x_errors);
	lt_fs_cleanup(D);
	return lt_end();
}
