// SPDX-License-Identifier: GPL-2.0
/*
 * Per-user accounting: one user_struct per UID that has processes, holding
 * how many it has.  RLIMIT_NPROC is checked against this count at fork,
 * which is what stops a fork bomb of an unprivileged user.
 */
#include <linux/kernel.h>
#include <linux/sched/user.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define UIDHASH_BITS	6

struct user_struct root_user = {
	.__count = REFCOUNT_INIT(1),
	.processes = ATOMIC_INIT(1),
	.uid = 0,
};

static struct hlist_head uidhash[1 << UIDHASH_BITS];
static DEFINE_SPINLOCK(uidhash_lock);

static struct hlist_head *uidhashentry(uid_t uid)
{
	return &uidhash[(uid * 2654435761u) >> (32 - UIDHASH_BITS)];
}

static struct user_struct *uid_hash_find(uid_t uid)
{
	struct user_struct *u;

	hlist_for_each_entry(u, uidhashentry(uid), uidhash_node) {
		if (u->uid == uid) {
			refcount_inc(&u->__count);
			return u;
		}
	}
	return NULL;
}

/* Find or create @uid's user_struct, with a reference. */
struct user_struct *alloc_uid(uid_t uid)
{
	struct user_struct *u, *new;
	unsigned long flags;

	if (uid == 0)
		return &root_user;	/* static, never freed: not counted */
	spin_lock_irqsave(&uidhash_lock, flags);
	u = uid_hash_find(uid);
	spin_unlock_irqrestore(&uidhash_lock, flags);
	if (u)
		return u;

	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return NULL;
	new->uid = uid;
	refcount_set(&new->__count, 1);
	atomic_set(&new->processes, 0);

	spin_lock_irqsave(&uidhash_lock, flags);
	u = uid_hash_find(uid);		/* raced with another alloc_uid? */
	if (!u) {
		hlist_add_head(&new->uidhash_node, uidhashentry(uid));
		u = new;
		new = NULL;
	}
	spin_unlock_irqrestore(&uidhash_lock, flags);
	kfree(new);
	return u;
}

struct user_struct *get_uid(struct user_struct *u)
{
	if (u != &root_user)
		refcount_inc(&u->__count);
	return u;
}

void free_uid(struct user_struct *u)
{
	unsigned long flags;

	if (!u || u == &root_user)
		return;
	spin_lock_irqsave(&uidhash_lock, flags);
	if (refcount_dec_and_test(&u->__count)) {
		hlist_del(&u->uidhash_node);
		spin_unlock_irqrestore(&uidhash_lock, flags);
		kfree(u);
		return;
	}
	spin_unlock_irqrestore(&uidhash_lock, flags);
}
