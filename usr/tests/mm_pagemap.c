// SPDX-License-Identifier: GPL-2.0
/*
 * mm_pagemap: /proc/PID/pagemap, one 64-bit word per virtual page at
 * offset (address / page size) * 8.  Bit 63: present; bit 61: a file or
 * shared-memory page; bit 56: mapped by this process only; bits 0-54:
 * the page frame number, shown to CAP_SYS_ADMIN only.  Reads must be
 * whole words at word offsets.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PROC		"/t_pagemap_proc"	/* the test initramfs mounts nothing */
#define FILE_		"/t_pagemap_file"
#define PAGE		4096UL
#define PM_PRESENT	(1ULL << 63)
#define PM_FILE		(1ULL << 61)
#define PM_EXCLUSIVE	(1ULL << 56)
#define PM_PFN		((1ULL << 55) - 1)

static int pm_fd = -1;

/* The pagemap word of @addr in this process, or 0 after a failed read. */
static uint64_t pm(const void *addr)
{
	uint64_t ent = 0;
	off_t off = (uintptr_t)addr / PAGE * sizeof(ent);

	if (pread(pm_fd, &ent, sizeof(ent), off) != sizeof(ent))
		return 0;
	return ent;
}

LT_CASE(anon_present_bits)
{
	char *p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint64_t e;

	LT_CHECK(p != MAP_FAILED);
	p[0] = 1;
	p[2 * PAGE] = 1;
	e = pm(p);
	LT_CHECK(e & PM_PRESENT);
	LT_CHECK(!(e & PM_FILE));
	LT_CHECK(e & PM_EXCLUSIVE);
	LT_CHECK((e & PM_PFN) != 0);		/* root sees frame numbers */
	LT_CHECK(!(pm(p + PAGE) & PM_PRESENT));
	LT_CHECK(pm(p + 2 * PAGE) & PM_PRESENT);
	LT_CHECK((pm(p) & PM_PFN) != (pm(p + 2 * PAGE) & PM_PFN));
	LT_CHECK(!(pm(p + 3 * PAGE) & PM_PRESENT));
	/* Dropped pages are not present any more. */
	LT_CHECK_OK(madvise(p, 4 * PAGE, MADV_DONTNEED));
	LT_CHECK(!(pm(p) & PM_PRESENT));
	LT_CHECK_OK(munmap(p, 4 * PAGE));
	LT_CHECK_EQ(pm(p), 0);
}

LT_CASE(file_pages)
{
	int fd = open(FILE_, O_RDWR | O_CREAT | O_TRUNC, 0600);
	char *p;

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(ftruncate(fd, PAGE));
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	p[10] = 'x';
	LT_CHECK(pm(p) & PM_PRESENT);
	LT_CHECK(pm(p) & PM_FILE);
	LT_CHECK_OK(munmap(p, PAGE));
	close(fd);
	unlink(FILE_);
}

/* After fork the parent's anonymous page is the child's too, until one writes. */
LT_CASE(exclusive_and_fork)
{
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int go[2], ready[2];
	pid_t pid;
	char c;

	LT_CHECK(p != MAP_FAILED);
	p[0] = 1;
	LT_CHECK(pm(p) & PM_EXCLUSIVE);
	LT_CHECK_OK(pipe(go));
	LT_CHECK_OK(pipe(ready));
	pid = fork();
	if (pid == 0) {
		close(go[1]);
		if (write(ready[1], "r", 1) != 1)
			_exit(2);
		_exit(read(go[0], &c, 1) == 1 ? 0 : 3);
	}
	LT_CHECK(pid > 0);
	close(go[0]);
	LT_CHECK_EQ(read(ready[0], &c, 1), 1);
	LT_CHECK(pm(p) & PM_PRESENT);
	LT_CHECK(!(pm(p) & PM_EXCLUSIVE));
	p[0] = 2;				/* our own copy now */
	LT_CHECK(pm(p) & PM_EXCLUSIVE);
	LT_CHECK_EQ(write(go[1], "g", 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(go[1]);
	close(ready[0]);
	close(ready[1]);
	LT_CHECK_OK(munmap(p, PAGE));
}

/* Without CAP_SYS_ADMIN the frame number reads as 0; the flags stay. */
LT_CASE(pfn_hidden_from_users)
{
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	LT_CHECK(p != MAP_FAILED);
	p[0] = 1;
	pid = fork();
	if (pid == 0) {
		uint64_t e = 0;
		int fd;

		p[0] = 2;
		if (setuid(65534))
			_exit(2);
		/* Changing IDs made us undumpable: our files are root's now. */
		if (open(PROC "/self/pagemap", O_RDONLY) != -1 || errno != EACCES)
			_exit(6);
		if (prctl(PR_SET_DUMPABLE, 1))
			_exit(7);
		fd = open(PROC "/self/pagemap", O_RDONLY);
		if (fd < 0)
			_exit(3);
		if (pread(fd, &e, 8, (uintptr_t)p / PAGE * 8) != 8)
			_exit(4);
		_exit((e & PM_PRESENT) && !(e & PM_PFN) ? 0 : 5);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(munmap(p, PAGE));
}

LT_CASE(bad_reads)
{
	uint64_t e[2];
	char c;

	LT_CHECK_ERR(pread(pm_fd, e, 8, 4), EINVAL);		/* not at a word */
	LT_CHECK_ERR(pread(pm_fd, e, 12, 0), EINVAL);		/* not whole words */
	LT_CHECK_ERR(pread(pm_fd, &c, 1, 0), EINVAL);
	LT_CHECK_ERR(pread(pm_fd, (void *)8, 8, 0), EFAULT);
	LT_CHECK_ERR(write(pm_fd, e, 8), EBADF);
	/* Past the last user page (with 5-level paging too): end of file. */
	LT_CHECK_EQ(pread(pm_fd, e, 16, (1ULL << 57) / PAGE * 8), 0);
	/* Reads may span many pages: the word of page 0 of a 2-word read is page 0's. */
	LT_CHECK_EQ(pread(pm_fd, e, 16, 0), 16);
	LT_CHECK(!(e[0] & PM_PRESENT));
}

int main(void)
{
	mkdir(PROC, 0555);
	mount("proc", PROC, "proc", 0, NULL);
	pm_fd = open(PROC "/self/pagemap", O_RDONLY);
	lt_begin("mm_pagemap");
	if (pm_fd < 0) {
		lt_note("open pagemap: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(anon_present_bits);
	LT_RUN(file_pages);
	LT_RUN(exclusive_and_fork);
	LT_RUN(pfn_hidden_from_users);
	LT_RUN(bad_reads);
	close(pm_fd);
	umount(PROC);
	rmdir(PROC);
	return lt_end();
}
