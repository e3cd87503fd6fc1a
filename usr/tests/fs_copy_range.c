// SPDX-License-Identifier: GPL-2.0
/*
 * fs_copy_range: copy_file_range between files, from and to offsets
 * (file positions untouched) or positions (moved), stopping at the end
 * of the input, within one file without overlap; and its errors: flags,
 * directories, pipes, O_APPEND and read-only outputs, overlapping ranges,
 * bad offset pointers, another tmpfs instance (EXDEV).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_cfr"
#define F	D "/f"
#define G	D "/g"
#define M	D "/mnt"

LT_CASE(copies)
{
	char buf[64];
	int in = open(F, O_RDONLY), out = open(G, O_RDWR | O_CREAT | O_TRUNC, 0644);
	loff_t oi = 2, oo = 10;

	LT_CHECK(in >= 0 && out >= 0);
	LT_CHECK_EQ(copy_file_range(in, &oi, out, &oo, 5, 0), 5);
	LT_CHECK_EQ(oi, 7);
	LT_CHECK_EQ(oo, 15);
	LT_CHECK_EQ(lseek(in, 0, SEEK_CUR), 0);
	LT_CHECK_EQ(lt_file_size(G), 15);
	LT_CHECK_EQ(pread(out, buf, 15, 0), 15);
	LT_CHECK(!memcmp(buf + 10, "23456", 5));
	LT_CHECK_EQ(buf[0], 0);
	/* Positions: both move; a copy past the end stops at it. */
	LT_CHECK_EQ(lseek(in, 30, SEEK_SET), 30);
	LT_CHECK_EQ(lseek(out, 0, SEEK_SET), 0);
	LT_CHECK_EQ(copy_file_range(in, NULL, out, NULL, 100, 0), 6);
	LT_CHECK_EQ(lseek(in, 0, SEEK_CUR), 36);
	LT_CHECK_EQ(lseek(out, 0, SEEK_CUR), 6);
	LT_CHECK_EQ(copy_file_range(in, NULL, out, NULL, 100, 0), 0);
	LT_CHECK_EQ(pread(out, buf, 6, 0), 6);
	LT_CHECK(!memcmp(buf, "UVWXYZ", 6));
	close(in);
	close(out);
}

LT_CASE(same_file)
{
	char buf[8];
	int fd = open(G, O_RDWR | O_CREAT | O_TRUNC, 0644);
	loff_t a = 0, b = 4;

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "abcdefgh", 8), 8);
	LT_CHECK_EQ(copy_file_range(fd, &a, fd, &b, 4, 0), 4);
	LT_CHECK_EQ(pread(fd, buf, 8, 0), 8);
	LT_CHECK(!memcmp(buf, "abcdabcd", 8));
	a = 0;
	b = 2;
	LT_CHECK_ERR(copy_file_range(fd, &a, fd, &b, 4, 0), EINVAL);
	close(fd);
}

LT_CASE(x_errors)
{
	int in = open(F, O_RDONLY), out = open(G, O_WRONLY), ap = open(G, O_WRONLY | O_APPEND);
	int dfd = open(D, O_RDONLY | O_DIRECTORY), p[2], other;
	loff_t neg = -1;

	LT_CHECK(in >= 0 && out >= 0 && ap >= 0 && dfd >= 0);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_ERR(copy_file_range(in, NULL, out, NULL, 1, 1), EINVAL);
	LT_CHECK_ERR(copy_file_range(in, NULL, ap, NULL, 1, 0), EBADF);
	LT_CHECK_ERR(copy_file_range(out, NULL, in, NULL, 1, 0), EBADF);
	LT_CHECK_ERR(copy_file_range(999, NULL, out, NULL, 1, 0), EBADF);
	LT_CHECK_ERR(copy_file_range(dfd, NULL, out, NULL, 1, 0), EISDIR);
	LT_CHECK_ERR(copy_file_range(p[0], NULL, out, NULL, 1, 0), EINVAL);
	LT_CHECK_ERR(copy_file_range(in, &neg, out, NULL, 1, 0), EOVERFLOW);
	LT_CHECK_ERR(copy_file_range(in, (loff_t *)8, out, NULL, 1, 0), EFAULT);
	LT_CHECK_OK(mkdir(M, 0755));
	LT_CHECK_OK(mount("none", M, "tmpfs", 0, NULL));
	other = open(M "/x", O_RDWR | O_CREAT, 0644);
	LT_CHECK(other >= 0);
	LT_CHECK_ERR(copy_file_range(in, NULL, other, NULL, 1, 0), EXDEV);
	close(other);
	LT_CHECK_OK(umount(M));
	close(p[0]);
	close(p[1]);
	close(in);
	close(out);
	close(ap);
	close(dfd);
}

int main(void)
{
	lt_begin("fs_copy_range");
	if (lt_fs_setup(D) || lt_put_file(F, "0123456789abcdefghijklmnopqrstUVWXYZ", 36, 0644)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(copies);
	LT_RUN(same_file);
	LT_RUN(x_errors);
	lt_fs_cleanup(D);
	return lt_end();
}
