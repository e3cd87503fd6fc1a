/*
 * Native AIO (io_setup, io_submit, io_getevents, io_pgetevents,
 * io_cancel, io_destroy): reads, writes, vectors and fsyncs completing
 * into the ring, the ring header libaio reads at the context's address
 * (and takes events from without a system call), eventfd notification,
 * asynchronous polls and their cancellation, a full ring, a context not
 * inherited by fork, and the errno of every bad argument.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_aio"

/* <linux/aio_abi.h> (musl's headers do not carry it). */
typedef unsigned long aio_context_t;

enum { IOCB_CMD_PREAD = 0, IOCB_CMD_PWRITE = 1, IOCB_CMD_FSYNC = 2, IOCB_CMD_FDSYNC = 3,
       IOCB_CMD_POLL = 5, IOCB_CMD_NOOP = 6, IOCB_CMD_PREADV = 7, IOCB_CMD_PWRITEV = 8 };
#define IOCB_FLAG_RESFD	1

struct io_event {
	uint64_t data, obj;
	int64_t res, res2;
};

struct iocb {
	uint64_t aio_data;
	uint32_t aio_key;
	int32_t aio_rw_flags;
	uint16_t aio_lio_opcode;
	int16_t aio_reqprio;
	uint32_t aio_fildes;
	uint64_t aio_buf, aio_nbytes;
	int64_t aio_offset;
	uint64_t aio_reserved2;
	uint32_t aio_flags, aio_resfd;
};

/* The ring header at the context's address (what libaio reads). */
struct aio_ring {
	unsigned int id, nr, head, tail, magic, compat_features, incompat_features,
		     header_length;
	struct io_event io_events[];
};

static long io_setup(unsigned int nr, aio_context_t *ctx)
{
	return syscall(SYS_io_setup, nr, ctx);
}

static long io_destroy(aio_context_t ctx)
{
	return syscall(SYS_io_destroy, ctx);
}

static long io_submit(aio_context_t ctx, long nr, struct iocb **iocbs)
{
	return syscall(SYS_io_submit, ctx, nr, iocbs);
}

static long io_getevents(aio_context_t ctx, long min, long nr, struct io_event *ev,
			 struct timespec *ts)
{
	return syscall(SYS_io_getevents, ctx, min, nr, ev, ts);
}

static long io_cancel(aio_context_t ctx, struct iocb *iocb, struct io_event *ev)
{
	return syscall(SYS_io_cancel, ctx, iocb, ev);
}

static void prep(struct iocb *cb, int op, int fd, void *buf, size_t n, long long off)
{
	memset(cb, 0, sizeof(*cb));
	cb->aio_lio_opcode = op;
	cb->aio_fildes = fd;
	cb->aio_buf = (uintptr_t)buf;
	cb->aio_nbytes = n;
	cb->aio_offset = off;
	cb->aio_data = 0x1234000 + op;
}

LT_CASE(setup_and_ring)
{
	aio_context_t ctx = 0;
	struct aio_ring *ring;

	LT_CHECK_OK(io_setup(8, &ctx));
	LT_CHECK(ctx != 0);
	ring = (struct aio_ring *)ctx;
	LT_CHECK_EQ(ring->magic, 0xa10a10a1);
	LT_CHECK_EQ(ring->header_length, sizeof(struct aio_ring));
	LT_CHECK(ring->nr >= 8);
	LT_CHECK_EQ(ring->head, ring->tail);
	LT_CHECK_ERR(io_setup(8, &ctx), EINVAL);		/* *ctxp must be 0 */
	LT_CHECK_OK(io_destroy(ctx));
	LT_CHECK_ERR(io_destroy(ctx), EINVAL);
	ctx = 0;
	LT_CHECK_ERR(io_setup(0, &ctx), EINVAL);
	LT_CHECK_ERR(io_setup(-1, &ctx), EINVAL);
	LT_CHECK_ERR(io_setup(1, NULL), EFAULT);
	LT_CHECK_ERR(io_setup(1, (aio_context_t *)8), EFAULT);
	LT_CHECK_ERR(io_setup(1000000, &ctx), EAGAIN);	/* past aio-max-nr */
}

