// SPDX-License-Identifier: GPL-2.0
/*
 * mm_mmap: anonymous mmap, munmap, mprotect, mremap and madvise, and what
 * the page-fault handler does with them: fresh pages read as zeros, a
 * missing or forbidden access kills (the test makes it in a child and
 * reads SIGSEGV from the wait status), stacks grow down, MAP_SHARED memory
 * stays shared across fork.
 *
 * Calls whose errors are checked go through syscall(): musl's wrappers
 * reject some bad arguments themselves, before the kernel sees them.
 * Whether a page is mapped is asked with mprotect(), which fails with
 * ENOMEM on a hole.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PAGE	4096UL
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

static char *map(void *addr, size_t len, int prot, int flags)
{
	return (char *)syscall(SYS_mmap, addr, len, prot, flags, -1, 0);
}

static int mapped(void *addr, int prot)
{
	return syscall(SYS_mprotect, addr, PAGE, prot) == 0;
}

/* An address range nobody uses: mapped, then unmapped. */
static char *hole(size_t len)
{
	char *p = map(NULL, len, PROT_NONE, ANON);

	if (p == MAP_FAILED || munmap(p, len))
		return NULL;
	return p;
}

static int all_zero(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i])
			return 0;
	return 1;
}

/* Wait status of a child that reads (or writes) ADDR and then exits 0. */
static int touch_in_child(volatile char *addr, int write)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*addr = 1;
		else
			(void)*addr;
		_exit(0);
	}
	return pid < 0 ? -1 : lt_wait(pid);
}

static long minflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

LT_CASE(anon_private)
{
	char *p = map(NULL, 3 * PAGE, RW, ANON);

	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ((uintptr_t)p % PAGE, 0);
	LT_CHECK(all_zero(p, 3 * PAGE));
	memset(p, 0xab, 3 * PAGE);
	LT_CHECK_EQ((unsigned char)p[3 * PAGE - 1], 0xab);
	LT_CHECK_EQ(munmap(p, 3 * PAGE), 0);
	LT_CHECK_EQ(touch_in_child(p, 0), LT_KILLED(SIGSEGV));
	/* An odd length covers the whole last page. */
	p = map(NULL, PAGE + 1, RW, ANON);
	LT_CHECK(p != MAP_FAILED);
	p[2 * PAGE - 1] = 1;
	LT_CHECK_EQ(munmap(p, PAGE + 1), 0);
}

/* Memory handed out is zeroed, also when it was someone's dirty page. */
LT_CASE(pages_are_zeroed)
{
	size_t len = 64 * PAGE;
	char *p = map(NULL, len, RW, ANON), *q;

	LT_CHECK(p != MAP_FAILED);
	LT_CHECK(all_zero(p, len));
	memset(p, 0x77, len);
	LT_CHECK_EQ(munmap(p, len), 0);
	q = map(p, len, RW, ANON | MAP_FIXED);
	LT_CHECK(q == p);
	LT_CHECK(all_zero(q, len));
	LT_CHECK_EQ(munmap(q, len), 0);
}

LT_CASE(prot_none_and_readonly)
{
	char *p = map(NULL, 2 * PAGE, PROT_NONE, ANON);

	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(touch_in_child(p, 0), LT_KILLED(SIGSEGV));
	LT_CHECK_EQ(syscall(SYS_mprotect, p, 2 * PAGE, PROT_READ), 0);
	LT_CHECK_EQ(touch_in_child(p, 0), LT_EXITED(0));
	LT_CHECK_EQ(p[PAGE], 0);
	LT_CHECK_EQ(touch_in_child(p + PAGE, 1), LT_KILLED(SIGSEGV));
	LT_CHECK_EQ(munmap(p, 2 * PAGE), 0);
}

/* Program text is read-only, and data is not executable (NX). */
LT_CASE(text_readonly_data_noexec)
{
	static const unsigned char ret_insn = 0xc3;
	void (*fn)(void);
	char *p = map(NULL, PAGE, RW, ANON);
	pid_t pid;

	LT_CHECK_EQ(touch_in_child((volatile char *)(uintptr_t)&all_zero, 1),
		    LT_KILLED(SIGSEGV));
	LT_CHECK(p != MAP_FAILED);
	p[0] = ret_insn;
	fn = (void (*)(void))(uintptr_t)p;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		fn();
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
	LT_CHECK_EQ(syscall(SYS_mprotect, p, PAGE, PROT_READ | PROT_EXEC), 0);
	fn();
	LT_CHECK_EQ(munmap(p, PAGE), 0);
}

