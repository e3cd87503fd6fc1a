// SPDX-License-Identifier: GPL-2.0
/*
 * fs_lock: fcntl record locks between processes.  F_SETLK conflicts
 * (EAGAIN), shared read locks, F_GETLK's report of the holder, a process's
 * own locks never conflicting, access-mode rules, release on the close of
 * any fd of the file and on exit, splitting and merging ranges, whence and
 * negative lengths, F_SETLKW waiting, EDEADLK for a two-process cycle, and
 * open file description locks against process-associated ones.
 *
 * The parent holds locks; children test them (a process never conflicts
 * with itself).  Steps between the two go through a shared page.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_lock"
#define F	D "/f"
#define MS	1000000LL

struct shared {
	int step;
	long long t_wait;
};

static struct shared *sh;

static int lk(int fd, int cmd, short type, short whence, off_t start, off_t len)
{
	struct flock fl = { .l_type = type, .l_whence = whence, .l_start = start, .l_len = len };

	return fcntl(fd, cmd, &fl);
}

/* F_GETLK on [start, start+len): fills *out. */
static int getlk(int fd, off_t start, off_t len, short type, struct flock *out)
{
	memset(out, 0, sizeof(*out));
	out->l_type = type;
	out->l_whence = SEEK_SET;
	out->l_start = start;
	out->l_len = len;
	return fcntl(fd, F_GETLK, out);
}

static int open_f(int flags)
{
	return open(F, flags);
}

/* In a child: [start, start+len) is held by PID as TYPE. */
#define CHECK_HELD(fd, start, len, type, pid, hstart, hlen) do {	\
	struct flock fl_;						\
	LT_CHECK_OK(getlk((fd), (start), (len), F_WRLCK, &fl_));	\
	LT_CHECK_EQ(fl_.l_type, (type));				\
	LT_CHECK_EQ(fl_.l_pid, (pid));					\
	LT_CHECK_EQ(fl_.l_whence, SEEK_SET);				\
	LT_CHECK_EQ(fl_.l_start, (hstart));				\
	LT_CHECK_EQ(fl_.l_len, (hlen));					\
} while (0)

#define CHECK_FREE(fd, start, len) do {					\
	struct flock fl_;						\
	LT_CHECK_OK(getlk((fd), (start), (len), F_WRLCK, &fl_));	\
	LT_CHECK_EQ(fl_.l_type, F_UNLCK);				\
} while (0)

/* Run the statements in a child with its own fd "cfd" on the file. */
#define IN_CHILD(...) do {						\
	pid_t pid_ = fork();						\
	LT_CHECK(pid_ >= 0);						\
	if (pid_ == 0) {						\
		int cfd = open_f(O_RDWR);				\
		LT_CHECK(cfd >= 0);					\
		__VA_ARGS__						\
		_exit(0);						\
	}								\
	LT_CHECK_WAIT(pid_, LT_EXITED(0));				\
} while (0)

LT_CASE(setlk_conflict)
{
	pid_t me = getpid();
	int fd = open_f(O_RDWR);

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
	IN_CHILD(
		LT_CHECK_ERR(lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 5, 10), EAGAIN);
		LT_CHECK_ERR(lk(cfd, F_SETLK, F_RDLCK, SEEK_SET, 9, 1), EAGAIN);
		LT_CHECK_OK(lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 10, 10));	/* adjacent: fine */
		CHECK_HELD(cfd, 0, 100, F_WRLCK, me, 0, 10);
		CHECK_HELD(cfd, 3, 1, F_WRLCK, me, 0, 10);
		CHECK_FREE(cfd, 20, 30);
		/* Unlocking what one does not hold is not an error. */
		LT_CHECK_OK(lk(cfd, F_SETLK, F_UNLCK, SEEK_SET, 0, 10));
		LT_CHECK_ERR(lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 0, 1), EAGAIN);
	);
	/* The child's lock went away with it. */
	IN_CHILD(
		CHECK_FREE(cfd, 10, 10);
	);
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
	IN_CHILD(
		CHECK_FREE(cfd, 0, 0);
	);
	close(fd);
}

