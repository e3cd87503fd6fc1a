// SPDX-License-Identifier: GPL-2.0
/*
 * kmsg_root: /dev/kmsg and pivot_root(2).
 *
 * /dev/kmsg hands out the kernel log one record per read, each as
 * "<prefix>,<seq>,<usec>,<flags>;text\n" with prefix = facility << 3 |
 * level; a write adds a record (facility user unless "<N>" says
 * otherwise).  The node is taken from a devtmpfs mounted here, as the
 * test system has no /dev of its own.  Messages are written at level 7
 * (debug) so they stay off the console, where the results are read, and
 * end in "\n": Linux keeps a record without one open for continuation,
 * unseen by readers until the next message arrives.
 *
 * pivot_root cannot move rootfs, the initramfs this runs in (EINVAL on
 * Linux too), so the success case runs in a child chrooted into a tmpfs:
 * that tmpfs is a real mount with a parent, so it can be pivoted.  The
 * child's mount changes are visible to the parent (one namespace), which
 * checks them and takes the mounts down again.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define DEVDIR	"/kmsg_dev"
#define KMSG	DEVDIR "/kmsg"
#define NEWROOT	"/pivot_new"

static char rec[8192];

static long pivot_root(const char *new_root, const char *put_old)
{
	return syscall(SYS_pivot_root, new_root, put_old);
}


/* Parse one record; returns the offset of its text or -1 if malformed. */
static int parse_record(const char *r, unsigned int *prefix, unsigned long long *seq,
			unsigned long long *usec)
{
	int off = -1;
	char flag;

	if (sscanf(r, "%u,%llu,%llu,%c;%n", prefix, seq, usec, &flag, &off) != 4 || off < 0)
		return -1;
	return off;
}

/* Read records from @fd until one with text @want; its prefix and seq out. */
static int find_record(int fd, const char *want, unsigned int *prefix, unsigned long long *seq)
{
	for (int i = 0; i < 1000; i++) {
		unsigned long long usec;
		ssize_t n = read(fd, rec, sizeof(rec) - 1);
		int off;

		if (n <= 0) {
			lt_note("no record \"%s\"; last read %s", want, i ? rec : "none");
			return -1;
		}
		rec[n] = '\0';
		off = parse_record(rec, prefix, seq, &usec);
		if (off < 0 || rec[n - 1] != '\n')
			return -1;
		rec[n - 1] = '\0';
		if (!strcmp(rec + off, want))
			return 0;
	}
	return -1;
}

LT_CASE(kmsg_node)
{
	struct stat st;

	LT_CHECK_OK(stat(KMSG, &st));
	LT_CHECK(S_ISCHR(st.st_mode));
	LT_CHECK_EQ(major(st.st_rdev), 1);
	LT_CHECK_EQ(minor(st.st_rdev), 11);
}

LT_CASE(kmsg_write_read)
{
	char msg[96], line[128];
	unsigned int prefix;
	unsigned long long seq, seq2;
	int fd;

	fd = open(KMSG, O_RDWR | O_NONBLOCK);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 0);
	snprintf(msg, sizeof(msg), "lantern-kmsg-test %d first", getpid());
	snprintf(line, sizeof(line), "<7>%s\n", msg);
	LT_CHECK_EQ(write(fd, line, strlen(line)), strlen(line));
	LT_CHECK_OK(find_record(fd, msg, &prefix, &seq));
	LT_CHECK_EQ(prefix, 7 | 1 << 3);	/* facility user, level 7 */
	/* A "<N>" with a facility keeps it: 3 is daemon. */
	snprintf(msg, sizeof(msg), "lantern-kmsg-test %d second\\", getpid());
	snprintf(line, sizeof(line), "<31>%s\n", msg);
	LT_CHECK_EQ(write(fd, line, strlen(line)), strlen(line));
	/* The backslash comes back escaped. */
	snprintf(msg, sizeof(msg), "lantern-kmsg-test %d second\\x5c", getpid());
	LT_CHECK_OK(find_record(fd, msg, &prefix, &seq2));
	LT_CHECK_EQ(prefix, 31);
	LT_CHECK(seq2 > seq);
	/* At the end: nothing more, and O_NONBLOCK says so. */
	while (read(fd, rec, sizeof(rec)) > 0)
		;
	LT_CHECK_ERR(read(fd, rec, sizeof(rec)), EAGAIN);
	close(fd);
}

