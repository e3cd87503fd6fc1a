// SPDX-License-Identifier: GPL-2.0
/*
 * Self-test of RCU (ktest=rcu): a callback queued inside a read section
 * does not run while the section lasts, however many ticks and softirqs
 * pass; it runs once a quiescent state has; callbacks run in order;
 * synchronize_rcu and kfree_rcu complete.  synchronize_rcu is call_rcu
 * plus a wait, so the first check is also its "waits for readers" (on
 * one CPU no other task can run while a reader is inside).
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/ktest.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct rcu_test_obj {
	int value;
	struct rcu_head rcu;
};

static int cb_order[4], cb_count;
static bool cb_in_softirq;

static void rcu_test_cb(struct rcu_head *head)
{
	struct rcu_test_obj *obj = container_of(head, struct rcu_test_obj, rcu);

	if (cb_count < 4)
		cb_order[cb_count] = obj->value;
	cb_count++;
	cb_in_softirq = in_serving_softirq();
}

static int ktest_rcu(void)
{
	static struct rcu_test_obj objs[3];
	struct rcu_test_obj *p;
	unsigned long timeout;
	bool ok = true;
	int i;

	rcu_read_lock();
	ok &= KTEST_EXPECT(in_task() && (preempt_count() & PREEMPT_MASK));
	for (i = 0; i < 3; i++) {
		objs[i].value = i + 1;
		call_rcu(&objs[i].rcu, rcu_test_cb);
	}
	mdelay(30);		/* ticks and softirqs, but no quiescent state */
	ok &= KTEST_EXPECT(cb_count == 0);
	rcu_read_unlock();

	timeout = jiffies + HZ;
	while (cb_count < 3 && time_before(jiffies, timeout))
		msleep(1);	/* a context switch: a quiescent state */
	ok &= KTEST_EXPECT(cb_count == 3);
	ok &= KTEST_EXPECT(cb_order[0] == 1 && cb_order[1] == 2 && cb_order[2] == 3);
	ok &= KTEST_EXPECT(cb_in_softirq);
	pr_info("ktest: rcu: callbacks held back through a read section, then ran in order in %s context\n",
		cb_in_softirq ? "softirq" : "other");

	/* synchronize_rcu from here, and kfree_rcu. */
	synchronize_rcu();
	p = kmalloc(sizeof(*p), GFP_KERNEL);
	if (p)
		kfree_rcu(p, rcu);
	rcu_barrier();
	ok &= KTEST_EXPECT(preempt_count() == 0);
	return ok ? 0 : -EINVAL;
}
DEFINE_KTEST(rcu, ktest_rcu);
