/* SPDX-License-Identifier: GPL-2.0 */
/* epoll's hook in the VFS (fs/eventpoll.c): forget a file being freed. */
#ifndef _LINUX_EVENTPOLL_H
#define _LINUX_EVENTPOLL_H

#include <linux/fs.h>
#include <linux/list.h>

void eventpoll_release_file(struct file *file);
extern int epoll_max_user_watches;	/* /proc/sys/fs/epoll/max_user_watches */

/* The last fput: only files some epoll watches pay for the lock. */
static inline void eventpoll_release(struct file *file)
{
	if (!list_empty(&file->f_ep))
		eventpoll_release_file(file);
}

#endif
