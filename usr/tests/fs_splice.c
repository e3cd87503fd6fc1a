// SPDX-License-Identifier: GPL-2.0
/*
 * fs_splice: splice between a file and a pipe both ways (with and
 * without offsets, the file position moving only without), pipe to pipe,
 * tee duplicating a pipe's data without consuming it (and later writes
 * not leaking into the copy), vmsplice into and out of a pipe,
 * SPLICE_F_NONBLOCK on an empty pipe, end of file, EPIPE, and bad input.
 * /proc/sys files take part both ways.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/uio.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_splice"
#define F	D "/f"
#define G	D "/g"

LT_CASE(file_to_pipe_to_file)
{
	static char big[3 * 4096 + 7], back[sizeof(big)];
	int in, out, p[2];
	loff_t off = 4096;
	size_t i;

	for (i = 0; i < sizeof(big); i++)
		big[i] = 'a' + i % 26;
	LT_CHECK_OK(lt_put_file(F, big, sizeof(big), 0644));
	in = open(F, O_RDONLY);
	out = open(G, O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(in >= 0 && out >= 0);
	LT_CHECK_OK(pipe(p));
	/* With an offset: the file position stays. */
	LT_CHECK_EQ(splice(in, &off, p[1], NULL, 100, 0), 100);
	LT_CHECK_EQ(off, 4196);
	LT_CHECK_EQ(lseek(in, 0, SEEK_CUR), 0);
	LT_CHECK_EQ(read(p[0], back, 100), 100);
	LT_CHECK(!memcmp(back, big + 4096, 100));
	/* Without: it moves.  The whole file, then out the other side. */
	LT_CHECK_EQ(splice(in, NULL, p[1], NULL, sizeof(big), 0), (long)sizeof(big));
	LT_CHECK_EQ(lseek(in, 0, SEEK_CUR), (long)sizeof(big));
	LT_CHECK_EQ(splice(in, NULL, p[1], NULL, 10, 0), 0);	/* end of file */
	LT_CHECK_EQ(splice(p[0], NULL, out, NULL, sizeof(big), 0), (long)sizeof(big));
	LT_CHECK_EQ(lseek(out, 0, SEEK_CUR), (long)sizeof(big));
	LT_CHECK_EQ(pread(out, back, sizeof(back), 0), (long)sizeof(back));
	LT_CHECK(!memcmp(back, big, sizeof(big)));
	/* To an offset in the output. */
	LT_CHECK_EQ(write(p[1], "XYZ", 3), 3);
	off = 1;
	LT_CHECK_EQ(splice(p[0], NULL, out, &off, 3, 0), 3);
	LT_CHECK_EQ(off, 4);
	LT_CHECK_EQ(pread(out, back, 5, 0), 5);
	LT_CHECK(!memcmp(back, "aXYZe", 5));
	close(in);
	close(out);
	close(p[0]);
	close(p[1]);
}

