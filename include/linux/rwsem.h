/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reader-writer semaphores: sleeping locks that let any number of
 * readers in together, or one writer alone (kernel/locking/rwsem.c).
 * Process context only.  Waiters queue in arrival order and a reader
 * that finds anyone queued queues too, so a writer is never starved by
 * a stream of readers.  mm->mmap_lock is one (<linux/mmap_lock.h>).
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct task_struct;

struct rw_semaphore {
	long count;			/* readers inside, -1 for a writer, 0 free */
	struct task_struct *owner;	/* the writer, for debugging */
	spinlock_t wait_lock;		/* guards count and wait_list */
	struct list_head wait_list;	/* struct rwsem_waiter, oldest first */
	struct lockdep_map dep_map;
};

#define __RWSEM_INITIALIZER(name)					\
	{ .count = 0, .owner = NULL,					\
	  .wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock),		\
	  .wait_list = LIST_HEAD_INIT((name).wait_list),		\
	  .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, &(name)) }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);

/* Each call site is one lock class for the validator. */
#define init_rwsem(sem) do {						\
	static struct lock_class_key __key;				\
	__init_rwsem((sem), #sem, &__key);				\
} while (0)

void down_read(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
int down_read_interruptible(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
/* Writer to reader without letting another writer in between. */
void downgrade_write(struct rw_semaphore *sem);

static inline int rwsem_is_locked(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->count) != 0;
}

/* Held for writing, by anyone. */
static inline int rwsem_is_write_locked(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->count) < 0;
}

#endif
