// SPDX-License-Identifier: GPL-2.0
/*
 * proc_mem: /proc/<pid>/mem reads and writes another process's memory
 * at the file offset taken as an address: a fork child's buffer is read
 * (including a page it never touched, faulted in as zeros), patched, and
 * the child sees the patch while the parent's copy is untouched;
 * unmapped addresses are EIO; opening needs the target's IDs (or
 * CAP_SYS_PTRACE).  A write goes through a read-only private file
 * mapping, as a debugger's breakpoint does, without reaching the file;
 * each thread has its own task/<tid>/mem.  /proc/<pid>/auxv, the other
 * file debuggers read (gdb finds a PIE program's load address in its
 * AT_ENTRY), is the vector exec gave the program, private like mem.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
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

/* A read-only private file mapping, as a program's text is, patched by its "debugger". */
LT_CASE(write_readonly_text)
{
	char got[8];
	int ffd = open(D "/text", O_RDWR | O_CREAT | O_TRUNC, 0644), fd;
	char *text;
	pid_t pid;

	LT_CHECK(ffd >= 0);
	LT_CHECK_EQ(pwrite(ffd, "code....", 8, 0), 8);
	LT_CHECK_EQ(ftruncate(ffd, 4096), 0);
	text = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, ffd, 0);
	LT_CHECK(text != MAP_FAILED);
	*step = 0;
	pid = fork();
	if (pid == 0) {
		*step = 1;
		while (*step != 2)
			lt_sleep_ms(1);
		_exit(!memcmp(text, "code\xcc...", 8) ? 0 : 3);
	}
	LT_CHECK(lt_wait_flag(step, 1, 5000));
	fd = open_mem(pid, O_RDWR);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(pwrite(fd, "\xcc", 1, (off_t)(unsigned long)(text + 4)), 1);
	LT_CHECK_EQ(pread(fd, got, 8, (off_t)(unsigned long)text), 8);
	LT_CHECK(!memcmp(got, "code\xcc...", 8));
	close(fd);
	*step = 2;
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* Neither the file nor the parent's mapping of it saw the byte. */
	LT_CHECK(!memcmp(text, "code....", 8));
	LT_CHECK_EQ(pread(ffd, got, 8, 0), 8);
	LT_CHECK(!memcmp(got, "code....", 8));
	munmap(text, 4096);
	close(ffd);
}

static volatile pid_t thread_tid;

static void *thread_fn(void *arg)
{
	(void)arg;
	thread_tid = syscall(SYS_gettid);
	*step = 1;
	while (*step != 2)
		lt_sleep_ms(1);
	return NULL;
}

/* Each thread's task/<tid>/mem reads the one address space. */
LT_CASE(thread_mem)
{
	char path[64], got[8];
	pthread_t t;
	int fd;

	*step = 0;
	LT_CHECK_EQ(pthread_create(&t, NULL, thread_fn, NULL), 0);
	LT_CHECK(lt_wait_flag(step, 1, 5000));
	snprintf(path, sizeof(path), D "/proc/%d/task/%d/mem", getpid(), (int)thread_tid);
	fd = open(path, O_RDONLY);
	*step = 2;
	pthread_join(t, NULL);
	LT_CHECK(thread_tid != getpid());
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(pread(fd, got, 8, (off_t)(unsigned long)buf), 8);
	LT_CHECK(!memcmp(got, "original", 8));
	close(fd);
}

LT_CASE(auxv)
{
	unsigned long v[128], entry = 0, pagesz = 0;
	int fd = open(D "/proc/self/auxv", O_RDONLY), n, i;
	pid_t pid;

	LT_CHECK(fd >= 0);
	n = read(fd, v, sizeof(v));
	close(fd);
	/* Whole (type, value) pairs, the last of them AT_NULL. */
	LT_CHECK(n >= 16 && n % 16 == 0);
	LT_CHECK_EQ(v[n / 8 - 2], AT_NULL);
	for (i = 0; i < n / 8 - 2; i += 2) {
		LT_CHECK(v[i] != AT_NULL);
		if (v[i] == AT_ENTRY)
			entry = v[i + 1];
		if (v[i] == AT_PAGESZ)
			pagesz = v[i + 1];
	}
	LT_CHECK_EQ(entry, getauxval(AT_ENTRY));
	LT_CHECK_EQ(pagesz, 4096);
	/* A fork child runs the same program: the same vector. */
	pid = fork();
	if (pid == 0) {
		unsigned long w[128];
		char path[64];
		int cfd;

		snprintf(path, sizeof(path), D "/proc/%d/auxv", getpid());
		cfd = open(path, O_RDONLY);
		_exit(cfd >= 0 && read(cfd, w, sizeof(w)) == n && !memcmp(v, w, n) ? 0 : 3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* Another user's vector is as private as its memory. */
LT_CASE(x_auxv_permission)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (setuid(1000))
			_exit(2);
		_exit(open(D "/proc/1/auxv", O_RDONLY) == -1 && errno == EACCES ? 0 : 3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
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
	LT_RUN(write_readonly_text);
	LT_RUN(thread_mem);
	LT_RUN(auxv);
	LT_RUN(self);
	LT_RUN(x_permission);
	LT_RUN(x_auxv_permission);
	umount(D "/proc");
	lt_fs_cleanup(D);
	return lt_end();
}
