// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd(2): page faults handled by user space.
 *
 * A thread touches a registered page and sleeps in the fault; the test
 * (the handler) reads the message, checks the address and the flags,
 * and resolves the fault: UFFDIO_COPY, UFFDIO_ZEROPAGE, lifting write
 * protection (UFFDIO_WRITEPROTECT), or UFFDIO_CONTINUE for a minor fault
 * in a memfd.  The thread must then see the page the handler chose.
 * Closing the descriptor wakes a waiting fault; fork's child is not
 * registered; mremap(MREMAP_DONTUNMAP) leaves the old range registered
 * and empty.  Bad input: flags, API version, ranges (unaligned, empty,
 * unmapped, in the kernel half), pointers into the kernel, ioctls on
 * ranges of the wrong kind.  The ABI structures are spelled out here:
 * musl has no <linux/userfaultfd.h>.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/auxv.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PAGE	4096UL
/* The test system has no /proc of its own: one is mounted here. */
#define PROC	"/uffd_proc"
#define KERNEL_PTR	((void *)0xffff888000000000UL)

/* <linux/userfaultfd.h> */
#define UFFD_API			0xAAULL
#define UFFD_USER_MODE_ONLY		1
#define UFFD_EVENT_PAGEFAULT		0x12
#define UFFD_PAGEFAULT_FLAG_WRITE	(1 << 0)
#define UFFD_PAGEFAULT_FLAG_WP		(1 << 1)
#define UFFD_PAGEFAULT_FLAG_MINOR	(1 << 2)
#define UFFD_FEATURE_PAGEFAULT_FLAG_WP	(1 << 0)
#define UFFD_FEATURE_THREAD_ID		(1 << 8)
#define UFFD_FEATURE_MINOR_SHMEM	(1 << 10)
#define UFFD_FEATURE_EXACT_ADDRESS	(1 << 11)
#define UFFDIO_REGISTER_MODE_MISSING	1ULL
#define UFFDIO_REGISTER_MODE_WP		2ULL
#define UFFDIO_REGISTER_MODE_MINOR	4ULL
#define UFFDIO_WRITEPROTECT_MODE_WP	1ULL
#define UFFDIO_WRITEPROTECT_MODE_DONTWAKE 2ULL
#define UFFDIO_COPY_MODE_DONTWAKE	1ULL
#define _UFFDIO_WAKE			0x02
#define _UFFDIO_COPY			0x03
#define _UFFDIO_ZEROPAGE		0x04
#define _UFFDIO_CONTINUE		0x07

struct uffd_msg {
	uint8_t event, reserved1;
	uint16_t reserved2;
	uint32_t reserved3;
	union {
		struct {
			uint64_t flags, address;
			union {
				uint32_t ptid;
			} feat;
		} pagefault;
		struct {
			uint64_t a, b, c;
		} reserved;
	} arg;
} __attribute__((packed));

struct uffdio_api { uint64_t api, features, ioctls; };
struct uffdio_range { uint64_t start, len; };
struct uffdio_register { struct uffdio_range range; uint64_t mode, ioctls; };
struct uffdio_copy { uint64_t dst, src, len, mode; int64_t copy; };
struct uffdio_zeropage { struct uffdio_range range; uint64_t mode; int64_t zeropage; };
struct uffdio_writeprotect { struct uffdio_range range; uint64_t mode; };
struct uffdio_continue { struct uffdio_range range; uint64_t mode; int64_t mapped; };

#define UFFDIO_API		_IOWR(0xAA, 0x3F, struct uffdio_api)
#define UFFDIO_REGISTER		_IOWR(0xAA, 0x00, struct uffdio_register)
#define UFFDIO_UNREGISTER	_IOR(0xAA, 0x01, struct uffdio_range)
#define UFFDIO_WAKE		_IOR(0xAA, 0x02, struct uffdio_range)
#define UFFDIO_COPY		_IOWR(0xAA, 0x03, struct uffdio_copy)
#define UFFDIO_ZEROPAGE		_IOWR(0xAA, 0x04, struct uffdio_zeropage)
#define UFFDIO_WRITEPROTECT	_IOWR(0xAA, 0x06, struct uffdio_writeprotect)
#define UFFDIO_CONTINUE		_IOWR(0xAA, 0x07, struct uffdio_continue)
#define USERFAULTFD_IOC_NEW	_IO(0xAA, 0x00)