LT_CASE(read_write_events)
{
	char wbuf[] = "asynchronous", rbuf[32] = "", a[4], b[8];
	struct iocb w, r, v, *list[1];
	struct io_event ev[4];
	struct iovec iov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct timespec ts = { 5, 0 };
	aio_context_t ctx = 0;
	int fd = open(D "/f", O_RDWR | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(io_setup(4, &ctx));
	prep(&w, IOCB_CMD_PWRITE, fd, wbuf, 12, 100);
	w.aio_key = 77;			/* io_submit sets it to 0 */
	list[0] = &w;
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_EQ(w.aio_key, 0);
	LT_CHECK_EQ(io_getevents(ctx, 1, 4, ev, &ts), 1);
	LT_CHECK_EQ(ev[0].res, 12);
	LT_CHECK_EQ(ev[0].data, 0x1234000 + IOCB_CMD_PWRITE);
	LT_CHECK_EQ(ev[0].obj, (uintptr_t)&w);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_END), 112);
	LT_CHECK_EQ(lseek(fd, 0, SEEK_CUR), 112);	/* the file position is not used */
	prep(&r, IOCB_CMD_PREAD, fd, rbuf, sizeof(rbuf), 100);
	list[0] = &r;
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_EQ(io_getevents(ctx, 1, 4, ev, &ts), 1);
	LT_CHECK_EQ(ev[0].res, 12);
	LT_CHECK(!memcmp(rbuf, "asynchronous", 12));
	/* A vector: four bytes, then eight. */
	prep(&v, IOCB_CMD_PREADV, fd, iov, 2, 100);
	list[0] = &v;
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_EQ(io_getevents(ctx, 1, 4, ev, &ts), 1);
	LT_CHECK_EQ(ev[0].res, 12);
	LT_CHECK(!memcmp(a, "asyn", 4) && !memcmp(b, "chronous", 8));
	/* A read from an unmapped buffer: the event carries EFAULT. */
	prep(&r, IOCB_CMD_PREAD, fd, (void *)4096, 8, 100);
	list[0] = &r;
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_EQ(io_getevents(ctx, 1, 4, ev, &ts), 1);
	LT_CHECK_EQ(ev[0].res, -EFAULT);
	/* fsync and fdatasync. */
	prep(&w, IOCB_CMD_FSYNC, fd, NULL, 0, 0);
	prep(&r, IOCB_CMD_FDSYNC, fd, NULL, 0, 0);
	struct iocb *two[2] = { &w, &r };
	LT_CHECK_EQ(io_submit(ctx, 2, two), 2);
	LT_CHECK_EQ(io_getevents(ctx, 2, 4, ev, &ts), 2);
	LT_CHECK_EQ(ev[0].res, 0);
	LT_CHECK_EQ(ev[1].res, 0);
	/* Nothing more: a zero timeout returns at once. */
	ts.tv_sec = 0;
	LT_CHECK_EQ(io_getevents(ctx, 1, 4, ev, &ts), 0);
	LT_CHECK_OK(io_destroy(ctx));
	close(fd);
}

/* What libaio does: take events straight from the ring, moving its head. */
LT_CASE(ring_in_user_space)
{
	char buf[8];
	struct iocb r[3], *list[3] = { &r[0], &r[1], &r[2] };
	aio_context_t ctx = 0;
	struct aio_ring *ring;
	struct io_event ev;
	int fd = open(D "/g", O_RDWR | O_CREAT | O_TRUNC, 0644), i;

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, "12345678", 8), 8);
	LT_CHECK_OK(io_setup(4, &ctx));
	ring = (struct aio_ring *)ctx;
	for (i = 0; i < 3; i++)
		prep(&r[i], IOCB_CMD_PREAD, fd, buf, 8, i);
	LT_CHECK_EQ(io_submit(ctx, 3, list), 3);
	LT_CHECK_EQ((ring->tail - ring->head + ring->nr) % ring->nr, 3);
	ev = ring->io_events[ring->head];
	LT_CHECK_EQ(ev.obj, (uintptr_t)&r[0]);
	LT_CHECK_EQ(ev.res, 8);
	ring->head = (ring->head + 1) % ring->nr;	/* consumed without a system call */
	struct io_event rest[3];
	LT_CHECK_EQ(io_getevents(ctx, 0, 3, rest, NULL), 2);
	LT_CHECK_EQ(rest[0].obj, (uintptr_t)&r[1]);
	LT_CHECK_EQ(rest[0].res, 7);
	LT_CHECK_EQ(rest[1].res, 6);
	LT_CHECK_EQ(ring->head, ring->tail);
	LT_CHECK_OK(io_destroy(ctx));
	close(fd);
}

