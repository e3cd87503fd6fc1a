// SPDX-License-Identifier: GPL-2.0
/*
 * mm_overcommit: vm.overcommit_memory, as Linux applies it.  In the
 * default mode (0, the heuristic) one reservation of private writable or
 * shared anonymous memory larger than RAM plus swap fails with ENOMEM,
 * while MAP_NORESERVE, read-only private memory and anything that could
 * fit are allowed; brk past that much leaves the break where it was.
 * Mode 1 allows it all.  Values outside 0..2 are EINVAL.  Nothing is
 * touched, so no memory is used either way.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"

#define P	"/mm_overcommit_proc"
#define OC	P "/sys/vm/overcommit_memory"

static char buf[8192];

static long meminfo_kb(const char *key)
{
	size_t klen = strlen(key);
	char *p = buf;

	if (lt_read_file(P "/meminfo", buf, sizeof(buf)) <= 0)
		return -1;
	while (p && *p) {
		if (!strncmp(p, key, klen) && p[klen] == ':')
			return strtol(p + klen + 1, NULL, 10);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

static int write_str(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY), err = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, val, strlen(val)) < 0)
		err = -errno;
	close(fd);
	return err;
}

static long read_long(const char *path)
{
	return lt_read_file(path, buf, sizeof(buf)) > 0 ? strtol(buf, NULL, 10) : -1;
}

/* Twice RAM plus swap: more than could ever be backed. */
static size_t too_much(void)
{
	long ram = meminfo_kb("MemTotal"), swap = meminfo_kb("SwapTotal");

	return (size_t)(ram + (swap > 0 ? swap : 0)) * 1024 * 2;
}

static void *map(size_t len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);
}

LT_CASE(heuristic)
{
	size_t big = too_much(), fits = (size_t)meminfo_kb("MemTotal") * 1024 / 4;
	long old = read_long(OC);
	unsigned long brk0, brk1;
	void *p;

	LT_CHECK(big > 0 && old >= 0);
	LT_CHECK_OK(write_str(OC, "0"));
	errno = 0;
	LT_CHECK(map(big, PROT_READ | PROT_WRITE, MAP_PRIVATE) == MAP_FAILED && errno == ENOMEM);
	errno = 0;
	LT_CHECK(map(big, PROT_READ | PROT_WRITE, MAP_SHARED) == MAP_FAILED && errno == ENOMEM);
	p = map(big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE);
	LT_CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED)
		munmap(p, big);
	p = map(big, PROT_READ, MAP_PRIVATE);
	LT_CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED)
		munmap(p, big);
	p = map(fits, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	LT_CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED)
		munmap(p, fits);
	brk0 = (unsigned long)syscall(SYS_brk, 0);
	brk1 = (unsigned long)syscall(SYS_brk, brk0 + big);
	LT_CHECK_EQ(brk1, brk0);
	{
		char val[32];

		snprintf(val, sizeof(val), "%ld", old);
		LT_CHECK_OK(write_str(OC, val));
	}
}

LT_CASE(always)
{
	size_t big = too_much();
	long old = read_long(OC);
	char val[32];
	void *p;

	LT_CHECK_OK(write_str(OC, "1"));
	LT_CHECK_EQ(read_long(OC), 1);
	p = map(big, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	LT_CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED)
		munmap(p, big);
	snprintf(val, sizeof(val), "%ld", old);
	LT_CHECK_OK(write_str(OC, val));
}

LT_CASE(sysctl_range)
{
	long old = read_long(OC);

	LT_CHECK(old >= 0 && old <= 2);
	LT_CHECK_EQ(write_str(OC, "3"), -EINVAL);
	LT_CHECK_EQ(write_str(OC, "-1"), -EINVAL);
	LT_CHECK_EQ(read_long(OC), old);
	LT_CHECK(read_long(P "/sys/vm/overcommit_ratio") >= 0);
}

int main(void)
{
	lt_begin("mm_overcommit");
	mkdir(P, 0755);
	if (mount("proc", P, "proc", 0, NULL)) {
		perror("mount proc");
		return 1;
	}
	LT_RUN(heuristic);
	LT_RUN(always);
	LT_RUN(sysctl_range);
	umount(P);
	rmdir(P);
	return lt_end();
}
