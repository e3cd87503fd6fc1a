// SPDX-License-Identifier: GPL-2.0
/*
 * kthreadd and kernel-thread creation (see <linux/kthread.h>).
 *
 * Every kernel thread is forked by kthreadd, so all of them start from
 * the same clean state (no user memory, all signals ignored, default
 * priority) whatever the context that asked for them.  A request sits on
 * kthread_create_list until kthreadd forks it; the requester sleeps on a
 * completion until the new task exists.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/cpumask.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <uapi/linux/sched.h>
#include <asm/mmu_context.h>

struct task_struct *kthreadd_task;
static LIST_HEAD(kthread_create_list);
static DEFINE_SPINLOCK(kthread_create_lock);

struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
	char name[TASK_COMM_LEN];
	struct task_struct *result;		/* or ERR_PTR */
	struct completion done;
	struct list_head list;
};

/* Per-thread control block, pointed to by the task's kthread_data. */
struct kthread {
	bool should_stop;
	int result;
	struct completion exited;
	int (*threadfn)(void *data);
	void *data;
};

static struct kthread *to_kthread(struct task_struct *k)
{
	return k->kthread_data;
}

bool kthread_should_stop(void)
{
	return READ_ONCE(to_kthread(current)->should_stop);
}
EXPORT_SYMBOL(kthread_should_stop);

/* The body of every kernel thread: wait to be woken, run, report. */
static int kthread(void *_create)
{
	struct kthread_create_info *create = _create;
	struct kthread *self = kzalloc(sizeof(*self), GFP_KERNEL);
	int ret = -ENOMEM;

	if (self) {
		self->threadfn = create->threadfn;
		self->data = create->data;
		init_completion(&self->exited);
	}
	current->kthread_data = self;
	set_task_comm(current, create->name);
	if (!self) {
		create->result = ERR_PTR(-ENOMEM);
		complete(&create->done);
		do_exit(0);
	}
	create->result = current;
	/* Sleep before announcing ourselves: the creator decides when we run. */
	__set_current_state(TASK_UNINTERRUPTIBLE);
	complete(&create->done);
	schedule();

	if (!self->should_stop)
		ret = self->threadfn(self->data);
	self->result = ret;
	complete(&self->exited);
	do_exit(0);
}

static void create_kthread(struct kthread_create_info *create)
{
	pid_t pid = kernel_thread(kthread, create, CLONE_FS | SIGCHLD);

	if (pid < 0) {
		create->result = ERR_PTR(pid);
		complete(&create->done);
	}
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct kthread_create_info *create = kzalloc(sizeof(*create), GFP_KERNEL);
	struct task_struct *task;
	va_list args;

	if (!create)
		return ERR_PTR(-ENOMEM);
	create->threadfn = threadfn;
	create->data = data;
	va_start(args, namefmt);
	vsnprintf(create->name, sizeof(create->name), namefmt, args);
	va_end(args);
	init_completion(&create->done);

	spin_lock_irq(&kthread_create_lock);
	list_add_tail(&create->list, &kthread_create_list);
	spin_unlock_irq(&kthread_create_lock);
	wake_up_process(kthreadd_task);
	wait_for_completion(&create->done);
	task = create->result;
	kfree(create);
	return task;
}
EXPORT_SYMBOL(kthread_create);

/*
 * Ask @k to stop and wait for it.  Returns what its function returned
 * (-EINTR if it was stopped before it ever ran).  The task must not exit
 * on its own before being stopped.
 */
/*
 * Keep a new, not yet woken kernel thread on @cpu for good: the per-CPU
 * threads (ksoftirqd/N, the kworkers of CPU N's pools).  Its first
 * wakeup puts it there; sched_setaffinity may not move it.
 */
void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	WRITE_ONCE(k->cpus_mask, 1UL << cpu);
	k->flags |= PF_NO_SETAFFINITY;
}
EXPORT_SYMBOL(kthread_bind);

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);
	int ret;

	get_task_struct(k);
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}
EXPORT_SYMBOL(kthread_stop);

/* PID 2: forks the kernel threads everyone else asks for. */
int kthreadd(void *unused)
{
	set_task_comm(current, "kthreadd");
	ignore_signals(current);	/* children are reaped as they die */
	/* Forked by CPU 0's idle task, which is bound there; its threads are not. */
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (list_empty(&kthread_create_list))
			schedule();
		__set_current_state(TASK_RUNNING);

		spin_lock_irq(&kthread_create_lock);
		while (!list_empty(&kthread_create_list)) {
			struct kthread_create_info *create =
				list_first_entry(&kthread_create_list,
						 struct kthread_create_info, list);

			list_del_init(&create->list);
			spin_unlock_irq(&kthread_create_lock);
			create_kthread(create);
			spin_lock_irq(&kthread_create_lock);
		}
		spin_unlock_irq(&kthread_create_lock);
	}
	return 0;
}

/*
 * Make @mm this kernel thread's own address space until kthread_unuse_mm:
 * user addresses then reach that process's memory, and a fault in it is
 * handled as the process's would be.  The caller holds a user reference
 * on @mm (mmget) for the whole time.
 */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *active;

	WARN_ON_ONCE(tsk->mm);	/* only a thread with no address space of its own */
	mmgrab(mm);		/* dropped when the thread switches away after unuse */
	task_lock(tsk);
	local_irq_disable();
	active = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	switch_mm(active, mm, tsk);
	local_irq_enable();
	task_unlock(tsk);
	if (active)
		mmdrop(active);	/* the mm this thread had borrowed */
}

/* Back to borrowing: @mm stays loaded (active_mm) until the next switch. */
void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;

	WARN_ON_ONCE(tsk->mm != mm);
	task_lock(tsk);
	tsk->mm = NULL;
	task_unlock(tsk);
}
