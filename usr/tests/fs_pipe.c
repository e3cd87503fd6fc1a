// SPDX-License-Identifier: GPL-2.0
/*
 * fs_pipe: pipes and FIFOs.  pipe/pipe2 and their flags, blocking and
 * non-blocking reads and writes, EOF, EPIPE and SIGPIPE, PIPE_BUF
 * atomicity between several writers, pipe sizes, FIONREAD, FIFO opens
 * (blocking, O_NONBLOCK, ENXIO), poll/ppoll/select/pselect readiness, and
 * signals interrupting a blocked read (EINTR, SA_RESTART).
 *
 * FIFOs live under /t_pipe, removed at the end.  Waits are bounded: a
 * child that should have done something within 100 ms gets 10 s.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_pipe"
#define MS	1000000LL

static volatile int got_signal;

static void on_signal(int sig)
{
	(void)sig;
	got_signal++;
}

static int set_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* A child that sleeps MS milliseconds, then writes LEN bytes of BUF to FD. */
static pid_t later_write(int fd, const void *buf, size_t len, long ms)
{
	pid_t pid = fork();

	if (pid == 0) {
		lt_sleep_ms(ms);
		_exit(write(fd, buf, len) == (ssize_t)len ? 0 : 1);
	}
	return pid;
}

static void close_pair(int p[2])
{
	close(p[0]);
	close(p[1]);
}

LT_CASE(pipe_basic)
{
	struct stat st;
	char buf[16];
	int p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK(p[0] >= 3 && p[1] == p[0] + 1);	/* the two lowest free fds */
	LT_CHECK_EQ(fcntl(p[0], F_GETFL), O_RDONLY);
	LT_CHECK_EQ(fcntl(p[1], F_GETFL), O_WRONLY);
	LT_CHECK_EQ(fcntl(p[0], F_GETFD), 0);
	LT_CHECK_OK(fstat(p[0], &st));
	LT_CHECK(S_ISFIFO(st.st_mode));
	LT_CHECK_EQ(st.st_mode & 0777, 0600);
	LT_CHECK_EQ(st.st_nlink, 1);
	LT_CHECK_EQ(write(p[1], "hello", 5), 5);
	LT_CHECK_OK(fstat(p[0], &st));
	LT_CHECK_EQ(st.st_size, 0);			/* Linux reports 0, not the fill */
	LT_CHECK_EQ(read(p[0], buf, 2), 2);		/* a short read is fine */
	LT_CHECK_EQ(read(p[0], buf, 16), 3);		/* whatever is there, no waiting */
	LT_CHECK(!memcmp(buf, "llo", 3));
	LT_CHECK_ERR(read(p[1], buf, 1), EBADF);
	LT_CHECK_ERR(write(p[0], "x", 1), EBADF);
	LT_CHECK_EQ(write(p[1], "", 0), 0);
	LT_CHECK_EQ(read(p[0], buf, 0), 0);		/* empty, but 0 bytes asked: no wait */
	close_pair(p);
}