static int new_uffd(int flags, uint64_t features)
{
	struct uffdio_api api = { .api = UFFD_API, .features = features };
	int fd = syscall(SYS_userfaultfd, flags);

	if (fd < 0)
		return -1;
	if (ioctl(fd, UFFDIO_API, &api)) {
		close(fd);
		return -1;
	}
	return fd;
}

static int reg(int fd, void *addr, unsigned long len, uint64_t mode, uint64_t *ioctls)
{
	struct uffdio_register r = { { (uintptr_t)addr, len }, mode, 0 };
	int ret = ioctl(fd, UFFDIO_REGISTER, &r);

	if (ioctls)
		*ioctls = r.ioctls;
	return ret;
}

static void *map_anon(unsigned long len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* The faulting thread: one access, then it says what it saw. */
struct toucher {
	volatile char *addr;
	int write;
	char value;		/* written, or read back */
	volatile int done;
	pid_t tid;
	pthread_t thread;
};

static void *touch(void *arg)
{
	struct toucher *t = arg;

	t->tid = syscall(SYS_gettid);
	if (t->write)
		*t->addr = t->value;
	else
		t->value = *t->addr;
	t->done = 1;
	return NULL;
}

static int start_touch(struct toucher *t, void *addr, int write, char value)
{
	t->addr = addr;
	t->write = write;
	t->value = value;
	t->done = 0;
	return pthread_create(&t->thread, NULL, touch, t);
}

/* The next message, waiting up to 5 s: 0, or -1 (nothing came). */
static int next_msg(int fd, struct uffd_msg *msg)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (poll(&p, 1, 5000) != 1 || !(p.revents & POLLIN))
		return -1;
	return read(fd, msg, sizeof(*msg)) == sizeof(*msg) ? 0 : -1;
}

/* The value of @key in /proc/self/fdinfo/@fd, or -1. */
static long fdinfo(int fd, const char *key)
{
	char path[64], line[256];
	size_t klen = strlen(key);
	long val = -1;
	FILE *f;

	snprintf(path, sizeof(path), PROC "/self/fdinfo/%d", fd);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, klen) && line[klen] == ':')
			val = strtol(line + klen + 1, NULL, 16);
	fclose(f);
	return val;
}

LT_CASE(missing_copy_and_zeropage)
{
	struct uffd_msg msg;
	struct toucher t;
	uint64_t ioctls;
	char *area = map_anon(2 * PAGE), *src = map_anon(PAGE);
	int fd = new_uffd(O_CLOEXEC | O_NONBLOCK, 0), i;

	LT_CHECK(area && src && fd >= 0);
	LT_CHECK_OK(reg(fd, area, 2 * PAGE, UFFDIO_REGISTER_MODE_MISSING, &ioctls));
	LT_CHECK(ioctls & (1ULL << _UFFDIO_COPY));
	LT_CHECK(ioctls & (1ULL << _UFFDIO_ZEROPAGE));
	LT_CHECK(ioctls & (1ULL << _UFFDIO_WAKE));
	LT_CHECK(!(ioctls & (1ULL << _UFFDIO_CONTINUE)));
	LT_CHECK_ERR(read(fd, &msg, sizeof(msg)), EAGAIN);	/* nothing yet */

	/* A read of the first page: resolved with a copy. */
	LT_CHECK_EQ(fdinfo(fd, "total"), 0);
	LT_CHECK_OK(start_touch(&t, area + 0x10, 0, 0));
	LT_CHECK_OK(next_msg(fd, &msg));
	LT_CHECK_EQ(fdinfo(fd, "pending"), 0);	/* read, */
	LT_CHECK_EQ(fdinfo(fd, "total"), 1);	/* not resolved */
	LT_CHECK_EQ(fdinfo(fd, "API"), 0xaa);
	LT_CHECK_EQ(msg.event, UFFD_EVENT_PAGEFAULT);
	LT_CHECK_EQ(msg.arg.pagefault.address, (uintptr_t)area);
	LT_CHECK_EQ(msg.arg.pagefault.flags, 0);
	LT_CHECK(!t.done);
	memset(src, 'X', PAGE);
	struct uffdio_copy c = { (uintptr_t)area, (uintptr_t)src, PAGE, 0, 0 };
	LT_CHECK_OK(ioctl(fd, UFFDIO_COPY, &c));
	LT_CHECK_EQ(c.copy, (int64_t)PAGE);
	pthread_join(t.thread, NULL);
	LT_CHECK_EQ(t.value, 'X');
	/* Filling it again: it is there. */
	c.copy = 0;
	LT_CHECK_ERR(ioctl(fd, UFFDIO_COPY, &c), EEXIST);
	LT_CHECK_EQ(c.copy, -EEXIST);

	/* A write to the second: the message says so; zeros, then the write. */
	LT_CHECK_OK(start_touch(&t, area + PAGE + 7, 1, 'w'));
	LT_CHECK_OK(next_msg(fd, &msg));
	LT_CHECK_EQ(msg.arg.pagefault.address, (uintptr_t)area + PAGE);
	LT_CHECK_EQ(msg.arg.pagefault.flags, UFFD_PAGEFAULT_FLAG_WRITE);
	struct uffdio_zeropage z = { { (uintptr_t)area + PAGE, PAGE }, 0, 0 };
	LT_CHECK_OK(ioctl(fd, UFFDIO_ZEROPAGE, &z));
	LT_CHECK_EQ(z.zeropage, (int64_t)PAGE);
	pthread_join(t.thread, NULL);
	for (i = 0; i < (int)PAGE; i++)
		if (area[PAGE + i] != (i == 7 ? 'w' : 0))
			LT_FAIL("byte %d of the zero-filled page is %d", i, area[PAGE + i]);
	LT_CHECK_EQ(area[0x10], 'X');
	close(fd);
	munmap(area, 2 * PAGE);
	munmap(src, PAGE);
}

