/*
 * io_uring through the raw system calls (no liburing): the rings mapped
 * from the ring fd, a NOP's user_data round trip, file reads and writes
 * (plain, vectored, at the file position), registered (fixed) buffers, a
 * pipe read that completes only after a later write (the worker path),
 * POLL_ADD and poll() on the ring fd, TIMEOUT by time and by count, a
 * full CQ ring (the overflow list, IORING_FEAT_NODROP), links, a chroot
 * honoured by a request sent to the worker, and the errno of bad input.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_io_uring"

/* <linux/io_uring.h>, the part used here (musl's headers do not carry it). */
struct sqe {
	uint8_t opcode, flags;
	uint16_t ioprio;
	int32_t fd;
	uint64_t off, addr;
	uint32_t len, op_flags;
	uint64_t user_data;
	uint16_t buf_index, personality;
	int32_t splice_fd_in;
	uint64_t addr3, pad;
};

struct cqe {
	uint64_t user_data;
	int32_t res;
	uint32_t flags;
};

struct sq_off { uint32_t head, tail, ring_mask, ring_entries, flags, dropped, array, resv1;
		uint64_t resv2; };
struct cq_off { uint32_t head, tail, ring_mask, ring_entries, overflow, cqes, flags, resv1;
		uint64_t resv2; };
struct params {
	uint32_t sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle, features, wq_fd,
		 resv[3];
	struct sq_off sq_off;
	struct cq_off cq_off;
};

enum { OP_NOP = 0, OP_READV = 1, OP_WRITEV = 2, OP_FSYNC = 3, OP_READ_FIXED = 4,
       OP_WRITE_FIXED = 5, OP_POLL_ADD = 6, OP_SENDMSG = 9, OP_TIMEOUT = 11, OP_OPENAT = 18,
       OP_CLOSE = 19, OP_READ = 22, OP_WRITE = 23 };
#define IOSQE_IO_LINK		(1U << 2)
#define IOSQE_ASYNC		(1U << 4)
#define SETUP_SQPOLL		(1U << 1)
#define SETUP_CQSIZE		(1U << 3)
#define FEAT_SINGLE_MMAP	(1U << 0)
#define FEAT_NODROP		(1U << 1)
#define ENTER_GETEVENTS		1U
#define SQ_CQ_OVERFLOW		(1U << 1)
#define OFF_SQ_RING		0ULL
#define OFF_CQ_RING		0x8000000ULL
#define OFF_SQES		0x10000000ULL
#define REGISTER_BUFFERS	0
#define UNREGISTER_BUFFERS	1

struct ring {
	int fd;
	struct params p;
	unsigned char *sq, *cq;
	size_t sq_size, cq_size;
	struct sqe *sqes;
	unsigned *sq_head, *sq_tail, *sq_mask, *sq_array, *sq_flags;
	unsigned *cq_head, *cq_tail, *cq_mask, *cq_overflow;
	struct cqe *cqes;
};

static long uring_setup(unsigned entries, struct params *p)
{
	return syscall(SYS_io_uring_setup, entries, p);
}

static long uring_enter(int fd, unsigned submit, unsigned min, unsigned flags)
{
	return syscall(SYS_io_uring_enter, fd, submit, min, flags, NULL, 0);
}

static long uring_register(int fd, unsigned op, void *arg, unsigned nr)
{
	return syscall(SYS_io_uring_register, fd, op, arg, nr);
}

