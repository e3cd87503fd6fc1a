/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lists that readers walk under rcu_read_lock() while a writer, holding
 * its own lock, adds and removes entries.  An entry is linked in with a
 * release store of the pointer that makes it reachable, so a reader sees
 * it whole; a removed entry keeps its ->next, so a reader standing on it
 * walks on to the rest of the list, and it may be freed only after a
 * grace period (synchronize_rcu, kfree_rcu).
 */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/rcupdate.h>

static inline void __list_add_rcu(struct list_head *new, struct list_head *prev,
				  struct list_head *next)
{
	new->next = next;
	new->prev = prev;
	rcu_assign_pointer(prev->next, new);
	next->prev = new;
}

static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
	__list_add_rcu(new, head, head->next);
}

static inline void list_add_tail_rcu(struct list_head *new, struct list_head *head)
{
	__list_add_rcu(new, head->prev, head);
}

static inline void list_del_rcu(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	WRITE_ONCE(entry->prev->next, entry->next);
	entry->prev = NULL;	/* ->next stays for readers still on it */
}

#define list_entry_rcu(ptr, type, member) \
	container_of(READ_ONCE(ptr), type, member)

#define list_for_each_entry_rcu(pos, head, member)				\
	for (pos = list_entry_rcu((head)->next, __typeof__(*pos), member);	\
	     &pos->member != (head);						\
	     pos = list_entry_rcu(pos->member.next, __typeof__(*pos), member))

#endif
