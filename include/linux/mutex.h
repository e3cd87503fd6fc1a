/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutexes: sleeping locks for process context.  A task that finds the
 * mutex taken sleeps on its wait queue instead of spinning, so a mutex
 * may be held across code that sleeps (allocations, page faults).  Never
 * take one in interrupt context.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/wait.h>
#include <linux/lockdep.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* NULL when free */
	wait_queue_head_t wait;
	struct lockdep_map dep_map;
};

#define __MUTEX_INITIALIZER(name)					\
	{ .owner = NULL, .wait = __WAIT_QUEUE_HEAD_INITIALIZER(name.wait), \
	  .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, &(name)) }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

static inline void __mutex_init(struct mutex *lock, const char *name,
				struct lock_class_key *key)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
	lockdep_init_map(&lock->dep_map, name, key);
}

/* Each call site is one lock class for the validator. */
#define mutex_init(lock) do {						\
	static struct lock_class_key __key;				\
	__mutex_init((lock), #lock, &__key);				\
} while (0)

void mutex_lock(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

#endif
