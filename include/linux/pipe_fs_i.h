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

struct page;

/* One slot of the ring: @len bytes of @page starting at @offset. */
struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
};

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
};

extern const struct file_operations pipefifo_fops;
extern unsigned int pipe_max_size;	/* /proc/sys/fs/pipe-max-size */
unsigned long round_pipe_size(unsigned long size);

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg);

#endif