LT_CASE(exact_address_and_thread_id)
{
	struct epoll_event ev = { .events = EPOLLIN }, got;
	struct uffd_msg msg;
	struct toucher t;
	char *area = map_anon(PAGE), *src = map_anon(PAGE);
	int fd = new_uffd(O_NONBLOCK, UFFD_FEATURE_EXACT_ADDRESS | UFFD_FEATURE_THREAD_ID);
	int ep = epoll_create1(EPOLL_CLOEXEC);

	LT_CHECK(area && src && fd >= 0 && ep >= 0);
	LT_CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
	LT_CHECK_OK(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL));
	LT_CHECK_EQ(epoll_wait(ep, &got, 1, 0), 0);
	LT_CHECK_OK(start_touch(&t, area + 0x123, 1, 'e'));
	/* epoll hears of the fault too. */
	LT_CHECK_EQ(epoll_wait(ep, &got, 1, 5000), 1);
	LT_CHECK_EQ(got.events, EPOLLIN);
	LT_CHECK_EQ(fdinfo(fd, "pending"), 1);
	LT_CHECK_OK(next_msg(fd, &msg));
	LT_CHECK_EQ(epoll_wait(ep, &got, 1, 0), 0);
	LT_CHECK_EQ(msg.arg.pagefault.address, (uintptr_t)area + 0x123);
	/* The thread noted its id before it touched the page. */
	LT_CHECK_EQ((pid_t)msg.arg.pagefault.feat.ptid, t.tid);
	/* UFFDIO_WAKE alone: the page is still missing, so the thread faults again. */
	struct uffdio_range r = { (uintptr_t)area, PAGE };
	LT_CHECK_OK(ioctl(fd, UFFDIO_WAKE, &r));
	LT_CHECK_OK(next_msg(fd, &msg));
	LT_CHECK_EQ(msg.arg.pagefault.address, (uintptr_t)area + 0x123);
	struct uffdio_copy c = { (uintptr_t)area, (uintptr_t)src, PAGE, 0, 0 };
	LT_CHECK_OK(ioctl(fd, UFFDIO_COPY, &c));
	pthread_join(t.thread, NULL);
	LT_CHECK_EQ(area[0x123], 'e');
	close(ep);
	close(fd);
	munmap(area, PAGE);
	munmap(src, PAGE);
}

