// SPDX-License-Identifier: GPL-2.0
/*
 * proc_mem: /proc/<pid>/mem reads and writes another process's memory
 * at the file offset taken as an address: a fork child's buffer is read
 * (including a page it never touched, faulted in as zeros), patched, and
 * the child sees the patch while the parent's copy is untouched;
 * unmapped addresses are EIO; opening needs the target's IDs (or
 * CAP_SYS_PTRACE).  (Linux also writes into read-only private mappings,
 * as debuggers need; Lantern does not yet, so that is not checked.)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_procmem"

static char buf[8192] = "original data";
static volatile int *step;

static int open_mem(pid_t pid, int flags)
{
	char path[64];

	snprintf(path, sizeof(path), D "/proc/%d/mem", pid);
	return open(path, flags);
}

LT_CASE(read_write_child)
{
	char got[32];
	char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pid_t pid;
	int fd;

	LT_CHECK(ro != MAP_FAILED);
	*step = 0;
	pid = fork();
	if (pid == 0) {
		strcpy(buf, "child data");
		*step = 1;
		while (*step != 2)
			lt_sleep_ms(1);
		_exit(!strcmp(buf, "PATCH data") ? 0 : 3);
	}
	LT_CHECK(lt_wait_flag(step, 1, 5000));
	fd = open_mem(pid, O_RDWR);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(pread(fd, got, 11, (off_t)(unsigned long)buf), 11);
	LT_CHECK(!memcmp(got, "child data", 11));
	/* A page the child never touched reads as zeros. */
	LT_CHECK_EQ(pread(fd, got, 8, (off_t)(unsigned long)(buf + 4096)), 8);
	LT_CHECK_EQ(got[0] | got[7], 0);
	LT_CHECK_EQ(pwrite(fd, "PATCH", 5, (off_t)(unsigned long)buf), 5);
	LT_CHECK(!strcmp(buf, "original data"));	/* ours is another copy */
	LT_CHECK_ERR(pread(fd, got, 8, 4096), EIO);		/* nothing mapped there */
	LT_CHECK_EQ(pread(fd, got, 1, (off_t)(unsigned long)ro), 1);
	close(fd);
	*step = 2;
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	munmap(ro, 4096);
}

LT_CASE(self)
{
	char got[16];
	int fd = open(D "/proc/self/mem", O_RDONLY);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(pread(fd, got, 8, (off_t)(unsigned long)buf), 8);
	LT_CHECK(!memcmp(got, "original", 8));
	close(fd);
}

LT_CASE(x_permission)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		_exit(open_mem(1, O_RDONLY) == -1 && errno == EACCES ? 0 : 3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("proc_mem");
	step = lt_shared(4096);
	if (!step || lt_fs_setup(D) || mkdir(D "/proc", 0755) ||
	    mount("proc", D "/proc", "proc", 0, NULL)) {
		lt_note("setup failed: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(read_write_child);
	LT_RUN(self);
	LT_RUN(x_permission);
	umount(D "/proc");
	lt_fs_cleanup(D);
	return lt_end();
}
