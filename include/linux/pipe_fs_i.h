/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A pipe: a ring of page-sized buffers between writers and readers.
 * pipe(2) makes one with two struct files on an anonymous pipefs inode;
 * opening a FIFO (mkfifo) finds or makes the one kept in the FIFO's
 * inode (i_pipe).  fs/pipe.c has the reading, writing, waiting and
 * resizing; this header is what fcntl and the inode code need to see.
 */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/wait.h>

#define PIPE_DEF_BUFFERS	16	/* 64 KiB, as on Linux */
#define PIPE_MIN_DEF_BUFFERS	2	/* a new pipe past the soft limit */

struct page;

/*
 * One slot of the ring: @len bytes of @page starting at @offset.  The
 * page is referenced (tee shares it between two pipes); only a slot with
 * PIPE_BUF_FLAG_CAN_MERGE may have a later write appended to its page.
 * A PIPE_BUF_FLAG_PACKET slot is one write to a packet-mode pipe
 * (pipe2(O_DIRECT)): a read takes it whole or drops what did not fit.
 */
struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
	unsigned int flags;
};

#define PIPE_BUF_FLAG_CAN_MERGE	0x1
#define PIPE_BUF_FLAG_PACKET	0x2

/*
 * Locking: @mutex guards everything but @files (pipe_files_lock in
 * fs/pipe.c, since it also decides who frees the pipe).  head and tail
 * run freely; slot i is bufs[i & (ring_size - 1)], the pipe holds
 * head - tail slots.  r_counter/w_counter count FIFO opens ever made,
 * so an open waiting for its partner sees one come and go.
 */
struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait;	/* readers, and FIFO opens awaiting a partner */
	wait_queue_head_t wr_wait;	/* writers waiting for a free slot */
	unsigned int head, tail;
	unsigned int ring_size;		/* slots: a power of two */
	unsigned int readers, writers;
	unsigned int files;		/* struct files using this pipe */
	unsigned int r_counter, w_counter;
	struct pipe_buffer *bufs;
	struct fasync_struct *fasync_readers;	/* O_ASYNC read ends: told of data */
	struct fasync_struct *fasync_writers;	/* O_ASYNC write ends: told of room */
	struct user_struct *user;	/* charged for ring_size pages */
};

/* The ring (pipe->mutex held, or a racy peek for a wait condition). */
static inline unsigned int pipe_occupancy(const struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) - READ_ONCE(pipe->tail);
}

static inline bool pipe_empty(const struct pipe_inode_info *pipe)
{
	return !pipe_occupancy(pipe);
}

static inline bool pipe_full(const struct pipe_inode_info *pipe)
{
	return pipe_occupancy(pipe) >= READ_ONCE(pipe->ring_size);
}

static inline struct pipe_buffer *pipe_buf(const struct pipe_inode_info *pipe, unsigned int n)
{
	return &pipe->bufs[n & (pipe->ring_size - 1)];
}

static inline bool pipe_readable(const struct pipe_inode_info *pipe)
{
	return !pipe_empty(pipe) || !READ_ONCE(pipe->writers);
}

static inline bool pipe_writable(const struct pipe_inode_info *pipe)
{
	return !pipe_full(pipe) || !READ_ONCE(pipe->readers);
}

/* The pipe behind @file, or NULL if it is not a pipe or FIFO (fs/pipe.c). */
struct pipe_inode_info *get_pipe_info(struct file *file);

extern const struct file_operations pipefifo_fops;
extern unsigned int pipe_max_size;	/* /proc/sys/fs/pipe-max-size */
extern int pipe_user_pages_hard;	/* /proc/sys/fs/pipe-user-pages-hard */
extern int pipe_user_pages_soft;	/* /proc/sys/fs/pipe-user-pages-soft */
unsigned long round_pipe_size(unsigned long size);

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg);

#endif
