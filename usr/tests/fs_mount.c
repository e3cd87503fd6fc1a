// SPDX-License-Identifier: GPL-2.0
/*
 * fs_mount: the ways one tree appears at a second place.  A bind mount
 * (MS_BIND) shows the same files, inode for inode, until it is unmounted;
 * a missing source is ENOENT.  sysfs and devtmpfs have a single instance:
 * two mounts of either are the same filesystem (same st_dev), and an
 * unmount of one leaves the other intact.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lt.h"

#define SRC	"/fs_mount_src"
#define DST	"/fs_mount_dst"

LT_CASE(bind)
{
	struct stat a, b;
	int fd;

	mkdir(SRC, 0755);
	mkdir(DST, 0755);
	fd = open(SRC "/file", O_CREAT | O_WRONLY, 0644);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "bound", 5), 5);
	close(fd);

	LT_CHECK_OK(mount(SRC, DST, NULL, MS_BIND, NULL));
	LT_CHECK_OK(stat(SRC "/file", &a));
	LT_CHECK_OK(stat(DST "/file", &b));
	LT_CHECK(a.st_dev == b.st_dev && a.st_ino == b.st_ino);
	/* A file made through one name is there through the other. */
	fd = open(DST "/new", O_CREAT | O_WRONLY, 0644);
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK_OK(access(SRC "/new", F_OK));
	LT_CHECK_OK(umount(DST));
	LT_CHECK_ERR(access(DST "/file", F_OK), ENOENT);
	LT_CHECK_OK(access(SRC "/file", F_OK));

	LT_CHECK_ERR(mount("/fs_mount_nowhere", DST, NULL, MS_BIND, NULL), ENOENT);
	unlink(SRC "/new");
	unlink(SRC "/file");
	rmdir(SRC);
	rmdir(DST);
}

/* Two mounts of @type show one filesystem, which outlives either. */
static int single_instance(const char *type, const char *probe)
{
	char p1[128], p2[64];
	struct stat a, b;
	int ok;

	snprintf(p1, sizeof(p1), "/fs_mount_%s1", type);
	snprintf(p2, sizeof(p2), "/fs_mount_%s2", type);
	mkdir(p1, 0755);
	mkdir(p2, 0755);
	if (mount(type, p1, type, 0, NULL))
		return 0;
	if (mount(type, p2, type, 0, NULL)) {
		umount(p1);
		return 0;
	}
	ok = !stat(p1, &a) && !stat(p2, &b) && a.st_dev == b.st_dev;
	umount(p1);
	snprintf(p1, sizeof(p1), "%s/%s", p2, probe);
	ok = ok && !access(p1, F_OK);
	umount(p2);
	rmdir(p2);
	snprintf(p1, sizeof(p1), "/fs_mount_%s1", type);
	rmdir(p1);
	return ok;
}

LT_CASE(sysfs_single)
{
	LT_CHECK(single_instance("sysfs", "kernel"));
}

LT_CASE(devtmpfs_single)
{
	LT_CHECK(single_instance("devtmpfs", "null"));
}

int main(void)
{
	lt_begin("fs_mount");
	LT_RUN(bind);
	LT_RUN(sysfs_single);
	LT_RUN(devtmpfs_single);
	return lt_end();
}