LT_CASE(write_protect_round_trip)
{
	struct uffd_msg msg;
	struct toucher t;
	uint64_t ioctls;
	char *area = map_anon(PAGE);
	int fd = new_uffd(O_NONBLOCK, UFFD_FEATURE_PAGEFAULT_FLAG_WP);

	LT_CHECK(area && fd >= 0);
	memset(area, 'a', PAGE);
	LT_CHECK_OK(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_WP, &ioctls));
	LT_CHECK(ioctls & (1ULL << 6));		/* _UFFDIO_WRITEPROTECT */
	struct uffdio_writeprotect wp = { { (uintptr_t)area, PAGE }, UFFDIO_WRITEPROTECT_MODE_WP };
	LT_CHECK_OK(ioctl(fd, UFFDIO_WRITEPROTECT, &wp));
	LT_CHECK_EQ(area[5], 'a');		/* reads go on */

	/* fork's child is not registered: its copy takes writes freely. */
	pid_t pid = fork();
	if (pid == 0) {
		area[5] = 'c';
		_exit(area[5] == 'c' ? 0 : 1);
	}
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_ERR(read(fd, &msg, sizeof(msg)), EAGAIN);

	LT_CHECK_OK(start_touch(&t, area + 5, 1, 'W'));
	LT_CHECK_OK(next_msg(fd, &msg));
	LT_CHECK_EQ(msg.arg.pagefault.address, (uintptr_t)area);
	LT_CHECK_EQ(msg.arg.pagefault.flags, UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE);
	lt_sleep_ms(20);
	LT_CHECK(!t.done);
	LT_CHECK_EQ(area[5], 'a');		/* the write waits */
	wp.mode = 0;
	LT_CHECK_OK(ioctl(fd, UFFDIO_WRITEPROTECT, &wp));
	pthread_join(t.thread, NULL);
	LT_CHECK_EQ(area[5], 'W');
	/* Unprotected, writes need no handler. */
	area[6] = 'v';
	LT_CHECK_ERR(read(fd, &msg, sizeof(msg)), EAGAIN);
	close(fd);
	munmap(area, PAGE);
}

LT_CASE(minor_fault_continue)
{
	struct uffd_msg msg;
	struct toucher t;
	uint64_t ioctls;
	char ch = 'A', *area;
	int fd = new_uffd(O_NONBLOCK, UFFD_FEATURE_MINOR_SHMEM);
	int mfd = memfd_create("uffd-minor", MFD_CLOEXEC);

	LT_CHECK(fd >= 0 && mfd >= 0);
	LT_CHECK_OK(ftruncate(mfd, PAGE));
	LT_CHECK_EQ(pwrite(mfd, &ch, 1, 0), 1);
	area = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, mfd, 0);
	LT_CHECK(area != MAP_FAILED);
	LT_CHECK_OK(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MINOR, &ioctls));
	LT_CHECK(ioctls & (1ULL << _UFFDIO_CONTINUE));
	LT_CHECK_OK(madvise(area, PAGE, MADV_DONTNEED));

	LT_CHECK_OK(start_touch(&t, area, 0, 0));
	LT_CHECK_OK(next_msg(fd, &msg));
	LT_CHECK_EQ(msg.arg.pagefault.address, (uintptr_t)area);
	LT_CHECK_EQ(msg.arg.pagefault.flags, UFFD_PAGEFAULT_FLAG_MINOR);
	ch = 'Z';
	LT_CHECK_EQ(pwrite(mfd, &ch, 1, 0), 1);
	struct uffdio_continue c = { { (uintptr_t)area, PAGE }, 0, 0 };
	LT_CHECK_OK(ioctl(fd, UFFDIO_CONTINUE, &c));
	LT_CHECK_EQ(c.mapped, (int64_t)PAGE);
	pthread_join(t.thread, NULL);
	LT_CHECK_EQ(t.value, 'Z');
	/* Mapped writable and shared: a store reaches the file. */
	area[1] = 'y';
	LT_CHECK_EQ(pread(mfd, &ch, 1, 1), 1);
	LT_CHECK_EQ(ch, 'y');
	c.mapped = 0;
	LT_CHECK_ERR(ioctl(fd, UFFDIO_CONTINUE, &c), EEXIST);
	close(fd);
	munmap(area, PAGE);
	close(mfd);
}

LT_CASE(missing_shmem_copy)
{
	struct uffd_msg msg;
	struct toucher t;
	char ch = 0, *area, *src = map_anon(PAGE);
	int fd = new_uffd(O_NONBLOCK, 0);
	int mfd = memfd_create("uffd-missing", MFD_CLOEXEC);

	LT_CHECK(src && fd >= 0 && mfd >= 0);
	LT_CHECK_OK(ftruncate(mfd, PAGE));
	area = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, mfd, 0);
	LT_CHECK(area != MAP_FAILED);
	LT_CHECK_OK(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL));
	LT_CHECK_OK(start_touch(&t, area + 3, 0, 0));
	LT_CHECK_OK(next_msg(fd, &msg));
	LT_CHECK_EQ(msg.arg.pagefault.address, (uintptr_t)area);
	memset(src, 'm', PAGE);
	struct uffdio_copy c = { (uintptr_t)area, (uintptr_t)src, PAGE, 0, 0 };
	LT_CHECK_OK(ioctl(fd, UFFDIO_COPY, &c));
	pthread_join(t.thread, NULL);
	LT_CHECK_EQ(t.value, 'm');
	/* The page went into the file. */
	LT_CHECK_EQ(pread(mfd, &ch, 1, 100), 1);
	LT_CHECK_EQ(ch, 'm');
	close(fd);
	munmap(area, PAGE);
	munmap(src, PAGE);
	close(mfd);
}

