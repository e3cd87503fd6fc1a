// SPDX-License-Identifier: GPL-2.0
/*
 * mm_memfd: memfd_create and file seals, with Linux 6.1's errors.  A
 * memfd is a tmpfs file with no name ("/memfd:<name> (deleted)" in
 * /proc/self/fd); F_SEAL_SHRINK/GROW freeze its size (EPERM), WRITE its
 * contents (EBUSY while it is mapped shared and writable),
 * FUTURE_WRITE refuses new writers but not existing mappings, SEAL ends
 * sealing.  Without MFD_ALLOW_SEALING the file starts sealed with SEAL.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"

#define PAGE	4096UL
#define RW	(PROT_READ | PROT_WRITE)
#define PROC	"/t_memfd_proc"		/* the test initramfs mounts nothing */

#ifndef F_ADD_SEALS
#define F_ADD_SEALS		1033
#define F_GET_SEALS		1034
#define F_SEAL_SEAL		0x0001
#define F_SEAL_SHRINK		0x0002
#define F_SEAL_GROW		0x0004
#define F_SEAL_WRITE		0x0008
#endif
#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE	0x0010
#endif

static int memfd(const char *name, unsigned int flags)
{
	return syscall(SYS_memfd_create, name, flags);
}

static char *fmap(size_t len, int prot, int flags, int fd)
{
	return (char *)syscall(SYS_mmap, NULL, len, prot, flags, fd, 0);
}

LT_CASE(create_and_use)
{
	char link[64], target[128];
	int fd = memfd("lantern", MFD_CLOEXEC);
	ssize_t n;
	char *p;

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 0);
	LT_CHECK_EQ(write(fd, "hello", 5), 5);
	LT_CHECK_EQ(ftruncate(fd, PAGE), 0);
	p = fmap(PAGE, RW, MAP_SHARED, fd);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK(!memcmp(p, "hello", 5));
	p[5] = '!';
	LT_CHECK_EQ(pread(fd, target, 6, 0), 6);
	LT_CHECK(!memcmp(target, "hello!", 6));
	munmap(p, PAGE);
	/* Without MFD_ALLOW_SEALING: sealed against sealing. */
	LT_CHECK_EQ(fcntl(fd, F_GET_SEALS), F_SEAL_SEAL);
	LT_CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EPERM);
	snprintf(link, sizeof(link), PROC "/self/fd/%d", fd);
	n = readlink(link, target, sizeof(target) - 1);
	LT_CHECK(n > 0);
	target[n > 0 ? n : 0] = 0;
	LT_CHECK(!strcmp(target, "/memfd:lantern (deleted)"));
	close(fd);
}