static int ring_init(struct ring *r, unsigned entries, unsigned flags, unsigned cq_entries)
{
	memset(r, 0, sizeof(*r));
	r->p.flags = flags;
	r->p.cq_entries = cq_entries;
	r->fd = uring_setup(entries, &r->p);
	if (r->fd < 0)
		return -1;
	r->sq_size = r->p.sq_off.array + r->p.sq_entries * sizeof(unsigned);
	r->cq_size = r->p.cq_off.cqes + r->p.cq_entries * sizeof(struct cqe);
	r->sq = mmap(NULL, r->sq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
		     r->fd, OFF_SQ_RING);
	r->cq = mmap(NULL, r->cq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
		     r->fd, OFF_CQ_RING);
	r->sqes = mmap(NULL, r->p.sq_entries * sizeof(struct sqe), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_POPULATE, r->fd, OFF_SQES);
	if (r->sq == MAP_FAILED || r->cq == MAP_FAILED || r->sqes == MAP_FAILED)
		return -1;
	r->sq_head = (unsigned *)(r->sq + r->p.sq_off.head);
	r->sq_tail = (unsigned *)(r->sq + r->p.sq_off.tail);
	r->sq_mask = (unsigned *)(r->sq + r->p.sq_off.ring_mask);
	r->sq_array = (unsigned *)(r->sq + r->p.sq_off.array);
	r->sq_flags = (unsigned *)(r->sq + r->p.sq_off.flags);
	r->cq_head = (unsigned *)(r->cq + r->p.cq_off.head);
	r->cq_tail = (unsigned *)(r->cq + r->p.cq_off.tail);
	r->cq_mask = (unsigned *)(r->cq + r->p.cq_off.ring_mask);
	r->cq_overflow = (unsigned *)(r->cq + r->p.cq_off.overflow);
	r->cqes = (struct cqe *)(r->cq + r->p.cq_off.cqes);
	return 0;
}

static void ring_exit(struct ring *r)
{
	munmap(r->sqes, r->p.sq_entries * sizeof(struct sqe));
	munmap(r->cq, r->cq_size);
	munmap(r->sq, r->sq_size);
	close(r->fd);
}

/* The next free SQE, cleared, its index already in the SQ array; the tail moves on. */
static struct sqe *get_sqe(struct ring *r, uint8_t op, int fd, uint64_t user_data)
{
	unsigned tail = *r->sq_tail, idx = tail & *r->sq_mask;
	struct sqe *s = &r->sqes[idx];

	memset(s, 0, sizeof(*s));
	s->opcode = op;
	s->fd = fd;
	s->user_data = user_data;
	r->sq_array[idx] = idx;
	__atomic_store_n(r->sq_tail, tail + 1, __ATOMIC_RELEASE);
	return s;
}

/* Take one CQE; 0 if there was one. */
static int get_cqe(struct ring *r, struct cqe *out)
{
	unsigned head = *r->cq_head;

	if (head == __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE))
		return -1;
	*out = r->cqes[head & *r->cq_mask];
	__atomic_store_n(r->cq_head, head + 1, __ATOMIC_RELEASE);
	return 0;
}

static unsigned cq_ready(struct ring *r)
{
	return __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE) - *r->cq_head;
}

LT_CASE(setup_and_nop)
{
	struct ring r;
	struct cqe c;

	LT_CHECK_OK(ring_init(&r, 3, 0, 0));
	LT_CHECK_EQ(r.p.sq_entries, 4);		/* rounded up to a power of two */
	LT_CHECK_EQ(r.p.cq_entries, 8);		/* twice the SQ */
	LT_CHECK(r.p.features & FEAT_SINGLE_MMAP);
	LT_CHECK(r.p.features & FEAT_NODROP);
	LT_CHECK_EQ(*r.sq_mask, 3);
	LT_CHECK_EQ(*r.cq_mask, 7);
	LT_CHECK(fcntl(r.fd, F_GETFD) & FD_CLOEXEC);
	get_sqe(&r, OP_NOP, -1, 0xdeadbeefcafeULL);
	get_sqe(&r, OP_NOP, -1, 42);
	LT_CHECK_EQ(uring_enter(r.fd, 2, 2, ENTER_GETEVENTS), 2);
	LT_CHECK_EQ(*r.sq_head, 2);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 0xdeadbeefcafeULL);
	LT_CHECK_EQ(c.res, 0);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 42);
	LT_CHECK(get_cqe(&r, &c) < 0);
	/* CQSIZE: the CQ as asked, rounded up. */
	ring_exit(&r);
	LT_CHECK_OK(ring_init(&r, 4, SETUP_CQSIZE, 100));
	LT_CHECK_EQ(r.p.cq_entries, 128);
	ring_exit(&r);
}