LT_CASE(pipe2_flags)
{
	int p[2];

	LT_CHECK_OK(pipe2(p, O_CLOEXEC));
	LT_CHECK_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(fcntl(p[1], F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(fcntl(p[0], F_GETFL), O_RDONLY);
	close_pair(p);
	LT_CHECK_OK(pipe2(p, O_NONBLOCK));
	LT_CHECK_EQ(fcntl(p[0], F_GETFL), O_RDONLY | O_NONBLOCK);
	LT_CHECK_EQ(fcntl(p[1], F_GETFL), O_WRONLY | O_NONBLOCK);
	LT_CHECK_EQ(fcntl(p[0], F_GETFD), 0);
	close_pair(p);
	LT_CHECK_OK(pipe2(p, 0));
	close_pair(p);
	LT_CHECK_ERR(pipe2(p, O_APPEND), EINVAL);
	LT_CHECK_ERR(pipe2(p, O_RDWR), EINVAL);
	LT_CHECK_ERR(pipe2(p, 0x1000000), EINVAL);
}

LT_CASE(blocking_read_waits)
{
	long long start;
	char buf[16];
	pid_t pid;
	int p[2];

	LT_CHECK_OK(pipe(p));
	/* Timed from before the fork: on another CPU the writer's 100 ms may
	 * start before fork returns here. */
	start = lt_now_ns();
	pid = later_write(p[1], "late", 4, 100);
	LT_CHECK(pid >= 0);
	LT_CHECK_EQ(read(p[0], buf, sizeof(buf)), 4);
	LT_CHECK(lt_now_ns() - start >= 80 * MS);
	LT_CHECK(!memcmp(buf, "late", 4));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close_pair(p);
}

LT_CASE(eof_when_writers_close)
{
	char buf[16];
	pid_t pid;
	int p[2];

	LT_CHECK_OK(pipe(p));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {				/* holds a write end for 100 ms */
		close(p[0]);
		lt_sleep_ms(100);
		(void)!write(p[1], "tail", 4);
		_exit(0);
	}
	LT_CHECK_EQ(write(p[1], "head", 4), 4);
	close(p[1]);
	LT_CHECK_EQ(read(p[0], buf, 4), 4);
	/* The child still has a writer: this waits for its data, then EOF. */
	LT_CHECK_EQ(read(p[0], buf, sizeof(buf)), 4);
	LT_CHECK(!memcmp(buf, "tail", 4));
	LT_CHECK_EQ(read(p[0], buf, sizeof(buf)), 0);
	LT_CHECK_EQ(read(p[0], buf, sizeof(buf)), 0);	/* and stays at EOF */
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(p[0]);
}

LT_CASE(epipe_sigpipe)
{
	pid_t pid;
	int p[2];

	/* Default action: the writer dies of SIGPIPE. */
	LT_CHECK_OK(pipe(p));
	close(p[0]);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		(void)!write(p[1], "x", 1);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGPIPE));
	/* Ignored: EPIPE.  Caught: the handler runs, then EPIPE. */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		signal(SIGPIPE, SIG_IGN);
		LT_CHECK_ERR(write(p[1], "x", 1), EPIPE);
		LT_CHECK_EQ(write(p[1], "", 0), 0);	/* 0 bytes: no EPIPE */
		set_handler(SIGPIPE, on_signal, 0);
		got_signal = 0;
		LT_CHECK_ERR(write(p[1], "x", 1), EPIPE);
		LT_CHECK_EQ(got_signal, 1);
		/* Blocked: EPIPE, and the signal stays pending. */
		sigset_t set, pend;
		sigemptyset(&set);
		sigaddset(&set, SIGPIPE);
		signal(SIGPIPE, SIG_DFL);
		sigprocmask(SIG_BLOCK, &set, NULL);
		LT_CHECK_ERR(write(p[1], "x", 1), EPIPE);
		sigpending(&pend);
		LT_CHECK(sigismember(&pend, SIGPIPE));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(p[1]);
}

/* Writes of at most PIPE_BUF bytes are never interleaved with others. */
LT_CASE(pipe_buf_atomic)
{
	enum { WRITERS = 4, RECORDS = 64 };
	static unsigned char rec[PIPE_BUF], stream[PIPE_BUF];
	int p[2], w, i, count[WRITERS] = { 0 };
	pid_t pids[WRITERS];
	size_t have = 0;
	ssize_t n;

	LT_CHECK_EQ(PIPE_BUF, 4096);
	LT_CHECK_OK(pipe(p));
	for (w = 0; w < WRITERS; w++) {
		pids[w] = fork();
		LT_CHECK(pids[w] >= 0);
		if (pids[w] == 0) {
			close(p[0]);
			for (i = 0; i < RECORDS; i++) {
				memset(rec, w * RECORDS + i, sizeof(rec));
				rec[0] = w;
				if (write(p[1], rec, sizeof(rec)) != sizeof(rec))
					_exit(1);
			}
			_exit(0);
		}
	}
	close(p[1]);
	for (;;) {
		n = read(p[0], stream + have, sizeof(stream) - have);
		LT_CHECK(n >= 0);
		if (n == 0)
			break;
		have += n;
		if (have < sizeof(stream))
			continue;
		have = 0;
		w = stream[0];
		LT_CHECK(w < WRITERS);
		for (i = 1; i < PIPE_BUF; i++)
			if (stream[i] != stream[1])
				LT_FAIL("record from writer %d mixed at byte %d", w, i);
		LT_CHECK_EQ(stream[1], (unsigned char)(w * RECORDS + count[w]));	/* in order */
		count[w]++;
	}
	LT_CHECK_EQ(have, 0);
	for (w = 0; w < WRITERS; w++) {
		LT_CHECK_WAIT(pids[w], LT_EXITED(0));
		LT_CHECK_EQ(count[w], RECORDS);
	}
	close(p[0]);
}

LT_CASE(nonblocking_read)
{
	char buf[4];
	int p[2];

	LT_CHECK_OK(pipe2(p, O_NONBLOCK));
	LT_CHECK_ERR(read(p[0], buf, 1), EAGAIN);
	LT_CHECK_EQ(write(p[1], "ab", 2), 2);
	LT_CHECK_EQ(read(p[0], buf, 4), 2);
	LT_CHECK_ERR(read(p[0], buf, 1), EAGAIN);
	close(p[1]);
	LT_CHECK_EQ(read(p[0], buf, 1), 0);		/* no writers: EOF, not EAGAIN */
	close(p[0]);
}

