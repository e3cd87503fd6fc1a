// SPDX-License-Identifier: GPL-2.0
/*
 * Softirqs and tasklets: the bottom halves of interrupt handling.
 *
 * A hardware interrupt handler runs with interrupts off and must be
 * short; what it cannot finish at once it hands to a softirq by raising
 * one of the NR_SOFTIRQS vectors (a bit in this CPU's pending mask).
 * Pending softirqs run:
 *   - in irq_exit(), when the outermost hard interrupt ends, with
 *     interrupts back on (so new interrupts are not delayed by them);
 *   - in local_bh_enable(), when process code that held them off is done;
 *   - in ksoftirqd/N, a per-CPU kernel thread, when __do_softirq() has
 *     used its budget (2 ms or 10 rounds) and softirqs keep coming: then
 *     the rest competes with user tasks instead of starving them.
 * While a softirq runs, preempt_count's SOFTIRQ_OFFSET bit is set: that
 * is what in_softirq()/in_serving_softirq() read, and why a second
 * interrupt arriving meanwhile does not start softirqs again (no nesting).
 *
 * Tasklets (the second half of this file) are the dynamic form: any code
 * can schedule a tasklet_struct; HI_SOFTIRQ and TASKLET_SOFTIRQ run the
 * per-CPU lists.  The timer wheel runs from TIMER_SOFTIRQ (kernel/time/
 * timer.c), hrtimer callbacks from HRTIMER_SOFTIRQ, RCU callbacks from
 * RCU_SOFTIRQ.  Work that must sleep goes to a workqueue instead.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/rcupdate.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/time64.h>
#include <trace/events/irq.h>
#include <asm/smp.h>

/* Linux's budget for one __do_softirq() before ksoftirqd takes over. */
#define MAX_SOFTIRQ_TIME_NS	(2 * NSEC_PER_MSEC)
#define MAX_SOFTIRQ_RESTART	10

const char *const softirq_to_name[NR_SOFTIRQS] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL",
	"TASKLET", "SCHED", "HRTIMER", "RCU"
};

static struct softirq_action softirq_vec[NR_SOFTIRQS];

/* Per CPU, written only by that CPU with interrupts off. */
static DEFINE_PER_CPU(unsigned int, softirq_pending);
static DEFINE_PER_CPU(unsigned int, softirq_count[NR_SOFTIRQS]);
static DEFINE_PER_CPU(struct task_struct *, ksoftirqd);

unsigned int local_softirq_pending(void)
{
	return this_cpu_read(softirq_pending);
}

unsigned int kstat_softirqs_cpu(unsigned int irq, int cpu)
{
	return per_cpu(softirq_count, cpu)[irq];
}

static void wakeup_softirqd(void)
{
	struct task_struct *tsk = this_cpu_read(ksoftirqd);

	if (tsk)
		wake_up_process(tsk);
}

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

/* Interrupts must be off. */
void __raise_softirq_irqoff(unsigned int nr)
{
	unsigned int *pending = this_cpu_ptr(&softirq_pending);

	*pending |= 1U << nr;
}

/*
 * Raised from process context, nothing would run it until the next
 * interrupt: wake ksoftirqd.  From an interrupt, irq_exit will run it.
 */
void raise_softirq_irqoff(unsigned int nr)
{
	__raise_softirq_irqoff(nr);
	if (!in_interrupt())
		wakeup_softirqd();
}

void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(raise_softirq);

static void run_softirq_vector(unsigned int nr)
{
	struct softirq_action *h = &softirq_vec[nr];
	unsigned int *count = this_cpu_ptr(&softirq_count[0]);

	count[nr]++;
	trace_softirq_entry(nr);
	if (h->action)
		h->action(h);
	else
		pr_warn_once("softirq: %s raised but never opened\n", softirq_to_name[nr]);
	trace_softirq_exit(nr);
}

/*
 * Run pending softirqs.  Called with interrupts off and not in interrupt
 * context; returns with interrupts off.  Each round takes the whole
 * pending mask at once, so a vector raised while its handler runs comes
 * round again in the next round, not this one.
 */
void __do_softirq(void)
{
	u64 end = sched_clock() + MAX_SOFTIRQ_TIME_NS;
	int restart = MAX_SOFTIRQ_RESTART;
	unsigned int pending;

	__preempt_count_add(SOFTIRQ_OFFSET);
restart:
	pending = local_softirq_pending();
	this_cpu_write(softirq_pending, 0);
	local_irq_enable();
	while (pending) {
		unsigned int nr = __builtin_ctz(pending);

		pending &= pending - 1;
		run_softirq_vector(nr);
	}
	local_irq_disable();
	if (local_softirq_pending()) {
		if (sched_clock() < end && !need_resched() && --restart)
			goto restart;
		wakeup_softirqd();
	}
	__preempt_count_sub(SOFTIRQ_OFFSET);
}

void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (local_softirq_pending())
		__do_softirq();
	local_irq_restore(flags);
}

/*
 * The end of a hardware interrupt.  Interrupts are still off here; the
 * softirqs of the outermost interrupt run with them on, on this stack.
 */
void irq_exit(void)
{
	__preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		__do_softirq();
	if (!hardirq_count())
		rcu_irq_exit();
}

void local_bh_disable(void)
{
	__preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
	barrier();
}
EXPORT_SYMBOL(local_bh_disable);

void local_bh_enable(void)
{
	barrier();
	__preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		do_softirq();
}
EXPORT_SYMBOL(local_bh_enable);

/*
 * ksoftirqd/N: runs softirqs that irq_exit left over or that process
 * code raised.  A normal-priority task: under a softirq flood user
 * programs still get their share of this CPU.
 */