LT_CASE(kmsg_small_buffer)
{
	char msg[96], line[128], small[8];
	unsigned int prefix;
	unsigned long long seq;
	int fd, wfd;

	fd = open(KMSG, O_RDONLY | O_NONBLOCK);
	LT_CHECK(fd >= 0);
	wfd = open(KMSG, O_WRONLY);
	LT_CHECK(wfd >= 0);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 0);
	snprintf(msg, sizeof(msg), "lantern-kmsg-test %d small", getpid());
	snprintf(line, sizeof(line), "<7>%s\n", msg);
	LT_CHECK_EQ(write(wfd, line, strlen(line)), strlen(line));
	/* Too small for the record: EINVAL, and (Linux 6.1) the record is skipped. */
	LT_CHECK_OK(find_record(fd, msg, &prefix, &seq));
	LT_CHECK_EQ(write(wfd, line, strlen(line)), strlen(line));
	LT_CHECK_ERR(read(fd, small, sizeof(small)), EINVAL);
	LT_CHECK_ERR(read(fd, rec, sizeof(rec)), EAGAIN);
	/* Only offset 0; SEEK_SET goes back to the oldest record. */
	LT_CHECK_ERR(lseek(fd, 1, SEEK_SET), ESPIPE);
	LT_CHECK_ERR(lseek(fd, 0, SEEK_CUR), EINVAL);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	LT_CHECK(read(fd, rec, sizeof(rec)) > 0);
	close(wfd);
	close(fd);
}

/* A blocking read and a poll both wait for the next record. */
LT_CASE(kmsg_wait)
{
	char msg[96], line[128];
	struct pollfd pfd;
	unsigned int prefix;
	unsigned long long seq;
	pid_t pid;
	int fd;

	fd = open(KMSG, O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 0);
	pfd.fd = fd;
	pfd.events = POLLIN;
	LT_CHECK_EQ(poll(&pfd, 1, 0), 0);
	snprintf(msg, sizeof(msg), "lantern-kmsg-test %d wait", getpid());
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int wfd = open(KMSG, O_WRONLY);

		lt_sleep_ms(50);
		snprintf(line, sizeof(line), "<7>%s\n", msg);
		_exit(write(wfd, line, strlen(line)) == (ssize_t)strlen(line) ? 0 : 1);
	}
	LT_CHECK_EQ(poll(&pfd, 1, 10000), 1);
	LT_CHECK(pfd.revents & POLLIN);
	LT_CHECK_OK(find_record(fd, msg, &prefix, &seq));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(fd);
}