LT_CASE(close_wakes_faulter)
{
	struct uffd_msg msg;
	struct toucher t;
	char *area = map_anon(PAGE);
	int fd = new_uffd(0, 0);

	LT_CHECK(area && fd >= 0);
	LT_CHECK_OK(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL));
	LT_CHECK_OK(start_touch(&t, area + 1, 0, 'q'));
	LT_CHECK_EQ(read(fd, &msg, sizeof(msg)), (ssize_t)sizeof(msg));	/* blocks */
	LT_CHECK_EQ(msg.arg.pagefault.address, (uintptr_t)area);
	lt_sleep_ms(20);
	LT_CHECK(!t.done);
	close(fd);
	/* Unregistered now: an ordinary fault, a zero page. */
	LT_CHECK(lt_wait_flag(&t.done, 1, 5000));
	pthread_join(t.thread, NULL);
	LT_CHECK_EQ(t.value, 0);
	munmap(area, PAGE);
}

LT_CASE(fork_child_not_registered)
{
	struct uffd_msg msg;
	char *area = map_anon(PAGE);
	int fd = new_uffd(O_NONBLOCK, 0);
	pid_t pid;

	LT_CHECK(area && fd >= 0);
	LT_CHECK_OK(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL));
	pid = fork();
	if (pid == 0)
		_exit(area[9] == 0 ? 0 : 1);
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_ERR(read(fd, &msg, sizeof(msg)), EAGAIN);
	close(fd);
	munmap(area, PAGE);
}

LT_CASE(mremap_dontunmap_keeps_registration)
{
	struct uffd_msg msg;
	struct toucher t;
	char *area = map_anon(PAGE), *moved;
	int fd = new_uffd(O_NONBLOCK, 0);

	LT_CHECK(area && fd >= 0);
	strcpy(area, "old");
	LT_CHECK_OK(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL));
	moved = mremap(area, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	LT_CHECK(moved != MAP_FAILED);
	LT_CHECK(strcmp(moved, "old") == 0);
	/* The new range is not registered: touching it raises nothing. */
	moved[100] = 1;
	LT_CHECK_ERR(read(fd, &msg, sizeof(msg)), EAGAIN);
	LT_CHECK_OK(start_touch(&t, area, 0, 0));
	LT_CHECK_OK(next_msg(fd, &msg));
	LT_CHECK_EQ(msg.arg.pagefault.address, (uintptr_t)area);
	struct uffdio_copy c = { (uintptr_t)area, (uintptr_t)moved, PAGE, 0, 0 };
	LT_CHECK_OK(ioctl(fd, UFFDIO_COPY, &c));
	pthread_join(t.thread, NULL);
	LT_CHECK_EQ(t.value, 'o');
	close(fd);
	munmap(area, PAGE);
	munmap(moved, PAGE);
}

LT_CASE(dev_userfaultfd)
{
	struct uffdio_api api = { .api = UFFD_API };
	int dev, fd;

	mkdir("/uffd_dev", 0755);
	LT_CHECK_OK(mount("devtmpfs", "/uffd_dev", "devtmpfs", 0, NULL));
	dev = open("/uffd_dev/userfaultfd", O_RDWR | O_CLOEXEC);
	LT_CHECK(dev >= 0);
	fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(ioctl(dev, USERFAULTFD_IOC_NEW, 0x12345), EINVAL);
	LT_CHECK_OK(ioctl(fd, UFFDIO_API, &api));
	LT_CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	close(fd);
	close(dev);
	umount("/uffd_dev");
	rmdir("/uffd_dev");
}

