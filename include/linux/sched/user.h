/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_USER_H
#define _LINUX_SCHED_USER_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/refcount.h>

struct user_struct {
	refcount_t __count;
	atomic_t processes;		/* how many processes this user has */
	atomic_t sigpending;		/* queued signals: RLIMIT_SIGPENDING */
	struct hlist_node uidhash_node;
	uid_t uid;
	unsigned long mq_bytes;		/* POSIX queues' RLIMIT_MSGQUEUE charge; ipc/mqueue.c's mq_lock */
	atomic_t inotify_watches;	/* fs/notify/inotify: max_user_watches */
	atomic_t inotify_devs;		/* max_user_instances */
	atomic_t fanotify_groups;	/* fanotify_init: at most 128 */
	atomic_t epoll_watches;		/* fs/eventpoll.c: max_user_watches */
	unsigned long unix_inflight;	/* files it has in flight in AF_UNIX messages */
	atomic_long_t pipe_bufs;	/* fs/pipe.c: slots of its pipes (pipe-user-pages-*) */
};

extern struct user_struct root_user;

struct user_struct *alloc_uid(uid_t uid);
struct user_struct *get_uid(struct user_struct *u);
void free_uid(struct user_struct *u);

#endif