LT_CASE(nonblocking_write_full)
{
	static char big[1 << 20];
	char buf[4096];
	int p[2];

	LT_CHECK_OK(pipe2(p, O_NONBLOCK));
	LT_CHECK_EQ(fcntl(p[1], F_GETPIPE_SZ), 65536);
	/* A big write takes what fits: a partial write. */
	LT_CHECK_EQ(write(p[1], big, sizeof(big)), 65536);
	LT_CHECK_ERR(write(p[1], "x", 1), EAGAIN);
	LT_CHECK_ERR(write(p[1], big, 100000), EAGAIN);
	/* Reading part of a page frees no page slot: still full. */
	LT_CHECK_EQ(read(p[0], buf, 100), 100);
	LT_CHECK_ERR(write(p[1], "x", 1), EAGAIN);
	/* One whole page read: a 4096-byte (atomic) write fits, a bigger one is partial. */
	LT_CHECK_EQ(read(p[0], buf, 4096), 4096);
	LT_CHECK_EQ(write(p[1], big, 8192), 4096);
	LT_CHECK_ERR(write(p[1], big, 4096), EAGAIN);
	LT_CHECK_EQ(read(p[0], buf, 4096), 4096);
	LT_CHECK_EQ(write(p[1], big, 4096), 4096);
	close_pair(p);
}

/* A blocking writer of more than fits waits until the reader drains it. */
LT_CASE(blocking_write_waits)
{
	static char big[200000], sink[65536];
	size_t total = 0;
	pid_t pid;
	ssize_t n;
	int p[2];

	LT_CHECK_OK(pipe(p));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		_exit(write(p[1], big, sizeof(big)) == sizeof(big) ? 0 : 1);
	}
	close(p[1]);
	lt_sleep_ms(50);
	while ((n = read(p[0], sink, sizeof(sink))) > 0)
		total += n;
	LT_CHECK_EQ(total, sizeof(big));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(p[0]);
}

