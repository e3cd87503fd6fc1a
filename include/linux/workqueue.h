/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Workqueues: deferred work that runs in process context, in a kernel
 * thread (a "kworker"), so it may sleep, allocate and take mutexes.
 * A work item is queued on a workqueue; the workqueue hands it to a pool
 * of workers (one per CPU, one high-priority per CPU, one unbound).
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/timer.h>

struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

/*
 * work->data: the pool_workqueue the item was last queued on, with flag
 * bits in the low bits (the pointer is aligned), as in Linux.
 */
enum {
	WORK_STRUCT_PENDING_BIT	= 0,	/* queued, or claimed by a canceller */
	WORK_STRUCT_FLAG_BITS	= 4,
	WORK_STRUCT_PENDING	= 1UL << WORK_STRUCT_PENDING_BIT,
	WORK_STRUCT_FLAG_MASK	= (1UL << WORK_STRUCT_FLAG_BITS) - 1,
};

struct worker_pool;

struct work_struct {
	unsigned long data;
	struct list_head entry;
	work_func_t func;
	struct worker_pool *last_pool;	/* where it last ran (pools live forever) */
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;	/* where the timer queues it */
	int cpu;
};

#define __WORK_INITIALIZER(n, f) {					\
	.data = 0,							\
	.entry = { &(n).entry, &(n).entry },				\
	.func = (f),							\
}

#define DECLARE_WORK(n, f)	struct work_struct n = __WORK_INITIALIZER(n, f)

void delayed_work_timer_fn(struct timer_list *t);

#define DECLARE_DELAYED_WORK(n, f)					\
	struct delayed_work n = {					\
		.work = __WORK_INITIALIZER((n).work, (f)),		\
		.timer = {						\
			.entry = { &(n).timer.entry, &(n).timer.entry },\
			.function = delayed_work_timer_fn,		\
		},							\
	}

static inline void INIT_WORK(struct work_struct *work, work_func_t func)
{
	work->data = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
	work->last_pool = NULL;
}

static inline void INIT_DELAYED_WORK(struct delayed_work *dwork, work_func_t func)
{
	INIT_WORK(&dwork->work, func);
	timer_setup(&dwork->timer, delayed_work_timer_fn, 0);
	dwork->wq = NULL;
	dwork->cpu = 0;
}

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

#define work_pending(work)	(READ_ONCE((work)->data) & WORK_STRUCT_PENDING)
#define delayed_work_pending(w)	work_pending(&(w)->work)

/* alloc_workqueue flags (Linux's values). */
enum {
	WQ_UNBOUND		= 1 << 1,	/* not bound to a CPU */
	WQ_FREEZABLE		= 1 << 2,
	WQ_MEM_RECLAIM		= 1 << 3,
	WQ_HIGHPRI		= 1 << 4,	/* the high-priority (nice -20) pool */
	WQ_CPU_INTENSIVE	= 1 << 5,
	WQ_SYSFS		= 1 << 6,
	__WQ_ORDERED		= 1 << 17,

	WQ_MAX_ACTIVE		= 512,
	WQ_DFL_ACTIVE		= WQ_MAX_ACTIVE / 2,
};

#define WORK_CPU_UNBOUND	(-1)

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;

__printf(1, 4)
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...);
#define alloc_ordered_workqueue(fmt, flags, args...)			\
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name)		alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, name)
void destroy_workqueue(struct workqueue_struct *wq);

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
			 struct delayed_work *dwork, unsigned long delay);
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
struct work_struct *current_work(void);
bool current_is_workqueue_rescuer(void);
void workqueue_init_early(void);

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

static inline bool queue_delayed_work(struct workqueue_struct *wq,
				      struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool mod_delayed_work(struct workqueue_struct *wq,
				    struct delayed_work *dwork, unsigned long delay)
{
	return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

#define flush_scheduled_work()	flush_workqueue(system_wq)

#endif