LT_CASE(read_locks_shared)
{
	pid_t me = getpid();
	int fd = open_f(O_RDWR);

	LT_CHECK_OK(lk(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10));
	IN_CHILD(
		struct flock fl;

		LT_CHECK_OK(lk(cfd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10));
		LT_CHECK_ERR(lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10), EAGAIN);
		/* A read lock is reported only against a write request. */
		LT_CHECK_OK(getlk(cfd, 0, 10, F_RDLCK, &fl));
		LT_CHECK_EQ(fl.l_type, F_UNLCK);
		CHECK_HELD(cfd, 0, 10, F_RDLCK, me, 0, 10);
	);
	close(fd);
}

/* The parent's upgrade fails while a child shares the range. */
LT_CASE(upgrade_blocked_by_reader)
{
	pid_t pid;
	int fd = open_f(O_RDWR);

	LT_CHECK_OK(lk(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10));
	sh->step = 0;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int cfd = open_f(O_RDONLY);

		LT_CHECK_OK(lk(cfd, F_SETLK, F_RDLCK, SEEK_SET, 5, 1));
		sh->step = 1;
		lt_wait_flag(&sh->step, 2, 10000);
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&sh->step, 1, 10000));
	LT_CHECK_ERR(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10), EAGAIN);
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 6, 4));		/* outside the child's byte */
	sh->step = 2;
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
	close(fd);
}

LT_CASE(own_locks_never_conflict)
{
	struct flock fl;
	int fd = open_f(O_RDWR), fd2 = open_f(O_RDWR);

	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
	LT_CHECK_OK(lk(fd2, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));	/* another fd, same process */
	LT_CHECK_OK(lk(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10));		/* a downgrade */
	LT_CHECK_OK(getlk(fd, 0, 10, F_WRLCK, &fl));
	LT_CHECK_EQ(fl.l_type, F_UNLCK);
	IN_CHILD(
		CHECK_HELD(cfd, 0, 10, F_RDLCK, getppid(), 0, 10);
		LT_CHECK_OK(lk(cfd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10));
	);
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
	close(fd2);
	close(fd);
}

LT_CASE(access_mode_and_args)
{
	struct flock fl;
	int ro = open_f(O_RDONLY), wo = open_f(O_WRONLY);

	LT_CHECK_ERR(lk(ro, F_SETLK, F_WRLCK, SEEK_SET, 0, 1), EBADF);
	LT_CHECK_ERR(lk(wo, F_SETLK, F_RDLCK, SEEK_SET, 0, 1), EBADF);
	LT_CHECK_OK(lk(ro, F_SETLK, F_RDLCK, SEEK_SET, 0, 1));
	LT_CHECK_OK(lk(wo, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));
	LT_CHECK_OK(lk(ro, F_SETLK, F_UNLCK, SEEK_SET, 0, 1));
	LT_CHECK_ERR(lk(ro, F_SETLK, 42, SEEK_SET, 0, 1), EINVAL);
	LT_CHECK_ERR(lk(ro, F_SETLK, F_RDLCK, 7, 0, 1), EINVAL);
	LT_CHECK_ERR(lk(ro, F_SETLK, F_RDLCK, SEEK_SET, -1, 1), EINVAL);
	LT_CHECK_ERR(lk(ro, F_SETLK, F_RDLCK, SEEK_SET, 5, -10), EINVAL);	/* before 0 */
	LT_CHECK_ERR(getlk(ro, 0, 1, F_UNLCK, &fl), EINVAL);
	LT_CHECK_ERR(lk(-1, F_SETLK, F_RDLCK, SEEK_SET, 0, 1), EBADF);
	close(wo);
	LT_CHECK_ERR(lk(wo, F_SETLK, F_WRLCK, SEEK_SET, 0, 1), EBADF);
	close(ro);
}