static int ksoftirqd_should_run(void)
{
	return local_softirq_pending() != 0;
}

static int run_ksoftirqd(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!ksoftirqd_should_run()) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		local_irq_disable();
		if (local_softirq_pending() && !in_interrupt())
			__do_softirq();
		local_irq_enable();
		cond_resched();
	}
	return 0;
}

static int __init spawn_ksoftirqd(void)
{
	struct task_struct *tsk;
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		tsk = kthread_create(run_ksoftirqd, NULL, "ksoftirqd/%u", cpu);
		if (IS_ERR(tsk)) {
			pr_err("softirq: cannot start ksoftirqd/%u: %ld\n", cpu, PTR_ERR(tsk));
			return PTR_ERR(tsk);
		}
		kthread_bind(tsk, cpu);
		per_cpu(ksoftirqd, cpu) = tsk;
		wake_up_process(tsk);
	}
	return 0;
}
core_initcall(spawn_ksoftirqd);

/*
 * Tasklets.  Each CPU has two singly linked lists (tail pointer for FIFO
 * order), one per vector.  SCHED says "on a list"; RUN says "running";
 * the runner takes RUN before clearing SCHED, so a tasklet rescheduled
 * from its own function is queued again but waits for RUN to clear before
 * a second CPU could start it: one tasklet never runs twice at once.
 */
struct tasklet_head {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;
};

static DEFINE_PER_CPU(struct tasklet_head, tasklet_vec);
static DEFINE_PER_CPU(struct tasklet_head, tasklet_hi_vec);

static void tasklet_clear_bit(unsigned long *state, int bit)
{
	__atomic_fetch_and(state, ~(1UL << bit), __ATOMIC_RELEASE);
}

static bool tasklet_trylock(struct tasklet_struct *t)
{
	return !tasklet_test_and_set(&t->state, TASKLET_STATE_RUN);
}

static void __tasklet_schedule_common(struct tasklet_struct *t,
				      struct tasklet_head *head, unsigned int nr)
{
	struct tasklet_head *h;
	unsigned long flags;

	local_irq_save(flags);
	h = this_cpu_ptr(head);
	t->next = NULL;
	*h->tail = t;
	h->tail = &t->next;
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

void __tasklet_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, &tasklet_vec, TASKLET_SOFTIRQ);
}
EXPORT_SYMBOL(__tasklet_schedule);

void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, &tasklet_hi_vec, HI_SOFTIRQ);
}
EXPORT_SYMBOL(__tasklet_hi_schedule);

static void tasklet_call(struct tasklet_struct *t)
{
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
}

static void tasklet_action_common(struct tasklet_head *head, unsigned int nr)
{
	struct tasklet_struct *list;
	struct tasklet_head *h;

	local_irq_disable();
	h = this_cpu_ptr(head);
	list = h->head;
	h->head = NULL;
	h->tail = &h->head;
	local_irq_enable();

	while (list) {
		struct tasklet_struct *t = list;

		list = list->next;
		if (tasklet_trylock(t)) {
			if (!atomic_read(&t->count)) {
				tasklet_clear_bit(&t->state, TASKLET_STATE_SCHED);
				tasklet_call(t);
				tasklet_clear_bit(&t->state, TASKLET_STATE_RUN);
				continue;
			}
			tasklet_clear_bit(&t->state, TASKLET_STATE_RUN);
		}
		/* Disabled or running elsewhere: put it back for later. */
		local_irq_disable();
		t->next = NULL;
		*h->tail = t;
		h->tail = &t->next;
		__raise_softirq_irqoff(nr);
		local_irq_enable();
	}
}

static void tasklet_action(struct softirq_action *a)
{
	tasklet_action_common(&tasklet_vec, TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(struct softirq_action *a)
{
	tasklet_action_common(&tasklet_hi_vec, HI_SOFTIRQ);
}

void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->callback = callback;
	t->use_callback = true;
	t->data = 0;
}
EXPORT_SYMBOL(tasklet_setup);

void tasklet_init(struct tasklet_struct *t,
		  void (*func)(unsigned long), unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->use_callback = false;
	t->data = data;
}
EXPORT_SYMBOL(tasklet_init);

/* Wait until @t's function is not running (on another CPU, or below us). */
void tasklet_unlock_wait(struct tasklet_struct *t)
{
	while (READ_ONCE(t->state) & (1UL << TASKLET_STATE_RUN)) {
		if (in_interrupt())
			cpu_relax();
		else
			schedule();
	}
}

/*
 * Make sure @t is neither queued nor running, and will not run again
 * unless rescheduled.  Sleeps (yields) while it waits: process context.
 */
void tasklet_kill(struct tasklet_struct *t)
{
	if (in_interrupt())
		pr_warn_once("tasklet_kill called from interrupt context\n");
	while (tasklet_test_and_set(&t->state, TASKLET_STATE_SCHED)) {
		/* Queued: let it run (ksoftirqd or the next interrupt). */
		local_bh_disable();
		local_bh_enable();
		if (READ_ONCE(t->state) & (1UL << TASKLET_STATE_SCHED))
			schedule();
	}
	tasklet_unlock_wait(t);
	tasklet_clear_bit(&t->state, TASKLET_STATE_SCHED);
}
EXPORT_SYMBOL(tasklet_kill);

void __init softirq_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		per_cpu(tasklet_vec, cpu).tail = &per_cpu(tasklet_vec, cpu).head;
		per_cpu(tasklet_hi_vec, cpu).tail = &per_cpu(tasklet_hi_vec, cpu).head;
	}
	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}
