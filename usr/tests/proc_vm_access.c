// SPDX-License-Identifier: GPL-2.0
/*
 * proc_vm_access: process_vm_readv/writev and kcmp.  A parent reads and
 * writes a forked child's memory (copy-on-write pages split, missing
 * pages faulted in), across uneven iovec boundaries; the EINVAL, EFAULT,
 * ESRCH and EPERM cases; kcmp tells shared files, address spaces,
 * descriptor tables, fs_structs and handlers from private ones.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define KCMP_FILE	0
#define KCMP_VM		1
#define KCMP_FILES	2
#define KCMP_FS		3
#define KCMP_SIGHAND	4
#define KCMP_TYPES	8

static char buf[3 * 4096];

static long vm_readv(pid_t pid, struct iovec *l, unsigned long ln, struct iovec *r,
		     unsigned long rn, unsigned long flags)
{
	return syscall(SYS_process_vm_readv, pid, l, ln, r, rn, flags);
}

static long vm_writev(pid_t pid, struct iovec *l, unsigned long ln, struct iovec *r,
		      unsigned long rn, unsigned long flags)
{
	return syscall(SYS_process_vm_writev, pid, l, ln, r, rn, flags);
}

static long kcmp(pid_t a, pid_t b, int type, unsigned long i1, unsigned long i2)
{
	return syscall(SYS_kcmp, a, b, type, i1, i2);
}

/* A child holding buf as it was at fork; it exits 0 if buf[4096..] became "new". */
static pid_t child_with_buf(int ready)
{
	pid_t pid = fork();

	if (pid == 0) {
		char c;

		if (read(ready, &c, 1) != 1)
			_exit(2);
		_exit(memcmp(buf + 4096, "new", 3) ? 1 : 0);
	}
	return pid;
}