LT_CASE(ranges_whence_and_length)
{
	pid_t me = getpid();
	int fd = open_f(O_RDWR);

	/* l_len 0: to the end of the file and beyond. */
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 50, 0));
	IN_CHILD(
		CHECK_HELD(cfd, 1000000, 1, F_WRLCK, me, 50, 0);
		CHECK_FREE(cfd, 0, 50);
	);
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
	/* A negative length covers the bytes before l_start. */
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 50, -10));
	IN_CHILD(
		CHECK_HELD(cfd, 0, 100, F_WRLCK, me, 40, 10);
		CHECK_FREE(cfd, 50, 1);
	);
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
	/* SEEK_CUR and SEEK_END are resolved at lock time, reported as SEEK_SET. */
	LT_CHECK_EQ(lseek(fd, 20, SEEK_SET), 20);
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_CUR, 2, 3));
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_END, -10, 5));	/* the file is 100 bytes */
	IN_CHILD(
		CHECK_HELD(cfd, 0, 50, F_WRLCK, me, 22, 3);
		CHECK_HELD(cfd, 50, 0, F_WRLCK, me, 90, 5);
	);
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
	close(fd);
}

LT_CASE(unlock_splits_and_merges)
{
	pid_t me = getpid();
	int fd = open_f(O_RDWR);

	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 100));
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 40, 20));
	IN_CHILD(
		CHECK_HELD(cfd, 0, 100, F_WRLCK, me, 0, 40);	/* the lowest first */
		CHECK_HELD(cfd, 40, 60, F_WRLCK, me, 60, 40);
		CHECK_FREE(cfd, 40, 20);
		LT_CHECK_OK(lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 45, 10));
	);
	/* Adjacent locks of one owner merge; a different type in the middle splits. */
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 40, 20));
	IN_CHILD(
		CHECK_HELD(cfd, 50, 1, F_WRLCK, me, 0, 100);
	);
	LT_CHECK_OK(lk(fd, F_SETLK, F_RDLCK, SEEK_SET, 30, 10));
	IN_CHILD(
		CHECK_HELD(cfd, 30, 10, F_RDLCK, me, 30, 10);
		CHECK_HELD(cfd, 35, 30, F_RDLCK, me, 30, 10);	/* lowest conflicting start */
		CHECK_HELD(cfd, 40, 10, F_WRLCK, me, 40, 60);
		LT_CHECK_OK(lk(cfd, F_SETLK, F_RDLCK, SEEK_SET, 30, 10));
		LT_CHECK_ERR(lk(cfd, F_SETLK, F_RDLCK, SEEK_SET, 29, 2), EAGAIN);
	);
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
	close(fd);
}

/* Closing any fd of the file drops all the process's locks on it. */
LT_CASE(close_releases)
{
	pid_t me = getpid();
	int fd = open_f(O_RDWR), other, dupfd;

	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
	dupfd = dup(fd);
	close(dupfd);					/* a dup counts too */
	IN_CHILD(
		CHECK_FREE(cfd, 0, 10);
	);
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
	other = open_f(O_RDONLY);
	IN_CHILD(
		CHECK_HELD(cfd, 0, 10, F_WRLCK, me, 0, 10);
	);
	close(other);					/* another open of the file */
	IN_CHILD(
		CHECK_FREE(cfd, 0, 10);
	);
	/* A child's close does not drop the parent's locks. */
	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
	pid_t pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		close(fd);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	IN_CHILD(
		CHECK_HELD(cfd, 0, 10, F_WRLCK, me, 0, 10);
	);
	close(fd);
}

LT_CASE(setlkw_waits)
{
	long long start;
	pid_t pid;
	int fd = open_f(O_RDWR);

	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
	sh->step = 0;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int cfd = open_f(O_RDWR);
		long long t0 = lt_now_ns();

		sh->step = 1;
		LT_CHECK_OK(lk(cfd, F_SETLKW, F_WRLCK, SEEK_SET, 5, 1));
		sh->t_wait = lt_now_ns() - t0;
		LT_CHECK_OK(lk(cfd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&sh->step, 1, 10000));
	lt_sleep_ms(100);
	start = lt_now_ns();
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 10));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(sh->t_wait >= 80 * MS);
	LT_CHECK(lt_now_ns() - start < 5000 * MS);
	close(fd);
}