/* The reader leaves while a writer is blocked: a short count, then EPIPE. */
LT_CASE(blocked_writer_loses_reader)
{
	static char big[200000];
	pid_t pid;
	int p[2];

	LT_CHECK_OK(pipe(p));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		signal(SIGPIPE, SIG_IGN);
		close(p[0]);
		LT_CHECK_EQ(write(p[1], big, sizeof(big)), 65536);	/* what got in */
		LT_CHECK_ERR(write(p[1], big, 1), EPIPE);
		_exit(0);
	}
	lt_sleep_ms(100);
	close(p[0]);
	close(p[1]);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(pipe_size)
{
	static char big[1 << 20];
	int p[2];

	LT_CHECK_OK(pipe2(p, O_NONBLOCK));
	LT_CHECK_EQ(fcntl(p[0], F_GETPIPE_SZ), 65536);
	LT_CHECK_EQ(fcntl(p[0], F_SETPIPE_SZ, 4096), 4096);
	LT_CHECK_EQ(fcntl(p[1], F_GETPIPE_SZ), 4096);	/* one pipe, both ends */
	LT_CHECK_EQ(write(p[1], big, sizeof(big)), 4096);
	LT_CHECK_EQ(fcntl(p[0], F_SETPIPE_SZ, 0), 4096);	/* 0 rounds up to a page */
	LT_CHECK_EQ(read(p[0], big, sizeof(big)), 4096);
	LT_CHECK_EQ(fcntl(p[0], F_SETPIPE_SZ, 1), 4096);	/* rounded up to a page */
	LT_CHECK_EQ(fcntl(p[0], F_SETPIPE_SZ, 100000), 131072);	/* a power of two of pages */
	LT_CHECK_EQ(write(p[1], big, sizeof(big)), 131072);
	LT_CHECK_ERR(fcntl(p[0], F_SETPIPE_SZ, 65536), EBUSY);	/* would not hold the data */
	LT_CHECK_EQ(fcntl(p[0], F_GETPIPE_SZ), 131072);
	LT_CHECK_ERR(fcntl(p[0], F_SETPIPE_SZ, -1), EINVAL);
	close_pair(p);
	LT_CHECK_ERR(fcntl(0 + 1000, F_GETPIPE_SZ), EBADF);
	int fd = open("/", O_RDONLY);
	LT_CHECK_ERR(fcntl(fd, F_GETPIPE_SZ), EBADF);	/* not a pipe */
	LT_CHECK_ERR(fcntl(fd, F_SETPIPE_SZ, 4096), EBADF);
	close(fd);
	/* Beyond /proc/sys/fs/pipe-max-size (1 MiB) only with CAP_SYS_RESOURCE. */
	LT_CHECK_OK(pipe(p));
	pid_t pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_EQ(fcntl(p[0], F_SETPIPE_SZ, 1 << 20), 1 << 20);
		LT_CHECK_ERR(fcntl(p[0], F_SETPIPE_SZ, 2 << 20), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(fcntl(p[0], F_SETPIPE_SZ, 2 << 20), 2 << 20);
	close_pair(p);
}

/* pipe2(O_DIRECT): each write is a packet, a read takes at most one. */
LT_CASE(packet_mode)
{
	static char big[5000];
	char buf[8192];
	int p[2];

	LT_CHECK_OK(pipe2(p, O_DIRECT | O_NONBLOCK));
	LT_CHECK_EQ(fcntl(p[1], F_GETFL), O_WRONLY | O_DIRECT | O_NONBLOCK);
	LT_CHECK_EQ(fcntl(p[0], F_GETFL) & O_DIRECT, 0);	/* the reader is not */
	LT_CHECK_EQ(write(p[1], "abc", 3), 3);
	LT_CHECK_EQ(write(p[1], "defgh", 5), 5);
	LT_CHECK_EQ(write(p[1], "xyz", 3), 3);
	LT_CHECK_EQ(read(p[0], buf, sizeof(buf)), 3);		/* not merged */
	LT_CHECK(!memcmp(buf, "abc", 3));
	LT_CHECK_EQ(read(p[0], buf, 2), 2);			/* "fgh" is dropped */
	LT_CHECK(!memcmp(buf, "de", 2));
	LT_CHECK_EQ(read(p[0], buf, sizeof(buf)), 3);
	LT_CHECK(!memcmp(buf, "xyz", 3));
	/* A write bigger than a page is cut into page-sized packets. */
	memset(big, 'b', sizeof(big));
	LT_CHECK_EQ(write(p[1], big, sizeof(big)), (ssize_t)sizeof(big));
	LT_CHECK_EQ(read(p[0], buf, sizeof(buf)), 4096);
	LT_CHECK_EQ(read(p[0], buf, sizeof(buf)), (ssize_t)sizeof(big) - 4096);
	LT_CHECK_ERR(read(p[0], buf, sizeof(buf)), EAGAIN);
	close_pair(p);
}

static long read_sysctl(const char *path)
{
	char buf[32] = "";
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	return n > 0 ? strtol(buf, NULL, 10) : -1;
}

static int write_sysctl(const char *path, long val)
{
	char buf[32];
	int fd = open(path, O_WRONLY), len = snprintf(buf, sizeof(buf), "%ld\n", val);
	ssize_t n = fd < 0 ? -1 : write(fd, buf, len);

	if (fd >= 0)
		close(fd);
	return n == len ? 0 : -1;
}

#define PIPE_SOFT	"/proc/sys/fs/pipe-user-pages-soft"
#define PIPE_HARD	"/proc/sys/fs/pipe-user-pages-hard"

/*
 * Pipe pages are charged to their user: past the soft limit an
 * unprivileged user's new pipe has two pages and may not grow; past the
 * hard limit there is no new pipe at all.  Root is never limited.
 */
LT_CASE(user_pages_limits)
{
	long soft = read_sysctl(PIPE_SOFT), hard = read_sysctl(PIPE_HARD);
	int p[2];
	pid_t pid;

	LT_CHECK_EQ(soft, 16384);	/* Linux's defaults */
	LT_CHECK_EQ(hard, 0);
	LT_CHECK_OK(write_sysctl(PIPE_SOFT, 1));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_OK(pipe(p));
		LT_CHECK_EQ(fcntl(p[0], F_GETPIPE_SZ), 2 * 4096);
		LT_CHECK_ERR(fcntl(p[0], F_SETPIPE_SZ, 65536), EPERM);
		LT_CHECK_EQ(fcntl(p[0], F_SETPIPE_SZ, 4096), 4096);	/* shrinking is fine */
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(pipe(p));				/* root: the full 64 KiB */
	LT_CHECK_EQ(fcntl(p[0], F_GETPIPE_SZ), 65536);
	close_pair(p);
	LT_CHECK_OK(write_sysctl(PIPE_HARD, 1));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_ERR(pipe(p), ENFILE);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(write_sysctl(PIPE_HARD, hard < 0 ? 0 : hard));
	LT_CHECK_OK(write_sysctl(PIPE_SOFT, soft < 0 ? 16384 : soft));
}

LT_CASE(fionread)
{
	int p[2], n = -1;

	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(ioctl(p[0], FIONREAD, &n));
	LT_CHECK_EQ(n, 0);
	LT_CHECK_EQ(write(p[1], "0123456789", 10), 10);
	LT_CHECK_OK(ioctl(p[0], FIONREAD, &n));
	LT_CHECK_EQ(n, 10);
	LT_CHECK_OK(ioctl(p[1], FIONREAD, &n));		/* either end */
	LT_CHECK_EQ(n, 10);
	char buf[4];
	LT_CHECK_EQ(read(p[0], buf, 4), 4);
	LT_CHECK_OK(ioctl(p[0], FIONREAD, &n));
	LT_CHECK_EQ(n, 6);
	LT_CHECK_ERR(ioctl(p[0], 0x5401 /* TCGETS */, buf), ENOTTY);
	close_pair(p);
}

LT_CASE(fifo_open)
{
	struct stat st;
	long long start;
	char buf[8];
	pid_t pid;
	int r, w;

	LT_CHECK_OK(mkfifo(D "/f", 0644));
	LT_CHECK_OK(stat(D "/f", &st));
	LT_CHECK_EQ(st.st_mode, S_IFIFO | 0644);
	LT_CHECK_ERR(mkfifo(D "/f", 0644), EEXIST);
	LT_CHECK_OK(mknod(D "/n", S_IFIFO | 0600, 0));
	/* A blocking open for reading waits for a writer.  Timed from
	 * before the fork: on another CPU the child's sleep may start first. */
	start = lt_now_ns();
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		lt_sleep_ms(100);
		int fd = open(D "/f", O_WRONLY);
		_exit(fd >= 0 && write(fd, "fifo", 4) == 4 ? 0 : 1);
	}
	r = open(D "/f", O_RDONLY);
	LT_CHECK(r >= 0);
	LT_CHECK(lt_now_ns() - start >= 80 * MS);
	LT_CHECK_EQ(read(r, buf, sizeof(buf)), 4);
	LT_CHECK(!memcmp(buf, "fifo", 4));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(read(r, buf, sizeof(buf)), 0);	/* the writer is gone */
	close(r);
	/* And a blocking open for writing waits for a reader. */
	start = lt_now_ns();
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		lt_sleep_ms(100);
		int fd = open(D "/f", O_RDONLY);
		_exit(fd >= 0 && read(fd, buf, 8) == 2 ? 0 : 1);
	}
	w = open(D "/f", O_WRONLY);
	LT_CHECK(w >= 0);
	LT_CHECK(lt_now_ns() - start >= 80 * MS);
	LT_CHECK_EQ(write(w, "ok", 2), 2);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(w);
	/* O_NONBLOCK: a reader opens at once; a writer without reader: ENXIO. */
	LT_CHECK_ERR(open(D "/f", O_WRONLY | O_NONBLOCK), ENXIO);
	r = open(D "/f", O_RDONLY | O_NONBLOCK);
	LT_CHECK(r >= 0);
	LT_CHECK_EQ(read(r, buf, 1), 0);		/* no writer: EOF */
	w = open(D "/f", O_WRONLY | O_NONBLOCK);
	LT_CHECK(w >= 0);
	LT_CHECK_ERR(read(r, buf, 1), EAGAIN);		/* a writer, no data */
	LT_CHECK_EQ(write(w, "z", 1), 1);
	LT_CHECK_EQ(read(r, buf, 1), 1);
	close(w);
	close(r);
	/* O_RDWR never blocks on Linux: it is both ends. */
	r = open(D "/n", O_RDWR);
	LT_CHECK(r >= 0);
	LT_CHECK_EQ(write(r, "rw", 2), 2);
	LT_CHECK_EQ(read(r, buf, 2), 2);
	LT_CHECK_ERR(lseek(r, 0, SEEK_SET), ESPIPE);
	close(r);
	/* Data does not outlive the last open: a new open starts empty. */
	r = open(D "/n", O_RDWR);
	LT_CHECK_EQ(write(r, "lost", 4), 4);
	close(r);
	r = open(D "/n", O_RDWR | O_NONBLOCK);
	LT_CHECK_ERR(read(r, buf, 4), EAGAIN);
	close(r);
	unlink(D "/f");
	unlink(D "/n");
}

