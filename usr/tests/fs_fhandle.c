// SPDX-License-Identifier: GPL-2.0
/*
 * fs_fhandle: name_to_handle_at and open_by_handle_at on tmpfs.  A
 * handle outlives a rename, opens the same file (and directories
 * read-only), carries a mount id; too small a buffer is EOVERFLOW with
 * the needed size; a symlink's handle cannot be opened (ELOOP); a deleted
 * file's is ESTALE, as is one given with a descriptor on another
 * filesystem; opening needs CAP_DAC_READ_SEARCH; bad sizes, flags and
 * pointers fail; procfs has no handles (EOPNOTSUPP).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_fhandle"

static struct file_handle *get_handle(const char *path, int flags, int *mnt_id)
{
	struct file_handle *fh = calloc(1, sizeof(*fh) + MAX_HANDLE_SZ);

	fh->handle_bytes = MAX_HANDLE_SZ;
	if (name_to_handle_at(AT_FDCWD, path, fh, mnt_id, flags)) {
		free(fh);
		return NULL;
	}
	return fh;
}

LT_CASE(round_trip)
{
	struct file_handle *fh, *dh;
	int mnt_id = -1, fd, dfd = open(D, O_RDONLY | O_DIRECTORY);
	char buf[8];
	struct stat a, b;

	fh = get_handle(D "/f", 0, &mnt_id);
	LT_CHECK(fh != NULL);
	LT_CHECK(fh->handle_bytes > 0 && fh->handle_bytes <= MAX_HANDLE_SZ);
	LT_CHECK(mnt_id >= 0);
	LT_CHECK_OK(rename(D "/f", D "/renamed"));
	fd = open_by_handle_at(dfd, fh, O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(read(fd, buf, 5), 5);
	LT_CHECK(!memcmp(buf, "hello", 5));
	LT_CHECK_OK(fstat(fd, &a));
	LT_CHECK_OK(stat(D "/renamed", &b));
	LT_CHECK_EQ(a.st_ino, b.st_ino);
	close(fd);
	LT_CHECK_OK(rename(D "/renamed", D "/f"));
	/* The same handle twice; AT_EMPTY_PATH on a descriptor. */
	fd = open(D "/f", O_RDONLY);
	dh = calloc(1, sizeof(*dh) + MAX_HANDLE_SZ);
	dh->handle_bytes = MAX_HANDLE_SZ;
	LT_CHECK_OK(name_to_handle_at(fd, "", dh, &mnt_id, AT_EMPTY_PATH));
	LT_CHECK_EQ(dh->handle_bytes, fh->handle_bytes);
	LT_CHECK(!memcmp(dh->f_handle, fh->f_handle, fh->handle_bytes));
	close(fd);
	free(dh);
	/* A directory: read-only opens only. */
	dh = get_handle(D "/sub", 0, &mnt_id);
	LT_CHECK(dh != NULL);
	fd = open_by_handle_at(AT_FDCWD, dh, O_RDONLY | O_DIRECTORY);
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK_ERR(open_by_handle_at(AT_FDCWD, dh, O_RDWR), EISDIR);
	free(dh);
	free(fh);
	close(dfd);
}

LT_CASE(sizes_and_links)
{
	struct file_handle *fh = calloc(1, sizeof(*fh) + MAX_HANDLE_SZ);
	int mnt_id, fd;

	fh->handle_bytes = 0;
	LT_CHECK_ERR(name_to_handle_at(AT_FDCWD, D "/f", fh, &mnt_id, 0), EOVERFLOW);
	LT_CHECK(fh->handle_bytes > 0);
	fh->handle_bytes = MAX_HANDLE_SZ + 1;
	LT_CHECK_ERR(name_to_handle_at(AT_FDCWD, D "/f", fh, &mnt_id, 0), EINVAL);
	fh->handle_bytes = MAX_HANDLE_SZ;
	LT_CHECK_ERR(name_to_handle_at(AT_FDCWD, D "/f", fh, &mnt_id, 0x1), EINVAL);
	LT_CHECK_ERR(name_to_handle_at(AT_FDCWD, D "/f", (void *)8, &mnt_id, 0), EFAULT);
	LT_CHECK_ERR(name_to_handle_at(AT_FDCWD, D "/nope", fh, &mnt_id, 0), ENOENT);
	LT_CHECK_ERR(name_to_handle_at(AT_FDCWD, D "/proc/self/status", fh, &mnt_id, 0),
		     EOPNOTSUPP);
	/* The link itself, or (AT_SYMLINK_FOLLOW) its target. */
	LT_CHECK_OK(name_to_handle_at(AT_FDCWD, D "/lnk", fh, &mnt_id, 0));
	LT_CHECK_ERR(open_by_handle_at(AT_FDCWD, fh, O_RDONLY), ELOOP);
	fh->handle_bytes = MAX_HANDLE_SZ;
	LT_CHECK_OK(name_to_handle_at(AT_FDCWD, D "/lnk", fh, &mnt_id, AT_SYMLINK_FOLLOW));
	fd = open_by_handle_at(AT_FDCWD, fh, O_RDONLY);
	LT_CHECK(fd >= 0);
	close(fd);
	free(fh);
}

LT_CASE(x_stale_and_denied)
{
	struct file_handle *fh, bad = { 0 };
	int mnt_id, pfd;
	pid_t pid;

	LT_CHECK_OK(lt_put_file(D "/gone", "x", 1, 0644));
	fh = get_handle(D "/gone", 0, &mnt_id);
	LT_CHECK(fh != NULL);
	/* Opened only now: a failed check above must not leave procfs busy. */
	pfd = open(D "/proc", O_RDONLY | O_DIRECTORY);
	/* Asked on procfs: not a handle of it. */
	LT_CHECK_ERR(open_by_handle_at(pfd, fh, O_RDONLY), ESTALE);
	LT_CHECK_ERR(open_by_handle_at(-1, fh, O_RDONLY), EBADF);
	LT_CHECK_ERR(open_by_handle_at(AT_FDCWD, &bad, O_RDONLY), EINVAL);
	LT_CHECK_ERR(open_by_handle_at(AT_FDCWD, (void *)8, O_RDONLY), EFAULT);
	pid = fork();
	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		_exit(open_by_handle_at(AT_FDCWD, fh, O_RDONLY) == -1 && errno == EPERM ? 0 : 3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(unlink(D "/gone"));
	LT_CHECK_ERR(open_by_handle_at(AT_FDCWD, fh, O_RDONLY), ESTALE);
	free(fh);
	close(pfd);
}

int main(void)
{
	lt_begin("fs_fhandle");
	if (lt_fs_setup(D) || lt_put_file(D "/f", "hello", 5, 0644) || mkdir(D "/sub", 0755) ||
	    symlink("f", D "/lnk") || mkdir(D "/proc", 0755) ||
	    mount("proc", D "/proc", "proc", 0, NULL)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(round_trip);
	LT_RUN(sizes_and_links);
	LT_RUN(x_stale_and_denied);
	umount(D "/proc");
	lt_fs_cleanup(D);
	return lt_end();
}