/* MAP_FIXED drops whatever was there: the new pages are zero. */
LT_CASE(map_fixed_replaces)
{
	char *p = map(NULL, 4 * PAGE, RW, ANON), *q;

	LT_CHECK(p != MAP_FAILED);
	memset(p, 1, 4 * PAGE);
	q = map(p + PAGE, 2 * PAGE, RW, ANON | MAP_FIXED);
	LT_CHECK(q == p + PAGE);
	LT_CHECK_EQ(p[0], 1);
	LT_CHECK(all_zero(p + PAGE, 2 * PAGE));
	LT_CHECK_EQ(p[3 * PAGE], 1);
	LT_CHECK_EQ(munmap(p, 4 * PAGE), 0);
}

LT_CASE(map_fixed_noreplace)
{
	char *p = map(NULL, 4 * PAGE, RW, ANON), *q, *h;

	LT_CHECK(p != MAP_FAILED);
	p[0] = 5;
	LT_CHECK_ERR(map(p, 4 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE), EEXIST);
	LT_CHECK_ERR(map(p + 3 * PAGE, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE), EEXIST);
	LT_CHECK_ERR(map(p - PAGE, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE), EEXIST);
	LT_CHECK_EQ(p[0], 5);
	h = hole(2 * PAGE);
	LT_CHECK(h);
	q = map(h, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE);
	LT_CHECK(q == h);
	LT_CHECK_EQ(munmap(q, 2 * PAGE), 0);
	LT_CHECK_EQ(munmap(p, 4 * PAGE), 0);
}

/* Without MAP_FIXED a free hint is taken (rounded down to a page). */
LT_CASE(map_hint)
{
	char *h = hole(4 * PAGE), *q, *p;

	LT_CHECK(h);
	q = map(h + 100, PAGE, RW, ANON);
	LT_CHECK(q == h);
	/* A hint on a used range is only a hint. */
	p = map(h, PAGE, RW, ANON);
	LT_CHECK(p != MAP_FAILED && p != h);
	LT_CHECK_EQ(munmap(p, PAGE), 0);
	LT_CHECK_EQ(munmap(q, PAGE), 0);
}

LT_CASE(mmap_errors)
{
	char *h = hole(PAGE);

	LT_CHECK_ERR(map(NULL, 0, RW, ANON), EINVAL);
	LT_CHECK_ERR(map(h + 1, PAGE, RW, ANON | MAP_FIXED), EINVAL);
	LT_CHECK_ERR(map(NULL, PAGE, RW, MAP_ANONYMOUS), EINVAL);	/* no type */
	LT_CHECK_ERR(syscall(SYS_mmap, NULL, PAGE, RW, ANON, -1, 1), EINVAL);
	LT_CHECK_ERR(map(NULL, 1UL << 62, RW, ANON), ENOMEM);
	/*
	 * Past the end of user space.  (Not 0x7ffffffff000: under QEMU's
	 * "-cpu max" Linux uses 5-level paging and user space is 56 bits.)
	 */
	LT_CHECK_ERR(map((void *)0xffff888000000000UL, PAGE, RW, ANON | MAP_FIXED), ENOMEM);
	/* Not anonymous: wants a file, and -1 is none. */
	LT_CHECK_ERR(map(NULL, PAGE, RW, MAP_PRIVATE), EBADF);
	/* Anonymous memory is MAP_PRIVATE or MAP_SHARED, never _VALIDATE (6.1). */
	LT_CHECK_ERR(map(NULL, PAGE, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS), EINVAL);
	/* Shared memory cannot grow down. */
	LT_CHECK_ERR(map(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN), EINVAL);
}

LT_CASE(munmap_rules)
{
	char *p = map(NULL, 3 * PAGE, RW, ANON), *h = hole(4 * PAGE);

	LT_CHECK(p != MAP_FAILED && h);
	LT_CHECK_EQ(munmap(h, 4 * PAGE), 0);		/* a hole: fine */
	LT_CHECK_ERR(syscall(SYS_munmap, p + 1, PAGE), EINVAL);
	LT_CHECK_ERR(syscall(SYS_munmap, p, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_munmap, 0xffff888000000000UL, PAGE), EINVAL);
	/* Punch out the middle page: the others stay. */
	memset(p, 9, 3 * PAGE);
	LT_CHECK_EQ(munmap(p + PAGE, PAGE), 0);
	LT_CHECK_EQ(p[0], 9);
	LT_CHECK_EQ(p[2 * PAGE], 9);
	LT_CHECK(!mapped(p + PAGE, RW));
	LT_CHECK_EQ(touch_in_child(p + PAGE, 0), LT_KILLED(SIGSEGV));
	LT_CHECK_EQ(touch_in_child(p + 2 * PAGE, 1), LT_EXITED(0));
	/* One call over mapped and unmapped pages alike. */
	LT_CHECK_EQ(munmap(p, 3 * PAGE), 0);
	LT_CHECK(!mapped(p, RW) && !mapped(p + 2 * PAGE, RW));
}