LT_CASE(read_write_file)
{
	char out[] = "io_uring writes", in[32] = "", a[5] = "", b[10] = "";
	struct iovec iov[2] = { { a, 5 }, { b, 10 } };
	struct ring r;
	struct cqe c;
	int fd = open(D "/f", O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(ring_init(&r, 4, 0, 0));
	struct sqe *s = get_sqe(&r, OP_WRITE, fd, 1);
	s->addr = (uintptr_t)out;
	s->len = 15;
	s->off = 10;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, 15);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 25);
	s = get_sqe(&r, OP_READ, fd, 2);
	s->addr = (uintptr_t)in;
	s->len = sizeof(in);
	s->off = 10;
	s = get_sqe(&r, OP_READV, fd, 3);
	s->addr = (uintptr_t)iov;
	s->len = 2;
	s->off = 10;
	s = get_sqe(&r, OP_FSYNC, fd, 4);
	LT_CHECK_EQ(uring_enter(r.fd, 3, 3, ENTER_GETEVENTS), 3);
	/* Unlinked requests may complete in any order: each CQE by its user_data. */
	int res[5] = { -1, -1, -1, -1, -1 }, i;

	for (i = 0; i < 3; i++) {
		LT_CHECK_OK(get_cqe(&r, &c));
		LT_CHECK(c.user_data >= 2 && c.user_data <= 4);
		res[c.user_data] = c.res;
	}
	LT_CHECK_EQ(res[2], 15);
	LT_CHECK(!memcmp(in, out, 15));
	LT_CHECK_EQ(res[3], 15);
	LT_CHECK(!memcmp(a, "io_ur", 5) && !memcmp(b, "ing writes", 10));
	LT_CHECK_EQ(res[4], 0);
	/* Offset -1: the file position, which moves. */
	LT_CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	s = get_sqe(&r, OP_WRITE, fd, 5);
	s->addr = (uintptr_t)"head";
	s->len = 4;
	s->off = -1ULL;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, 4);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 4);
	/* A bad buffer: the CQE says EFAULT; a read on a write-only fd, EBADF. */
	s = get_sqe(&r, OP_READ, fd, 6);
	s->addr = 4096;
	s->len = 8;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EFAULT);
	int wfd = open(D "/f", O_WRONLY);

	s = get_sqe(&r, OP_READ, wfd, 7);
	s->addr = (uintptr_t)in;
	s->len = 8;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EBADF);
	close(wfd);
	ring_exit(&r);
	close(fd);
}

LT_CASE(fixed_buffers)
{
	char *buf = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec iov = { buf, 8192 };
	struct ring r;
	struct cqe c;
	int fd = open(D "/fixed", O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0 && buf != MAP_FAILED);
	LT_CHECK_OK(ring_init(&r, 4, 0, 0));
	LT_CHECK_ERR(uring_register(r.fd, UNREGISTER_BUFFERS, NULL, 0), ENXIO);
	LT_CHECK_ERR(uring_register(r.fd, REGISTER_BUFFERS, &iov, 0), EINVAL);
	LT_CHECK_ERR(uring_register(r.fd, REGISTER_BUFFERS, (void *)8, 1), EFAULT);
	LT_CHECK_OK(uring_register(r.fd, REGISTER_BUFFERS, &iov, 1));
	LT_CHECK_ERR(uring_register(r.fd, REGISTER_BUFFERS, &iov, 1), EBUSY);
	memset(buf, 'x', 4096);
	memcpy(buf + 4096, "fixed!", 6);
	struct sqe *s = get_sqe(&r, OP_WRITE_FIXED, fd, 1);
	s->addr = (uintptr_t)buf + 4094;	/* across the page boundary */
	s->len = 8;
	s->buf_index = 0;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, 8);
	char chk[8];

	LT_CHECK_EQ(pread(fd, chk, 8, 0), 8);
	LT_CHECK(!memcmp(chk, "xxfixed!", 8));
	memset(buf, 0, 8192);
	s = get_sqe(&r, OP_READ_FIXED, fd, 2);
	s->addr = (uintptr_t)buf + 100;
	s->len = 8;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, 8);
	LT_CHECK(!memcmp(buf + 100, "xxfixed!", 8));	/* seen through the program's mapping */
	/* Outside the registered range, or a buffer index not registered: EFAULT. */
	s = get_sqe(&r, OP_READ_FIXED, fd, 3);
	s->addr = (uintptr_t)buf + 8190;
	s->len = 8;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EFAULT);
	s = get_sqe(&r, OP_READ_FIXED, fd, 4);
	s->addr = (uintptr_t)buf;
	s->len = 8;
	s->buf_index = 1;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EFAULT);
	LT_CHECK_OK(uring_register(r.fd, UNREGISTER_BUFFERS, NULL, 0));
	ring_exit(&r);
	close(fd);
	munmap(buf, 8192);
}

