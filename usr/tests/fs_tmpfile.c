// SPDX-License-Identifier: GPL-2.0
/*
 * fs_tmpfile: O_TMPFILE makes a regular file with no name (nlink 0, not
 * listed in its directory) that reads back what was written; linkat
 * with AT_EMPTY_PATH gives it a name, unless it was made with O_EXCL;
 * O_RDONLY, a non-directory and a filesystem without the operation fail.
 * /proc/self/fd/<n> is a magic link: linkat with AT_SYMLINK_FOLLOW names
 * a tmpfile through it, and open through it reaches a deleted file.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_tmpfile"

static int entries(const char *dir)
{
	struct dirent *d;
	DIR *dp = opendir(dir);
	int n = 0;

	if (!dp)
		return -1;
	while ((d = readdir(dp)))
		if (strcmp(d->d_name, ".") && strcmp(d->d_name, ".."))
			n++;
	closedir(dp);
	return n;
}

LT_CASE(unnamed_then_linked)
{
	char buf[8];
	struct stat st;
	int fd = open(D "/sub", O_TMPFILE | O_RDWR, 0640);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "tmpdata", 7), 7);
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_nlink, 0);
	LT_CHECK(S_ISREG(st.st_mode));
	LT_CHECK_EQ(st.st_size, 7);
	LT_CHECK_EQ(entries(D "/sub"), 0);
	LT_CHECK_OK(linkat(fd, "", AT_FDCWD, D "/sub/named", AT_EMPTY_PATH));
	LT_CHECK_OK(fstat(fd, &st));
	LT_CHECK_EQ(st.st_nlink, 1);
	LT_CHECK_EQ(entries(D "/sub"), 1);
	LT_CHECK_EQ(lt_get_file(D "/sub/named", buf, sizeof(buf)), 7);
	LT_CHECK(!memcmp(buf, "tmpdata", 7));
	close(fd);
	LT_CHECK_EQ(lt_get_file(D "/sub/named", buf, sizeof(buf)), 7);
	LT_CHECK_OK(unlink(D "/sub/named"));
}

LT_CASE(excl_cannot_link)
{
	int fd = open(D, O_TMPFILE | O_WRONLY | O_EXCL, 0600);

	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(linkat(fd, "", AT_FDCWD, D "/x", AT_EMPTY_PATH), ENOENT);
	LT_CHECK(!lt_exists(D "/x"));
	close(fd);
}

LT_CASE(through_magic_links)
{
	char path[64], buf[8];
	int fd = open(D "/sub", O_TMPFILE | O_RDWR, 0600), fd2, del;

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "magic", 5), 5);
	snprintf(path, sizeof(path), D "/proc/self/fd/%d", fd);
	LT_CHECK_OK(linkat(AT_FDCWD, path, AT_FDCWD, D "/sub/viaproc", AT_SYMLINK_FOLLOW));
	LT_CHECK_EQ(lt_get_file(D "/sub/viaproc", buf, sizeof(buf)), 5);
	close(fd);
	/* A deleted file is still reachable through its descriptor's link. */
	del = open(D "/sub/viaproc", O_RDONLY);
	LT_CHECK(del >= 0);
	LT_CHECK_OK(unlink(D "/sub/viaproc"));
	snprintf(path, sizeof(path), D "/proc/self/fd/%d", del);
	fd2 = open(path, O_RDONLY);
	LT_CHECK(fd2 >= 0);
	LT_CHECK_EQ(read(fd2, buf, 5), 5);
	LT_CHECK(!memcmp(buf, "magic", 5));
	close(fd2);
	close(del);
}

LT_CASE(x_errors)
{
	LT_CHECK_ERR(open(D, O_TMPFILE | O_RDONLY, 0600), EINVAL);
	LT_CHECK_ERR(open(D "/file", O_TMPFILE | O_RDWR, 0600), ENOTDIR);
	LT_CHECK_ERR(open(D "/nope", O_TMPFILE | O_RDWR, 0600), ENOENT);
	LT_CHECK_ERR(open(D "/proc", O_TMPFILE | O_RDWR, 0600), EOPNOTSUPP);
}

int main(void)
{
	lt_begin("fs_tmpfile");
	if (lt_fs_setup(D) || mkdir(D "/sub", 0755) || lt_put_file(D "/file", "x", 1, 0644) ||
	    mkdir(D "/proc", 0755) || mount("proc", D "/proc", "proc", 0, NULL)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(unnamed_then_linked);
	LT_RUN(excl_cannot_link);
	LT_RUN(through_magic_links);
	LT_RUN(x_errors);
	umount(D "/proc");
	lt_fs_cleanup(D);
	return lt_end();
}
