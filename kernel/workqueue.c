// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues: deferred work in process context.
 *
 * The pieces, from the caller down (Linux's names):
 *   work_struct      one item: a function and its place on a list
 *   workqueue_struct what callers queue on (system_wq, or their own from
 *                    alloc_workqueue); its flags choose the pool and its
 *                    max_active caps how many of its items run at once
 *   pool_workqueue   the link from one workqueue to one pool: counts the
 *                    workqueue's items in flight (for flush and destroy)
 *                    and holds the ones over max_active back
 *   worker_pool      a list of pending items and the kworker threads that
 *                    run them: per CPU a normal and a high-priority pool
 *                    (kworker/0:N, kworker/0:NH), and one unbound pool
 *                    (kworker/uP:N)
 *   worker           one kworker thread
 *
 * Items are run by whichever worker of the pool is free.  Before it runs
 * an item a worker makes sure the pool still has an idle worker, creating
 * one if not: so when an item sleeps, the next one need not wait for it.
 * An item is never run by two workers at once: if it was queued again
 * while running, the worker already running it takes it next.
 *
 * Works that must not sleep belong in a tasklet or softirq instead
 * (kernel/softirq.c); a workqueue is for everything that may.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <asm/smp.h>

#define WQ_NAME_LEN	24

enum {
	POOL_NORMAL,
	POOL_HIGHPRI,
	NR_STD_WORKER_POOLS,
};

struct worker_pool {
	spinlock_t lock;		/* guards everything below */
	int cpu;			/* bound CPU, or -1 */
	int id;				/* in kworker/uID:N for unbound pools */
	bool highpri;
	struct list_head worklist;	/* work_struct.entry */
	struct list_head workers;	/* worker.node */
	int nr_workers, nr_idle;
	int next_worker_id;
	bool creating;			/* a worker is making a new worker */
};

struct worker {
	struct list_head node;		/* in pool->workers; lock: pool->lock */
	struct worker_pool *pool;
	struct task_struct *task;
	struct work_struct *current_work;	/* lock: pool->lock */
	work_func_t current_func;
	struct pool_workqueue *current_pwq;
	struct list_head scheduled;	/* items only this worker may run */
	bool idle;
};

struct pool_workqueue {
	struct worker_pool *pool;
	struct workqueue_struct *wq;
	int nr_in_flight;		/* queued or running; lock: pool->lock */
	int nr_active;			/* on the worklist or running */
	struct list_head inactive_works; /* over max_active, waiting */
} __aligned(1 << WORK_STRUCT_FLAG_BITS);

struct workqueue_struct {
	char name[WQ_NAME_LEN];
	unsigned int flags;
	int max_active;
	struct list_head list;		/* in workqueues; lock: wq_list_lock */
	struct pool_workqueue *pwqs[CONFIG_NR_CPUS];	/* [0] only if unbound */
};

static DEFINE_PER_CPU(struct worker_pool, cpu_worker_pools[NR_STD_WORKER_POOLS]);
static struct worker_pool unbound_pool;
static LIST_HEAD(workqueues);
static DEFINE_SPINLOCK(wq_list_lock);
/* Woken whenever an item finishes: flushers wait here. */
static DECLARE_WAIT_QUEUE_HEAD(wq_flush_waitq);
static bool wq_online;		/* workers can be created */

struct workqueue_struct *system_wq;
EXPORT_SYMBOL(system_wq);
struct workqueue_struct *system_highpri_wq;
EXPORT_SYMBOL(system_highpri_wq);
struct workqueue_struct *system_long_wq;
EXPORT_SYMBOL(system_long_wq);
struct workqueue_struct *system_unbound_wq;
EXPORT_SYMBOL(system_unbound_wq);

static struct pool_workqueue *work_pwq(struct work_struct *work)
{
	return (struct pool_workqueue *)(READ_ONCE(work->data) & ~WORK_STRUCT_FLAG_MASK);
}

static void set_work_pwq(struct work_struct *work, struct pool_workqueue *pwq,
			 unsigned long flags)
{
	WRITE_ONCE(work->data, (unsigned long)pwq | flags);
}

static bool test_and_set_pending(struct work_struct *work)
{
	return __atomic_fetch_or(&work->data, WORK_STRUCT_PENDING, __ATOMIC_ACQ_REL) &
	       WORK_STRUCT_PENDING;
}

static void clear_pending(struct work_struct *work)
{
	__atomic_fetch_and(&work->data, ~WORK_STRUCT_PENDING, __ATOMIC_RELEASE);
}

/* Called with pool->lock held. */
static struct worker *find_worker_executing_work(struct worker_pool *pool,
						 struct work_struct *work)
{
	struct worker *worker;

	lockdep_assert_held(&pool->lock);
	list_for_each_entry(worker, &pool->workers, node)
		if (worker->current_work == work && worker->current_func == work->func)
			return worker;
	return NULL;
}

static void wake_up_worker(struct worker_pool *pool)
{
	struct worker *worker;

	list_for_each_entry(worker, &pool->workers, node) {
		if (worker->idle) {
			wake_up_process(worker->task);
			return;
		}
	}
}

/* Put an item where a worker finds it.  pool->lock held. */
static void insert_work(struct pool_workqueue *pwq, struct work_struct *work)
{
	struct worker_pool *pool = pwq->pool;

	pwq->nr_in_flight++;
	if (pwq->nr_active >= pwq->wq->max_active) {
		list_add_tail(&work->entry, &pwq->inactive_works);
		return;
	}
	pwq->nr_active++;
	list_add_tail(&work->entry, &pool->worklist);
	wake_up_worker(pool);
}

static struct pool_workqueue *select_pwq(struct workqueue_struct *wq, int cpu)
{
	if (wq->flags & WQ_UNBOUND)
		return wq->pwqs[0];
	if (cpu == WORK_CPU_UNBOUND || cpu < 0 || (unsigned int)cpu >= nr_cpu_ids)
		cpu = smp_processor_id();
	return wq->pwqs[cpu];
}

/*
 * The caller owns PENDING.  An item still running in another pool (it
 * was queued on another CPU last time) goes back to that pool, whose
 * worker takes it next: queued on this CPU's pool instead, a second
 * worker could run it at the same time (Linux's non-reentrancy rule).
 */
static void __queue_work(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	struct pool_workqueue *pwq = select_pwq(wq, cpu);
	struct worker_pool *pool = pwq->pool, *last = READ_ONCE(work->last_pool);
	unsigned long flags;

	if (last && last != pool) {
		struct worker *worker;

		spin_lock_irqsave(&last->lock, flags);
		worker = find_worker_executing_work(last, work);
		if (worker && worker->current_pwq->wq == wq) {
			pwq = worker->current_pwq;
			pool = last;
			goto locked;
		}
		spin_unlock_irqrestore(&last->lock, flags);
	}
	spin_lock_irqsave(&pool->lock, flags);
locked:
	set_work_pwq(work, pwq, WORK_STRUCT_PENDING);
	insert_work(pwq, work);
	spin_unlock_irqrestore(&pool->lock, flags);
}

/*
 * Queue @work unless it is already pending.  Safe from any context,
 * interrupts included.  Returns false if it was pending already.
 */
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	if (test_and_set_pending(work))
		return false;
	__queue_work(cpu, wq, work);
	return true;
}
EXPORT_SYMBOL(queue_work_on);

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	__queue_work(dwork->cpu, dwork->wq, &dwork->work);
}
EXPORT_SYMBOL(delayed_work_timer_fn);