/* A read of an empty pipe does not hold up io_uring_enter: a later write completes it. */
LT_CASE(pipe_async)
{
	char in[16] = "";
	struct ring r;
	struct cqe c;
	int p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(ring_init(&r, 4, 0, 0));
	struct sqe *s = get_sqe(&r, OP_READ, p[0], 77);
	s->addr = (uintptr_t)in;
	s->len = sizeof(in);
	LT_CHECK_EQ(uring_enter(r.fd, 1, 0, 0), 1);	/* returns, nothing to read yet */
	usleep(50000);
	LT_CHECK_EQ(cq_ready(&r), 0);
	struct pollfd pfd = { r.fd, POLLIN, 0 };

	LT_CHECK_EQ(poll(&pfd, 1, 0), 0);
	LT_CHECK_EQ(write(p[1], "later", 5), 5);
	LT_CHECK_EQ(poll(&pfd, 1, 5000), 1);		/* the ring fd says a CQE waits */
	LT_CHECK(pfd.revents & POLLIN);
	LT_CHECK_EQ(uring_enter(r.fd, 0, 1, ENTER_GETEVENTS), 0);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 77);
	LT_CHECK_EQ(c.res, 5);
	LT_CHECK(!memcmp(in, "later", 5));
	/* IOSQE_ASYNC: straight to the worker, same answer. */
	LT_CHECK_EQ(write(p[1], "async", 5), 5);
	s = get_sqe(&r, OP_READ, p[0], 78);
	s->addr = (uintptr_t)in;
	s->len = sizeof(in);
	s->flags = IOSQE_ASYNC;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, 5);
	LT_CHECK(!memcmp(in, "async", 5));
	/* A read still waiting when the ring closes is cancelled cleanly. */
	s = get_sqe(&r, OP_READ, p[0], 79);
	s->addr = (uintptr_t)in;
	s->len = sizeof(in);
	LT_CHECK_EQ(uring_enter(r.fd, 1, 0, 0), 1);
	ring_exit(&r);
	close(p[0]);
	close(p[1]);
}

LT_CASE(poll_add)
{
	struct ring r;
	struct cqe c;
	int p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(ring_init(&r, 4, 0, 0));
	struct sqe *s = get_sqe(&r, OP_POLL_ADD, p[0], 5);
	s->op_flags = POLLIN;
	s = get_sqe(&r, OP_POLL_ADD, p[1], 6);
	s->op_flags = POLLOUT;
	LT_CHECK_EQ(uring_enter(r.fd, 2, 1, ENTER_GETEVENTS), 2);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 6);			/* the writable end, at once */
	LT_CHECK(c.res & POLLOUT);
	LT_CHECK(get_cqe(&r, &c) < 0);
	LT_CHECK_EQ(write(p[1], "x", 1), 1);
	LT_CHECK_EQ(uring_enter(r.fd, 0, 1, ENTER_GETEVENTS), 0);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 5);
	LT_CHECK_EQ(c.res & (POLLIN | POLLOUT), POLLIN);
	ring_exit(&r);
	close(p[0]);
	close(p[1]);
}

