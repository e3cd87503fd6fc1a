/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Native AIO's ABI (fs/aio.c): the request (struct iocb) and its event. */
#ifndef _UAPI_LINUX_AIO_ABI_H
#define _UAPI_LINUX_AIO_ABI_H

#include <linux/types.h>

typedef unsigned long aio_context_t;	/* the ring's address in the process */

/* aio_lio_opcode; 4 was an experiment never merged. */
#define IOCB_CMD_PREAD		0
#define IOCB_CMD_PWRITE		1
#define IOCB_CMD_FSYNC		2
#define IOCB_CMD_FDSYNC		3
#define IOCB_CMD_POLL		5
#define IOCB_CMD_NOOP		6
#define IOCB_CMD_PREADV		7
#define IOCB_CMD_PWRITEV	8

/* aio_flags */
#define IOCB_FLAG_RESFD		(1 << 0)	/* signal the eventfd in aio_resfd */
#define IOCB_FLAG_IOPRIO	(1 << 1)	/* aio_reqprio is an ioprio value */

struct io_event {
	__u64 data;	/* the request's aio_data */
	__u64 obj;	/* the request's address */
	__s64 res;	/* bytes, a poll mask, or a negative errno */
	__s64 res2;
};

/* 64 bytes; the layout of x86-64 (little-endian). */
struct iocb {
	__u64 aio_data;
	__u32 aio_key;		/* set to 0 by io_submit; io_cancel checks it */
	__s32 aio_rw_flags;	/* RWF_*, as preadv2 */
	__u16 aio_lio_opcode;
	__s16 aio_reqprio;
	__u32 aio_fildes;
	__u64 aio_buf;		/* buffer, iovec array, or poll events */
	__u64 aio_nbytes;	/* bytes, or iovec count */
	__s64 aio_offset;
	__u64 aio_reserved2;	/* must be 0 */
	__u32 aio_flags;
	__u32 aio_resfd;
};

/* io_pgetevents' last argument. */
struct __aio_sigset {
	const void __user *sigmask;
	size_t sigsetsize;
};

#endif /* _UAPI_LINUX_AIO_ABI_H */