static void __queue_delayed_work(int cpu, struct workqueue_struct *wq,
				 struct delayed_work *dwork, unsigned long delay)
{
	if (!delay) {
		__queue_work(cpu, wq, &dwork->work);
		return;
	}
	dwork->wq = wq;
	dwork->cpu = cpu;
	dwork->timer.function = delayed_work_timer_fn;
	mod_timer(&dwork->timer, jiffies + delay);
}

/* Queue @dwork after @delay jiffies, unless it is already pending. */
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay)
{
	if (test_and_set_pending(&dwork->work))
		return false;
	__queue_delayed_work(cpu, wq, dwork, delay);
	return true;
}
EXPORT_SYMBOL(queue_delayed_work_on);

/*
 * Take PENDING away from a queued or timed item so that nothing runs it:
 * afterwards the caller owns PENDING.  Returns true if the item was
 * pending (and is no longer queued), false if it was idle.
 */
static bool try_to_grab_pending(struct work_struct *work, bool is_dwork)
{
	for (;;) {
		struct pool_workqueue *pwq;
		struct worker_pool *pool;
		unsigned long flags;
		bool found = false;

		if (!test_and_set_pending(work))
			return false;
		if (is_dwork && del_timer(&to_delayed_work(work)->timer))
			return true;
		pwq = work_pwq(work);
		if (!pwq)
			continue;	/* being queued right now: try again */
		pool = pwq->pool;
		spin_lock_irqsave(&pool->lock, flags);
		if (!list_empty(&work->entry) && work_pwq(work) == pwq) {
			struct pool_workqueue *owner = work_pwq(work);
			bool inactive = false;
			struct work_struct *w;

			list_for_each_entry(w, &owner->inactive_works, entry)
				if (w == work)
					inactive = true;
			list_del_init(&work->entry);
			owner->nr_in_flight--;
			if (!inactive)
				owner->nr_active--;
			found = true;
		}
		spin_unlock_irqrestore(&pool->lock, flags);
		if (found) {
			wake_up_all(&wq_flush_waitq);
			return true;
		}
		/* Pending but on no list: a timer about to queue it.  Yield. */
		if (!in_interrupt())
			schedule();
	}
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
			 struct delayed_work *dwork, unsigned long delay)
{
	bool was_pending = try_to_grab_pending(&dwork->work, true);

