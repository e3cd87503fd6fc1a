// SPDX-License-Identifier: GPL-2.0
/*
 * sysrq_trigger: /proc/sysrq-trigger takes the first byte of a write as
 * a SysRq key, and only from root (the file is 0200).  An unknown key
 * only prints the help line, so that is the key written here; a bad
 * buffer is EFAULT and an empty write does nothing.  /proc is mounted
 * here, as the test system has none.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"

#define PROC	"/sysrq_proc"
#define TRIGGER	PROC "/sysrq-trigger"
#define NOBODY	65534

LT_CASE(mode)
{
	struct stat st;

	LT_CHECK_OK(stat(TRIGGER, &st));
	LT_CHECK(S_ISREG(st.st_mode));
	LT_CHECK_EQ(st.st_mode & 07777, 0200);
	LT_CHECK_EQ(st.st_uid, 0);
}

LT_CASE(writes)
{
	int fd = open(TRIGGER, O_WRONLY);

	LT_CHECK(fd >= 0);
	/* '?' is no command: the help line, nothing else. */
	LT_CHECK_EQ(write(fd, "?", 1), 1);
	/* The whole write is taken, though only its first byte counts. */
	LT_CHECK_EQ(write(fd, "??\n", 3), 3);
	LT_CHECK_EQ(write(fd, "", 0), 0);
	LT_CHECK_ERR(lt_syscall(SYS_write, fd, 1, 1, 0, 0, 0), EFAULT);
	close(fd);
}

LT_CASE(nonroot)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		if (setgroups(0, NULL) || setresgid(NOBODY, NOBODY, NOBODY) ||
		    setresuid(NOBODY, NOBODY, NOBODY))
			LT_FAIL("cannot become nobody: %s", lt_errname(errno));
		LT_CHECK_ERR(open(TRIGGER, O_WRONLY), EACCES);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("sysrq_trigger");
	mkdir(PROC, 0755);
	if (mount("proc", PROC, "proc", 0, NULL))
		lt_note("mount proc: %s", strerror(errno));
	LT_RUN(mode);
	LT_RUN(writes);
	LT_RUN(nonroot);
	umount(PROC);
	rmdir(PROC);
	return lt_end();
}
