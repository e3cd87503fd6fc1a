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
#include <linux/lockdep.h>

static bool __mutex_trylock(struct mutex *lock)
{
	struct task_struct *expected = NULL;

	return __atomic_compare_exchange_n(&lock->owner, &expected, current, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

int mutex_trylock(struct mutex *lock)
{
	if (!__mutex_trylock(lock))
		return 0;
	lockdep_acquire(&lock->dep_map, 0, 1, 0, _RET_IP_);
	return 1;
}
EXPORT_SYMBOL(mutex_trylock);

/* The validator hears of the lock before the wait, so a deadlock is named, not hung on. */
static int __mutex_lock(struct mutex *lock, int state, unsigned long ip)
{
	DEFINE_WAIT(wait);
	int ret = 0;

	might_sleep();
	lockdep_acquire(&lock->dep_map, 0, 0, 0, ip);
	if (__mutex_trylock(lock))
		return 0;
	WARN_ON_ONCE(READ_ONCE(lock->owner) == current);	/* self-deadlock */
	for (;;) {
		prepare_to_wait_exclusive(&lock->wait, &wait, state);
		if (__mutex_trylock(lock))
			break;
		if (((state & TASK_WAKEKILL) && fatal_signal_pending(current)) ||
		    (state == TASK_INTERRUPTIBLE && signal_pending(current))) {
			ret = -EINTR;
			break;
		}
		schedule();
	}
	finish_wait(&lock->wait, &wait);
	if (ret)
		lockdep_release(&lock->dep_map, ip);
	return ret;
}

void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, _RET_IP_);
}
EXPORT_SYMBOL(mutex_lock);

int mutex_lock_killable(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_KILLABLE, _RET_IP_);
}
EXPORT_SYMBOL(mutex_lock_killable);

/* -EINTR if a signal arrives first: for locks a user can wait on at length. */
int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE, _RET_IP_);
}
EXPORT_SYMBOL(mutex_lock_interruptible);

void mutex_unlock(struct mutex *lock)
{
	lockdep_release(&lock->dep_map, _RET_IP_);
	WARN_ON_ONCE(READ_ONCE(lock->owner) != current);
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_RELEASE);
	wake_up(&lock->wait);
}
EXPORT_SYMBOL(mutex_unlock);