	__queue_delayed_work(cpu, wq, dwork, delay);
	return was_pending;
}
EXPORT_SYMBOL(mod_delayed_work_on);

static bool work_is_running(struct work_struct *work)
{
	struct pool_workqueue *pwq = work_pwq(work);
	unsigned long flags;
	bool running;

	if (!pwq)
		return false;
	spin_lock_irqsave(&pwq->pool->lock, flags);
	running = find_worker_executing_work(pwq->pool, work) != NULL;
	spin_unlock_irqrestore(&pwq->pool->lock, flags);
	return running;
}

/*
 * Wait until @work has finished its last queued run.  Returns true if it
 * had to wait.  May sleep.  (An item that keeps re-queuing itself keeps
 * its flusher waiting: Linux waits for one instance only.)
 */
bool flush_work(struct work_struct *work)
{
	bool waited = false;

	while (work_pending(work) || work_is_running(work)) {
		waited = true;
		wait_event_timeout(wq_flush_waitq,
				   !work_pending(work) && !work_is_running(work), HZ);
	}
	return waited;
}
EXPORT_SYMBOL(flush_work);

bool flush_delayed_work(struct delayed_work *dwork)
{
	if (del_timer_sync(&dwork->timer))
		__queue_work(dwork->cpu, dwork->wq, &dwork->work);
	return flush_work(&dwork->work);
}
EXPORT_SYMBOL(flush_delayed_work);

static bool __cancel_work(struct work_struct *work, bool is_dwork, bool sync)
{
	bool was_pending = try_to_grab_pending(work, is_dwork);

	/* We own PENDING: nobody can queue it while we wait for a run to end. */
	if (sync)
		while (work_is_running(work))
			wait_event_timeout(wq_flush_waitq, !work_is_running(work), HZ);
	clear_pending(work);
	return was_pending;
}

bool cancel_work(struct work_struct *work)
{
	return __cancel_work(work, false, false);
}
EXPORT_SYMBOL(cancel_work);

bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work(work, false, true);
}
EXPORT_SYMBOL(cancel_work_sync);

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true, false);
}
EXPORT_SYMBOL(cancel_delayed_work);

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true, true);
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

static int wq_in_flight(struct workqueue_struct *wq)
{
	unsigned int cpu, n = (wq->flags & WQ_UNBOUND) ? 1 : nr_cpu_ids;
	int total = 0;

	for (cpu = 0; cpu < n; cpu++) {
		struct pool_workqueue *pwq = wq->pwqs[cpu];
		unsigned long flags;

		spin_lock_irqsave(&pwq->pool->lock, flags);
		total += pwq->nr_in_flight;
		spin_unlock_irqrestore(&pwq->pool->lock, flags);
	}
	return total;
}

/* Wait until every item queued on @wq has run (and any they queued). */
void flush_workqueue(struct workqueue_struct *wq)
{
	while (wq_in_flight(wq))
		wait_event_timeout(wq_flush_waitq, !wq_in_flight(wq), HZ);
}
EXPORT_SYMBOL(flush_workqueue);

void drain_workqueue(struct workqueue_struct *wq)
{
	flush_workqueue(wq);
}

/* An item finished: let the next held-back item of its workqueue go. */
static void pwq_dec_nr_in_flight(struct pool_workqueue *pwq)
{
	pwq->nr_in_flight--;
	pwq->nr_active--;
	if (!list_empty(&pwq->inactive_works) && pwq->nr_active < pwq->wq->max_active) {
		struct work_struct *next = list_first_entry(&pwq->inactive_works,
							    struct work_struct, entry);

		list_move_tail(&next->entry, &pwq->pool->worklist);
		pwq->nr_active++;
	}
}

