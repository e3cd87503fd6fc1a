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
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <asm/irqflags.h>
#include <asm/special_insns.h>

/* The bare ticket lock, which the validator itself uses. */
typedef struct {
	union {
		u32 val;
		struct {
			u16 owner;	/* ticket now being served */
			u16 next;	/* next ticket to hand out */
		};
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED	{ .val = 0 }

static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static __always_inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	arch_spinlock_t old, new;

	old.val = READ_ONCE(lock->val);
	if (old.owner != old.next)
		return 0;
	new = old;
	new.next++;
	return __atomic_compare_exchange_n(&lock->val, &old.val, new.val, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
}

static __always_inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t v;

	v.val = READ_ONCE(lock->val);
	return v.owner != v.next;
}

/*
 * Holding a spinlock raises preempt_count: the kernel is not preemptible,
 * so this only counts, but it is what lets might_sleep() see that a
 * sleeping call was made under a spinlock.
 */
typedef struct spinlock {
	arch_spinlock_t raw_lock;
	struct lockdep_map dep_map;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)					\
	{ .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED,			\
	  .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, &(name)) }
#define DEFINE_SPINLOCK(name)	spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void __spin_lock_init(spinlock_t *lock, const char *name,
				    struct lock_class_key *key)
{
	lock->raw_lock.val = 0;
	lockdep_init_map(&lock->dep_map, name, key);
}

/* Each call site is one lock class for the validator. */
#define spin_lock_init(lock) do {					\
	static struct lock_class_key __key;				\
	__spin_lock_init((lock), #lock, &__key);			\
} while (0)

static __always_inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	lockdep_acquire(&lock->dep_map, 0, 0, 1, _THIS_IP_);
	arch_spin_lock(&lock->raw_lock);
}

static __always_inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(&lock->raw_lock)) {
		lockdep_acquire(&lock->dep_map, 0, 1, 1, _THIS_IP_);
		return 1;
	}
	preempt_enable();
	return 0;
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
	lockdep_release(&lock->dep_map, _THIS_IP_);
	arch_spin_unlock(&lock->raw_lock);
	preempt_enable();
}

static __always_inline int spin_is_locked(spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw_lock);
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

#endif
