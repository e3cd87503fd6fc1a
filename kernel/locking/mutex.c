// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes (see <linux/mutex.h>).  The owner field is claimed with a
 * compare-and-swap; waiters sleep exclusively on the wait queue, and an
 * unlock wakes one of them, which then competes for the owner field again.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

int mutex_trylock(struct mutex *lock)
{
	struct task_struct *expected = NULL;

	return __atomic_compare_exchange_n(&lock->owner, &expected, current, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}
EXPORT_SYMBOL(mutex_trylock);

static int __mutex_lock(struct mutex *lock, int state)
{
	DEFINE_WAIT(wait);
	int ret = 0;

	if (mutex_trylock(lock))
		return 0;
	WARN_ON_ONCE(READ_ONCE(lock->owner) == current);	/* self-deadlock */
	for (;;) {
		prepare_to_wait_exclusive(&lock->wait, &wait, state);
		if (mutex_trylock(lock))
			break;
		if (((state & TASK_WAKEKILL) && fatal_signal_pending(current)) ||
		    (state == TASK_INTERRUPTIBLE && signal_pending(current))) {
			ret = -EINTR;
			break;
		}
		schedule();
	}
	finish_wait(&lock->wait, &wait);
	return ret;
}

void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(mutex_lock);

int mutex_lock_killable(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_KILLABLE);
}
EXPORT_SYMBOL(mutex_lock_killable);

/* -EINTR if a signal arrives first: for locks a user can wait on at length. */
int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(mutex_lock_interruptible);

void mutex_unlock(struct mutex *lock)
{
	WARN_ON_ONCE(READ_ONCE(lock->owner) != current);
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_RELEASE);
	wake_up(&lock->wait);
}
EXPORT_SYMBOL(mutex_unlock);