/*
 * Run one item.  pool->lock held on entry and exit, dropped around the
 * call.  If another worker is running the same item, it is handed over
 * to that worker instead, so one item never runs twice at once.
 */
static void process_one_work(struct worker *worker, struct work_struct *work,
			     unsigned long *flags)
{
	struct worker_pool *pool = worker->pool;
	struct pool_workqueue *pwq = work_pwq(work);
	struct worker *collision = find_worker_executing_work(pool, work);

	if (collision && collision != worker) {
		list_move_tail(&work->entry, &collision->scheduled);
		return;
	}
	list_del_init(&work->entry);
	worker->current_work = work;
	worker->current_func = work->func;
	worker->current_pwq = pwq;
	WRITE_ONCE(work->last_pool, pool);
	/* From here on it may be queued again, even by its own function. */
	set_work_pwq(work, pwq, 0);
	spin_unlock_irqrestore(&pool->lock, *flags);

	worker->current_func(work);
	if (preempt_count())
		pr_err("workqueue: %ps left preempt_count %#x\n",
		       worker->current_func, preempt_count());

	spin_lock_irqsave(&pool->lock, *flags);
	worker->current_work = NULL;
	worker->current_func = NULL;
	worker->current_pwq = NULL;
	pwq_dec_nr_in_flight(pwq);
	wake_up_all(&wq_flush_waitq);
}

static int create_worker(struct worker_pool *pool);

static int worker_thread(void *arg)
{
	struct worker *worker = arg;
	struct worker_pool *pool = worker->pool;
	unsigned long flags;

	if (pool->highpri)
		set_user_nice(current, MIN_NICE);
	spin_lock_irqsave(&pool->lock, flags);
	for (;;) {
		while (list_empty(&pool->worklist)) {
			worker->idle = true;
			pool->nr_idle++;
			set_current_state(TASK_INTERRUPTIBLE);
			spin_unlock_irqrestore(&pool->lock, flags);
			schedule();
			spin_lock_irqsave(&pool->lock, flags);
			pool->nr_idle--;
			worker->idle = false;
		}
		/* Keep one worker idle, so a sleeping item does not block the rest. */
		if (!pool->nr_idle && !pool->creating && wq_online) {
			pool->creating = true;
			spin_unlock_irqrestore(&pool->lock, flags);
			create_worker(pool);
			spin_lock_irqsave(&pool->lock, flags);
			pool->creating = false;
			continue;
		}
		process_one_work(worker, list_first_entry(&pool->worklist,
							  struct work_struct, entry), &flags);
		while (!list_empty(&worker->scheduled))
			process_one_work(worker, list_first_entry(&worker->scheduled,
								  struct work_struct, entry),
					 &flags);
	}
	return 0;
}

/* Start one more kworker for @pool.  May sleep. */
static int create_worker(struct worker_pool *pool)
{
	struct worker *worker = kzalloc(sizeof(*worker), GFP_KERNEL);
	struct task_struct *task;
	unsigned long flags;
	int id;

	if (!worker)
		return -ENOMEM;
	INIT_LIST_HEAD(&worker->scheduled);
	INIT_LIST_HEAD(&worker->node);
	worker->pool = pool;
	spin_lock_irqsave(&pool->lock, flags);
	id = pool->next_worker_id++;
	spin_unlock_irqrestore(&pool->lock, flags);

	if (pool->cpu >= 0)
		task = kthread_create(worker_thread, worker, "kworker/%d:%d%s",
				      pool->cpu, id, pool->highpri ? "H" : "");
	else
		task = kthread_create(worker_thread, worker, "kworker/u%d:%d", pool->id, id);
	if (IS_ERR(task)) {
		kfree(worker);
		return PTR_ERR(task);
	}
	worker->task = task;
	task->flags |= PF_WQ_WORKER;
	if (pool->cpu >= 0)
		kthread_bind(task, pool->cpu);	/* a per-CPU pool's work runs on its CPU */
	spin_lock_irqsave(&pool->lock, flags);
	list_add_tail(&worker->node, &pool->workers);
	pool->nr_workers++;
	spin_unlock_irqrestore(&pool->lock, flags);
	wake_up_process(task);
	return 0;
}

/* The item the calling kworker is running, or NULL outside a kworker. */
struct work_struct *current_work(void)
{
	struct worker_pool *pools[NR_STD_WORKER_POOLS + 1];
	struct work_struct *work = NULL;
	unsigned int i;

