// SPDX-License-Identifier: GPL-2.0
/*
 * syslog_restrict: who may read the kernel log.
 *
 * kernel.dmesg_restrict is 1 by default (Debian's setting): only
 * CAP_SYSLOG (or CAP_SYS_ADMIN) may read the log through syslog(2) or
 * /dev/kmsg, or even ask its size.  With 0, anyone may read it and its
 * size, but clearing it stays privileged.  Both sysctls are root-only to
 * write (mode 0644) and refuse values out of range; kptr_restrict takes
 * 0, 1 or 2.  /proc and a devtmpfs are mounted here, as the test system
 * has neither.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lt.h"

#define PROC	"/syslog_proc"
#define DEV	"/syslog_dev"
#define DMESG_RESTRICT	PROC "/sys/kernel/dmesg_restrict"
#define KPTR_RESTRICT	PROC "/sys/kernel/kptr_restrict"
#define KMSG	DEV "/kmsg"
#define NOBODY	65534

#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_SIZE_BUFFER	10

static char buf[1 << 16];

static int become_nobody(void)
{
	return setgroups(0, NULL) || setresgid(NOBODY, NOBODY, NOBODY) ||
	       setresuid(NOBODY, NOBODY, NOBODY) ? -1 : 0;
}

/* Run the statements in a child that is uid/gid 65534, no capabilities. */
#define AS_NOBODY(...) do {						\
	pid_t pid_ = fork();						\
	LT_CHECK(pid_ >= 0);						\
	if (pid_ == 0) {						\
		if (become_nobody())					\
			LT_FAIL("cannot become nobody: %s", lt_errname(errno)); \
		__VA_ARGS__						\
		_exit(0);						\
	}								\
	LT_CHECK_WAIT(pid_, LT_EXITED(0));				\
} while (0)

/* The sysctl's value, or -1. */
static int read_int(const char *path)
{
	char text[32] = "";
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0 || text[n - 1] != '\n')
		return -1;
	return atoi(text);
}

/* Write @text in one write; 0, or -1 with errno. */
static int write_text(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;
	int err;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	err = errno;
	close(fd);
	errno = err;
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

LT_CASE(default_restricted)
{
	LT_CHECK_EQ(read_int(DMESG_RESTRICT), 1);
	/* root (CAP_SYSLOG) reads the whole log both ways. */
	LT_CHECK(klogctl(SYSLOG_ACTION_READ_ALL, buf, sizeof(buf)) > 0);
	LT_CHECK(klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0) > 0);
	int fd = open(KMSG, O_RDONLY | O_NONBLOCK);
	LT_CHECK(fd >= 0);
	LT_CHECK(read(fd, buf, sizeof(buf)) > 0);
	close(fd);
}

LT_CASE(nonroot_denied)
{
	AS_NOBODY(
		LT_CHECK_ERR(klogctl(SYSLOG_ACTION_READ_ALL, buf, sizeof(buf)), EPERM);
		LT_CHECK_ERR(klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0), EPERM);
		LT_CHECK_ERR(klogctl(SYSLOG_ACTION_CLEAR, NULL, 0), EPERM);
		LT_CHECK_ERR(open(KMSG, O_RDONLY | O_NONBLOCK), EPERM);
	);
}

LT_CASE(unrestricted_reads)
{
	LT_CHECK_OK(write_text(DMESG_RESTRICT, "0\n"));
	LT_CHECK_EQ(read_int(DMESG_RESTRICT), 0);
	AS_NOBODY(
		LT_CHECK(klogctl(SYSLOG_ACTION_READ_ALL, buf, sizeof(buf)) > 0);
		LT_CHECK(klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0) > 0);
		/* Reading is open to all now; clearing is not. */
		LT_CHECK_ERR(klogctl(SYSLOG_ACTION_CLEAR, NULL, 0), EPERM);
		int fd = open(KMSG, O_RDONLY | O_NONBLOCK);
		LT_CHECK(fd >= 0);
		LT_CHECK(read(fd, buf, sizeof(buf)) > 0);
		close(fd);
	);
	LT_CHECK_OK(write_text(DMESG_RESTRICT, "1\n"));
	LT_CHECK_EQ(read_int(DMESG_RESTRICT), 1);
}

LT_CASE(sysctl_writes)
{
	int kptr = read_int(KPTR_RESTRICT);
	char old[8];

	LT_CHECK(kptr >= 0 && kptr <= 2);
	/* Out of range or not a number: EINVAL, nothing changed. */
	LT_CHECK_ERR(write_text(DMESG_RESTRICT, "2\n"), EINVAL);
	LT_CHECK_ERR(write_text(DMESG_RESTRICT, "-1\n"), EINVAL);
	LT_CHECK_ERR(write_text(DMESG_RESTRICT, "yes\n"), EINVAL);
	LT_CHECK_EQ(read_int(DMESG_RESTRICT), 1);
	LT_CHECK_ERR(write_text(KPTR_RESTRICT, "3\n"), EINVAL);
	LT_CHECK_OK(write_text(KPTR_RESTRICT, "2\n"));
	LT_CHECK_EQ(read_int(KPTR_RESTRICT), 2);
	snprintf(old, sizeof(old), "%d\n", kptr);
	LT_CHECK_OK(write_text(KPTR_RESTRICT, old));
	LT_CHECK_EQ(read_int(KPTR_RESTRICT), kptr);
	/* Only root may change them: the files are 0644, root's. */
	AS_NOBODY(
		LT_CHECK_ERR(write_text(DMESG_RESTRICT, "0\n"), EACCES);
		LT_CHECK_ERR(write_text(KPTR_RESTRICT, "0\n"), EACCES);
		LT_CHECK_EQ(read_int(DMESG_RESTRICT), 1);
	);
}

int main(void)
{
	lt_begin("syslog_restrict");
	mkdir(PROC, 0755);
	mkdir(DEV, 0755);
	if (mount("proc", PROC, "proc", 0, NULL))
		lt_note("mount proc: %s", strerror(errno));
	if (mount("devtmpfs", DEV, "devtmpfs", 0, NULL))
		lt_note("mount devtmpfs: %s", strerror(errno));
	LT_RUN(default_restricted);
	LT_RUN(nonroot_denied);
	LT_RUN(unrestricted_reads);
	LT_RUN(sysctl_writes);
	umount(DEV);
	umount(PROC);
	rmdir(DEV);
	rmdir(PROC);
	return lt_end();
}
