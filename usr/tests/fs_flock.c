// SPDX-License-Identifier: GPL-2.0
/*
 * fs_flock: flock(2) whole-file locks.  Shared locks coexist, an
 * exclusive one excludes (EWOULDBLOCK with LOCK_NB, waiting without),
 * locks belong to the open file description (a dup or fork shares one,
 * a second open() of the same file is another owner), upgrade and
 * downgrade, release on the last close only, no interaction with fcntl
 * record locks, a signal interrupting a wait, and bad input.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_flock"
#define F	D "/f"

static volatile int *step;

/* In a child: can a new open of F get a lock of this kind right now? */
static int try_other(int op)
{
	int fd = open(F, O_RDONLY), r;

	if (fd < 0)
		return -2;
	r = flock(fd, op | LOCK_NB);
	close(fd);
	return r;
}

LT_CASE(shared_and_exclusive)
{
	int a = open(F, O_RDONLY), b = open(F, O_RDONLY);

	LT_CHECK(a >= 0 && b >= 0);
	LT_CHECK_OK(flock(a, LOCK_SH));
	LT_CHECK_OK(flock(b, LOCK_SH | LOCK_NB));
	LT_CHECK_ERR(flock(b, LOCK_EX | LOCK_NB), EWOULDBLOCK);
	LT_CHECK_OK(flock(a, LOCK_UN));
	LT_CHECK_OK(flock(b, LOCK_EX | LOCK_NB));
	LT_CHECK_ERR(flock(a, LOCK_SH | LOCK_NB), EWOULDBLOCK);
	/* Relocking with the same type is fine. */
	LT_CHECK_OK(flock(b, LOCK_EX | LOCK_NB));
	close(b);
	/* Closing b's only descriptor released it. */
	LT_CHECK_OK(flock(a, LOCK_EX | LOCK_NB));
	close(a);
}

LT_CASE(dup_and_fork_share)
{
	int a = open(F, O_RDWR), d;
	pid_t pid;

	LT_CHECK(a >= 0);
	LT_CHECK_OK(flock(a, LOCK_EX));
	d = dup(a);
	/* Same open file: no conflict with itself. */
	LT_CHECK_OK(flock(d, LOCK_EX | LOCK_NB));
	pid = fork();
	if (pid == 0) {
		if (try_other(LOCK_SH) != -1 || errno != EWOULDBLOCK)
			_exit(2);
		if (flock(a, LOCK_EX | LOCK_NB))	/* the inherited description */
			_exit(3);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(a);
	/* d still holds the description open: the lock stays. */
	pid = fork();
	if (pid == 0)
		_exit(try_other(LOCK_SH) == -1 && errno == EWOULDBLOCK ? 0 : 2);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(d);
	LT_CHECK_OK(try_other(LOCK_EX));
}

LT_CASE(upgrade_downgrade)
{
	int a = open(F, O_RDONLY);
	pid_t pid;

	LT_CHECK(a >= 0);
	LT_CHECK_OK(flock(a, LOCK_SH));
	LT_CHECK_OK(flock(a, LOCK_EX | LOCK_NB));
	pid = fork();
	if (pid == 0)
		_exit(try_other(LOCK_SH) == -1 ? 0 : 2);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(flock(a, LOCK_SH | LOCK_NB));
	pid = fork();
	if (pid == 0)
		_exit(try_other(LOCK_SH) == 0 && try_other(LOCK_EX) == -1 ? 0 : 2);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(a);
}

LT_CASE(waits_for_unlock)
{
	int a = open(F, O_RDONLY);
	long long t0;
	pid_t pid;

	LT_CHECK(a >= 0);
	*step = 0;
	LT_CHECK_OK(flock(a, LOCK_EX));
	pid = fork();
	if (pid == 0) {
		int fd = open(F, O_RDONLY);

		*step = 1;
		if (flock(fd, LOCK_EX))
			_exit(2);
		*step = 2;
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(step, 1, 5000));
	lt_sleep_ms(100);
	LT_CHECK_EQ(*step, 1);
	t0 = lt_now_ns();
	LT_CHECK_OK(flock(a, LOCK_UN));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(lt_now_ns() - t0 < 5000000000LL);
	close(a);
}

static void on_alarm(int sig)
{
	(void)sig;
}

LT_CASE(signal_interrupts_wait)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	int a = open(F, O_RDONLY);
	pid_t pid;

	LT_CHECK(a >= 0);
	LT_CHECK_OK(flock(a, LOCK_EX));
	pid = fork();
	if (pid == 0) {
		int fd = open(F, O_RDONLY);

		sigaction(SIGALRM, &sa, NULL);	/* no SA_RESTART */
		alarm(1);
		_exit(flock(fd, LOCK_EX) == -1 && errno == EINTR ? 0 : 2);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(a);
}

LT_CASE(independent_of_record_locks)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int a = open(F, O_RDWR);
	pid_t pid;

	LT_CHECK(a >= 0);
	LT_CHECK_OK(flock(a, LOCK_EX));
	pid = fork();
	if (pid == 0) {
		int fd = open(F, O_RDWR);
		struct flock g = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

		/* A record lock does not see the flock lock, nor F_GETLK. */
		if (fcntl(fd, F_SETLK, &fl))
			_exit(2);
		if (fcntl(fd, F_GETLK, &g) || g.l_type != F_UNLCK)
			_exit(3);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(a);
}

LT_CASE(x_bad_input)
{
	int a = open(F, O_RDONLY), p = open(F, O_PATH);

	LT_CHECK(a >= 0 && p >= 0);
	LT_CHECK_ERR(flock(a, 0), EINVAL);
	LT_CHECK_ERR(flock(a, LOCK_SH | LOCK_EX), EINVAL);
	LT_CHECK_ERR(flock(a, 16), EINVAL);
	LT_CHECK_ERR(flock(999, LOCK_SH), EBADF);
	LT_CHECK_ERR(flock(-1, LOCK_SH), EBADF);
	LT_CHECK_ERR(flock(p, LOCK_SH), EBADF);
	LT_CHECK_OK(flock(a, LOCK_UN));	/* nothing held: still fine */
	close(a);
	close(p);
}

int main(void)
{
	lt_begin("fs_flock");
	step = lt_shared(4096);
	if (!step || lt_fs_setup(D) || lt_put_file(F, "x", 1, 0644)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(shared_and_exclusive);
	LT_RUN(dup_and_fork_share);
	LT_RUN(upgrade_downgrade);
	LT_RUN(waits_for_unlock);
	LT_RUN(signal_interrupts_wait);
	LT_RUN(independent_of_record_locks);
	LT_RUN(x_bad_input);
	lt_fs_cleanup(D);
	return lt_end();
}