LT_CASE(pivot_root_errors)
{
	pid_t pid;

	mkdir(NEWROOT, 0755);
	LT_CHECK_OK(mount("tmpfs", NEWROOT, "tmpfs", 0, NULL));
	mkdir(NEWROOT "/old", 0755);
	close(open(NEWROOT "/file", O_CREAT | O_WRONLY, 0644));
	LT_CHECK_ERR(pivot_root("/nonexistent", NEWROOT "/old"), ENOENT);
	LT_CHECK_ERR(pivot_root(NEWROOT, NEWROOT "/nonexistent"), ENOENT);
	LT_CHECK_ERR(pivot_root(NEWROOT "/file", NEWROOT "/old"), ENOTDIR);
	LT_CHECK_ERR(pivot_root(NEWROOT, NEWROOT "/file"), ENOTDIR);
	/* rootfs is mounted on nothing: it cannot be moved away. */
	LT_CHECK_ERR(pivot_root(NEWROOT, NEWROOT "/old"), EINVAL);
	/* Without CAP_SYS_ADMIN. */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(setuid(65534));
		LT_CHECK_ERR(pivot_root(NEWROOT, NEWROOT "/old"), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(umount(NEWROOT));
	LT_CHECK_OK(rmdir(NEWROOT));
}

/*
 * In the child: "/" is the NEWROOT tmpfs.  Mount a second tmpfs at /new
 * and pivot into it; the first one must then be at /old, and the mount
 * tree as the parent sees it has the second tmpfs at NEWROOT.
 */
static void pivot_child(void)
{
	struct stat st;

	LT_CHECK_OK(chroot(NEWROOT));
	LT_CHECK_OK(chdir("/"));
	LT_CHECK_OK(mount("tmpfs", "/new", "tmpfs", 0, NULL));
	LT_CHECK_OK(mkdir("/new/old", 0755));
	LT_CHECK_OK(mkdir("/new/sub", 0755));
	LT_CHECK_OK(mkdir("/plain", 0755));
	LT_CHECK_OK(mkdir("/plain/old", 0755));
	/* new_root or put_old on the current root mount: a loop. */
	LT_CHECK_ERR(pivot_root("/", "/new/old"), EBUSY);
	LT_CHECK_ERR(pivot_root("/plain", "/plain/old"), EBUSY);
	LT_CHECK_ERR(pivot_root("/new", "/plain"), EBUSY);
	/* new_root not a mount point; put_old not under new_root. */
	LT_CHECK_ERR(pivot_root("/new/sub", "/new/old"), EINVAL);
	LT_CHECK_OK(mount("tmpfs", "/plain", "tmpfs", 0, NULL));
	LT_CHECK_ERR(pivot_root("/new", "/plain"), EINVAL);
	LT_CHECK_OK(pivot_root("/new", "/new/old"));
	/* Root and cwd were the old root: both moved to the new one. */
	LT_CHECK_OK(stat("/old/marker", &st));
	LT_CHECK_OK(stat("/sub", &st));
	LT_CHECK_OK(stat("old/marker", &st));
	LT_CHECK_ERR(stat("/marker", &st), ENOENT);
	_exit(0);
}

LT_CASE(pivot_root_tmpfs)
{
	struct stat st;
	pid_t pid;

	mkdir(NEWROOT, 0755);
	LT_CHECK_OK(mount("tmpfs", NEWROOT, "tmpfs", 0, NULL));
	LT_CHECK_OK(mkdir(NEWROOT "/new", 0755));
	close(open(NEWROOT "/marker", O_CREAT | O_WRONLY, 0644));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0)
		pivot_child();
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* The new tmpfs took the old one's place; the old one sits on its /old. */
	LT_CHECK_OK(stat(NEWROOT "/sub", &st));
	LT_CHECK_OK(stat(NEWROOT "/old/marker", &st));
	LT_CHECK_ERR(umount(NEWROOT), EBUSY);
	LT_CHECK_OK(umount(NEWROOT "/old/plain"));
	LT_CHECK_OK(umount(NEWROOT "/old"));
	LT_CHECK_OK(umount(NEWROOT));
	LT_CHECK_OK(rmdir(NEWROOT));
}

int main(void)
{
	lt_begin("kmsg_root");
	mkdir(DEVDIR, 0755);
	if (mount("devtmpfs", DEVDIR, "devtmpfs", 0, NULL))
		lt_note("mount devtmpfs: %s", strerror(errno));
	LT_RUN(kmsg_node);
	LT_RUN(kmsg_write_read);
	LT_RUN(kmsg_small_buffer);
	LT_RUN(kmsg_wait);
	LT_RUN(pivot_root_errors);
	LT_RUN(pivot_root_tmpfs);
	umount(DEVDIR);
	rmdir(DEVDIR);
	return lt_end();
}