LT_CASE(pipe_to_pipe_and_tee)
{
	char buf[32];
	int a[2], b[2], c[2];

	LT_CHECK_OK(pipe(a));
	LT_CHECK_OK(pipe(b));
	LT_CHECK_OK(pipe(c));
	LT_CHECK_EQ(write(a[1], "hello world", 11), 11);
	LT_CHECK_EQ(tee(a[0], b[1], 5, 0), 5);
	/* a keeps everything, b got a copy of the first five bytes. */
	LT_CHECK_EQ(splice(a[0], NULL, c[1], NULL, 6, 0), 6);
	LT_CHECK_EQ(read(b[0], buf, sizeof(buf)), 5);
	LT_CHECK(!memcmp(buf, "hello", 5));
	LT_CHECK_EQ(read(c[0], buf, sizeof(buf)), 6);
	LT_CHECK(!memcmp(buf, "hello ", 6));
	LT_CHECK_EQ(read(a[0], buf, sizeof(buf)), 5);
	LT_CHECK(!memcmp(buf, "world", 5));
	/* A write after a tee does not show up in the tee's copy. */
	LT_CHECK_EQ(write(a[1], "abc", 3), 3);
	LT_CHECK_EQ(tee(a[0], b[1], 100, 0), 3);
	LT_CHECK_EQ(write(a[1], "def", 3), 3);
	LT_CHECK_EQ(read(b[0], buf, sizeof(buf)), 3);
	LT_CHECK(!memcmp(buf, "abc", 3));
	LT_CHECK_EQ(read(a[0], buf, sizeof(buf)), 6);
	LT_CHECK(!memcmp(buf, "abcdef", 6));
	/* Empty and nonblocking: EAGAIN; no writers: end of file. */
	LT_CHECK_ERR(splice(a[0], NULL, b[1], NULL, 10, SPLICE_F_NONBLOCK), EAGAIN);
	LT_CHECK_ERR(tee(a[0], b[1], 10, SPLICE_F_NONBLOCK), EAGAIN);
	close(a[1]);
	LT_CHECK_EQ(splice(a[0], NULL, b[1], NULL, 10, 0), 0);
	LT_CHECK_EQ(tee(a[0], b[1], 10, 0), 0);
	close(a[0]);
	close(b[0]);
	close(b[1]);
	close(c[0]);
	close(c[1]);
}

LT_CASE(vmsplice_both_ways)
{
	char x[4] = "1234", y[3] = "567", r1[5], r2[2];
	struct iovec w[2] = { { x, 4 }, { y, 3 } }, r[2] = { { r1, 5 }, { r2, 2 } };
	int p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(vmsplice(p[1], w, 2, 0), 7);
	LT_CHECK_EQ(vmsplice(p[0], r, 2, 0), 7);
	LT_CHECK(!memcmp(r1, "12345", 5) && !memcmp(r2, "67", 2));
	LT_CHECK_ERR(vmsplice(p[0], r, 2, SPLICE_F_NONBLOCK), EAGAIN);
	LT_CHECK_ERR(vmsplice(p[1], w, 2, 0x100), EINVAL);
	close(p[0]);
	close(p[1]);
	/* More than fits: what fits goes in, without waiting for a reader. */
	{
		static char big[128 * 1024];
		struct iovec v = { big, sizeof(big) };
		long n;

		LT_CHECK_OK(pipe(p));
		n = vmsplice(p[1], &v, 1, 0);
		LT_CHECK(n >= 4096 && n < (long)sizeof(big));
		LT_CHECK_ERR(vmsplice(p[1], &v, 1, SPLICE_F_NONBLOCK), EAGAIN);
	}
	close(p[0]);
	close(p[1]);
}

#define PROC	D "/proc"
#define PIPE_MAX	PROC "/sys/fs/pipe-max-size"

/* Read a /proc/sys file through a pipe: its text, NUL-terminated, or NULL. */
static char *splice_in(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), p[2];
	ssize_t n = -1;

	if (fd < 0 || pipe(p))
		return NULL;
	if (splice(fd, NULL, p[1], NULL, size - 1, 0) > 0)
		n = read(p[0], buf, size - 1);
	close(p[0]);
	close(p[1]);
	close(fd);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