LT_CASE(mprotect_rules)
{
	char *p = map(NULL, 4 * PAGE, RW, ANON), *h = hole(PAGE);

	LT_CHECK(p != MAP_FAILED && h);
	p[0] = 3;
	LT_CHECK_EQ(syscall(SYS_mprotect, p, 4 * PAGE, PROT_READ), 0);
	LT_CHECK_EQ(p[0], 3);
	LT_CHECK_EQ(touch_in_child(p, 1), LT_KILLED(SIGSEGV));
	LT_CHECK_EQ(touch_in_child(p + 3 * PAGE, 1), LT_KILLED(SIGSEGV));
	/* Part of the range back to read-write. */
	LT_CHECK_EQ(syscall(SYS_mprotect, p + 2 * PAGE, PAGE, RW), 0);
	LT_CHECK_EQ(touch_in_child(p + 2 * PAGE, 1), LT_EXITED(0));
	LT_CHECK_EQ(touch_in_child(p + 3 * PAGE, 1), LT_KILLED(SIGSEGV));
	LT_CHECK_EQ(syscall(SYS_mprotect, p, PAGE, PROT_NONE), 0);
	LT_CHECK_EQ(touch_in_child(p, 0), LT_KILLED(SIGSEGV));

	LT_CHECK_ERR(syscall(SYS_mprotect, h, PAGE, PROT_READ), ENOMEM);
	LT_CHECK_EQ(munmap(p + 3 * PAGE, PAGE), 0);
	LT_CHECK_ERR(syscall(SYS_mprotect, p, 4 * PAGE, RW), ENOMEM);	/* partly */
	LT_CHECK_ERR(syscall(SYS_mprotect, p + 1, PAGE, RW), EINVAL);
	LT_CHECK_ERR(syscall(SYS_mprotect, p, PAGE, 0x100), EINVAL);	/* bad prot */
	/* ... which mmap ignores: Linux never checked mmap's prot bits. */
	h = map(NULL, PAGE, RW | 0x100, ANON);
	LT_CHECK(h != MAP_FAILED);
	LT_CHECK_EQ(munmap(h, PAGE), 0);
	LT_CHECK_EQ(syscall(SYS_mprotect, h, 0, RW), 0);		/* empty range */
	LT_CHECK_EQ(munmap(p, 3 * PAGE), 0);
}

LT_CASE(mremap_grow_in_place)
{
	char *p = map(NULL, 2 * PAGE, RW, ANON), *q;

	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(munmap(p + PAGE, PAGE), 0);
	p[0] = 4;
	q = (char *)syscall(SYS_mremap, p, PAGE, 2 * PAGE, 0);
	LT_CHECK(q == p);
	LT_CHECK_EQ(q[0], 4);
	LT_CHECK(all_zero(q + PAGE, PAGE));
	q[2 * PAGE - 1] = 1;
	LT_CHECK_EQ(munmap(q, 2 * PAGE), 0);
}

/* Blocked growth: ENOMEM in place, a move with MREMAP_MAYMOVE. */
LT_CASE(mremap_move)
{
	char *p = map(NULL, 3 * PAGE, RW, ANON), *q;

	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(munmap(p + PAGE, PAGE), 0);	/* p[0] and p[2] stay */
	memset(p, 6, PAGE);
	LT_CHECK_ERR(syscall(SYS_mremap, p, PAGE, 3 * PAGE, 0), ENOMEM);
	q = (char *)syscall(SYS_mremap, p, PAGE, 3 * PAGE, MREMAP_MAYMOVE);
	LT_CHECK(q != MAP_FAILED && q != p);
	LT_CHECK_EQ(q[0], 6);
	LT_CHECK_EQ(q[PAGE - 1], 6);
	LT_CHECK(all_zero(q + PAGE, 2 * PAGE));
	LT_CHECK(!mapped(p, RW));
	LT_CHECK(mapped(p + 2 * PAGE, RW));
	LT_CHECK_EQ(munmap(q, 3 * PAGE), 0);
	LT_CHECK_EQ(munmap(p + 2 * PAGE, PAGE), 0);
}

