/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-copy update: readers of a shared pointer take no lock at all, just
 * mark their critical section (rcu_read_lock/unlock); a writer publishes
 * a new version (rcu_assign_pointer) and frees the old one only after a
 * grace period, when every reader that could have seen it is done
 * (synchronize_rcu, or call_rcu/kfree_rcu to do it later).
 *
 * The kernel is not preemptible, so a reader cannot be switched out: a
 * CPU that context-switches, idles or runs user code has left every read
 * section.  Those are the quiescent states kernel/rcu/tree.c waits for.
 * Readers must not sleep.
 */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/bottom_half.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <linux/stddef.h>
#include <linux/types.h>

struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};
#define callback_head rcu_head

typedef void (*rcu_callback_t)(struct rcu_head *head);

static inline void rcu_read_lock(void)
{
	preempt_disable();
	barrier();
}

static inline void rcu_read_unlock(void)
{
	barrier();
	preempt_enable();
}

#define rcu_read_lock_bh()	local_bh_disable()
#define rcu_read_unlock_bh()	local_bh_enable()

/* Publish: everything written to *p before is visible to whoever loads p. */
#define rcu_assign_pointer(p, v) \
	__atomic_store_n(&(p), (v), __ATOMIC_RELEASE)
#define RCU_INIT_POINTER(p, v)	WRITE_ONCE(p, v)
#define rcu_dereference(p)	READ_ONCE(p)
#define rcu_dereference_protected(p, c)	(p)
#define rcu_access_pointer(p)	READ_ONCE(p)

void call_rcu(struct rcu_head *head, rcu_callback_t func);
void synchronize_rcu(void);
void rcu_barrier(void);
void rcu_init(void);

/* Called by the scheduler, the idle loop and the tick. */
void rcu_note_context_switch(void);
void rcu_idle_enter(void);
void rcu_idle_exit(void);
void rcu_irq_enter(void);
void rcu_irq_exit(void);
bool rcu_needs_cpu(void);
void rcu_sched_clock_irq(int user);

/*
 * kfree_rcu(ptr, field): kfree(ptr) after a grace period.  The callback
 * slot carries the offset of @field instead of a function (a pointer
 * into the first page can be no function), so no callback is needed.
 */
void __kfree_rcu(struct rcu_head *head, unsigned long offset);
#define kfree_rcu(ptr, rhf) \
	__kfree_rcu(&(ptr)->rhf, offsetof(__typeof__(*(ptr)), rhf))

#endif