LT_CASE(read_write)
{
	char local[16] = "", a[5] = "", b[8] = "";
	struct iovec l[2] = { { a, 5 }, { b, 8 } }, r[2];
	int p[2];
	pid_t pid;

	memcpy(buf, "hello", 5);
	memcpy(buf + 4094, "crosses", 7);	/* over a page boundary */
	LT_CHECK_OK(pipe(p));
	pid = child_with_buf(p[0]);
	memset(buf, 0, sizeof(buf));		/* ours changes, the child's not */

	r[0] = (struct iovec){ buf, 5 };
	r[1] = (struct iovec){ buf + 4094, 7 };
	/* 12 bytes remote into 13 local: the local iovecs are filled in order. */
	LT_CHECK_EQ(vm_readv(pid, l, 2, r, 2, 0), 12);
	LT_CHECK(!memcmp(a, "hello", 5));
	LT_CHECK(!memcmp(b, "crosses", 7));

	memcpy(local, "new", 3);
	l[0] = (struct iovec){ local, 3 };
	r[0] = (struct iovec){ buf + 4096, 3 };
	LT_CHECK_EQ(vm_writev(pid, l, 1, r, 1, 0), 3);
	/* Our copy stays as it was: the write split the child's COW page. */
	LT_CHECK_EQ(buf[4096], 0);
	LT_CHECK_EQ(vm_readv(pid, l, 0, r, 1, 0), 0);
	LT_CHECK_EQ(write(p[1], "g", 1), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(p[0]);
	close(p[1]);
}

LT_CASE(errors)
{
	char a[8], *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec l = { a, 8 }, r = { buf, 8 }, bad;
	pid_t pid;

	LT_CHECK(none != MAP_FAILED);
	LT_CHECK_ERR(vm_readv(getpid(), &l, 1, &r, 1, 1), EINVAL);
	LT_CHECK_ERR(vm_readv(getpid(), &l, 1025, &r, 1, 0), EINVAL);
	bad = (struct iovec){ a, (size_t)-1 };
	LT_CHECK_ERR(vm_readv(getpid(), &bad, 1, &r, 1, 0), EINVAL);
	bad = (struct iovec){ (void *)-1, 8 };
	LT_CHECK_ERR(vm_readv(getpid(), &bad, 1, &r, 1, 0), EFAULT);
	LT_CHECK_ERR(vm_readv(getpid(), &l, 1, &bad, 1, 0), EFAULT);
	LT_CHECK_ERR(vm_readv(getpid(), (struct iovec *)-1, 1, &r, 1, 0), EFAULT);
	bad = (struct iovec){ none, 8 };
	LT_CHECK_ERR(vm_readv(getpid(), &l, 1, &bad, 1, 0), EFAULT);
	LT_CHECK_ERR(vm_readv(getpid(), &bad, 1, &r, 1, 0), EFAULT);
	LT_CHECK_ERR(vm_readv(32767, &l, 1, &r, 1, 0), ESRCH);
	/* Reading oneself works. */
	memcpy(buf, "selfself", 8);
	LT_CHECK_EQ(vm_readv(getpid(), &l, 1, &r, 1, 0), 8);
	LT_CHECK(!memcmp(a, "selfself", 8));
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		_exit(vm_readv(getppid(), &l, 1, &r, 1, 0) == -1 && errno == EPERM ? 0 : 2);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	munmap(none, 4096);
}

static int kcmp_child(void *arg)
{
	(void)arg;
	pause();
	return 0;
}

LT_CASE(kcmp_objects)
{
	static char stack[16384] __attribute__((aligned(16)));
	pid_t me = getpid(), pid;
	int fd = open("/", O_RDONLY), dup1 = dup(fd), other = open("/", O_RDONLY);

	LT_CHECK(fd >= 0 && dup1 >= 0 && other >= 0);
	LT_CHECK_EQ(kcmp(me, me, KCMP_FILE, fd, dup1), 0);
	LT_CHECK(kcmp(me, me, KCMP_FILE, fd, other) > 0);
	LT_CHECK(kcmp(me, me, KCMP_FILE, fd, other) != kcmp(me, me, KCMP_FILE, other, fd));
	LT_CHECK_ERR(kcmp(me, me, KCMP_FILE, fd, 999), EBADF);
	LT_CHECK_ERR(kcmp(me, me, KCMP_TYPES + 1, 0, 0), EINVAL);
	LT_CHECK_ERR(kcmp(me, me, -1, 0, 0), EINVAL);
	LT_CHECK_ERR(kcmp(me, 32767, KCMP_VM, 0, 0), ESRCH);

	/* A fork shares open files but nothing else. */
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	LT_CHECK_EQ(kcmp(me, pid, KCMP_FILE, fd, fd), 0);
	LT_CHECK(kcmp(me, pid, KCMP_VM, 0, 0) > 0);
	LT_CHECK(kcmp(me, pid, KCMP_FILES, 0, 0) > 0);
	LT_CHECK(kcmp(me, pid, KCMP_FS, 0, 0) > 0);
	LT_CHECK(kcmp(me, pid, KCMP_SIGHAND, 0, 0) > 0);
	kill(pid, SIGKILL);
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));

	/* A clone with CLONE_VM|CLONE_FILES|CLONE_FS shares those. */
	pid = clone(kcmp_child, stack + sizeof(stack), CLONE_VM | CLONE_FILES | CLONE_FS | SIGCHLD,
		    NULL);
	LT_CHECK(pid > 0);
	LT_CHECK_EQ(kcmp(me, pid, KCMP_VM, 0, 0), 0);
	LT_CHECK_EQ(kcmp(me, pid, KCMP_FILES, 0, 0), 0);
	LT_CHECK_EQ(kcmp(me, pid, KCMP_FS, 0, 0), 0);
	LT_CHECK(kcmp(me, pid, KCMP_SIGHAND, 0, 0) > 0);
	kill(pid, SIGKILL);
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
	close(fd);
	close(dup1);
	close(other);
}

int main(void)
{
	lt_begin("proc_vm_access");
	LT_RUN(read_write);
	LT_RUN(errors);
	LT_RUN(kcmp_objects);
	return lt_end();
}