LT_CASE(mremap_fixed_and_shrink)
{
	char *p = map(NULL, 4 * PAGE, RW, ANON), *h = hole(4 * PAGE), *q;

	LT_CHECK(p != MAP_FAILED && h);
	memset(p, 8, 4 * PAGE);
	LT_CHECK_ERR(syscall(SYS_mremap, p, 4 * PAGE, 4 * PAGE, MREMAP_FIXED, h), EINVAL);
	q = (char *)syscall(SYS_mremap, p, 4 * PAGE, 4 * PAGE, MREMAP_FIXED | MREMAP_MAYMOVE, h);
	LT_CHECK(q == h);
	LT_CHECK_EQ(q[4 * PAGE - 1], 8);
	LT_CHECK(!mapped(p, RW));
	/* Shrinking stays put and unmaps the tail. */
	LT_CHECK(syscall(SYS_mremap, q, 4 * PAGE, PAGE, 0) == (long)q);
	LT_CHECK_EQ(q[0], 8);
	LT_CHECK(!mapped(q + PAGE, RW));
	LT_CHECK_EQ(touch_in_child(q + 2 * PAGE, 0), LT_KILLED(SIGSEGV));
	LT_CHECK_EQ(munmap(q, PAGE), 0);
}

LT_CASE(mremap_errors)
{
	char *p = map(NULL, PAGE, RW, ANON), *h = hole(PAGE);

	LT_CHECK(p != MAP_FAILED && h);
	LT_CHECK_ERR(syscall(SYS_mremap, p + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE), EINVAL);
	LT_CHECK_ERR(syscall(SYS_mremap, p, PAGE, 0, MREMAP_MAYMOVE), EINVAL);
	LT_CHECK_ERR(syscall(SYS_mremap, p, PAGE, PAGE, 0x80), EINVAL);	/* bad flag */
	/* Nothing mapped there: EFAULT, not ENOMEM. */
	LT_CHECK_ERR(syscall(SYS_mremap, h, PAGE, 2 * PAGE, MREMAP_MAYMOVE), EFAULT);
	LT_CHECK_EQ(munmap(p, PAGE), 0);
}

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP	4
#endif

/*
 * MREMAP_DONTUNMAP moves the pages and leaves the old range mapped but
 * empty: a private anonymous area there reads zeros again.  It is a move
 * of the same size only.
 */
