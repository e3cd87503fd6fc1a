// SPDX-License-Identifier: GPL-2.0
/*
 * fs_getdents: the original getdents(2) record: every name once with
 * its inode number and its type in the record's last byte, d_off
 * resuming where a small buffer stopped, and EINVAL (nothing fits),
 * ENOTDIR, EBADF, EFAULT.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_getdents"

struct old_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
};

static long gd(int fd, void *buf, unsigned n)
{
	return lt_syscall(SYS_getdents, fd, (long)buf, n, 0, 0, 0);
}

LT_CASE(names_and_types)
{
	static char buf[4096];
	int fd = open(D, O_RDONLY | O_DIRECTORY), seen = 0;
	struct stat st;
	long n, i;

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(stat(D "/file", &st));
	n = gd(fd, buf, sizeof(buf));
	LT_CHECK(n > 0);
	for (i = 0; i < n; ) {
		struct old_dirent *d = (void *)(buf + i);
		char type = buf[i + d->d_reclen - 1];

		LT_CHECK(d->d_reclen % sizeof(long) == 0);
		if (!strcmp(d->d_name, "file")) {
			LT_CHECK_EQ(type, DT_REG);
			LT_CHECK_EQ(d->d_ino, st.st_ino);
			seen |= 1;
		} else if (!strcmp(d->d_name, "dir")) {
			LT_CHECK_EQ(type, DT_DIR);
			seen |= 2;
		} else if (!strcmp(d->d_name, "link")) {
			LT_CHECK_EQ(type, DT_LNK);
			seen |= 4;
		} else if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, "..")) {
			LT_CHECK_EQ(type, DT_DIR);
			seen |= 8;
		}
		i += d->d_reclen;
	}
	LT_CHECK_EQ(seen, 15);
	LT_CHECK_EQ(gd(fd, buf, sizeof(buf)), 0);	/* at the end */
	close(fd);
}

LT_CASE(small_buffer_resumes)
{
	char buf[40];
	int fd = open(D, O_RDONLY | O_DIRECTORY), count = 0;
	long n;

	LT_CHECK(fd >= 0);
	/* One record at a time: five names in all (., .., file, dir, link). */
	while ((n = gd(fd, buf, sizeof(buf))) > 0) {
		struct old_dirent *d = (void *)buf;

		LT_CHECK_EQ(n, d->d_reclen);
		LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), (long)d->d_off);
		count++;
	}
	LT_CHECK_EQ(n, 0);
	LT_CHECK_EQ(count, 5);
	close(fd);
}

LT_CASE(x_errors)
{
	char buf[64];
	int fd = open(D, O_RDONLY | O_DIRECTORY), f = open(D "/file", O_RDONLY);

	LT_CHECK(fd >= 0 && f >= 0);
	LT_CHECK_EQ(gd(fd, buf, 8), -EINVAL);
	LT_CHECK_EQ(gd(f, buf, sizeof(buf)), -ENOTDIR);
	LT_CHECK_EQ(gd(999, buf, sizeof(buf)), -EBADF);
	LT_CHECK_EQ(gd(fd, (void *)8, sizeof(buf)), -EFAULT);
	close(fd);
	close(f);
}

int main(void)
{
	lt_begin("fs_getdents");
	if (lt_fs_setup(D) || lt_put_file(D "/file", "x", 1, 0644) || mkdir(D "/dir", 0755) ||
	    symlink("file", D "/link")) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(names_and_types);
	LT_RUN(small_buffer_resumes);
	LT_RUN(x_errors);
	lt_fs_cleanup(D);
	return lt_end();
}
