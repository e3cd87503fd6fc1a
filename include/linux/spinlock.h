/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks: a ticket lock, so waiting CPUs get the lock in arrival order.
 * Take the _irqsave form whenever an interrupt handler may take the same
 * lock, or the handler spins forever on the CPU that holds it.  With one
 * CPU these still cost one locked add; they are here so that SMP needs no
 * rewrite (DESIGN §4).
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/bottom_half.h>
#include <asm/irqflags.h>
#include <asm/special_insns.h>

typedef struct spinlock {
	union {
		u32 val;
		struct {
			u16 owner;	/* ticket now being served */
			u16 next;	/* next ticket to hand out */
		};
	};
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ .val = 0 }
#define DEFINE_SPINLOCK(name)	spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->val = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static inline int spin_trylock(spinlock_t *lock)
{
	spinlock_t old, new;

	old.val = READ_ONCE(lock->val);
	if (old.owner != old.next)
		return 0;
	new = old;
	new.next++;
	return __atomic_compare_exchange_n(&lock->val, &old.val, new.val, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
}

static inline int spin_is_locked(spinlock_t *lock)
{
	spinlock_t v;

	v.val = READ_ONCE(lock->val);
	return v.owner != v.next;
}

#define spin_lock_irqsave(lock, flags)		\
	do {					\
		local_irq_save(flags);		\
		spin_lock(lock);		\
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	local_irq_enable();
}

/* For data shared with a softirq, tasklet or timer (not a hard interrupt). */
static inline void spin_lock_bh(spinlock_t *lock)
{
	local_bh_disable();
	spin_lock(lock);
}

static inline void spin_unlock_bh(spinlock_t *lock)
{
	spin_unlock(lock);
	local_bh_enable();
}

/* Documents, and checks, that the caller holds @lock. */
#define lockdep_assert_held(lock)	WARN_ON_ONCE(!spin_is_locked(lock))

#endif
