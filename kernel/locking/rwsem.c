// SPDX-License-Identifier: GPL-2.0
/*
 * Reader-writer semaphores (see <linux/rwsem.h>).
 *
 * The state is a count under a spinlock: n > 0 readers inside, -1 one
 * writer, 0 free.  Whoever cannot get in queues a waiter on wait_list
 * and sleeps.  The lock is *handed over*: releasing it grants it to the
 * waiters at the head of the queue (one writer, or every reader up to
 * the next writer), bumps the count for them and wakes them, so a task
 * that comes along later cannot slip in first.  A reader that finds
 * anyone waiting queues too, even if only readers are inside, which is
 * what keeps a stream of readers from starving a writer.
 */
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

enum rwsem_waiter_type {
	RWSEM_WAITING_FOR_WRITE,
	RWSEM_WAITING_FOR_READ,
};

struct rwsem_waiter {
	struct list_head list;
	struct task_struct *task;
	enum rwsem_waiter_type type;
	bool granted;
};

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
	sem->count = 0;
	sem->owner = NULL;
	spin_lock_init(&sem->wait_lock);
	INIT_LIST_HEAD(&sem->wait_list);
	lockdep_init_map(&sem->dep_map, name, key);
}
EXPORT_SYMBOL(__init_rwsem);

/*
 * wait_lock held.  Grant the lock to the head of the queue while it
 * can be granted.  The waiter's record is on its own stack: it cannot
 * return before taking wait_lock, which we hold while waking it.
 */
static void rwsem_wake(struct rw_semaphore *sem)
{
	struct rwsem_waiter *w, *tmp;

	list_for_each_entry_safe(w, tmp, &sem->wait_list, list) {
		if (w->type == RWSEM_WAITING_FOR_WRITE) {
			if (sem->count != 0)
				break;
			sem->count = -1;
			sem->owner = w->task;
		} else {
			if (sem->count < 0)
				break;
			sem->count++;
		}
		list_del(&w->list);
		w->granted = true;
		wake_up_process(w->task);
		if (w->type == RWSEM_WAITING_FOR_WRITE)
			break;
	}
}

static bool rwsem_can_read(struct rw_semaphore *sem)
{
	return sem->count >= 0 && list_empty(&sem->wait_list);
}

static bool rwsem_can_write(struct rw_semaphore *sem)
{
	return sem->count == 0 && list_empty(&sem->wait_list);
}

/* wait_lock held on entry and on return.  0 once granted, -EINTR if a signal won. */
static int rwsem_wait(struct rw_semaphore *sem, enum rwsem_waiter_type type, int state)
{
	struct rwsem_waiter waiter = { .task = current, .type = type };

	list_add_tail(&waiter.list, &sem->wait_list);
	for (;;) {
		set_current_state(state);
		spin_unlock(&sem->wait_lock);
		schedule();
		spin_lock(&sem->wait_lock);
		if (waiter.granted)
			break;
		if (((state & TASK_WAKEKILL) && fatal_signal_pending(current)) ||
		    (state == TASK_INTERRUPTIBLE && signal_pending(current))) {
			list_del(&waiter.list);
			/* We may have been what held the readers behind us back. */
			rwsem_wake(sem);
			__set_current_state(TASK_RUNNING);
			return -EINTR;
		}
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static int __down_read(struct rw_semaphore *sem, int state, unsigned long ip)
{
	int ret = 0;

	might_sleep();
	lockdep_acquire(&sem->dep_map, 1, 0, 0, ip);
	spin_lock(&sem->wait_lock);
	if (rwsem_can_read(sem))
		sem->count++;
	else
		ret = rwsem_wait(sem, RWSEM_WAITING_FOR_READ, state);
	spin_unlock(&sem->wait_lock);
	if (ret)
		lockdep_release(&sem->dep_map, ip);
	return ret;
}

void down_read(struct rw_semaphore *sem)
{
	__down_read(sem, TASK_UNINTERRUPTIBLE, _RET_IP_);
}
EXPORT_SYMBOL(down_read);

int down_read_killable(struct rw_semaphore *sem)
{
	return __down_read(sem, TASK_KILLABLE, _RET_IP_);
}
EXPORT_SYMBOL(down_read_killable);

int down_read_interruptible(struct rw_semaphore *sem)
{
	return __down_read(sem, TASK_INTERRUPTIBLE, _RET_IP_);
}
EXPORT_SYMBOL(down_read_interruptible);

int down_read_trylock(struct rw_semaphore *sem)
{
	int ok;

	spin_lock(&sem->wait_lock);
	ok = rwsem_can_read(sem);
	if (ok)
		sem->count++;
	spin_unlock(&sem->wait_lock);
	if (ok)
		lockdep_acquire(&sem->dep_map, 1, 1, 0, _RET_IP_);
	return ok;
}
EXPORT_SYMBOL(down_read_trylock);

void up_read(struct rw_semaphore *sem)
{
	lockdep_release(&sem->dep_map, _RET_IP_);
	spin_lock(&sem->wait_lock);
	WARN_ON_ONCE(sem->count <= 0);
	if (--sem->count == 0)
		rwsem_wake(sem);
	spin_unlock(&sem->wait_lock);
}
EXPORT_SYMBOL(up_read);

static int __down_write(struct rw_semaphore *sem, int state, unsigned long ip)
{
	int ret = 0;

	might_sleep();
	lockdep_acquire(&sem->dep_map, 0, 0, 0, ip);
	spin_lock(&sem->wait_lock);
	if (rwsem_can_write(sem)) {
		sem->count = -1;
		sem->owner = current;
	} else {
		ret = rwsem_wait(sem, RWSEM_WAITING_FOR_WRITE, state);
	}
	spin_unlock(&sem->wait_lock);
	if (ret)
		lockdep_release(&sem->dep_map, ip);
	return ret;
}

void down_write(struct rw_semaphore *sem)
{
	__down_write(sem, TASK_UNINTERRUPTIBLE, _RET_IP_);
}
EXPORT_SYMBOL(down_write);

int down_write_killable(struct rw_semaphore *sem)
{
	return __down_write(sem, TASK_KILLABLE, _RET_IP_);
}
EXPORT_SYMBOL(down_write_killable);

int down_write_trylock(struct rw_semaphore *sem)
{
	int ok;

	spin_lock(&sem->wait_lock);
	ok = sem->count == 0;
	if (ok) {
		sem->count = -1;
		sem->owner = current;
	}
	spin_unlock(&sem->wait_lock);
	if (ok)
		lockdep_acquire(&sem->dep_map, 0, 1, 0, _RET_IP_);
	return ok;
}
EXPORT_SYMBOL(down_write_trylock);

void up_write(struct rw_semaphore *sem)
{
	lockdep_release(&sem->dep_map, _RET_IP_);
	spin_lock(&sem->wait_lock);
	WARN_ON_ONCE(sem->count != -1);
	sem->count = 0;
	sem->owner = NULL;
	rwsem_wake(sem);
	spin_unlock(&sem->wait_lock);
}
EXPORT_SYMBOL(up_write);

void downgrade_write(struct rw_semaphore *sem)
{
	lockdep_downgrade(&sem->dep_map);
	spin_lock(&sem->wait_lock);
	WARN_ON_ONCE(sem->count != -1);
	sem->count = 1;
	sem->owner = NULL;
	/* Readers queued at the head join us; a writer there keeps waiting. */
	rwsem_wake(sem);
	spin_unlock(&sem->wait_lock);
}
EXPORT_SYMBOL(downgrade_write);