LT_CASE(user_mode_only_kernel_access)
{
	char *area = map_anon(PAGE);
	int pfd[2], fd = new_uffd(O_NONBLOCK | UFFD_USER_MODE_ONLY, 0);

	LT_CHECK(area && fd >= 0);
	LT_CHECK_OK(pipe(pfd));
	LT_CHECK_OK(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL));
	/* write() reads the page in the kernel: EFAULT, not a wait. */
	LT_CHECK_ERR(write(pfd[1], area, 16), EFAULT);
	close(pfd[0]);
	close(pfd[1]);
	close(fd);
	munmap(area, PAGE);
}

static int sig_pipe = -1;

static void on_usr1(int sig)
{
	char c = 's';

	(void)sig;
	if (write(sig_pipe, &c, 1) != 1)
		_exit(3);
}

/*
 * A fault nobody resolves: a signal is still delivered (the access runs
 * again afterwards and waits on), and SIGKILL ends the process, whether
 * the fault was the program's own or the kernel's (write() from the
 * registered page).
 */
static void waiting_fault_child(int kernel_access, int pfd)
{
	char *area = map_anon(PAGE);
	int fd = new_uffd(O_CLOEXEC, 0), dummy[2];

	sig_pipe = pfd;
	if (!area || fd < 0 || pipe(dummy) ||
	    reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL))
		_exit(1);
	signal(SIGUSR1, on_usr1);
	if (write(pfd, "r", 1) != 1)
		_exit(1);
	if (kernel_access)
		(void)!write(dummy[1], area, 1);
	else
		(void)*(volatile char *)area;
	_exit(2);	/* the fault was never resolved: must not get here */
}

LT_CASE(signals_reach_a_waiting_fault)
{
	int kernel_access;

	for (kernel_access = 0; kernel_access < 2; kernel_access++) {
		struct pollfd p;
		int pfd[2];
		char c;
		pid_t pid;

		LT_CHECK_OK(pipe(pfd));
		pid = fork();
		if (pid == 0) {
			close(pfd[0]);
			waiting_fault_child(kernel_access, pfd[1]);
		}
		LT_CHECK(pid > 0);
		close(pfd[1]);
		LT_CHECK_EQ(read(pfd[0], &c, 1), 1);
		LT_CHECK_EQ(c, 'r');
		lt_sleep_ms(50);		/* let it reach the fault */
		if (!kernel_access) {
			/* Interrupted, handled, and back to waiting. */
			LT_CHECK_OK(kill(pid, SIGUSR1));
			p = (struct pollfd){ .fd = pfd[0], .events = POLLIN };
			LT_CHECK_EQ(poll(&p, 1, 5000), 1);
			LT_CHECK_EQ(read(pfd[0], &c, 1), 1);
			LT_CHECK_EQ(c, 's');
			lt_sleep_ms(20);
		}
		LT_CHECK_OK(kill(pid, SIGKILL));
		LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
		close(pfd[0]);
	}
}

static int write_sysctl(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, val, strlen(val)) == (ssize_t)strlen(val);
	close(fd);
	return ok ? 0 : -1;
}

/* In a child that gave up root: 0 if userfaultfd(@flags) succeeds, else errno. */
static int unprivileged_try(int flags)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		int fd;

		if (setgid(65534) || setuid(65534))
			_exit(100);
		fd = syscall(SYS_userfaultfd, flags);
		_exit(fd >= 0 ? 0 : errno);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/*
 * vm.unprivileged_userfaultfd 0: without CAP_SYS_PTRACE only user-mode
 * faults may be handled (UFFD_USER_MODE_ONLY); 1: anyone.
 */
#define UNPRIV_SYSCTL	PROC "/sys/vm/unprivileged_userfaultfd"

LT_CASE(unprivileged_sysctl)
{
	char saved[8] = "0";
	int fd = open(UNPRIV_SYSCTL, O_RDONLY), n;

	LT_CHECK(fd >= 0);
	n = read(fd, saved, sizeof(saved) - 1);
	close(fd);
	LT_CHECK(n > 0);
	saved[n] = 0;
	LT_CHECK_OK(write_sysctl(UNPRIV_SYSCTL, "0"));
	LT_CHECK_EQ(unprivileged_try(O_CLOEXEC), EPERM);
	LT_CHECK_EQ(unprivileged_try(O_CLOEXEC | UFFD_USER_MODE_ONLY), 0);
	LT_CHECK_OK(write_sysctl(UNPRIV_SYSCTL, "1"));
	LT_CHECK_EQ(unprivileged_try(O_CLOEXEC), 0);
	LT_CHECK_ERR(write_sysctl(UNPRIV_SYSCTL, "2"), EINVAL);
	LT_CHECK_OK(write_sysctl(UNPRIV_SYSCTL, saved));
	/* Root has CAP_SYS_PTRACE: always allowed. */
	fd = syscall(SYS_userfaultfd, O_CLOEXEC);
	LT_CHECK(fd >= 0);
	close(fd);
}

