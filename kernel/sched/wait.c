// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues (see <linux/wait.h>) and completions.  A wake-up walks the
 * queue under its lock calling each entry's function; the default one
 * wakes the entry's task.  Exclusive waiters (at the tail) are woken one
 * at a time, so a crowd waiting for one resource is not stampeded.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	unsigned long flags;

	e->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq->lock, flags);
	list_add(&e->entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}
EXPORT_SYMBOL(add_wait_queue);

void add_wait_queue_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	unsigned long flags;

	e->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq->lock, flags);
	list_add_tail(&e->entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}
EXPORT_SYMBOL(add_wait_queue_exclusive);

void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&e->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}
EXPORT_SYMBOL(remove_wait_queue);

int default_wake_function(struct wait_queue_entry *e, unsigned mode, int flags, void *key)
{
	return wake_up_state(e->private, mode);
}
EXPORT_SYMBOL(default_wake_function);

int autoremove_wake_function(struct wait_queue_entry *e, unsigned mode, int sync, void *key)
{
	int ret = default_wake_function(e, mode, sync, key);

	if (ret)
		list_del_init(&e->entry);
	return ret;
}
EXPORT_SYMBOL(autoremove_wake_function);

void init_wait_entry(struct wait_queue_entry *e, int flags)
{
	e->flags = flags;
	e->private = current;
	e->func = autoremove_wake_function;
	INIT_LIST_HEAD(&e->entry);
}
EXPORT_SYMBOL(init_wait_entry);

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, int state)
{
	unsigned long flags;

	e->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&e->entry))
		list_add(&e->entry, &wq->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}
EXPORT_SYMBOL(prepare_to_wait);

void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e,
			       int state)
{
	unsigned long flags;

	e->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&e->entry))
		list_add_tail(&e->entry, &wq->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}
EXPORT_SYMBOL(prepare_to_wait_exclusive);

/* As prepare_to_wait, but returns -ERESTARTSYS instead of sleeping through a signal. */
long prepare_to_wait_event(struct wait_queue_head *wq, struct wait_queue_entry *e, int state)
{
	unsigned long flags;
	long ret = 0;

	spin_lock_irqsave(&wq->lock, flags);
	if (((state & TASK_INTERRUPTIBLE) && signal_pending(current)) ||
	    ((state & TASK_WAKEKILL) && fatal_signal_pending(current))) {
		list_del_init(&e->entry);
		ret = -ERESTARTSYS;
	} else {
		if (list_empty(&e->entry)) {
			if (e->flags & WQ_FLAG_EXCLUSIVE)
				list_add_tail(&e->entry, &wq->head);
			else
				list_add(&e->entry, &wq->head);
		}
		set_current_state(state);
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	return ret;
}
EXPORT_SYMBOL(prepare_to_wait_event);

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	if (!list_empty(&e->entry)) {
		spin_lock_irqsave(&wq->lock, flags);
		list_del_init(&e->entry);
		spin_unlock_irqrestore(&wq->lock, flags);
	}
}
EXPORT_SYMBOL(finish_wait);

/* Wake non-exclusive waiters and up to @nr exclusive ones (0: all). */
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key)
{
	struct wait_queue_entry *e, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry_safe(e, next, &wq->head, entry) {
		unsigned int eflags = e->flags;

		if (e->func(e, mode, 0, key) && (eflags & WQ_FLAG_EXCLUSIVE) && !--nr)
			break;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}
EXPORT_SYMBOL(__wake_up);

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up(&x->wait);
}
EXPORT_SYMBOL(complete);

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up_all(&x->wait);
}
EXPORT_SYMBOL(complete_all);

static bool try_consume(struct completion *x)
{
	unsigned long flags;
	bool ok = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != UINT_MAX)
			x->done--;
		ok = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ok;
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_consume(x));
}
EXPORT_SYMBOL(wait_for_completion);

int wait_for_completion_killable(struct completion *x)
{
	return wait_event_killable(x->wait, try_consume(x));
}
EXPORT_SYMBOL(wait_for_completion_killable);