LT_CASE(poll_pipe)
{
	struct pollfd pf[2];
	long long start;
	int p[2], q[2];

	LT_CHECK_OK(pipe(p));
	pf[0] = (struct pollfd){ p[0], POLLIN, -1 };
	pf[1] = (struct pollfd){ p[1], POLLOUT, -1 };
	LT_CHECK_EQ(poll(pf, 2, 0), 1);
	LT_CHECK_EQ(pf[0].revents, 0);
	LT_CHECK_EQ(pf[1].revents, POLLOUT);
	LT_CHECK_EQ(poll(pf, 1, 0), 0);
	/* Nothing to read: the time-out passes. */
	start = lt_now_ns();
	LT_CHECK_EQ(poll(pf, 1, 50), 0);
	LT_CHECK(lt_now_ns() - start >= 45 * MS);
	LT_CHECK(lt_now_ns() - start < 2000 * MS);
	/* Data: POLLIN. */
	LT_CHECK_EQ(write(p[1], "x", 1), 1);
	LT_CHECK_EQ(poll(pf, 1, 0), 1);
	LT_CHECK_EQ(pf[0].revents, POLLIN);
	/* Writers gone with data left: POLLIN|POLLHUP; then POLLHUP alone. */
	close(p[1]);
	LT_CHECK_EQ(poll(pf, 1, 0), 1);
	LT_CHECK_EQ(pf[0].revents, POLLIN | POLLHUP);
	char c;
	LT_CHECK_EQ(read(p[0], &c, 1), 1);
	LT_CHECK_EQ(poll(pf, 1, 0), 1);
	LT_CHECK_EQ(pf[0].revents, POLLHUP);		/* even though not asked for */
	pf[0].events = 0;
	LT_CHECK_EQ(poll(pf, 1, 0), 1);
	LT_CHECK_EQ(pf[0].revents, POLLHUP);
	close(p[0]);
	/* Reader gone: the write end shows POLLOUT|POLLERR. */
	LT_CHECK_OK(pipe(q));
	close(q[0]);
	pf[0] = (struct pollfd){ q[1], POLLOUT, 0 };
	LT_CHECK_EQ(poll(pf, 1, 0), 1);
	LT_CHECK_EQ(pf[0].revents, POLLOUT | POLLERR);
	close(q[1]);
	/* A closed fd: POLLNVAL (counted); a negative fd: ignored. */
	pf[0] = (struct pollfd){ q[1], POLLIN, -1 };
	pf[1] = (struct pollfd){ -1, POLLIN, -1 };
	LT_CHECK_EQ(poll(pf, 2, 0), 1);
	LT_CHECK_EQ(pf[0].revents, POLLNVAL);
	LT_CHECK_EQ(pf[1].revents, 0);
	/* No fds at all: just a sleep. */
	start = lt_now_ns();
	LT_CHECK_EQ(poll(NULL, 0, 50), 0);
	LT_CHECK(lt_now_ns() - start >= 45 * MS);
	/* More fds than RLIMIT_NOFILE allows: EINVAL. */
	struct rlimit rl;
	LT_CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	LT_CHECK_ERR(poll(pf, rl.rlim_cur + 1, 0), EINVAL);
}

