// SPDX-License-Identifier: GPL-2.0
/*
 * mm_brk: the program break.  The raw system call returns the new break on
 * success and the unchanged old one on failure (never -1): brk(0) is how a
 * program asks where it is.  Nothing here calls malloc, so the break moves
 * only when a case moves it, and every case puts it back.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"

#define PAGE	4096UL

extern char end[];		/* end of .bss, from the linker */
static int some_data = 1;	/* in .data, below the break */
static unsigned long start_brk;

static unsigned long sys_brk(unsigned long addr)
{
	return syscall(SYS_brk, addr);
}

static int all_zero(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i])
			return 0;
	return 1;
}

static int touch_in_child(volatile char *addr)
{
	pid_t pid = fork();

	if (pid == 0) {
		*addr = 1;
		_exit(0);
	}
	return pid < 0 ? -1 : lt_wait(pid);
}

LT_CASE(query)
{
	LT_CHECK(start_brk);
	LT_CHECK_EQ(start_brk % PAGE, 0);
	LT_CHECK(start_brk >= (unsigned long)end);
	LT_CHECK_EQ(sys_brk(0), start_brk);
	LT_CHECK_EQ(sys_brk(0), start_brk);
}

LT_CASE(grow_and_shrink)
{
	unsigned long cur = sys_brk(0), len = 10 * PAGE;
	char *p = (char *)cur;

	LT_CHECK_EQ(sys_brk(cur + len), cur + len);
	LT_CHECK_EQ(sys_brk(0), cur + len);
	LT_CHECK(all_zero(p, len));
	for (unsigned long i = 0; i < len; i++)
		p[i] = (char)i;
	LT_CHECK_EQ(p[len - 1], (char)(len - 1));
	/* Shrink by half: the upper half is gone. */
	LT_CHECK_EQ(sys_brk(cur + len / 2), cur + len / 2);
	LT_CHECK_EQ(p[len / 2 - 1], (char)(len / 2 - 1));
	LT_CHECK_EQ(touch_in_child(p + len / 2), LT_KILLED(SIGSEGV));
	/* Grow again: what comes back is zeroed, not the old bytes. */
	LT_CHECK_EQ(sys_brk(cur + len), cur + len);
	LT_CHECK(all_zero(p + len / 2, len / 2));
	LT_CHECK_EQ(p[0], 0);
	LT_CHECK_EQ(p[1], 1);
	LT_CHECK_EQ(sys_brk(cur), cur);
	LT_CHECK_EQ(touch_in_child(p), LT_KILLED(SIGSEGV));
}

/* The break need not be page-aligned; memory comes in whole pages. */
LT_CASE(unaligned_break)
{
	unsigned long cur = sys_brk(0);
	char *p = (char *)cur;

	LT_CHECK_EQ(sys_brk(cur + 100), cur + 100);
	LT_CHECK_EQ(sys_brk(0), cur + 100);
	p[PAGE - 1] = 7;				/* the rest of the page */
	LT_CHECK_EQ(touch_in_child(p + PAGE), LT_KILLED(SIGSEGV));
	LT_CHECK_EQ(sys_brk(cur + 50), cur + 50);	/* same page: kept */
	LT_CHECK_EQ(p[PAGE - 1], 7);
	LT_CHECK_EQ(sys_brk(cur + PAGE + 1), cur + PAGE + 1);
	LT_CHECK_EQ(p[PAGE - 1], 7);
	p[2 * PAGE - 1] = 8;
	LT_CHECK_EQ(sys_brk(cur), cur);
	LT_CHECK_EQ(touch_in_child(p), LT_KILLED(SIGSEGV));
}

/* Below the start of the heap: refused, the old break comes back. */
LT_CASE(below_start)
{
	unsigned long cur = sys_brk(0);

	LT_CHECK_EQ(sys_brk((unsigned long)&some_data), cur);
	LT_CHECK_EQ(sys_brk(start_brk - PAGE), cur);
	LT_CHECK_EQ(sys_brk(1), cur);
	LT_CHECK_EQ(some_data, 1);
	LT_CHECK_EQ(sys_brk(0), cur);
}

/* The break cannot run into a mapping (nor into its guard page). */
LT_CASE(blocked_by_mapping)
{
	unsigned long cur = sys_brk(0);
	char *m = mmap((void *)(cur + 8 * PAGE), PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	LT_CHECK(m == (char *)(cur + 8 * PAGE));
	m[0] = 1;
	LT_CHECK_EQ(sys_brk(cur + 16 * PAGE), cur);
	LT_CHECK_EQ(sys_brk(cur + 8 * PAGE), cur);
	LT_CHECK_EQ(sys_brk(cur + 4 * PAGE), cur + 4 * PAGE);
	LT_CHECK_EQ(m[0], 1);
	LT_CHECK_EQ(sys_brk(cur), cur);
	LT_CHECK_EQ(munmap(m, PAGE), 0);
}

/* RLIMIT_DATA bounds the heap; absurd sizes fail too. */
LT_CASE(limits)
{
	unsigned long cur = sys_brk(0);
	struct rlimit rl;
	pid_t pid;

	LT_CHECK_EQ(sys_brk(cur + (1UL << 50)), cur);
	LT_CHECK_EQ(sys_brk(-PAGE), cur);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(getrlimit(RLIMIT_DATA, &rl));
		rl.rlim_cur = 1 << 20;
		LT_CHECK_OK(setrlimit(RLIMIT_DATA, &rl));
		LT_CHECK_EQ(sys_brk(start_brk + (2 << 20)), cur);
		LT_CHECK_EQ(sys_brk(start_brk + (256 << 10)), start_brk + (256 << 10));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* 16 MiB of heap, every page used. */
LT_CASE(large_heap)
{
	unsigned long cur = sys_brk(0), len = 16UL << 20;
	char *p = (char *)cur;

	LT_CHECK_EQ(sys_brk(cur + len), cur + len);
	for (unsigned long i = 0; i < len; i += PAGE)
		*(unsigned long *)(p + i) = i;
	for (unsigned long i = 0; i < len; i += PAGE)
		if (*(unsigned long *)(p + i) != i)
			LT_FAIL("heap page at offset %#lx lost its contents", i);
	LT_CHECK_EQ(sys_brk(cur), cur);
}

int main(void)
{
	start_brk = sys_brk(0);
	lt_begin("mm_brk");
	LT_RUN(query);
	LT_RUN(grow_and_shrink);
	LT_RUN(unaligned_break);
	LT_RUN(below_start);
	LT_RUN(blocked_by_mapping);
	LT_RUN(limits);
	LT_RUN(large_heap);
	return lt_end();
}