LT_CASE(bad_input)
{
	char longname[300];

	memset(longname, 'n', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = 0;
	LT_CHECK_ERR(memfd("x", 0x100), EINVAL);
	LT_CHECK_ERR(memfd(longname, 0), EINVAL);
	longname[249] = 0;		/* NAME_MAX - strlen("memfd:") */
	int fd = memfd(longname, 0);
	LT_CHECK(fd >= 0);
	close(fd);
	longname[249] = 'n';
	longname[250] = 0;
	LT_CHECK_ERR(memfd(longname, 0), EINVAL);
	LT_CHECK_ERR(memfd((const char *)8, 0), EFAULT);
	LT_CHECK_ERR(memfd(NULL, 0), EFAULT);
	/* Seals on something that is not tmpfs: a pipe. */
	int pfd[2];
	LT_CHECK_EQ(pipe(pfd), 0);
	LT_CHECK_ERR(fcntl(pfd[1], F_GET_SEALS), EINVAL);
	LT_CHECK_ERR(fcntl(pfd[1], F_ADD_SEALS, F_SEAL_WRITE), EINVAL);
	close(pfd[0]);
	close(pfd[1]);
}

LT_CASE(size_seals)
{
	int fd = memfd("size", MFD_ALLOW_SEALING);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GET_SEALS), 0);
	LT_CHECK_EQ(ftruncate(fd, 2 * PAGE), 0);
	LT_CHECK_ERR(fcntl(fd, F_ADD_SEALS, 0x100), EINVAL);
	LT_CHECK_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK), 0);
	LT_CHECK_ERR(ftruncate(fd, PAGE), EPERM);
	LT_CHECK_EQ(ftruncate(fd, 3 * PAGE), 0);
	LT_CHECK_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW), 0);
	LT_CHECK_ERR(ftruncate(fd, 4 * PAGE), EPERM);
	LT_CHECK_EQ(ftruncate(fd, 3 * PAGE), 0);	/* no change is fine */
	LT_CHECK_EQ(pwrite(fd, "in", 2, PAGE), 2);
	LT_CHECK_EQ(pwrite(fd, "out", 3, 3 * PAGE - 1), 1);	/* stops at the end */
	LT_CHECK_ERR(pwrite(fd, "out", 3, 3 * PAGE), EPERM);
	LT_CHECK_EQ(fcntl(fd, F_GET_SEALS), F_SEAL_SHRINK | F_SEAL_GROW);
	LT_CHECK_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL), 0);
	LT_CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EPERM);
	LT_CHECK_EQ(fcntl(fd, F_GET_SEALS), F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL);
	close(fd);
}

LT_CASE(write_seal)
{
	int fd = memfd("write", MFD_ALLOW_SEALING);
	char *p;

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(ftruncate(fd, PAGE), 0);
	p = fmap(PAGE, RW, MAP_SHARED, fd);
	LT_CHECK(p != MAP_FAILED);
	/* A shared writable mapping could still write: EBUSY. */
	LT_CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EBUSY);
	LT_CHECK_EQ(munmap(p, PAGE), 0);
	/* A private mapping is no writer of the file. */
	p = fmap(PAGE, RW, MAP_PRIVATE, fd);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), 0);
	p[0] = 'x';			/* its own copy */
	LT_CHECK_EQ(munmap(p, PAGE), 0);
	LT_CHECK_ERR(write(fd, "x", 1), EPERM);
	LT_CHECK_ERR(fmap(PAGE, RW, MAP_SHARED, fd), EPERM);
	p = fmap(PAGE, RW, MAP_PRIVATE, fd);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(p[0], 0);
	munmap(p, PAGE);
	close(fd);
}

LT_CASE(future_write_seal)
{
	int fd = memfd("future", MFD_ALLOW_SEALING);
	char *p, *q, c;

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(ftruncate(fd, PAGE), 0);
	p = fmap(PAGE, RW, MAP_SHARED, fd);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE), 0);
	/* The mapping made before the seal still writes ... */
	p[0] = 'e';
	LT_CHECK_EQ(pread(fd, &c, 1, 0), 1);
	LT_CHECK_EQ(c, 'e');
	/* ... new writers do not. */
	LT_CHECK_ERR(pwrite(fd, "x", 1, 0), EPERM);
	LT_CHECK_ERR(fmap(PAGE, RW, MAP_SHARED, fd), EPERM);
	q = fmap(PAGE, PROT_READ, MAP_SHARED, fd);
	LT_CHECK(q != MAP_FAILED);
	LT_CHECK_EQ(q[0], 'e');
	LT_CHECK_ERR(syscall(SYS_mprotect, q, PAGE, RW), EACCES);
	munmap(q, PAGE);
	munmap(p, PAGE);
	close(fd);
}

int main(void)
{
	mkdir(PROC, 0555);
	mount("proc", PROC, "proc", 0, NULL);
	lt_begin("mm_memfd");
	LT_RUN(create_and_use);
	LT_RUN(bad_input);
	LT_RUN(size_seals);
	LT_RUN(write_seal);
	LT_RUN(future_write_seal);
	return lt_end();
}