/* A full pipe is not writable; a blocked poll wakes when a writer writes. */
LT_CASE(poll_wakeup)
{
	static char big[65536];
	struct pollfd pf;
	long long start;
	pid_t pid;
	int p[2];

	LT_CHECK_OK(pipe2(p, O_NONBLOCK));
	LT_CHECK_EQ(write(p[1], big, sizeof(big)), sizeof(big));
	pf = (struct pollfd){ p[1], POLLOUT, 0 };
	LT_CHECK_EQ(poll(&pf, 1, 0), 0);
	LT_CHECK_EQ(read(p[0], big, sizeof(big)), sizeof(big));
	start = lt_now_ns();	/* before the fork, as in blocking_read_waits */
	pid = later_write(p[1], "w", 1, 100);
	LT_CHECK(pid >= 0);
	pf = (struct pollfd){ p[0], POLLIN, 0 };
	LT_CHECK_EQ(poll(&pf, 1, 10000), 1);
	LT_CHECK(lt_now_ns() - start >= 80 * MS);
	LT_CHECK_EQ(pf.revents, POLLIN);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close_pair(p);
}

LT_CASE(ppoll_calls)
{
	struct timespec ts = { 0, 0 };
	struct pollfd pf;
	sigset_t set;
	int p[2];

	LT_CHECK_OK(pipe(p));
	pf = (struct pollfd){ p[0], POLLIN, 0 };
	LT_CHECK_EQ(ppoll(&pf, 1, &ts, NULL), 0);
	ts.tv_nsec = 50 * MS;
	long long start = lt_now_ns();
	LT_CHECK_EQ(syscall(SYS_ppoll, &pf, 1, &ts, NULL, 8), 0);
	LT_CHECK(lt_now_ns() - start >= 45 * MS);
	LT_CHECK_EQ(ts.tv_sec, 0);			/* the kernel stores the time left */
	LT_CHECK_EQ(ts.tv_nsec, 0);
	LT_CHECK_EQ(write(p[1], "x", 1), 1);
	sigemptyset(&set);
	LT_CHECK_EQ(ppoll(&pf, 1, NULL, &set), 1);
	LT_CHECK_EQ(pf.revents, POLLIN);
	ts = (struct timespec){ -1, 0 };
	LT_CHECK_ERR(syscall(SYS_ppoll, &pf, 1, &ts, NULL, 8), EINVAL);
	ts = (struct timespec){ 0, 1000000000 };
	LT_CHECK_ERR(syscall(SYS_ppoll, &pf, 1, &ts, NULL, 8), EINVAL);
	LT_CHECK_ERR(syscall(SYS_ppoll, &pf, 1, NULL, &set, 4), EINVAL);	/* sigset size */
	close_pair(p);
}