LT_CASE(timeout)
{
	struct timespec ts = { 0, 100 * 1000 * 1000 }, t0, t1;
	struct ring r;
	struct cqe c;

	LT_CHECK_OK(ring_init(&r, 4, 0, 0));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct sqe *s = get_sqe(&r, OP_TIMEOUT, -1, 9);
	s->addr = (uintptr_t)&ts;
	s->len = 1;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 9);
	LT_CHECK_EQ(c.res, -ETIME);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;

	LT_CHECK(ms >= 90 && ms < 5000);
	/* With a count: two NOPs complete it before its (long) time. */
	ts.tv_sec = 10;
	s = get_sqe(&r, OP_TIMEOUT, -1, 10);
	s->addr = (uintptr_t)&ts;
	s->len = 1;
	s->off = 2;
	get_sqe(&r, OP_NOP, -1, 11);
	get_sqe(&r, OP_NOP, -1, 12);
	LT_CHECK_EQ(uring_enter(r.fd, 3, 3, ENTER_GETEVENTS), 3);
	int seen = 0;

	while (!get_cqe(&r, &c))
		if (c.user_data == 10) {
			LT_CHECK_EQ(c.res, 0);
			seen = 1;
		}
	LT_CHECK(seen);
	/* Bad timeouts: len must be 1, the timespec must be readable. */
	s = get_sqe(&r, OP_TIMEOUT, -1, 13);
	s->addr = (uintptr_t)&ts;
	s->len = 2;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EINVAL);
	s = get_sqe(&r, OP_TIMEOUT, -1, 14);
	s->addr = 8;
	s->len = 1;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EFAULT);
	ring_exit(&r);
}

/* More completions than the CQ holds: they wait (NODROP), in order, none lost. */
LT_CASE(overflow)
{
	struct ring r;
	struct cqe c;
	unsigned i, n = 0;

	LT_CHECK_OK(ring_init(&r, 4, 0, 0));		/* CQ of 8 */
	for (i = 0; i < 3; i++) {
		for (unsigned j = 0; j < 4; j++)
			get_sqe(&r, OP_NOP, -1, 100 + i * 4 + j);
		LT_CHECK_EQ(uring_enter(r.fd, 4, 0, 0), 4);
	}
	LT_CHECK_EQ(cq_ready(&r), 8);
	LT_CHECK(*r.sq_flags & SQ_CQ_OVERFLOW);
	while (!get_cqe(&r, &c))
		LT_CHECK_EQ(c.user_data, 100 + n++);
	LT_CHECK_EQ(uring_enter(r.fd, 0, 1, ENTER_GETEVENTS), 0);
	while (!get_cqe(&r, &c))
		LT_CHECK_EQ(c.user_data, 100 + n++);
	LT_CHECK_EQ(n, 12);
	LT_CHECK_EQ(*r.cq_overflow, 0);
	LT_CHECK(!(*r.sq_flags & SQ_CQ_OVERFLOW));
	ring_exit(&r);
}

/* A link: the write, then the read of what it wrote; a failure cancels the rest. */
LT_CASE(link)
{
	char in[8] = "";
	struct ring r;
	struct cqe c;
	int fd = open(D "/link", O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(ring_init(&r, 4, 0, 0));
	struct sqe *s = get_sqe(&r, OP_WRITE, fd, 1);
	s->addr = (uintptr_t)"chain";
	s->len = 5;
	s->flags = IOSQE_IO_LINK;
	s = get_sqe(&r, OP_READ, fd, 2);
	s->addr = (uintptr_t)in;
	s->len = 5;
	LT_CHECK_EQ(uring_enter(r.fd, 2, 2, ENTER_GETEVENTS), 2);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 1);
	LT_CHECK_EQ(c.res, 5);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 2);
	LT_CHECK_EQ(c.res, 5);
	LT_CHECK(!memcmp(in, "chain", 5));
	s = get_sqe(&r, OP_READ, fd, 3);
	s->addr = 4096;			/* fails */
	s->len = 5;
	s->flags = IOSQE_IO_LINK;
	get_sqe(&r, OP_NOP, -1, 4);
	LT_CHECK_EQ(uring_enter(r.fd, 2, 2, ENTER_GETEVENTS), 2);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 3);
	LT_CHECK_EQ(c.res, -EFAULT);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.user_data, 4);
	LT_CHECK_EQ(c.res, -ECANCELED);
	ring_exit(&r);
	close(fd);
}

