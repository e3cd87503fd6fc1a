/* SPDX-License-Identifier: GPL-2.0 */
/* io_uring's insides, shared by the files of io_uring/ (io_uring.c tells the story). */
#ifndef IO_URING_IO_URING_H
#define IO_URING_IO_URING_H

#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/uio.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <uapi/linux/io_uring.h>

/*
 * The memory both sides share at IORING_OFF_SQ_RING (and, the same pages,
 * IORING_OFF_CQ_RING): the heads and tails on cache lines of their own,
 * since the kernel writes one of each pair and user space the other.
 * The SQ index array follows the CQEs.
 */
struct io_rings {
	u32 sq_head __aligned(64);	/* kernel writes: SQEs consumed */
	u32 sq_tail __aligned(64);	/* user writes: SQEs offered */
	u32 cq_head __aligned(64);	/* user writes: CQEs taken */
	u32 cq_tail __aligned(64);	/* kernel writes: CQEs posted */
	u32 sq_ring_mask, cq_ring_mask;
	u32 sq_ring_entries, cq_ring_entries;
	u32 sq_dropped;			/* SQ array entries that named no SQE */
	u32 sq_flags;			/* IORING_SQ_CQ_OVERFLOW */
	u32 cq_flags;
	u32 cq_overflow;		/* CQEs lost: not even the overflow list had room */
	struct io_uring_cqe cqes[] __aligned(64);
};

/* A registered buffer (IORING_REGISTER_BUFFERS): pinned pages, mapped whole for the kernel. */
struct io_mapped_ubuf {
	refcount_t refs;		/* the table's + each request using it */
	u64 ubuf, ubuf_end;		/* the user range it was registered as */
	unsigned int nr_pages;
	struct page **pages;
	void *vaddr;			/* vmap of the pages */
};

struct io_ring_ctx {
	refcount_t refs;		/* the file's + each request's */
	unsigned int flags;		/* IORING_SETUP_* */
	struct io_rings *rings;
	struct page **ring_pages;
	unsigned int nr_ring_pages;
	size_t rings_size;
	struct io_uring_sqe *sq_sqes;
	struct page **sqe_pages;
	unsigned int nr_sqe_pages;
	u32 *sq_array;
	u32 sq_entries, cq_entries;

	/* Submission: one io_uring_enter or io_uring_register at a time. */
	struct mutex uring_lock;
	u32 cached_sq_head;
	struct io_kiocb *link_head, *link_tail;	/* the chain being read */
	struct io_mapped_ubuf **user_bufs;
	unsigned int nr_user_bufs;

	/* Completion side, under completion_lock (taken with interrupts off). */
	spinlock_t completion_lock;
	u32 cached_cq_tail;
	struct list_head cq_overflow_list;	/* struct io_overflow_cqe */
	struct list_head defer_list;		/* IOSQE_IO_DRAIN and what follows it */
	struct list_head poll_list;		/* waiting on a file: cancelled on close */
	struct list_head timeout_list;
	u64 nr_submitted, nr_completed;		/* requests: for drains */
	u64 cq_events;				/* CQEs of requests other than timeouts */
	bool dead;				/* the ring file was released */

	wait_queue_head_t cq_wait;		/* io_uring_enter's GETEVENTS */
	wait_queue_head_t poll_wq;		/* poll() on the ring */
	struct mm_struct *mm;			/* the creator's (mmgrab) */
};

struct io_kiocb;
typedef int (*io_issue_fn)(struct io_kiocb *req, bool in_worker);

/* io_issue's answer when the request completes later (armed poll, timer, worker). */
#define IOU_ISSUE_SKIP_COMPLETE	(-529)	/* Linux's EIOCBQUEUED: never reaches user space */

struct io_kiocb {
	struct io_ring_ctx *ctx;
	struct io_uring_sqe sqe;	/* a copy: user space may reuse the slot at once */
	u8 opcode;
	u8 flags;			/* IOSQE_* */
	u64 user_data;
	struct file *file;
	struct io_kiocb *link;		/* next of an IOSQE_IO_LINK chain */
	struct list_head list;		/* defer_list, poll_list or timeout_list */
	u64 seq;			/* requests submitted before this one */

	/* What a worker runs it with: the submitter's, taken when it goes async. */
	const struct cred *creds;
	struct fs_struct *fs;
	struct files_struct *files;	/* only for a request straight to the worker */
	struct work_struct work;

	/* READV/WRITEV: the vector, copied at submission */
	struct iovec *iov;
	unsigned long nr_iov;
	struct io_mapped_ubuf *imu;	/* READ_FIXED/WRITE_FIXED */

	/* Waiting on a file (POLL_ADD, or an operation that would block). */
	struct {
		wait_queue_head_t *head;
		struct wait_queue_entry wait;
		__poll_t events;
		bool done;		/* taken off the queue: under head->lock */
		bool arming;		/* __io_poll_arm still working on it */
		int error;
	} poll;

	/* TIMEOUT */
	struct hrtimer timer;
	u64 timeout_target;		/* cq_events to wait for; 0: time only */
	bool timeout_done;		/* under completion_lock */
};

/* io_uring.c */
void io_req_complete(struct io_kiocb *req, int res);
void io_req_prep_async(struct io_kiocb *req);
int io_issue_sqe(struct io_kiocb *req, bool in_worker);
bool io_ctx_dead(struct io_ring_ctx *ctx);

/* io-wq.c: the worker, with the submitter's mm, fs, files and credentials */
void io_queue_async_work(struct io_kiocb *req);
void io_init_work(struct io_kiocb *req);

/* poll.c */
int io_poll_add(struct io_kiocb *req, bool in_worker);
int io_arm_poll_handler(struct io_kiocb *req, __poll_t events);
void io_poll_cancel_all(struct io_ring_ctx *ctx, struct list_head *out);
bool io_file_can_poll(struct file *file);
__poll_t io_file_ready(struct file *file, __poll_t events);

/* rw.c */
int io_prep_rw(struct io_kiocb *req);
int io_rw(struct io_kiocb *req, bool in_worker);

/* net.c */
int io_net(struct io_kiocb *req, bool in_worker);

/* openclose.c, sync.c */
int io_openat(struct io_kiocb *req, bool in_worker);
int io_close(struct io_kiocb *req, bool in_worker);
int io_fsync(struct io_kiocb *req, bool in_worker);

/* timeout.c */
int io_timeout(struct io_kiocb *req, bool in_worker);
void io_flush_timeouts(struct io_ring_ctx *ctx, struct list_head *out);
void io_timeout_cancel_all(struct io_ring_ctx *ctx, struct list_head *out);

/* rsrc.c */
int io_sqe_buffers_register(struct io_ring_ctx *ctx, void __user *arg, unsigned int nr_args);
int io_sqe_buffers_unregister(struct io_ring_ctx *ctx);
void io_imu_put(struct io_mapped_ubuf *imu);

#endif
