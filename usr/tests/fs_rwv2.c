// SPDX-License-Identifier: GPL-2.0
/*
 * fs_rwv2: preadv2/pwritev2.  An offset of -1 uses and moves the file
 * position, a real offset leaves it alone; several segments fill in
 * order; RWF_APPEND writes at the end whatever the offset, RWF_DSYNC and
 * RWF_SYNC are accepted, RWF_NOWAIT is EOPNOTSUPP on files that cannot
 * promise not to block (tmpfs and pipes, as on Linux 6.1); an unknown flag is EOPNOTSUPP, a pipe with an offset ESPIPE,
 * a directory EISDIR, a bad segment EFAULT, a negative offset EINVAL.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_rwv2"
#define F	D "/f"

#ifndef SYS_preadv2
#define SYS_preadv2	327
#define SYS_pwritev2	328
#endif
#define RWF_HIPRI	1
#define RWF_DSYNC	2
#define RWF_SYNC	4
#define RWF_NOWAIT	8
#define RWF_APPEND	0x10

static long pv2(int write, int fd, struct iovec *iov, int n, long off, int flags)
{
	return lt_syscall(write ? SYS_pwritev2 : SYS_preadv2, fd, (long)iov, n, off, 0, flags);
}

LT_CASE(offsets_and_position)
{
	char a[4], b[6];
	struct iovec w[2] = { { "abcd", 4 }, { "efghij", 6 } };
	struct iovec r[2] = { { a, 4 }, { b, 6 } };
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(pv2(1, fd, w, 2, -1, 0), 10);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 10);
	LT_CHECK_EQ(pv2(1, fd, w, 1, 20, RWF_DSYNC), 4);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 10);
	LT_CHECK_EQ(lt_file_size(F), 24);
	LT_CHECK_EQ(pv2(0, fd, r, 2, 0, RWF_HIPRI), 10);
	LT_CHECK(!memcmp(a, "abcd", 4) && !memcmp(b, "efghij", 6));
	LT_CHECK_EQ(lseek(fd, 2, SEEK_SET), 2);
	LT_CHECK_EQ(pv2(0, fd, r, 1, -1, 0), 4);
	LT_CHECK(!memcmp(a, "cdef", 4));
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6);
	close(fd);
}

LT_CASE(append_and_sync)
{
	char buf[8] = { 0 };
	struct iovec w = { "XY", 2 };
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "0123", 4), 4);
	LT_CHECK_EQ(pv2(1, fd, &w, 1, 0, RWF_APPEND | RWF_SYNC), 2);
	LT_CHECK_EQ(lt_file_size(F), 6);
	LT_CHECK_EQ(pread(fd, buf, 6, 0), 6);
	LT_CHECK(!memcmp(buf, "0123XY", 6));
	close(fd);
}

LT_CASE(nowait_unsupported)
{
	char c;
	struct iovec r = { &c, 1 };
	int p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(pv2(0, p[0], &r, 1, -1, RWF_NOWAIT), -EOPNOTSUPP);
	LT_CHECK_EQ(write(p[1], "z", 1), 1);
	LT_CHECK_EQ(pv2(0, p[0], &r, 1, -1, 0), 1);
	LT_CHECK_EQ(c, 'z');
	LT_CHECK_EQ(pv2(0, p[0], &r, 1, 0, 0), -ESPIPE);
	close(p[0]);
	close(p[1]);
}

LT_CASE(x_errors)
{
	char c;
	struct iovec r = { &c, 1 }, bad = { (void *)8, 1 }, neg = { &c, (size_t)-1 };
	int fd = open(F, O_RDWR), dfd = open(D, O_RDONLY | O_DIRECTORY);

	LT_CHECK(fd >= 0 && dfd >= 0);
	LT_CHECK_EQ(pv2(0, fd, &r, 1, 0, 0x100), -EOPNOTSUPP);
	LT_CHECK_EQ(pv2(1, fd, &r, 1, 0, 0x100), -EOPNOTSUPP);
	LT_CHECK_EQ(pv2(0, fd, &r, 1, -2, 0), -EINVAL);
	LT_CHECK_EQ(pv2(0, fd, &bad, 1, 0, 0), -EFAULT);
	LT_CHECK_EQ(pv2(0, fd, &neg, 1, 0, 0), -EINVAL);
	LT_CHECK_EQ(pv2(0, fd, (struct iovec *)8, 1, 0, 0), -EFAULT);
	LT_CHECK_EQ(pv2(0, dfd, &r, 1, 0, 0), -EISDIR);
	LT_CHECK_EQ(pv2(0, 999, &r, 1, 0, 0), -EBADF);
	close(fd);
	close(dfd);
}

int main(void)
{
	lt_begin("fs_rwv2");
	if (lt_fs_setup(D)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(offsets_and_position);
	LT_RUN(append_and_sync);
	LT_RUN(nowait_unsupported);
	LT_RUN(x_errors);
	lt_fs_cleanup(D);
	return lt_end();
}