LT_CASE(eventfd_notification)
{
	struct iocb w, *list[1] = { &w };
	struct io_event ev;
	aio_context_t ctx = 0;
	uint64_t n = 0;
	int fd = open(D "/h", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int efd = eventfd(0, EFD_NONBLOCK);

	LT_CHECK(fd >= 0 && efd >= 0);
	LT_CHECK_OK(io_setup(4, &ctx));
	prep(&w, IOCB_CMD_PWRITE, fd, "x", 1, 0);
	w.aio_flags = IOCB_FLAG_RESFD;
	w.aio_resfd = efd;
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_EQ(read(efd, &n, 8), 8);
	LT_CHECK_EQ(n, 1);
	LT_CHECK_EQ(io_getevents(ctx, 1, 1, &ev, NULL), 1);
	/* A RESFD that is not an eventfd, or no file at all. */
	w.aio_resfd = fd;
	LT_CHECK_ERR(io_submit(ctx, 1, list), EINVAL);
	w.aio_resfd = 999;
	LT_CHECK_ERR(io_submit(ctx, 1, list), EBADF);
	LT_CHECK_OK(io_destroy(ctx));
	close(efd);
	close(fd);
}

LT_CASE(poll_and_cancel)
{
	struct iocb pr, pw, *list[1];
	struct io_event ev;
	struct timespec zero = { 0, 0 }, ts = { 5, 0 };
	aio_context_t ctx = 0;
	int p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(io_setup(4, &ctx));
	/* Not readable yet: the poll stays pending. */
	prep(&pr, IOCB_CMD_POLL, p[0], (void *)(uintptr_t)POLLIN, 0, 0);
	list[0] = &pr;
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_EQ(io_getevents(ctx, 1, 1, &ev, &zero), 0);
	LT_CHECK_EQ(write(p[1], "!", 1), 1);
	LT_CHECK_EQ(io_getevents(ctx, 1, 1, &ev, &ts), 1);
	LT_CHECK_EQ(ev.obj, (uintptr_t)&pr);
	LT_CHECK(ev.res & POLLIN);
	/* Already writable: answered at once. */
	prep(&pw, IOCB_CMD_POLL, p[1], (void *)(uintptr_t)POLLOUT, 0, 0);
	list[0] = &pw;
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_EQ(io_getevents(ctx, 1, 1, &ev, &ts), 1);
	LT_CHECK(ev.res & POLLOUT);
	/* A pending poll cancelled: "in progress", and its event arrives. */
	char c;
	LT_CHECK_EQ(read(p[0], &c, 1), 1);
	prep(&pr, IOCB_CMD_POLL, p[0], (void *)(uintptr_t)POLLIN, 0, 0);
	list[0] = &pr;
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_ERR(io_cancel(ctx, &pr, &ev), EINPROGRESS);
	LT_CHECK_EQ(io_getevents(ctx, 1, 1, &ev, &ts), 1);
	LT_CHECK_EQ(ev.obj, (uintptr_t)&pr);
	LT_CHECK_EQ(ev.res, 0);
	LT_CHECK_ERR(io_cancel(ctx, &pr, &ev), EINVAL);	/* nothing pending now */
	/* Bad poll requests. */
	prep(&pr, IOCB_CMD_POLL, p[0], (void *)(uintptr_t)0x10000, 0, 0);
	LT_CHECK_ERR(io_submit(ctx, 1, list), EINVAL);
	prep(&pr, IOCB_CMD_POLL, p[0], (void *)(uintptr_t)POLLIN, 1, 0);
	LT_CHECK_ERR(io_submit(ctx, 1, list), EINVAL);
	/* io_destroy with a poll still pending. */
	prep(&pr, IOCB_CMD_POLL, p[0], (void *)(uintptr_t)POLLIN, 0, 0);
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_OK(io_destroy(ctx));
	close(p[0]);
	close(p[1]);
}

/* Requests reserve ring slots: past them io_submit says EAGAIN. */
LT_CASE(full_ring)
{
	static struct iocb cb[300];
	static struct iocb *list[300];
	aio_context_t ctx = 0;
	long n, i;
	int p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(io_setup(1, &ctx));
	for (i = 0; i < 300; i++) {
		prep(&cb[i], IOCB_CMD_POLL, p[0], (void *)(uintptr_t)POLLIN, 0, 0);
		list[i] = &cb[i];
	}
	n = io_submit(ctx, 300, list);
	LT_CHECK(n >= 1 && n < 300);
	LT_CHECK_ERR(io_submit(ctx, 1, list + n), EAGAIN);
	LT_CHECK_OK(io_destroy(ctx));
	close(p[0]);
	close(p[1]);
}

LT_CASE(bad_arguments)
{
	struct iocb cb, *list[1] = { &cb }, *null_list[1] = { NULL };
	struct io_event ev;
	struct timespec short_wait = { 0, 1000000 };
	aio_context_t ctx = 0;
	int fd = open(D "/ro", O_RDONLY | O_CREAT, 0644), wfd = open(D "/wo", O_WRONLY | O_CREAT, 0644);
	char buf[8];

	LT_CHECK(fd >= 0 && wfd >= 0);
	LT_CHECK_OK(io_setup(4, &ctx));
	prep(&cb, IOCB_CMD_PREAD, fd, buf, 8, 0);
	LT_CHECK_ERR(io_submit(12345, 1, list), EINVAL);	/* no such context */
	LT_CHECK_ERR(io_submit(ctx, -1, list), EINVAL);
	LT_CHECK_EQ(io_submit(ctx, 0, list), 0);
	LT_CHECK_ERR(io_submit(ctx, 1, (struct iocb **)-1), EFAULT);
	LT_CHECK_ERR(io_submit(ctx, 1, null_list), EFAULT);
	prep(&cb, IOCB_CMD_PREAD, -1, buf, 8, 0);
	LT_CHECK_ERR(io_submit(ctx, 1, list), EBADF);
	prep(&cb, IOCB_CMD_PWRITE, fd, buf, 8, 0);
	LT_CHECK_ERR(io_submit(ctx, 1, list), EBADF);		/* read-only file */
	prep(&cb, IOCB_CMD_PREAD, wfd, buf, 8, 0);
	LT_CHECK_ERR(io_submit(ctx, 1, list), EBADF);		/* write-only file */
	prep(&cb, IOCB_CMD_NOOP, fd, buf, 8, 0);
	LT_CHECK_ERR(io_submit(ctx, 1, list), EINVAL);
	prep(&cb, 42, fd, buf, 8, 0);
	LT_CHECK_ERR(io_submit(ctx, 1, list), EINVAL);
	prep(&cb, IOCB_CMD_PREAD, fd, buf, 8, 0);
	cb.aio_reserved2 = 1;
	LT_CHECK_ERR(io_submit(ctx, 1, list), EINVAL);
	prep(&cb, IOCB_CMD_PREAD, fd, buf, (size_t)-1, 0);
	LT_CHECK_ERR(io_submit(ctx, 1, list), EINVAL);		/* negative size */
	prep(&cb, IOCB_CMD_FSYNC, fd, buf, 8, 0);
	LT_CHECK_ERR(io_submit(ctx, 1, list), EINVAL);		/* fsync takes no buffer */
	LT_CHECK_ERR(io_getevents(ctx, 2, 1, &ev, NULL), EINVAL);	/* min > nr */
	LT_CHECK_ERR(io_getevents(ctx, -1, 1, &ev, NULL), EINVAL);
	LT_CHECK_EQ(io_getevents(ctx, 1, 1, &ev, &short_wait), 0);	/* nothing came */
	LT_CHECK_ERR(io_getevents(ctx, 1, 1, &ev, (struct timespec *)8), EFAULT);
	LT_CHECK_ERR(io_getevents(0, 0, 0, NULL, NULL), EINVAL);
	prep(&cb, IOCB_CMD_PREAD, fd, buf, 8, 0);
	LT_CHECK_EQ(io_submit(ctx, 1, list), 1);
	LT_CHECK_ERR(io_getevents(ctx, 1, 1, (struct io_event *)8, NULL), EFAULT);
	LT_CHECK_EQ(io_getevents(ctx, 1, 1, &ev, NULL), 1);	/* still there */
	LT_CHECK_ERR(io_cancel(ctx, NULL, &ev), EFAULT);
	cb.aio_key = 5;
	LT_CHECK_ERR(io_cancel(ctx, &cb, &ev), EINVAL);
	LT_CHECK_ERR(io_destroy(0), EINVAL);
	LT_CHECK_OK(io_destroy(ctx));
	close(fd);
	close(wfd);
}

/* A context belongs to the address space that made it: fork does not copy it. */
LT_CASE(not_inherited)
{
	aio_context_t ctx = 0;
	pid_t pid;

	LT_CHECK_OK(io_setup(4, &ctx));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct io_event ev;

		LT_CHECK_ERR(io_getevents(ctx, 0, 1, &ev, NULL), EINVAL);
		LT_CHECK_ERR(io_destroy(ctx), EINVAL);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(io_destroy(ctx));
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* A signal ends a wait with nothing done: EINTR. */
LT_CASE(wait_interrupted)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	aio_context_t ctx = 0;
	struct io_event ev;

	LT_CHECK_OK(io_setup(4, &ctx));
	LT_CHECK_OK(sigaction(SIGALRM, &sa, NULL));
	alarm(1);
	LT_CHECK_ERR(io_getevents(ctx, 1, 1, &ev, NULL), EINTR);
	signal(SIGALRM, SIG_DFL);
	LT_CHECK_OK(io_destroy(ctx));
}

int main(void)
{
	lt_begin("aio");
	if (lt_fs_setup(D)) {
		lt_note("cannot make %s: %s", D, lt_errname(errno));
		return 1;
	}
	LT_RUN(setup_and_ring);
	LT_RUN(read_write_events);
	LT_RUN(ring_in_user_space);
	LT_RUN(eventfd_notification);
	LT_RUN(poll_and_cancel);
	LT_RUN(full_ring);
	LT_RUN(bad_arguments);
	LT_RUN(not_inherited);
	LT_RUN(wait_interrupted);
	lt_fs_cleanup(D);
	return lt_end();
}
