// SPDX-License-Identifier: GPL-2.0
/*
 * Self-tests of the bottom halves (ktest=softirq,tasklet): where and when
 * softirqs and tasklets run, and in which context.  Each check prints the
 * context it saw, so dmesg shows the seed's Q4 table happening: process
 * context can sleep, softirq context cannot, and tasklets are serialized.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/ktest.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/timer.h>

/* IRQ_POLL has no user yet: the test borrows it and gives it back. */
#define TEST_SOFTIRQ	IRQ_POLL_SOFTIRQ

static volatile int softirq_runs;
static volatile unsigned int softirq_seen_count;
static volatile bool softirq_seen_task;
static char softirq_seen_comm[TASK_COMM_LEN];

static void test_softirq_action(struct softirq_action *h)
{
	softirq_runs++;
	softirq_seen_count = preempt_count();
	softirq_seen_task = in_task();
	memcpy(softirq_seen_comm, current->comm, TASK_COMM_LEN);
}

static const char *context_name(unsigned int count)
{
	if (count & NMI_MASK)
		return "NMI";
	if (count & HARDIRQ_MASK)
		return "hardirq";
	if (count & SOFTIRQ_OFFSET)
		return "softirq";
	return "task";
}

static int ktest_softirq(void)
{
	unsigned int before = kstat_softirqs_cpu(TEST_SOFTIRQ, 0);
	unsigned long timeout;
	bool ok = true, ran_once = false;

	ok &= KTEST_EXPECT(in_task() && !in_interrupt() && !in_softirq());
	pr_info("ktest: softirq: test body runs in %s context (preempt_count %#x)\n",
		context_name(preempt_count()), preempt_count());

	open_softirq(TEST_SOFTIRQ, test_softirq_action);

	/* Raised with bottom halves off: nothing runs until they are back on. */
	local_bh_disable();
	ok &= KTEST_EXPECT(in_softirq() && !in_serving_softirq() && in_task());
	raise_softirq(TEST_SOFTIRQ);
	mdelay(10);	/* ticks come and go; their irq_exit must not run it */
	ok &= KTEST_EXPECT(softirq_runs == 0);
	local_bh_enable();
	ok &= KTEST_EXPECT(softirq_runs == 1);
	ok &= KTEST_EXPECT((softirq_seen_count & SOFTIRQ_MASK) == SOFTIRQ_OFFSET);
	ok &= KTEST_EXPECT(!softirq_seen_task);
	ok &= KTEST_EXPECT(kstat_softirqs_cpu(TEST_SOFTIRQ, 0) == before + 1);
	pr_info("ktest: softirq: handler ran in %s context (preempt_count %#x) on local_bh_enable\n",
		context_name(softirq_seen_count), softirq_seen_count);

	/*
	 * Raised from a task: ksoftirqd runs it.  A tick landing between the
	 * raise and our sleep runs it first, on its irq_exit in this task;
	 * that path is legal too, but not the one under test: raise again.
	 */
	for (int tries = 0; tries < 5; tries++) {
		int runs = softirq_runs;

		raise_softirq(TEST_SOFTIRQ);
		timeout = jiffies + HZ;
		while (softirq_runs == runs && time_before(jiffies, timeout))
			msleep(1);
		ran_once = softirq_runs == runs + 1;
		if (!ran_once || strcmp(softirq_seen_comm, current->comm))
			break;
	}
	ok &= KTEST_EXPECT(ran_once);
	ok &= KTEST_EXPECT(!softirq_seen_task);
	pr_info("ktest: softirq: raised from a task, ran in %s context in '%s'\n",
		context_name(softirq_seen_count), softirq_seen_comm);

	/* The tick's timers arrive through TIMER_SOFTIRQ. */
	before = kstat_softirqs_cpu(TIMER_SOFTIRQ, 0);
	msleep(20);
	ok &= KTEST_EXPECT(kstat_softirqs_cpu(TIMER_SOFTIRQ, 0) > before);

	open_softirq(TEST_SOFTIRQ, NULL);
	ok &= KTEST_EXPECT(in_task() && preempt_count() == 0);
	return ok ? 0 : -EINVAL;
}
DEFINE_KTEST(softirq, ktest_softirq);

struct test_tasklet {
	struct tasklet_struct t;
	int runs;
	int order;		/* sequence number of the last run */
	int reschedule;		/* times to schedule itself again */
	bool in_softirq;
};

static int tasklet_seq;

static void test_tasklet_fn(struct tasklet_struct *t)
{
	struct test_tasklet *tt = from_tasklet(tt, t, t);

	tt->runs++;
	tt->order = ++tasklet_seq;
	tt->in_softirq = in_serving_softirq() && !in_task();
	if (tt->reschedule > 0) {
		tt->reschedule--;
		tasklet_schedule(t);
	}
}

static int ktest_tasklet(void)
{
	static struct test_tasklet a, hi;
	bool ok = true;

	tasklet_setup(&a.t, test_tasklet_fn);
	tasklet_setup(&hi.t, test_tasklet_fn);

	/* Scheduled twice before it runs: runs once, in softirq context. */
	local_bh_disable();
	tasklet_schedule(&a.t);
	tasklet_schedule(&a.t);
	tasklet_hi_schedule(&hi.t);
	ok &= KTEST_EXPECT(a.runs == 0 && hi.runs == 0);
	local_bh_enable();
	ok &= KTEST_EXPECT(a.runs == 1 && hi.runs == 1);
	ok &= KTEST_EXPECT(a.in_softirq && hi.in_softirq);
	/* HI_SOFTIRQ is vector 0: its tasklets run first. */
	ok &= KTEST_EXPECT(hi.order < a.order);
	pr_info("ktest: tasklet: ran in %s context, hi tasklet first (%d < %d)\n",
		a.in_softirq ? "softirq" : "non-softirq", hi.order, a.order);

	/* Disabled: stays queued; runs once enabled. */
	tasklet_disable(&a.t);
	local_bh_disable();
	tasklet_schedule(&a.t);
	local_bh_enable();
	msleep(10);
	ok &= KTEST_EXPECT(a.runs == 1);
	tasklet_enable(&a.t);
	msleep(20);
	ok &= KTEST_EXPECT(a.runs == 2);

	/* Rescheduling itself from its function: runs again, later. */
	a.reschedule = 2;
	local_bh_disable();
	tasklet_schedule(&a.t);
	local_bh_enable();
	msleep(20);
	ok &= KTEST_EXPECT(a.runs == 5);

	/* tasklet_kill: after it, nothing is queued or running. */
	a.reschedule = 0;
	local_bh_disable();
	tasklet_schedule(&a.t);
	local_bh_enable();
	tasklet_kill(&a.t);
	ok &= KTEST_EXPECT(!(a.t.state & (1UL << TASKLET_STATE_SCHED)));
	ok &= KTEST_EXPECT(!(a.t.state & (1UL << TASKLET_STATE_RUN)));
	ok &= KTEST_EXPECT(a.runs == 6);
	tasklet_kill(&hi.t);
	return ok ? 0 : -EINVAL;
}
DEFINE_KTEST(tasklet, ktest_tasklet);
