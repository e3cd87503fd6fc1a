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
};

extern struct user_struct root_user;

struct user_struct *alloc_uid(uid_t uid);
struct user_struct *get_uid(struct user_struct *u);
void free_uid(struct user_struct *u);

#endif