LT_CASE(select_calls)
{
	fd_set rd, wr, ex;
	struct timeval tv;
	long long start;
	int p[2], q[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(pipe(q));
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_ZERO(&ex);
	FD_SET(p[0], &rd);
	FD_SET(q[0], &rd);
	FD_SET(p[1], &wr);
	FD_SET(p[0], &ex);
	tv = (struct timeval){ 0, 0 };
	LT_CHECK_EQ(select(q[1] + 1, &rd, &wr, &ex, &tv), 1);
	LT_CHECK(!FD_ISSET(p[0], &rd));			/* not ready: cleared */
	LT_CHECK(!FD_ISSET(q[0], &rd));
	LT_CHECK(FD_ISSET(p[1], &wr));
	LT_CHECK(!FD_ISSET(p[0], &ex));
	/* Data in q: only q[0] stays set; the count adds up over the sets. */
	LT_CHECK_EQ(write(q[1], "x", 1), 1);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(q[0], &rd);
	FD_SET(q[1], &wr);
	FD_SET(q[0], &wr);				/* a read end is never writable */
	LT_CHECK_EQ(select(q[1] + 1, &rd, &wr, NULL, &tv), 2);
	LT_CHECK(FD_ISSET(q[0], &rd) && !FD_ISSET(p[0], &rd));
	LT_CHECK(FD_ISSET(q[1], &wr) && !FD_ISSET(q[0], &wr));
	/* Time-out: 0 returned, sets cleared, the timeval counts down to 0. */
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv = (struct timeval){ 0, 50000 };
	start = lt_now_ns();
	/* Raw: musl's select() passes the kernel a copy of the timeval. */
	LT_CHECK_EQ(syscall(SYS_select, p[0] + 1, &rd, NULL, NULL, &tv), 0);
	LT_CHECK(lt_now_ns() - start >= 45 * MS);
	LT_CHECK(!FD_ISSET(p[0], &rd));
	LT_CHECK_EQ(tv.tv_sec, 0);
	LT_CHECK_EQ(tv.tv_usec, 0);
	/* The time left is stored when an fd becomes ready early. */
	tv = (struct timeval){ 5, 0 };
	FD_ZERO(&rd);
	FD_SET(q[0], &rd);
	LT_CHECK_EQ(syscall(SYS_select, q[0] + 1, &rd, NULL, NULL, &tv), 1);
	LT_CHECK(tv.tv_sec >= 4 && tv.tv_sec <= 5);
	/* EOF is "readable"; a closed fd in a set is EBADF. */
	close(p[1]);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv = (struct timeval){ 0, 0 };
	LT_CHECK_EQ(select(p[0] + 1, &rd, NULL, NULL, &tv), 1);
	close(p[0]);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	LT_CHECK_ERR(select(p[0] + 1, &rd, NULL, NULL, &tv), EBADF);
	/* A closed fd beyond nfds is not looked at. */
	LT_CHECK_EQ(select(0, &rd, NULL, NULL, &tv), 0);
	LT_CHECK_ERR(select(-1, NULL, NULL, NULL, &tv), EINVAL);
	tv = (struct timeval){ 0, -1 };
	LT_CHECK_ERR(syscall(SYS_select, 0, NULL, NULL, NULL, &tv), EINVAL);
	tv = (struct timeval){ -1, 0 };
	LT_CHECK_ERR(syscall(SYS_select, 0, NULL, NULL, NULL, &tv), EINVAL);
	close_pair(q);
}

LT_CASE(pselect_calls)
{
	struct timespec ts;
	fd_set rd;
	int p[2];

	LT_CHECK_OK(pipe(p));
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	ts = (struct timespec){ 0, 50 * MS };
	long long start = lt_now_ns();
	/* Raw pselect6: the sixth argument is { sigset pointer, size } or NULL. */
	LT_CHECK_EQ(syscall(SYS_pselect6, p[0] + 1, &rd, NULL, NULL, &ts, NULL), 0);
	LT_CHECK(lt_now_ns() - start >= 45 * MS);
	LT_CHECK_EQ(ts.tv_nsec, 0);
	LT_CHECK_EQ(write(p[1], "x", 1), 1);
	FD_SET(p[0], &rd);
	ts = (struct timespec){ 1, 0 };
	sigset_t set;
	sigemptyset(&set);
	struct { const sigset_t *ss; size_t len; } arg = { &set, 8 };
	LT_CHECK_EQ(syscall(SYS_pselect6, p[0] + 1, &rd, NULL, NULL, &ts, &arg), 1);
	LT_CHECK(FD_ISSET(p[0], &rd));
	arg.len = 16;
	LT_CHECK_ERR(syscall(SYS_pselect6, p[0] + 1, &rd, NULL, NULL, &ts, &arg), EINVAL);
	ts = (struct timespec){ 0, -5 };
	LT_CHECK_ERR(syscall(SYS_pselect6, p[0] + 1, &rd, NULL, NULL, &ts, NULL), EINVAL);
	LT_CHECK_EQ(pselect(p[0] + 1, &rd, NULL, NULL, NULL, &set), 1);
	close_pair(p);
}

/* A child that sends SIGUSR1 to its parent after 50 ms, then maybe writes. */
static pid_t signal_later(int wfd, int do_write)
{
	pid_t parent = getpid(), pid = fork();

	if (pid == 0) {
		lt_sleep_ms(50);
		kill(parent, SIGUSR1);
		if (do_write) {
			lt_sleep_ms(50);
			(void)!write(wfd, "y", 1);
		}
		_exit(0);
	}
	return pid;
}

LT_CASE(eintr_and_restart)
{
	struct pollfd pf;
	char buf[4];
	pid_t pid;
	int p[2];

	LT_CHECK_OK(pipe(p));
	/* Without SA_RESTART: the blocked read fails with EINTR. */
	LT_CHECK_OK(set_handler(SIGUSR1, on_signal, 0));
	got_signal = 0;
	pid = signal_later(p[1], 0);
	LT_CHECK(pid >= 0);
	LT_CHECK_ERR(read(p[0], buf, 1), EINTR);
	LT_CHECK_EQ(got_signal, 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* With SA_RESTART: the read goes on and gets the later data. */
	LT_CHECK_OK(set_handler(SIGUSR1, on_signal, SA_RESTART));
	got_signal = 0;
	pid = signal_later(p[1], 1);
	LT_CHECK(pid >= 0);
	LT_CHECK_EQ(read(p[0], buf, 1), 1);
	LT_CHECK_EQ(buf[0], 'y');
	LT_CHECK_EQ(got_signal, 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* poll and select are never restarted: EINTR even with SA_RESTART. */
	got_signal = 0;
	pid = signal_later(p[1], 0);
	pf = (struct pollfd){ p[0], POLLIN, 0 };
	LT_CHECK_ERR(poll(&pf, 1, 5000), EINTR);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	got_signal = 0;
	pid = signal_later(p[1], 0);
	fd_set rd;
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	struct timeval tv = { 5, 0 };
	LT_CHECK_ERR(select(p[0] + 1, &rd, NULL, NULL, &tv), EINTR);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* An ignored signal does not interrupt anything. */
	signal(SIGUSR1, SIG_IGN);
	pid = signal_later(p[1], 1);
	LT_CHECK_EQ(read(p[0], buf, 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	signal(SIGUSR1, SIG_DFL);
	close_pair(p);
}

int main(void)
{
	int proc_mounted;

	/* The pipe-user-pages sysctls (nothing mounts /proc here). */
	mkdir("/proc", 0555);
	proc_mounted = !mount("proc", "/proc", "proc", 0, NULL);
	lt_begin("fs_pipe");
	if (lt_fs_setup(D)) {
		lt_note("cannot make %s: %s", D, lt_errname(errno));
		return 1;
	}
	LT_RUN(pipe_basic);
	LT_RUN(pipe2_flags);
	LT_RUN(blocking_read_waits);
	LT_RUN(eof_when_writers_close);
	LT_RUN(epipe_sigpipe);
	LT_RUN(pipe_buf_atomic);
	LT_RUN(nonblocking_read);
	LT_RUN(nonblocking_write_full);
	LT_RUN(blocking_write_waits);
	LT_RUN(blocked_writer_loses_reader);
	LT_RUN(pipe_size);
	LT_RUN(packet_mode);
	LT_RUN(user_pages_limits);
	LT_RUN(fionread);
	LT_RUN(fifo_open);
	LT_RUN(poll_pipe);
	LT_RUN(poll_wakeup);
	LT_RUN(ppoll_calls);
	LT_RUN(select_calls);
	LT_RUN(pselect_calls);
	LT_RUN(eintr_and_restart);
	lt_fs_cleanup(D);
	if (proc_mounted)
		umount("/proc");
	return lt_end();
}
