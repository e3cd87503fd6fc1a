/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reader-writer spinlocks: any number of readers or one writer, all
 * spinning, none sleeping.  One word counts them: the low byte is the
 * writer's (0xff = held), bit 8 says a writer is waiting, and each reader
 * adds 0x200.  A waiting writer turns new readers away, so a stream of
 * readers cannot starve it; writers, and readers that were turned away,
 * queue on a ticket lock and so get in in arrival order.  A reader in
 * interrupt context skips the queue (it waits only for an active
 * writer): the task it interrupted may itself hold the lock for reading,
 * and a writer waiting for that task would wait forever for the
 * interrupt to end.
 *
 * As with spinlock_t, holding one raises preempt_count, and the
 * validator sees each acquisition (readers as recursive readers: two
 * readers never wait for each other).
 */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <linux/spinlock.h>
#include <linux/preempt.h>

#define _QW_LOCKED	0x0ffU		/* a writer holds it */
#define _QW_WAITING	0x100U		/* a writer waits for the readers to leave */
#define _QW_WMASK	0x1ffU
#define _QR_BIAS	0x200U		/* one reader */

typedef struct rwlock {
	u32 cnts;
	arch_spinlock_t wait_lock;	/* the queue of writers and turned-away readers */
	struct lockdep_map dep_map;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(name)					\
	{ .cnts = 0, .wait_lock = __ARCH_SPIN_LOCK_UNLOCKED,		\
	  .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, &(name)) }
#define DEFINE_RWLOCK(name)	rwlock_t name = __RW_LOCK_UNLOCKED(name)

static inline void __rwlock_init(rwlock_t *lock, const char *name,
				 struct lock_class_key *key)
{
	lock->cnts = 0;
	lock->wait_lock.val = 0;
	lockdep_init_map(&lock->dep_map, name, key);
}

#define rwlock_init(lock) do {						\
	static struct lock_class_key __key;				\
	__rwlock_init((lock), #lock, &__key);				\
} while (0)

void queued_read_lock_slowpath(rwlock_t *lock);
void queued_write_lock_slowpath(rwlock_t *lock);

static __always_inline int arch_read_trylock(rwlock_t *lock)
{
	u32 cnts = READ_ONCE(lock->cnts);

	if (cnts & _QW_WMASK)
		return 0;
	cnts = __atomic_add_fetch(&lock->cnts, _QR_BIAS, __ATOMIC_ACQUIRE);
	if (!(cnts & _QW_WMASK))
		return 1;
	__atomic_sub_fetch(&lock->cnts, _QR_BIAS, __ATOMIC_RELEASE);
	return 0;
}

static __always_inline int arch_write_trylock(rwlock_t *lock)
{
	u32 old = 0;

	return __atomic_compare_exchange_n(&lock->cnts, &old, _QW_LOCKED, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static __always_inline void read_lock(rwlock_t *lock)
{
	preempt_disable();
	lockdep_acquire(&lock->dep_map, 2, 0, 1, _THIS_IP_);
	if (!arch_read_trylock(lock))
		queued_read_lock_slowpath(lock);
}

static __always_inline void write_lock(rwlock_t *lock)
{
	preempt_disable();
	lockdep_acquire(&lock->dep_map, 0, 0, 1, _THIS_IP_);
	if (!arch_write_trylock(lock))
		queued_write_lock_slowpath(lock);
}

static __always_inline int read_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_read_trylock(lock)) {
		lockdep_acquire(&lock->dep_map, 2, 1, 1, _THIS_IP_);
		return 1;
	}
	preempt_enable();
	return 0;
}

static __always_inline int write_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_write_trylock(lock)) {
		lockdep_acquire(&lock->dep_map, 0, 1, 1, _THIS_IP_);
		return 1;
	}
	preempt_enable();
	return 0;
}

static __always_inline void read_unlock(rwlock_t *lock)
{
	lockdep_release(&lock->dep_map, _THIS_IP_);
	__atomic_sub_fetch(&lock->cnts, _QR_BIAS, __ATOMIC_RELEASE);
	preempt_enable();
}

static __always_inline void write_unlock(rwlock_t *lock)
{
	lockdep_release(&lock->dep_map, _THIS_IP_);
	/* Only the writer byte: a queued writer's WAITING bit stays. */
	__atomic_fetch_and(&lock->cnts, ~_QW_LOCKED, __ATOMIC_RELEASE);
	preempt_enable();
}

static inline int rwlock_is_locked(rwlock_t *lock)
{
	return (READ_ONCE(lock->cnts) & ~_QW_WAITING) != 0;
}

#define read_lock_irqsave(lock, flags)					\
	do { local_irq_save(flags); read_lock(lock); } while (0)
#define write_lock_irqsave(lock, flags)					\
	do { local_irq_save(flags); write_lock(lock); } while (0)

static inline void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	read_unlock(lock);
	local_irq_restore(flags);
}

static inline void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	write_unlock(lock);
	local_irq_restore(flags);
}

static inline void read_lock_irq(rwlock_t *lock)
{
	local_irq_disable();
	read_lock(lock);
}

static inline void write_lock_irq(rwlock_t *lock)
{
	local_irq_disable();
	write_lock(lock);
}

static inline void read_unlock_irq(rwlock_t *lock)
{
	read_unlock(lock);
	local_irq_enable();
}

static inline void write_unlock_irq(rwlock_t *lock)
{
	write_unlock(lock);
	local_irq_enable();
}

static inline void read_lock_bh(rwlock_t *lock)
{
	local_bh_disable();
	read_lock(lock);
}

static inline void write_lock_bh(rwlock_t *lock)
{
	local_bh_disable();
	write_lock(lock);
}

static inline void read_unlock_bh(rwlock_t *lock)
{
	read_unlock(lock);
	local_bh_enable();
}

static inline void write_unlock_bh(rwlock_t *lock)
{
	write_unlock(lock);
	local_bh_enable();
}

#endif