/* In a chroot, an open run by the worker (IOSQE_ASYNC) sees the chroot's root. */
static int chroot_child(void)
{
	struct ring r;
	struct cqe c;
	int i;

	if (chroot(D "/root") || chdir("/"))
		return 1;
	if (ring_init(&r, 4, 0, 0))
		return 2;
	for (i = 0; i < 2; i++) {
		struct sqe *s = get_sqe(&r, OP_OPENAT, AT_FDCWD, i);

		s->addr = (uintptr_t)D "/outside";	/* exists only outside the chroot */
		s->op_flags = O_RDONLY;
		s->flags = i ? IOSQE_ASYNC : 0;
	}
	if (uring_enter(r.fd, 2, 2, ENTER_GETEVENTS) != 2)
		return 3;
	for (i = 0; i < 2; i++)
		if (get_cqe(&r, &c) || c.res != -ENOENT)
			return 4 + i;
	struct sqe *s = get_sqe(&r, OP_OPENAT, AT_FDCWD, 9);

	s->addr = (uintptr_t)"/inside";
	s->flags = IOSQE_ASYNC;
	if (uring_enter(r.fd, 1, 1, ENTER_GETEVENTS) != 1 || get_cqe(&r, &c) || c.res < 0)
		return 6;
	s = get_sqe(&r, OP_CLOSE, c.res, 10);
	if (uring_enter(r.fd, 1, 1, ENTER_GETEVENTS) != 1 || get_cqe(&r, &c) || c.res != 0)
		return 7;
	return 0;
}

LT_CASE(chroot_honoured)
{
	pid_t pid;

	LT_CHECK_OK(mkdir(D "/root", 0755));
	LT_CHECK_OK(close(open(D "/outside", O_CREAT | O_WRONLY, 0644)));
	LT_CHECK_OK(close(open(D "/root/inside", O_CREAT | O_WRONLY, 0644)));
	pid = fork();
	if (pid == 0)
		_exit(chroot_child());
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(bad_input)
{
	struct params p;
	struct ring r;
	struct cqe c;
	int p2[2];

	memset(&p, 0, sizeof(p));
	LT_CHECK_ERR(uring_setup(0, &p), EINVAL);
	LT_CHECK_ERR(uring_setup(65536, &p), EINVAL);		/* past 32768, no CLAMP */
	LT_CHECK_ERR(uring_setup(4, NULL), EFAULT);
	LT_CHECK_ERR(uring_setup(4, (struct params *)0xffffffff80000000UL), EFAULT);
	p.flags = SETUP_SQPOLL << 20;
	LT_CHECK_ERR(uring_setup(4, &p), EINVAL);
	memset(&p, 0, sizeof(p));
	p.resv[1] = 1;
	LT_CHECK_ERR(uring_setup(4, &p), EINVAL);
	memset(&p, 0, sizeof(p));
	p.flags = SETUP_CQSIZE;				/* cq_entries 0 */
	LT_CHECK_ERR(uring_setup(4, &p), EINVAL);
	p.cq_entries = 2;				/* smaller than the SQ */
	LT_CHECK_ERR(uring_setup(4, &p), EINVAL);

	LT_CHECK_ERR(uring_enter(-1, 0, 0, 0), EBADF);
	LT_CHECK_ERR(uring_enter(0x7fff, 1, 0, 0), EBADF);
	LT_CHECK_OK(pipe(p2));
	LT_CHECK_ERR(uring_enter(p2[0], 1, 0, 0), EOPNOTSUPP);
	LT_CHECK_ERR(uring_register(p2[0], REGISTER_BUFFERS, NULL, 0), EOPNOTSUPP);
	LT_CHECK_ERR(uring_register(-1, REGISTER_BUFFERS, NULL, 0), EBADF);
	close(p2[0]);
	close(p2[1]);

	LT_CHECK_OK(ring_init(&r, 4, 0, 0));
	LT_CHECK_ERR(uring_register(r.fd, 9999, NULL, 0), EINVAL);
	/* No region at that offset: ENOMEM (as Debian's 6.1). */
	LT_CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, r.fd, 0x4000000) == MAP_FAILED);
	LT_CHECK_EQ(errno, ENOMEM);
	/* Bad SQEs: the CQE carries the error; io_uring_enter still counts them. */
	get_sqe(&r, 250, -1, 1);			/* no such opcode */
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EINVAL);
	get_sqe(&r, OP_READ, 9999, 2);			/* no such fd */
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EBADF);
	struct sqe *s = get_sqe(&r, OP_NOP, -1, 3);
	s->flags = 0x80;				/* an SQE flag that does not exist */
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EINVAL);
	/* A kernel address as a buffer or an iovec array. */
	int fd = open(D "/bad", O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK_EQ(write(fd, "data", 4), 4);
	s = get_sqe(&r, OP_READ, fd, 4);
	s->addr = 0xffffffff81000000UL;
	s->len = 4;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EFAULT);
	s = get_sqe(&r, OP_READV, fd, 5);
	s->addr = 0xffffffff81000000UL;
	s->len = 1;
	LT_CHECK_EQ(uring_enter(r.fd, 1, 1, ENTER_GETEVENTS), 1);
	LT_CHECK_OK(get_cqe(&r, &c));
	LT_CHECK_EQ(c.res, -EFAULT);
	close(fd);
	ring_exit(&r);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* A wait for completions that never come ends with a signal: EINTR. */