LT_CASE(mremap_dontunmap)
{
	char *p = map(NULL, 2 * PAGE, RW, ANON), *h, *q;

	LT_CHECK(p != MAP_FAILED);
	memset(p, 5, 2 * PAGE);
	LT_CHECK_ERR(syscall(SYS_mremap, p, 2 * PAGE, 2 * PAGE, MREMAP_DONTUNMAP, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_mremap, p, 2 * PAGE, 3 * PAGE,
			     MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0), EINVAL);
	/* Without MREMAP_FIXED the new address is a hint, but must be aligned. */
	LT_CHECK_ERR(syscall(SYS_mremap, p, 2 * PAGE, 2 * PAGE,
			     MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 12345), EINVAL);
	q = (char *)syscall(SYS_mremap, p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	LT_CHECK(q != MAP_FAILED && q != p);
	LT_CHECK_EQ(q[0], 5);
	LT_CHECK_EQ(q[2 * PAGE - 1], 5);
	LT_CHECK(mapped(p, RW) && mapped(p + PAGE, RW));
	LT_CHECK(all_zero(p, 2 * PAGE));
	/* Again, to a place of our choosing; the source is q, which stays. */
	h = hole(2 * PAGE);
	LT_CHECK(h != NULL);
	q[1] = 9;
	LT_CHECK(syscall(SYS_mremap, q, 2 * PAGE, 2 * PAGE,
			 MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, h) == (long)h);
	LT_CHECK_EQ(h[1], 9);
	LT_CHECK_EQ(q[1], 0);
	LT_CHECK_EQ(munmap(p, 2 * PAGE), 0);
	LT_CHECK_EQ(munmap(q, 2 * PAGE), 0);
	LT_CHECK_EQ(munmap(h, 2 * PAGE), 0);
}

/*
 * MADV_DONTNEED drops private anonymous pages: they read back as zeros.
 * Shared anonymous memory keeps its contents (they live in the shared
 * object; only this process's page-table entries go).
 */
LT_CASE(madvise_dontneed)
{
	char *p = map(NULL, 4 * PAGE, RW, ANON);
	char *s = map(NULL, 2 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
	char *h = hole(PAGE);

	LT_CHECK(p != MAP_FAILED && s != MAP_FAILED && h);
	memset(p, 0x31, 4 * PAGE);
	LT_CHECK_EQ(madvise(p + PAGE, 2 * PAGE, MADV_DONTNEED), 0);
	LT_CHECK_EQ(p[0], 0x31);
	LT_CHECK(all_zero(p + PAGE, 2 * PAGE));
	LT_CHECK_EQ(p[3 * PAGE], 0x31);
	p[PAGE] = 2;					/* usable again */
	LT_CHECK_EQ(p[PAGE], 2);

	memset(s, 0x42, 2 * PAGE);
	LT_CHECK_EQ(madvise(s, 2 * PAGE, MADV_DONTNEED), 0);
	LT_CHECK_EQ(s[0], 0x42);
	LT_CHECK_EQ(s[2 * PAGE - 1], 0x42);

	LT_CHECK_ERR(syscall(SYS_madvise, p + 1, PAGE, MADV_DONTNEED), EINVAL);
	LT_CHECK_ERR(syscall(SYS_madvise, h, PAGE, MADV_DONTNEED), ENOMEM);
	LT_CHECK_ERR(syscall(SYS_madvise, p, PAGE, 12345), EINVAL);
	LT_CHECK_EQ(munmap(p, 4 * PAGE), 0);
	LT_CHECK_EQ(munmap(s, 2 * PAGE), 0);
}

/* MAP_POPULATE faults everything in up front: touching costs no faults. */
LT_CASE(map_populate)
{
	size_t pages = 128;
	long before;
	char *p = map(NULL, pages * PAGE, RW, ANON | MAP_POPULATE);

	LT_CHECK(p != MAP_FAILED);
	before = minflt();
	for (size_t i = 0; i < pages; i++)
		p[i * PAGE] = 1;
	LT_CHECK(minflt() - before < (long)pages / 8);
	LT_CHECK_EQ(munmap(p, pages * PAGE), 0);

	p = map(NULL, pages * PAGE, RW, ANON);
	LT_CHECK(p != MAP_FAILED);
	before = minflt();
	for (size_t i = 0; i < pages; i++)
		p[i * PAGE] = 1;
	LT_CHECK(minflt() - before >= (long)pages / 2);
	LT_CHECK_EQ(munmap(p, pages * PAGE), 0);
}

/*
 * MAP_GROWSDOWN: an access just below the mapping extends it (as the main
 * stack does), when nothing accessible lies within the stack guard gap
 * below.  Here 16 MiB below are free.
 */
LT_CASE(map_growsdown)
{
	size_t span = 16 << 20;
	char *h = hole(span), *top, *p;
	pid_t pid;

	LT_CHECK(h);
	top = h + span - PAGE;
	p = map(top, PAGE, RW, ANON | MAP_GROWSDOWN | MAP_FIXED);
	LT_CHECK(p == top);
	LT_CHECK(!mapped(top - PAGE, RW));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		top[-1] = 1;
		LT_CHECK(mapped(top - PAGE, RW));
		top[-10 * (long)PAGE] = 2;
		LT_CHECK(mapped(top - 10 * PAGE, RW));
		LT_CHECK(all_zero(top - 9 * PAGE, 8 * PAGE));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(!mapped(top - PAGE, RW));	/* the child's growth was its own */
	LT_CHECK_EQ(munmap(top, PAGE), 0);
}

/* The main stack grows on demand, up to RLIMIT_STACK. */
static void use_stack(size_t bytes)
{
	volatile char *p = __builtin_alloca(bytes);

	for (size_t off = bytes; off >= PAGE; off -= PAGE)
		p[off - PAGE] = 1;
}

LT_CASE(stack_growth)
{
	struct rlimit rl;
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		use_stack(4 << 20);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(getrlimit(RLIMIT_STACK, &rl));
		rl.rlim_cur = 1 << 20;
		LT_CHECK_OK(setrlimit(RLIMIT_STACK, &rl));
		use_stack(2 << 20);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_KILLED(SIGSEGV));
}

/* MAP_SHARED | MAP_ANONYMOUS: one memory for parent and child, both ways. */
LT_CASE(shared_anon_fork)
{
	volatile int *s = (volatile int *)map(NULL, 2 * PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
	volatile int *second = s + PAGE / sizeof(int);	/* untouched before fork */
	pid_t pid;

	LT_CHECK(s != MAP_FAILED);
	s[0] = 1;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_EQ(s[0], 1);
		s[1] = 2;
		*second = 3;
		LT_CHECK(lt_wait_flag(&s[2], 4, 5000));
		_exit(0);
	}
	LT_CHECK(lt_wait_flag(&s[1], 2, 5000));
	LT_CHECK(lt_wait_flag(second, 3, 5000));
	s[2] = 4;
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(munmap((void *)s, 2 * PAGE), 0);
}

/* 64 MiB: every page touched, then handed back. */
/*
 * /dev/zero mapped: private is anonymous memory (copied on fork), shared
 * is one zeroed object both processes see; read-only opens map read-only.
 */
LT_CASE(dev_zero_mappings)
{
	int fd, ro;
	char *priv, *shared;
	pid_t pid;

	unlink("/lt_zero");
	LT_CHECK_OK(mknod("/lt_zero", S_IFCHR | 0666, makedev(1, 5)));
	fd = open("/lt_zero", O_RDWR);
	ro = open("/lt_zero", O_RDONLY);
	LT_CHECK(fd >= 0 && ro >= 0);
	priv = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	shared = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	LT_CHECK(priv != MAP_FAILED && shared != MAP_FAILED);
	LT_CHECK(priv[0] == 0 && priv[8191] == 0 && shared[4096] == 0);
	priv[0] = 'p';
	shared[0] = 's';
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		if (priv[0] != 'p' || shared[0] != 's')
			_exit(2);
		priv[0] = 'c';
		shared[0] = 'c';
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(priv[0], 'p');		/* the child's write was its own copy */
	LT_CHECK_EQ(shared[0], 'c');		/* but the shared object is one */
	LT_CHECK_OK(munmap(priv, 8192));
	LT_CHECK_OK(munmap(shared, 8192));
	/* A read-only descriptor: MAP_SHARED|PROT_WRITE is refused, PROT_READ is fine. */
	LT_CHECK(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) == MAP_FAILED);
	LT_CHECK_EQ(errno, EACCES);
	shared = mmap(NULL, 4096, PROT_READ, MAP_SHARED, ro, 0);
	LT_CHECK(shared != MAP_FAILED);
	LT_CHECK_ERR(mprotect(shared, 4096, PROT_READ | PROT_WRITE), EACCES);
	munmap(shared, 4096);
	close(fd);
	close(ro);
	unlink("/lt_zero");
}