/* parent holds A and wants B; the child holds B and waits for A. */
LT_CASE(edeadlk)
{
	pid_t pid;
	int fd = open_f(O_RDWR);

	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));		/* A */
	sh->step = 0;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int cfd = open_f(O_RDWR);

		LT_CHECK_OK(lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 1, 1));	/* B */
		sh->step = 1;
		LT_CHECK_OK(lk(cfd, F_SETLKW, F_WRLCK, SEEK_SET, 0, 1));	/* waits for A */
		sh->step = 3;
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&sh->step, 1, 10000));
	lt_sleep_ms(100);				/* let the child block */
	LT_CHECK_ERR(lk(fd, F_SETLKW, F_WRLCK, SEEK_SET, 1, 1), EDEADLK);
	LT_CHECK_ERR(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 1, 1), EAGAIN);	/* no wait: no cycle */
	LT_CHECK_EQ(sh->step, 1);
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 1));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(sh->step, 3);
	close(fd);
}

/* Open file description locks belong to the open file, not the process. */
LT_CASE(ofd_locks)
{
	struct flock fl;
	int fd1 = open_f(O_RDWR), fd2 = open_f(O_RDWR), d;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_len = 10;
	LT_CHECK_OK(fcntl(fd1, F_OFD_SETLK, &fl));
	/* Another open file in the same process conflicts. */
	LT_CHECK_ERR(fcntl(fd2, F_OFD_SETLK, &fl), EAGAIN);
	LT_CHECK_ERR(lk(fd2, F_SETLK, F_WRLCK, SEEK_SET, 0, 1), EAGAIN);	/* and a POSIX lock */
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_len = 1;
	LT_CHECK_OK(fcntl(fd2, F_OFD_GETLK, &fl));
	LT_CHECK_EQ(fl.l_type, F_WRLCK);
	LT_CHECK_EQ(fl.l_pid, -1);			/* no owning process */
	LT_CHECK_EQ(fl.l_len, 10);
	fl.l_pid = 1;
	LT_CHECK_ERR(fcntl(fd2, F_OFD_SETLK, &fl), EINVAL);	/* l_pid must be 0 */
	/* Closing a dup keeps it; closing the last fd of fd1's file drops it. */
	d = dup(fd1);
	close(d);
	LT_CHECK_ERR(lk(fd2, F_SETLK, F_WRLCK, SEEK_SET, 0, 1), EAGAIN);
	close(fd1);
	LT_CHECK_OK(lk(fd2, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));
	close(fd2);
}

#include <signal.h>
#include <sys/syscall.h>
static void on_alrm(int sig) { (void)sig; }

LT_CASE(x_efault)
{
	int fd = open_f(O_RDWR);
	int cmds[] = { F_GETLK, F_SETLK, F_SETLKW, F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW };
	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		LT_CHECK_ERR(syscall(SYS_fcntl, fd, cmds[i], (void *)8), EFAULT);
	close(fd);
}

static void setlkw_signal(int flags)
{
	int fd = open_f(O_RDWR);
	pid_t pid;

	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
	sh->step = 0;
	pid = fork();
	if (pid == 0) {
		int cfd = open_f(O_RDWR);
		struct sigaction sa = { .sa_handler = on_alrm, .sa_flags = flags };
		sigaction(SIGALRM, &sa, 0);
		alarm(1);
		int r = lk(cfd, F_SETLKW, F_WRLCK, SEEK_SET, 5, 1);
		sh->step = r == 0 ? 10 : errno;
		_exit(0);
	}
	lt_sleep_ms(1500);
	int st = sh->step;
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 10));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	if (flags)
		LT_CHECK_EQ(sh->step, 10);
	else
		LT_CHECK_EQ(st, EINTR);
	close(fd);
}

LT_CASE(x_setlkw_eintr) { setlkw_signal(0); }
LT_CASE(x_setlkw_restart) { setlkw_signal(SA_RESTART); }