LT_CASE(bad_input)
{
	struct uffdio_api api = { .api = 0 };
	struct uffd_msg msg;
	uint64_t small;
	char *area = map_anon(3 * PAGE), *hole;
	int fd = syscall(SYS_userfaultfd, O_NONBLOCK);
	struct pollfd p = { .fd = fd, .events = POLLIN };

	LT_CHECK(area && fd >= 0);
	LT_CHECK_ERR(syscall(SYS_userfaultfd, 0x100), EINVAL);
	LT_CHECK_ERR(syscall(SYS_userfaultfd, O_RDWR), EINVAL);
	/* Before UFFDIO_API: nothing works yet. */
	LT_CHECK_ERR(read(fd, &msg, sizeof(msg)), EINVAL);
	LT_CHECK_ERR(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL), EINVAL);
	LT_CHECK_EQ(poll(&p, 1, 0), 1);
	LT_CHECK(p.revents & POLLERR);
	LT_CHECK_ERR(ioctl(fd, UFFDIO_API, KERNEL_PTR), EFAULT);
	LT_CHECK_ERR(ioctl(fd, UFFDIO_API, &api), EINVAL);
	api.api = UFFD_API;
	api.features = 1ULL << 63;
	LT_CHECK_ERR(ioctl(fd, UFFDIO_API, &api), EINVAL);
	LT_CHECK_EQ(api.api, 0);		/* a refusal clears the answer */
	api.api = UFFD_API;
	api.features = 0;
	LT_CHECK_OK(ioctl(fd, UFFDIO_API, &api));
	LT_CHECK(api.ioctls & (1ULL << 0x3F));
	LT_CHECK_ERR(ioctl(fd, UFFDIO_API, &api), EINVAL);	/* only once */
	LT_CHECK_ERR(read(fd, &small, sizeof(small)), EINVAL);	/* short buffer */
	LT_CHECK_ERR(read(fd, KERNEL_PTR, sizeof(msg)), EFAULT);
	LT_CHECK_ERR(ioctl(fd, _IO(0xAA, 0x30), 0), EINVAL);

	/* Ranges. */
	LT_CHECK_ERR(reg(fd, area + 1, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL), EINVAL);
	LT_CHECK_ERR(reg(fd, area, PAGE - 1, UFFDIO_REGISTER_MODE_MISSING, NULL), EINVAL);
	LT_CHECK_ERR(reg(fd, area, 0, UFFDIO_REGISTER_MODE_MISSING, NULL), EINVAL);
	LT_CHECK_ERR(reg(fd, area, PAGE, 0, NULL), EINVAL);
	LT_CHECK_ERR(reg(fd, area, PAGE, 8, NULL), EINVAL);
	LT_CHECK_ERR(reg(fd, KERNEL_PTR, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL), EINVAL);
	LT_CHECK_ERR(reg(fd, (void *)PAGE, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL), EINVAL);
	LT_CHECK_ERR(ioctl(fd, UFFDIO_REGISTER, KERNEL_PTR), EFAULT);
	/* Minor faults need a file that has pages: not anonymous memory. */
	LT_CHECK_ERR(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MINOR, NULL), EINVAL);
	/* The vDSO is the kernel's: no area of anonymous memory or tmpfs. */
	void *vdso = (void *)getauxval(AT_SYSINFO_EHDR);
	LT_CHECK(vdso != NULL);
	LT_CHECK_ERR(reg(fd, vdso, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL), EINVAL);
	/* A sealed memfd mapped read-only can never be written: EPERM. */
	int mfd = memfd_create("uffd-sealed", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	LT_CHECK(mfd >= 0);
	LT_CHECK_OK(ftruncate(mfd, PAGE));
	LT_CHECK_OK(fcntl(mfd, F_ADD_SEALS, F_SEAL_WRITE));
	void *sealed = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, mfd, 0);
	LT_CHECK(sealed != MAP_FAILED);
	LT_CHECK_ERR(reg(fd, sealed, PAGE, UFFDIO_REGISTER_MODE_MINOR, NULL), EPERM);
	munmap(sealed, PAGE);
	close(mfd);
	hole = area + PAGE;
	LT_CHECK_OK(munmap(hole, PAGE));
	LT_CHECK_ERR(reg(fd, hole, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL), EINVAL);

	/* Filling where nothing is registered, or from kernel memory. */
	struct uffdio_copy c = { (uintptr_t)area, (uintptr_t)area + 2 * PAGE, PAGE, 0, 0 };
	LT_CHECK_ERR(ioctl(fd, UFFDIO_COPY, &c), ENOENT);
	LT_CHECK_EQ(c.copy, -ENOENT);
	LT_CHECK_OK(reg(fd, area, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL));
	c.src = (uintptr_t)KERNEL_PTR;
	LT_CHECK_ERR(ioctl(fd, UFFDIO_COPY, &c), EFAULT);
	LT_CHECK_EQ(c.copy, -EFAULT);
	c.src = (uintptr_t)area + 2 * PAGE;
	c.mode = 4;
	LT_CHECK_ERR(ioctl(fd, UFFDIO_COPY, &c), EINVAL);
	c.mode = 0;
	c.dst = (uintptr_t)area + 1;
	LT_CHECK_ERR(ioctl(fd, UFFDIO_COPY, &c), EINVAL);
	LT_CHECK_ERR(ioctl(fd, UFFDIO_COPY, KERNEL_PTR), EFAULT);
	struct uffdio_zeropage z = { { (uintptr_t)area, PAGE }, 2, 0 };
	LT_CHECK_ERR(ioctl(fd, UFFDIO_ZEROPAGE, &z), EINVAL);
	/* Write protection on a range registered for missing pages only. */
	struct uffdio_writeprotect wp = { { (uintptr_t)area, PAGE }, UFFDIO_WRITEPROTECT_MODE_WP };
	LT_CHECK_ERR(ioctl(fd, UFFDIO_WRITEPROTECT, &wp), ENOENT);
	wp.mode = UFFDIO_WRITEPROTECT_MODE_WP | UFFDIO_WRITEPROTECT_MODE_DONTWAKE;
	LT_CHECK_ERR(ioctl(fd, UFFDIO_WRITEPROTECT, &wp), EINVAL);
	/* CONTINUE needs a minor-fault registration. */
	struct uffdio_continue cont = { { (uintptr_t)area, PAGE }, 0, 0 };
	LT_CHECK_ERR(ioctl(fd, UFFDIO_CONTINUE, &cont), EINVAL);
	struct uffdio_range r = { (uintptr_t)area, 0 };
	LT_CHECK_ERR(ioctl(fd, UFFDIO_WAKE, &r), EINVAL);
	LT_CHECK_ERR(ioctl(fd, UFFDIO_UNREGISTER, &r), EINVAL);
	r.len = PAGE;
	LT_CHECK_OK(ioctl(fd, UFFDIO_UNREGISTER, &r));
	/* Unregistered: the page faults in the ordinary way. */
	LT_CHECK_EQ(area[0], 0);
	LT_CHECK_ERR(read(fd, &msg, sizeof(msg)), EAGAIN);

	/* Another userfaultfd's range is taken. */
	int fd2 = new_uffd(O_NONBLOCK, 0);
	LT_CHECK(fd2 >= 0);
	LT_CHECK_OK(reg(fd, area + 2 * PAGE, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL));
	LT_CHECK_ERR(reg(fd2, area + 2 * PAGE, PAGE, UFFDIO_REGISTER_MODE_MISSING, NULL), EBUSY);
	close(fd2);
	close(fd);
	munmap(area, 3 * PAGE);
}

int main(void)
{
	lt_begin("userfaultfd");
	mkdir(PROC, 0755);
	if (mount("proc", PROC, "proc", 0, NULL))
		lt_note("cannot mount proc at " PROC);
	LT_RUN(missing_copy_and_zeropage);
	LT_RUN(exact_address_and_thread_id);
	LT_RUN(write_protect_round_trip);
	LT_RUN(minor_fault_continue);
	LT_RUN(missing_shmem_copy);
	LT_RUN(close_wakes_faulter);
	LT_RUN(fork_child_not_registered);
	LT_RUN(mremap_dontunmap_keeps_registration);
	LT_RUN(dev_userfaultfd);
	LT_RUN(user_mode_only_kernel_access);
	LT_RUN(unprivileged_sysctl);
	LT_RUN(signals_reach_a_waiting_fault);
	LT_RUN(bad_input);
	umount(PROC);
	rmdir(PROC);
	return lt_end();
}