LT_CASE(procfs_sysctl)
{
	char old[32], now[32], plain[32];
	int fd, p[2];

	LT_CHECK_OK(mkdir(PROC, 0755));
	LT_CHECK_OK(mount("proc", PROC, "proc", 0, NULL));
	LT_CHECK(splice_in(PIPE_MAX, old, sizeof(old)) != NULL);
	fd = open(PIPE_MAX, O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(read(fd, plain, sizeof(plain)), (long)strlen(old));
	close(fd);
	LT_CHECK(!strncmp(plain, old, strlen(old)));
	/* Out of a pipe into the file: the new value takes. */
	fd = open(PIPE_MAX, O_WRONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(write(p[1], "2097152", 7), 7);
	LT_CHECK_EQ(splice(p[0], NULL, fd, NULL, 100, 0), 7);
	close(fd);
	LT_CHECK(splice_in(PIPE_MAX, now, sizeof(now)) != NULL);
	LT_CHECK(!strcmp(now, "2097152\n"));
	/* pipe -> file with a value that is rounded: the file shows the result. */
	fd = open(PIPE_MAX, O_WRONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(p[1], "2048\n", 5), 5);
	LT_CHECK_EQ(splice(p[0], NULL, fd, NULL, 100, 0), 5);
	close(fd);
	LT_CHECK(splice_in(PIPE_MAX, now, sizeof(now)) != NULL);
	LT_CHECK(!strcmp(now, "4096\n"));	/* a page at least */
	/* Back as it was. */
	fd = open(PIPE_MAX, O_WRONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(p[1], old, strlen(old)), (long)strlen(old));
	LT_CHECK_EQ(splice(p[0], NULL, fd, NULL, 100, 0), (long)strlen(old));
	close(fd);
	close(p[0]);
	close(p[1]);
	LT_CHECK(splice_in(PIPE_MAX, now, sizeof(now)) != NULL);
	LT_CHECK(!strcmp(now, old));
	LT_CHECK_OK(umount(PROC));
}

LT_CASE(x_errors)
{
	int f = open(F, O_RDONLY), g = open(G, O_WRONLY | O_APPEND), p[2], q[2];
	loff_t off = 0, neg = -1;
	struct iovec v = { "x", 1 };

	LT_CHECK(f >= 0 && g >= 0);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(pipe(q));
	LT_CHECK_ERR(splice(f, NULL, g, NULL, 10, 0), EINVAL);	/* no pipe */
	LT_CHECK_ERR(splice(p[0], &off, q[1], NULL, 10, 0), ESPIPE);
	LT_CHECK_ERR(splice(f, &neg, p[1], NULL, 10, 0), EINVAL);
	LT_CHECK_ERR(splice(f, NULL, p[1], NULL, 10, 0x100), EINVAL);
	LT_CHECK_ERR(splice(999, NULL, p[1], NULL, 10, 0), EBADF);
	LT_CHECK_ERR(splice(p[1], NULL, q[1], NULL, 10, 0), EBADF);	/* write end as input */
	LT_CHECK_ERR(splice(f, (loff_t *)8, p[1], NULL, 10, 0), EFAULT);
	LT_CHECK_EQ(write(p[1], "abc", 3), 3);
	LT_CHECK_ERR(splice(p[0], NULL, g, NULL, 10, 0), EINVAL);	/* O_APPEND */
	LT_CHECK_ERR(splice(p[0], NULL, p[1], NULL, 10, 0), EINVAL);	/* same pipe */
	LT_CHECK_ERR(tee(p[0], p[1], 10, 0), EINVAL);
	LT_CHECK_ERR(tee(f, p[1], 10, 0), EINVAL);
	LT_CHECK_ERR(vmsplice(f, &v, 1, 0), EBADF);
	LT_CHECK_ERR(vmsplice(p[1], (struct iovec *)8, 1, 0), EFAULT);
	/* No readers: EPIPE (SIGPIPE ignored here). */
	signal(SIGPIPE, SIG_IGN);
	close(q[0]);
	LT_CHECK_ERR(splice(p[0], NULL, q[1], NULL, 3, 0), EPIPE);
	LT_CHECK_ERR(splice(f, NULL, q[1], NULL, 3, 0), EPIPE);
	signal(SIGPIPE, SIG_DFL);
	close(q[1]);
	close(p[0]);
	close(p[1]);
	close(f);
	close(g);
}

int main(void)
{
	lt_begin("fs_splice");
	if (lt_fs_setup(D)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(file_to_pipe_to_file);
	LT_RUN(pipe_to_pipe_and_tee);
	LT_RUN(vmsplice_both_ways);
	LT_RUN(procfs_sysctl);
	LT_RUN(x_errors);
	lt_fs_cleanup(D);
	return lt_end();
}
