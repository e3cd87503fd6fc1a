// SPDX-License-Identifier: GPL-2.0
/*
 * fs_advise: the calls that tell the kernel about I/O without doing any:
 * fadvise64 (every advice on a file; bad advice EINVAL, a pipe ESPIPE, a
 * bad fd EBADF; the data reads back the same after DONTNEED), readahead
 * (regular files opened for reading only), sync_file_range (flags, range
 * and file-type checks) and fsync/fdatasync/syncfs on files and pipes.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_advise"
#define F	D "/f"

static long sys4(long n, long a, long b, long c, long d)
{
	return lt_syscall(n, a, b, c, d, 0, 0);
}

LT_CASE(fadvise_all)
{
	static char big[3 * 4096 + 100], back[sizeof(big)];
	int fd, adv, p[2];

	memset(big, 'q', sizeof(big));
	LT_CHECK_OK(lt_put_file(F, big, sizeof(big), 0644));
	fd = open(F, O_RDONLY);
	LT_CHECK(fd >= 0);
	for (adv = 0; adv <= 5; adv++) {
		LT_CHECK_EQ(sys4(SYS_fadvise64, fd, 0, 0, adv), 0);
		LT_CHECK_EQ(sys4(SYS_fadvise64, fd, 100, 5000, adv), 0);
	}
	LT_CHECK_EQ(pread(fd, back, sizeof(back), 0), (long)sizeof(back));
	LT_CHECK(!memcmp(big, back, sizeof(big)));
	LT_CHECK_EQ(sys4(SYS_fadvise64, fd, 0, 0, 6), -EINVAL);
	LT_CHECK_EQ(sys4(SYS_fadvise64, fd, 0, 0, -1), -EINVAL);
	LT_CHECK_EQ(sys4(SYS_fadvise64, fd, 0, -1, 0), -EINVAL);
	LT_CHECK_EQ(sys4(SYS_fadvise64, 999, 0, 0, 0), -EBADF);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(sys4(SYS_fadvise64, p[0], 0, 0, 0), -ESPIPE);
	close(p[0]);
	close(p[1]);
	close(fd);
}

LT_CASE(readahead_rules)
{
	int fd = open(F, O_RDONLY), wfd = open(F, O_WRONLY), p[2];

	LT_CHECK(fd >= 0 && wfd >= 0);
	LT_CHECK_EQ(sys4(SYS_readahead, fd, 0, 8192, 0), 0);
	LT_CHECK_EQ(sys4(SYS_readahead, wfd, 0, 8192, 0), -EBADF);
	LT_CHECK_EQ(sys4(SYS_readahead, 999, 0, 8192, 0), -EBADF);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(sys4(SYS_readahead, p[0], 0, 10, 0), -EINVAL);
	close(p[0]);
	close(p[1]);
	close(fd);
	close(wfd);
}

LT_CASE(sync_file_range_rules)
{
	int fd = open(F, O_RDWR), p[2];

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(sys4(SYS_sync_file_range, fd, 0, 0, 7), 0);
	LT_CHECK_EQ(sys4(SYS_sync_file_range, fd, 10, 100, 2), 0);
	LT_CHECK_EQ(sys4(SYS_sync_file_range, fd, 0, 1, 8), -EINVAL);
	LT_CHECK_EQ(sys4(SYS_sync_file_range, fd, -1, 1, 2), -EINVAL);
	LT_CHECK_EQ(sys4(SYS_sync_file_range, fd, 0, -1, 2), -EINVAL);
	LT_CHECK_EQ(sys4(SYS_sync_file_range, 999, 0, 1, 2), -EBADF);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_EQ(sys4(SYS_sync_file_range, p[0], 0, 1, 2), -ESPIPE);
	/* fsync and fdatasync need a file with something to sync. */
	LT_CHECK_OK(fsync(fd));
	LT_CHECK_OK(fdatasync(fd));
	LT_CHECK_ERR(fsync(p[1]), EINVAL);
	LT_CHECK_ERR(fdatasync(p[1]), EINVAL);
	LT_CHECK_ERR(fsync(999), EBADF);
	LT_CHECK_EQ(sys4(SYS_syncfs, fd, 0, 0, 0), 0);
	LT_CHECK_EQ(sys4(SYS_syncfs, 999, 0, 0, 0), -EBADF);
	close(p[0]);
	close(p[1]);
	close(fd);
}

int main(void)
{
	lt_begin("fs_advise");
	if (lt_fs_setup(D)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(fadvise_all);
	LT_RUN(readahead_rules);
	LT_RUN(sync_file_range_rules);
	lt_fs_cleanup(D);
	return lt_end();
}
