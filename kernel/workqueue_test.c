// SPDX-License-Identifier: GPL-2.0
/*
 * Self-test of workqueues (ktest=workqueue): items run in a kworker in
 * process context and may sleep; ordered queues run one at a time; a
 * sleeping item does not hold up the next; cancel and flush leave nothing
 * queued or running; delayed work waits at least its delay.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/ktest.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/workqueue.h>

struct test_work {
	struct work_struct work;
	int runs;
	int seq_start, seq_end;
	unsigned int sleep_ms;
	bool task_context;
	unsigned long ran_at;
	char comm[TASK_COMM_LEN];
	volatile bool *wait_for;	/* sleep until this is set (or 1 s) */
	volatile bool *set_when_done;
};

static int wq_seq;

static void test_work_fn(struct work_struct *work)
{
	struct test_work *tw = container_of(work, struct test_work, work);
	unsigned long deadline = jiffies + HZ;

	tw->seq_start = ++wq_seq;
	tw->task_context = in_task() && !in_interrupt() && current_work() == work;
	memcpy(tw->comm, current->comm, TASK_COMM_LEN);
	tw->ran_at = jiffies;
	if (tw->sleep_ms)
		msleep(tw->sleep_ms);	/* a work item may sleep */
	while (tw->wait_for && !*tw->wait_for && time_before(jiffies, deadline))
		msleep(1);
	if (tw->set_when_done)
		*tw->set_when_done = true;
	tw->runs++;
	tw->seq_end = ++wq_seq;
}

static void init_test_work(struct test_work *tw)
{
	memset(tw, 0, sizeof(*tw));
	INIT_WORK(&tw->work, test_work_fn);
}

static bool check_basic(void)
{
	static struct test_work a;
	bool ok = true;

	init_test_work(&a);
	a.sleep_ms = 5;
	ok &= KTEST_EXPECT(schedule_work(&a.work));
	ok &= KTEST_EXPECT(!schedule_work(&a.work));	/* already pending */
	ok &= KTEST_EXPECT(work_pending(&a.work));
	ok &= KTEST_EXPECT(flush_work(&a.work));
	ok &= KTEST_EXPECT(a.runs == 1 && a.task_context && !work_pending(&a.work));
	ok &= KTEST_EXPECT(!strncmp(a.comm, "kworker/0:", 10));
	pr_info("ktest: workqueue: item ran in %s context in '%s' and slept %u ms\n",
		a.task_context ? "task" : "atomic", a.comm, a.sleep_ms);
	ok &= KTEST_EXPECT(!flush_work(&a.work));	/* nothing to wait for */
	return ok;
}

/* A sleeping item must not keep the next one waiting: a second worker runs it. */
static bool check_concurrency(void)
{
	static struct test_work sleeper, helper;
	static volatile bool helper_done;
	bool ok = true;

	init_test_work(&sleeper);
	init_test_work(&helper);
	helper_done = false;
	sleeper.wait_for = &helper_done;
	helper.set_when_done = &helper_done;
	schedule_work(&sleeper.work);
	msleep(5);
	schedule_work(&helper.work);
	flush_work(&sleeper.work);
	flush_work(&helper.work);
	ok &= KTEST_EXPECT(helper.seq_end < sleeper.seq_end);
	ok &= KTEST_EXPECT(strcmp(sleeper.comm, helper.comm) != 0);
	pr_info("ktest: workqueue: '%s' slept while '%s' ran the next item\n",
		sleeper.comm, helper.comm);
	return ok;
}

static bool check_ordered_and_cancel(void)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("ktest_ordered", 0);
	static struct test_work first, second, third;
	bool ok = true;

	if (!KTEST_EXPECT(wq))
		return false;
	init_test_work(&first);
	init_test_work(&second);
	init_test_work(&third);
	first.sleep_ms = 20;
	queue_work(wq, &first.work);
	queue_work(wq, &second.work);
	queue_work(wq, &third.work);
	/* third is held back behind first: cancel takes it off the queue. */
	ok &= KTEST_EXPECT(cancel_work_sync(&third.work));
	ok &= KTEST_EXPECT(!work_pending(&third.work));
	flush_workqueue(wq);
	ok &= KTEST_EXPECT(first.runs == 1 && second.runs == 1 && third.runs == 0);
	ok &= KTEST_EXPECT(first.seq_end < second.seq_start);	/* one at a time */
	ok &= KTEST_EXPECT(!strncmp(first.comm, "kworker/u", 9));

	/* cancel_work_sync on a running item waits for it to return. */
	init_test_work(&first);
	first.sleep_ms = 30;
	queue_work(wq, &first.work);
	while (!first.seq_start)
		msleep(1);
	ok &= KTEST_EXPECT(!cancel_work_sync(&first.work));
	ok &= KTEST_EXPECT(first.runs == 1 && !work_pending(&first.work));

	/* destroy_workqueue runs what is still queued. */
	init_test_work(&second);
	queue_work(wq, &second.work);
	destroy_workqueue(wq);
	ok &= KTEST_EXPECT(second.runs == 1);
	return ok;
}

static int dwork_runs;
static unsigned long dwork_ran_at;

static void test_dwork_fn(struct work_struct *work)
{
	dwork_runs++;
	dwork_ran_at = jiffies;
}

static bool check_delayed(void)
{
	static DECLARE_DELAYED_WORK(dw, test_dwork_fn);
	static struct test_work hp;
	unsigned long start;
	bool ok = true;

	dwork_runs = 0;
	start = jiffies;
	ok &= KTEST_EXPECT(schedule_delayed_work(&dw, 5));
	ok &= KTEST_EXPECT(!schedule_delayed_work(&dw, 5));
	ok &= KTEST_EXPECT(flush_delayed_work(&dw));
	ok &= KTEST_EXPECT(dwork_runs == 1);
	msleep(40);
	ok &= KTEST_EXPECT(dwork_runs == 1);

	start = jiffies;
	schedule_delayed_work(&dw, 5);
	while (dwork_runs == 1 && time_before(jiffies, start + HZ))
		msleep(1);
	ok &= KTEST_EXPECT(dwork_runs == 2 && time_after_eq(dwork_ran_at, start + 5));
	pr_info("ktest: workqueue: delayed work for 5 jiffies ran after %lu\n",
		dwork_ran_at - start);

	schedule_delayed_work(&dw, HZ);
	ok &= KTEST_EXPECT(cancel_delayed_work_sync(&dw));
	ok &= KTEST_EXPECT(!delayed_work_pending(&dw) && !timer_pending(&dw.timer));
	msleep(20);
	ok &= KTEST_EXPECT(dwork_runs == 2);

	init_test_work(&hp);
	queue_work(system_highpri_wq, &hp.work);
	flush_work(&hp.work);
	ok &= KTEST_EXPECT(hp.runs == 1 && hp.comm[strlen(hp.comm) - 1] == 'H');
	return ok;
}

static int ktest_workqueue(void)
{
	bool ok = true;

	ok &= check_basic();
	ok &= check_concurrency();
	ok &= check_ordered_and_cancel();
	ok &= check_delayed();
	return ok ? 0 : -EINVAL;
}
DEFINE_KTEST(workqueue, ktest_workqueue);
