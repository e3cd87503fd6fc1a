// SPDX-License-Identifier: GPL-2.0
/*
 * mm_madvise: the advice that changes what fork copies (DONTFORK,
 * WIPEONFORK and their undo), MADV_REMOVE punching a hole in a shared
 * file, MADV_FREE/DONTNEED dropping anonymous pages, and Linux's EINVAL
 * and ENOMEM cases for each.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PAGE	4096UL
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

#ifndef MADV_WIPEONFORK
#define MADV_WIPEONFORK	18
#define MADV_KEEPONFORK	19
#endif
#ifndef MADV_COLD
#define MADV_COLD	20
#define MADV_PAGEOUT	21
#endif

static char *amap(size_t len, int flags)
{
	return mmap(NULL, len, RW, flags, -1, 0);
}

/* Fork; the child exits 0 if *p == want, 1 otherwise; returns the status. */
static int child_sees(volatile char *p, char want)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(*p == want ? 0 : 1);
	return lt_wait(pid);
}

LT_CASE(wipe_on_fork)
{
	char *p = amap(2 * PAGE, ANON);

	LT_CHECK(p != MAP_FAILED);
	memset(p, 7, 2 * PAGE);
	LT_CHECK_OK(madvise(p, PAGE, MADV_WIPEONFORK));
	LT_CHECK_EQ(child_sees(p, 0), LT_EXITED(0));
	LT_CHECK_EQ(child_sees(p + PAGE, 7), LT_EXITED(0));
	LT_CHECK_EQ(p[0], 7);		/* the parent keeps its data */
	LT_CHECK_OK(madvise(p, PAGE, MADV_KEEPONFORK));
	LT_CHECK_EQ(child_sees(p, 7), LT_EXITED(0));
	munmap(p, 2 * PAGE);
}

LT_CASE(dont_fork)
{
	char *p = amap(PAGE, ANON);

	LT_CHECK(p != MAP_FAILED);
	p[0] = 3;
	LT_CHECK_OK(madvise(p, PAGE, MADV_DONTFORK));
	/* The child has no mapping there at all. */
	LT_CHECK_EQ(child_sees(p, 3), LT_KILLED(SIGSEGV));
	LT_CHECK_OK(madvise(p, PAGE, MADV_DOFORK));
	LT_CHECK_EQ(child_sees(p, 3), LT_EXITED(0));
	munmap(p, PAGE);
}

LT_CASE(free_and_dontneed)
{
	char *p = amap(2 * PAGE, ANON);

	LT_CHECK(p != MAP_FAILED);
	memset(p, 1, 2 * PAGE);
	LT_CHECK_OK(madvise(p, PAGE, MADV_DONTNEED));
	LT_CHECK_EQ(p[0], 0);
	LT_CHECK_EQ(p[PAGE], 1);
	LT_CHECK_OK(madvise(p, 2 * PAGE, MADV_COLD));
	LT_CHECK_OK(madvise(p, 2 * PAGE, MADV_PAGEOUT));
	LT_CHECK_OK(madvise(p, 2 * PAGE, MADV_FREE));
	p[0] = 2;
	LT_CHECK_EQ(p[0], 2);
	munmap(p, 2 * PAGE);
}

LT_CASE(remove_punches_hole)
{
	int fd = syscall(SYS_memfd_create, "madv", 0);
	char *p, *q, c = 0;

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(ftruncate(fd, 2 * PAGE));
	p = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, fd, 0);
	q = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	LT_CHECK(p != MAP_FAILED && q != MAP_FAILED);
	memset(p, 9, 2 * PAGE);
	LT_CHECK_EQ(q[PAGE], 9);
	LT_CHECK_OK(madvise(p + PAGE, PAGE, MADV_REMOVE));
	LT_CHECK_EQ(q[PAGE], 0);
	LT_CHECK_EQ(p[PAGE], 0);
	LT_CHECK_EQ(pread(fd, &c, 1, PAGE), 1);
	LT_CHECK_EQ(c, 0);
	LT_CHECK_EQ(p[0], 9);
	munmap(p, 2 * PAGE);
	munmap(q, 2 * PAGE);
	close(fd);
}

LT_CASE(errors)
{
	char *p = amap(3 * PAGE, ANON), *s = amap(PAGE, MAP_SHARED | MAP_ANONYMOUS);

	LT_CHECK(p != MAP_FAILED && s != MAP_FAILED);
	LT_CHECK_ERR(madvise(p + 1, PAGE, MADV_NORMAL), EINVAL);
	LT_CHECK_ERR(madvise(p, PAGE, 1212), EINVAL);
	LT_CHECK_ERR(madvise(p, PAGE, MADV_REMOVE), EINVAL);	/* private anon */
	LT_CHECK_ERR(madvise(s, PAGE, MADV_WIPEONFORK), EINVAL);
	LT_CHECK_ERR(madvise(s, PAGE, MADV_FREE), EINVAL);
	LT_CHECK_OK(mlock(p, PAGE));
	LT_CHECK_ERR(madvise(p, PAGE, MADV_DONTNEED), EINVAL);
	LT_CHECK_ERR(madvise(p, PAGE, MADV_PAGEOUT), EINVAL);
	LT_CHECK_OK(munlock(p, PAGE));
	/* A hole: the rest is still advised, then ENOMEM. */
	LT_CHECK_OK(munmap(p + PAGE, PAGE));
	LT_CHECK_ERR(madvise(p, 3 * PAGE, MADV_DONTFORK), ENOMEM);
	LT_CHECK_EQ(child_sees(p + 2 * PAGE, 0), LT_KILLED(SIGSEGV));
	LT_CHECK_ERR(madvise(p + PAGE, PAGE, MADV_NORMAL), ENOMEM);
	LT_CHECK_OK(madvise(p, 0, MADV_NORMAL));
	munmap(p, 3 * PAGE);
	munmap(s, PAGE);
}

int main(void)
{
	lt_begin("mm_madvise");
	LT_RUN(wipe_on_fork);
	LT_RUN(dont_fork);
	LT_RUN(free_and_dontneed);
	LT_RUN(remove_punches_hole);
	LT_RUN(errors);
	return lt_end();
}