LT_CASE(x_ofd_setlkw)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_len = 10 };
	int fd = open_f(O_RDWR);
	pid_t pid;

	LT_CHECK_OK(fcntl(fd, F_OFD_SETLK, &fl));
	sh->step = 0;
	pid = fork();
	if (pid == 0) {
		int cfd = open_f(O_RDWR);
		struct flock f2 = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 3, .l_len = 1 };
		sh->step = 1;
		LT_CHECK_OK(fcntl(cfd, F_OFD_SETLKW, &f2));
		sh->step = 2;
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&sh->step, 1, 10000));
	lt_sleep_ms(100);
	LT_CHECK_EQ(sh->step, 1);
	fl.l_type = F_UNLCK;
	LT_CHECK_OK(fcntl(fd, F_OFD_SETLK, &fl));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(sh->step, 2);
	close(fd);
}

/* A holds 0, B holds 1 and waits for 0, C holds 2 and waits for 1: A wanting 2 closes a cycle. */
LT_CASE(x_deadlock_chain)
{
	int fd = open_f(O_RDWR);
	pid_t b, c;

	LT_CHECK_OK(lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));
	sh->step = 0;
	b = fork();
	if (b == 0) {
		int cfd = open_f(O_RDWR);
		LT_CHECK_OK(lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 1, 1));
		sh->step = 1;
		LT_CHECK_OK(lk(cfd, F_SETLKW, F_WRLCK, SEEK_SET, 0, 1));
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&sh->step, 1, 10000));
	c = fork();
	if (c == 0) {
		int cfd = open_f(O_RDWR);
		LT_CHECK_OK(lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 2, 1));
		sh->step = 2;
		LT_CHECK_OK(lk(cfd, F_SETLKW, F_WRLCK, SEEK_SET, 1, 1));
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&sh->step, 2, 10000));
	lt_sleep_ms(100);
	LT_CHECK_ERR(lk(fd, F_SETLKW, F_WRLCK, SEEK_SET, 2, 1), EDEADLK);
	LT_CHECK_OK(lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 1));
	LT_CHECK_WAIT(b, LT_EXITED(0));
	LT_CHECK_WAIT(c, LT_EXITED(0));
	close(fd);
}

/* A waiter gets the lock when its holder is killed. */
LT_CASE(x_holder_killed)
{
	pid_t h, w;

	sh->step = 0;
	h = fork();
	if (h == 0) {
		int cfd = open_f(O_RDWR);
		LT_CHECK_OK(lk(cfd, F_SETLK, F_WRLCK, SEEK_SET, 0, 0));
		sh->step = 1;
		for (;;) pause();
	}
	LT_CHECK(lt_wait_flag(&sh->step, 1, 10000));
	w = fork();
	if (w == 0) {
		int cfd = open_f(O_RDWR);
		LT_CHECK_OK(lk(cfd, F_SETLKW, F_RDLCK, SEEK_SET, 100, 5));
		_exit(0);
	}
	lt_sleep_ms(100);
	kill(h, SIGKILL);
	LT_CHECK_WAIT(h, LT_KILLED(SIGKILL));
	LT_CHECK_WAIT(w, LT_EXITED(0));
}

int main(void)
{
	static char data[100];

	lt_begin("fs_lock");
	sh = lt_shared(4096);
	if (!sh || lt_fs_setup(D) || lt_put_file(F, data, sizeof(data), 0644)) {
		lt_note("setup of %s failed: %s", F, lt_errname(errno));
		return 1;
	}
	LT_RUN(setlk_conflict);
	LT_RUN(read_locks_shared);
	LT_RUN(upgrade_blocked_by_reader);
	LT_RUN(own_locks_never_conflict);
	LT_RUN(access_mode_and_args);
	LT_RUN(ranges_whence_and_length);
	LT_RUN(unlock_splits_and_merges);
	LT_RUN(close_releases);
	LT_RUN(setlkw_waits);
	LT_RUN(edeadlk);
	LT_RUN(ofd_locks);
	LT_RUN(x_efault);
	LT_RUN(x_setlkw_eintr);
	LT_RUN(x_setlkw_restart);
	LT_RUN(x_ofd_setlkw);
	LT_RUN(x_deadlock_chain);
	LT_RUN(x_holder_killed);
	lt_fs_cleanup(D);
	return lt_end();
}
