/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues: how a task sleeps until something happens.  The sleeper
 * puts an entry on the queue, sets its state, re-checks the condition and
 * calls schedule(); whoever makes the condition true calls wake_up() on
 * the queue.  Checking after setting the state is what makes a wake-up
 * between the check and schedule() impossible to lose.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode,
				 int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the task */
	wait_queue_func_t func;
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void __init_waitqueue_head(struct wait_queue_head *wq, const char *name,
					 struct lock_class_key *key)
{
	__spin_lock_init(&wq->lock, name, key);
	INIT_LIST_HEAD(&wq->head);
}

/* A macro, so that each place that sets up wait queues is its own lock class. */
#define init_waitqueue_head(wq) do {					\
	static struct lock_class_key __key;				\
	__init_waitqueue_head((wq), #wq, &__key);			\
} while (0)

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			  int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			     int sync, void *key);

#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = function,					\
		.entry = LIST_HEAD_INIT((name).entry),			\
	}
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e);
void add_wait_queue_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e);
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e, int state);
long prepare_to_wait_event(struct wait_queue_head *wq, struct wait_queue_entry *e, int state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e);
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
/*
 * The _poll forms say which poll events happened (the key an epoll
 * watch filters on) and wake every plain waiter but only one exclusive
 * one (EPOLLEXCLUSIVE watches).
 */
#define poll_to_key(m)			((void *)(unsigned long)(m))
#define wake_up_poll(x, m)		__wake_up(x, TASK_NORMAL, 1, poll_to_key(m))
#define wake_up_interruptible_poll(x, m) __wake_up(x, TASK_INTERRUPTIBLE, 1, poll_to_key(m))

static inline int waitqueue_active(struct wait_queue_head *wq)
{
	return !list_empty(&wq->head);
}

/*
 * Sleep in @state until @condition is true.  Returns 0, or -ERESTARTSYS
 * if a signal arrived (interruptible states only).
 */
#define ___wait_event(wq, condition, state, exclusive, ret, cmd) ({	\
	struct wait_queue_entry __wq_entry;				\
	long __ret = ret;						\
	init_wait_entry(&__wq_entry, exclusive ? WQ_FLAG_EXCLUSIVE : 0);	\
	for (;;) {							\
		long __int = prepare_to_wait_event(&wq, &__wq_entry, state); \
		if (condition)						\
			break;						\
		if (__int) {						\
			__ret = __int;					\
			break;						\
		}							\
		cmd;							\
	}								\
	finish_wait(&wq, &__wq_entry);					\
	__ret; })

void init_wait_entry(struct wait_queue_entry *e, int flags);

#define wait_event(wq, condition) do {					\
	if (!(condition))						\
		___wait_event(wq, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule()); \
} while (0)

#define wait_event_interruptible(wq, condition) ({			\
	int __r = 0;							\
	if (!(condition))						\
		__r = ___wait_event(wq, condition, TASK_INTERRUPTIBLE, 0, 0, schedule()); \
	__r; })

#define wait_event_killable(wq, condition) ({				\
	int __r = 0;							\
	if (!(condition))						\
		__r = ___wait_event(wq, condition, TASK_KILLABLE, 0, 0, schedule()); \
	__r; })

/*
 * Sleep until @condition or @timeout jiffies.  Returns 0 on timeout with
 * the condition false, else the jiffies left (at least 1), or
 * -ERESTARTSYS (interruptible form) if a signal came first.
 */
#define ___wait_event_timeout(wq, condition, state, timeout) ({		\
	struct wait_queue_entry __wq_entry;				\
	long __left = (timeout), __int;					\
	init_wait_entry(&__wq_entry, 0);				\
	for (;;) {							\
		__int = prepare_to_wait_event(&wq, &__wq_entry, state);	\
		if (condition) {					\
			__left = __left ? __left : 1;			\
			break;						\
		}							\
		if (__int) {						\
			__left = __int;					\
			break;						\
		}							\
		if (!__left)						\
			break;						\
		__left = schedule_timeout(__left);			\
	}								\
	finish_wait(&wq, &__wq_entry);					\
	__left; })

#define wait_event_interruptible_timeout(wq, condition, timeout)	\
	___wait_event_timeout(wq, condition, TASK_INTERRUPTIBLE, timeout)

#define wait_event_timeout(wq, condition, timeout)			\
	___wait_event_timeout(wq, condition, TASK_UNINTERRUPTIBLE, timeout)

#endif
