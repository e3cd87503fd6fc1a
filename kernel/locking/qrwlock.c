// SPDX-License-Identifier: GPL-2.0
/*
 * The slow paths of rwlock_t (<linux/rwlock.h>): what a reader or writer
 * does when the one-instruction attempt failed.  Writers and task-context
 * readers line up on the ticket lock wait_lock, so they get in in arrival
 * order; the one at its head waits for the lock word itself.
 */
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/rwlock.h>
#include <asm/special_insns.h>

void queued_read_lock_slowpath(rwlock_t *lock)
{
	/*
	 * In an interrupt the task below may hold this lock for reading:
	 * wait for an active writer only, never behind a waiting one.
	 */
	if (in_interrupt()) {
		__atomic_add_fetch(&lock->cnts, _QR_BIAS, __ATOMIC_ACQUIRE);
		while (__atomic_load_n(&lock->cnts, __ATOMIC_ACQUIRE) & _QW_LOCKED)
			cpu_relax();
		return;
	}
	arch_spin_lock(&lock->wait_lock);
	__atomic_add_fetch(&lock->cnts, _QR_BIAS, __ATOMIC_ACQUIRE);
	/* The writer ahead of us in the queue is finishing: wait it out. */
	while (__atomic_load_n(&lock->cnts, __ATOMIC_ACQUIRE) & _QW_LOCKED)
		cpu_relax();
	arch_spin_unlock(&lock->wait_lock);
}
EXPORT_SYMBOL(queued_read_lock_slowpath);

void queued_write_lock_slowpath(rwlock_t *lock)
{
	u32 expected;

	arch_spin_lock(&lock->wait_lock);
	/* Turn new readers away, then wait for the ones inside to leave. */
	__atomic_fetch_or(&lock->cnts, _QW_WAITING, __ATOMIC_RELAXED);
	for (;;) {
		expected = _QW_WAITING;
		if (__atomic_compare_exchange_n(&lock->cnts, &expected, _QW_LOCKED, false,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			break;
		cpu_relax();
	}
	arch_spin_unlock(&lock->wait_lock);
}
EXPORT_SYMBOL(queued_write_lock_slowpath);