	if (!(current->flags & PF_WQ_WORKER))
		return NULL;
	pools[0] = &unbound_pool;
	for (i = 0; i < NR_STD_WORKER_POOLS; i++)
		pools[i + 1] = &this_cpu_ptr(&cpu_worker_pools[0])[i];
	for (i = 0; i < ARRAY_SIZE(pools) && !work; i++) {
		struct worker *worker;
		unsigned long flags;

		spin_lock_irqsave(&pools[i]->lock, flags);
		list_for_each_entry(worker, &pools[i]->workers, node)
			if (worker->task == current)
				work = worker->current_work;
		spin_unlock_irqrestore(&pools[i]->lock, flags);
	}
	return work;
}

bool current_is_workqueue_rescuer(void)
{
	return false;	/* no rescuers: WQ_MEM_RECLAIM is accepted and ignored */
}

static struct pool_workqueue *alloc_pwq(struct workqueue_struct *wq,
					struct worker_pool *pool)
{
	struct pool_workqueue *pwq = kzalloc(sizeof(*pwq), GFP_KERNEL);

	if (!pwq)
		return NULL;
	pwq->pool = pool;
	pwq->wq = wq;
	INIT_LIST_HEAD(&pwq->inactive_works);
	return pwq;
}

static void free_pwqs(struct workqueue_struct *wq)
{
	unsigned int cpu;

	for (cpu = 0; cpu < CONFIG_NR_CPUS; cpu++)
		kfree(wq->pwqs[cpu]);
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	unsigned int cpu;
	va_list args;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	wq->flags = flags;
	if (max_active <= 0)
		max_active = WQ_DFL_ACTIVE;
	wq->max_active = min(max_active, (int)WQ_MAX_ACTIVE);
	INIT_LIST_HEAD(&wq->list);

	if (flags & WQ_UNBOUND) {
		wq->pwqs[0] = alloc_pwq(wq, &unbound_pool);
		if (!wq->pwqs[0])
			goto out_free;
	} else {
		for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
			struct worker_pool *pools = per_cpu_ptr(&cpu_worker_pools[0], cpu);

			wq->pwqs[cpu] = alloc_pwq(wq, &pools[(flags & WQ_HIGHPRI) ?
							     POOL_HIGHPRI : POOL_NORMAL]);
			if (!wq->pwqs[cpu])
				goto out_free;
		}
	}
	spin_lock(&wq_list_lock);
	list_add_tail(&wq->list, &workqueues);
	spin_unlock(&wq_list_lock);
	return wq;

out_free:
	free_pwqs(wq);
	kfree(wq);
	return NULL;
}
EXPORT_SYMBOL(alloc_workqueue);

/* Run everything still queued, then free.  Nothing may queue on it after. */
void destroy_workqueue(struct workqueue_struct *wq)
{
	drain_workqueue(wq);
	spin_lock(&wq_list_lock);
	list_del(&wq->list);
	spin_unlock(&wq_list_lock);
	free_pwqs(wq);
	kfree(wq);
}
EXPORT_SYMBOL(destroy_workqueue);

static void init_worker_pool(struct worker_pool *pool, int cpu, int id, bool highpri)
{
	spin_lock_init(&pool->lock);
	pool->cpu = cpu;
	pool->id = id;
	pool->highpri = highpri;
	INIT_LIST_HEAD(&pool->worklist);
	INIT_LIST_HEAD(&pool->workers);
}

/*
 * Early: the pools and the system workqueues exist, so work can be
 * queued before any kworker runs (it waits for them).
 */
void __init workqueue_init_early(void)
{
	unsigned int cpu, i;
	int id = 0;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		for (i = 0; i < NR_STD_WORKER_POOLS; i++)
			init_worker_pool(&per_cpu_ptr(&cpu_worker_pools[0], cpu)[i],
					 cpu, id++, i == POOL_HIGHPRI);
	init_worker_pool(&unbound_pool, -1, id, false);

	system_wq = alloc_workqueue("events", 0, 0);
	system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = alloc_workqueue("events_long", 0, 0);
	system_unbound_wq = alloc_workqueue("events_unbound", WQ_UNBOUND, WQ_MAX_ACTIVE);
	if (!system_wq || !system_highpri_wq || !system_long_wq || !system_unbound_wq)
		panic("workqueue: cannot allocate the system workqueues");
}

/* Once kthreadd runs: the first kworker of every pool. */
static int __init workqueue_init_workers(void)
{
	unsigned int cpu, i;

	wq_online = true;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		for (i = 0; i < NR_STD_WORKER_POOLS; i++)
			create_worker(&per_cpu_ptr(&cpu_worker_pools[0], cpu)[i]);
	create_worker(&unbound_pool);
	return 0;
}
core_initcall(workqueue_init_workers);