LT_CASE(large_mapping)
{
	size_t len = 64UL << 20;
	char *p = map(NULL, len, RW, ANON);
	size_t i;

	LT_CHECK(p != MAP_FAILED);
	for (i = 0; i < len; i += PAGE)
		*(size_t *)(p + i) = i;
	for (i = 0; i < len; i += PAGE)
		if (*(size_t *)(p + i) != i)
			LT_FAIL("page at offset %#zx lost its contents", i);
	LT_CHECK_EQ(munmap(p, len), 0);
	LT_CHECK(!mapped(p + len / 2, RW));
}

int main(void)
{
	lt_begin("mm_mmap");
	LT_RUN(anon_private);
	LT_RUN(pages_are_zeroed);
	LT_RUN(prot_none_and_readonly);
	LT_RUN(text_readonly_data_noexec);
	LT_RUN(map_fixed_replaces);
	LT_RUN(map_fixed_noreplace);
	LT_RUN(map_hint);
	LT_RUN(mmap_errors);
	LT_RUN(munmap_rules);
	LT_RUN(mprotect_rules);
	LT_RUN(mremap_grow_in_place);
	LT_RUN(mremap_move);
	LT_RUN(mremap_fixed_and_shrink);
	LT_RUN(mremap_errors);
	LT_RUN(mremap_dontunmap);
	LT_RUN(madvise_dontneed);
	LT_RUN(map_populate);
	LT_RUN(map_growsdown);
	LT_RUN(stack_growth);
	LT_RUN(shared_anon_fork);
	LT_RUN(dev_zero_mappings);
	LT_RUN(large_mapping);
	return lt_end();
}