LT_CASE(wait_interrupted)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct ring r;

	LT_CHECK_OK(ring_init(&r, 4, 0, 0));
	LT_CHECK_OK(sigaction(SIGALRM, &sa, NULL));
	alarm(1);
	LT_CHECK_ERR(uring_enter(r.fd, 0, 1, ENTER_GETEVENTS), EINTR);
	signal(SIGALRM, SIG_DFL);
	ring_exit(&r);
}

/* A process that exits with a read still waiting leaves nothing behind. */
LT_CASE(exit_with_pending)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct ring r;
		char buf[8];
		int p[2];

		if (pipe(p) || ring_init(&r, 4, 0, 0))
			_exit(1);
		struct sqe *s = get_sqe(&r, OP_READ, p[0], 1);

		s->addr = (uintptr_t)buf;
		s->len = sizeof(buf);
		if (uring_enter(r.fd, 1, 0, 0) != 1)
			_exit(2);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* /proc/sys/kernel/io_uring_disabled (Linux 6.6+; absent on 6.1: nothing to check). */
static int write_disabled(const char *v)
{
	int fd = open("/proc/sys/kernel/io_uring_disabled", O_WRONLY);
	int ok;

	if (fd < 0)
		return -1;
	ok = write(fd, v, strlen(v)) == (ssize_t)strlen(v);
	close(fd);
	return ok ? 0 : -1;
}

LT_CASE(sysctl_disabled)
{
	struct params p;
	long fd;

	if (access("/proc/sys/kernel/io_uring_disabled", F_OK))
		return;
	LT_CHECK_OK(write_disabled("2"));
	memset(&p, 0, sizeof(p));
	LT_CHECK_ERR(uring_setup(4, &p), EPERM);
	LT_CHECK_OK(write_disabled("1"));		/* root keeps it */
	memset(&p, 0, sizeof(p));
	fd = uring_setup(4, &p);
	LT_CHECK(fd >= 0);
	close(fd);
	LT_CHECK(write_disabled("3") < 0);
	LT_CHECK_OK(write_disabled("0"));
}

int main(void)
{
	lt_begin("io_uring");
	if (lt_fs_setup(D)) {
		lt_note("cannot make %s: %s", D, lt_errname(errno));
		return 1;
	}
	LT_RUN(setup_and_nop);
	LT_RUN(read_write_file);
	LT_RUN(fixed_buffers);
	LT_RUN(pipe_async);
	LT_RUN(poll_add);
	LT_RUN(timeout);
	LT_RUN(overflow);
	LT_RUN(link);
	LT_RUN(chroot_honoured);
	LT_RUN(bad_input);
	LT_RUN(wait_interrupted);
	LT_RUN(exit_with_pending);
	LT_RUN(sysctl_disabled);
	lt_fs_cleanup(D);
	return lt_end();
}
