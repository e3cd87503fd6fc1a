// SPDX-License-Identifier: GPL-2.0
/*
 * Deferred work from a module: a timer, a work item, two tasklets (one
 * set up at run time, one declared in the old unsigned-long style) and a
 * kthread each signal a completion; init waits for all five.  The work
 * item and the tasklets count their runs under a _bh spinlock.  The exit
 * path tears them down, so unloading right after is safe.
 */
#include <linux/module.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

static struct timer_list defer_timer;
static struct work_struct defer_work;
static struct tasklet_struct defer_tasklet;
static struct task_struct *defer_thread;
static DECLARE_COMPLETION(timer_done);
static DECLARE_COMPLETION(work_done);
static DECLARE_COMPLETION(tasklet_done);
static DECLARE_COMPLETION(thread_done);
static DECLARE_COMPLETION(old_tasklet_done);
static DEFINE_SPINLOCK(runs_lock);
static unsigned int runs;

static void defer_timer_fn(struct timer_list *t)
{
	complete(&timer_done);
}

static void defer_work_fn(struct work_struct *w)
{
	/* Process context: keep the tasklets off while the count changes. */
	spin_lock_bh(&runs_lock);
	runs++;
	spin_unlock_bh(&runs_lock);
	complete(&work_done);
}

static void defer_tasklet_fn(unsigned long data)
{
	spin_lock(&runs_lock);
	runs++;
	spin_unlock(&runs_lock);
	complete(&tasklet_done);
}

static void old_tasklet_fn(unsigned long data)
{
	spin_lock(&runs_lock);
	runs++;
	spin_unlock(&runs_lock);
	complete(&old_tasklet_done);
}
static DECLARE_TASKLET_OLD(old_tasklet, old_tasklet_fn);

static int defer_thread_fn(void *data)
{
	complete(&thread_done);
	while (!kthread_should_stop())
		msleep(10);
	return 0;
}

static int __init test_defer_init(void)
{
	timer_setup(&defer_timer, defer_timer_fn, 0);
	mod_timer(&defer_timer, jiffies + msecs_to_jiffies(20));
	INIT_WORK(&defer_work, defer_work_fn);
	schedule_work(&defer_work);
	tasklet_init(&defer_tasklet, defer_tasklet_fn, 0);
	tasklet_schedule(&defer_tasklet);
	tasklet_schedule(&old_tasklet);
	defer_thread = kthread_run(defer_thread_fn, NULL, "test_defer");
	if (IS_ERR(defer_thread)) {
		del_timer_sync(&defer_timer);
		cancel_work_sync(&defer_work);
		tasklet_kill(&defer_tasklet);
		tasklet_kill(&old_tasklet);
		return PTR_ERR(defer_thread);
	}
	wait_for_completion(&timer_done);
	pr_info("test_defer: timer ran\n");
	wait_for_completion(&work_done);
	pr_info("test_defer: work ran\n");
	wait_for_completion(&tasklet_done);
	pr_info("test_defer: tasklet ran\n");
	wait_for_completion(&old_tasklet_done);
	spin_lock_bh(&runs_lock);
	pr_info("test_defer: old tasklet ran, %u runs counted\n", runs);
	spin_unlock_bh(&runs_lock);
	wait_for_completion(&thread_done);
	pr_info("test_defer: kthread ran\n");
	return 0;
}

static void __exit test_defer_exit(void)
{
	kthread_stop(defer_thread);
	del_timer_sync(&defer_timer);
	cancel_work_sync(&defer_work);
	tasklet_kill(&defer_tasklet);
	tasklet_kill(&old_tasklet);
	pr_info("test_defer: stopped\n");
}

module_init(test_defer_init);
module_exit(test_defer_exit);
MODULE_LICENSE("GPL");
