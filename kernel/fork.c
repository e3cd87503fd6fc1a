// SPDX-License-Identifier: GPL-2.0
/*
 * fork, vfork and clone: one path, copy_process(), that makes a new
 * task_struct from the current one and, depending on the clone flags,
 * shares or copies each resource: the address space (CLONE_VM shares it;
 * otherwise dup_mm() copies it with copy-on-write, as the seed's COW
 * section describes), the signal handlers, the thread group.  The child
 * starts life in ret_from_fork, returning 0 from the same system call.
 *
 * A child gets a new PID, is linked under its parent, inherits its
 * parent's scheduling policy, and is charged to its user for
 * RLIMIT_NPROC.  vfork's parent sleeps until the child execs or exits.
 */
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mmap_lock.h>
#include <linux/pid_namespace.h>
#include <linux/aio.h>
#include <linux/ptrace.h>
#include <linux/completion.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <asm/mmu_context.h>
#include <asm/pgalloc.h>
#include <linux/coredump.h>
#include <linux/file.h>
#include <linux/nsproxy.h>
#include <linux/pid.h>
#include <linux/rseq.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sched/user.h>
#include <linux/sem.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/swap.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <linux/vmstat.h>
#include <trace/events/sched.h>
#include <uapi/linux/sched.h>

DEFINE_SPINLOCK(tasklist_lock);
/* Guards init_mm.mmlist, every address space's link on it. */
DEFINE_SPINLOCK(mmlist_lock);
int nr_threads;			/* tasks in existence; lock: tasklist_lock */
int max_threads;		/* a ceiling from memory size, as Linux */
unsigned long total_forks;

static struct kmem_cache *task_struct_cachep;
static struct kmem_cache *signal_cachep;
static struct kmem_cache *sighand_cachep;

static struct task_struct *alloc_task_struct(void)
{
	return kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
}

/*
 * Kernel stacks are THREAD_SIZE-aligned so the unwinder knows their
 * bounds.  They are counted in KernelStack (kB) in /proc/meminfo.
 */
static void *alloc_thread_stack(void)
{
	struct page *page = alloc_pages(GFP_KERNEL, THREAD_SIZE_ORDER);

	if (!page)
		return NULL;
	mod_lruvec_page_state(page, NR_KERNEL_STACK_KB, THREAD_SIZE / 1024);
	return page_address(page);
}

static void free_thread_stack(void *stack)
{
	if (!stack)
		return;
	mod_lruvec_page_state(virt_to_page(stack), NR_KERNEL_STACK_KB, -(THREAD_SIZE / 1024));
	free_pages((unsigned long)stack, THREAD_SIZE_ORDER);
}

static void free_task(struct task_struct *tsk)
{
	kfree(tsk->kthread_data);	/* struct kthread, for kernel threads */
	seccomp_filter_release(tsk);
	free_thread_stack(tsk->stack);
	kmem_cache_free(task_struct_cachep, tsk);
}

static void __put_signal(struct signal_struct *sig)
{
	if (refcount_dec_and_test(&sig->sigcnt)) {
		flush_sigqueue(&sig->shared_pending);
		kmem_cache_free(signal_cachep, sig);
	}
}

static void __put_sighand(struct sighand_struct *sighand)
{
	if (refcount_dec_and_test(&sighand->count))
		kmem_cache_free(sighand_cachep, sighand);
}

/* The last reference: the task has been reaped and has switched away. */
void put_task_struct(struct task_struct *t)
{
	if (!refcount_dec_and_test(&t->usage))
		return;
	WARN_ON(!t->exit_state && t != &init_task);
	flush_sigqueue(&t->pending);
	if (t->signal)
		__put_signal(t->signal);
	if (t->sighand)
		__put_sighand(t->sighand);
	if (t->cred)
		exit_creds(t);
	free_task(t);
}
EXPORT_SYMBOL(put_task_struct);

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = alloc_task_struct();
	void *stack;

	if (!tsk)
		return NULL;
	stack = alloc_thread_stack();
	if (!stack) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	/* The child starts as a copy; everything that must differ is reset below. */
	memcpy(tsk, orig, sizeof(*tsk));
	tsk->stack = stack;
	/* Two references: one dropped when it dies, one when it is reaped. */
	refcount_set(&tsk->usage, 2);
	tsk->thread_flags = orig->thread_flags & (1UL << TIF_NOTSC);
	spin_lock_init(&tsk->alloc_lock);
	lockdep_task_init(tsk);		/* the parent's held locks are not the child's */
	return tsk;
}

static int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *sig;

	if (clone_flags & CLONE_SIGHAND) {
		refcount_inc(&current->sighand->count);
		tsk->sighand = current->sighand;
		return 0;
	}
	sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	tsk->sighand = sig;
	refcount_set(&sig->count, 1);
	spin_lock_init(&sig->siglock);
	init_waitqueue_head(&sig->signalfd_wqh);
	memcpy(sig->action, current->sighand->action, sizeof(sig->action));
	/* clone3's CLONE_CLEAR_SIGHAND: handlers back to default, SIG_IGN kept. */
	if (clone_flags & CLONE_CLEAR_SIGHAND) {
		int i;

		for (i = 0; i < _NSIG; i++)
			if (sig->action[i].sa.sa_handler != SIG_IGN)
				sig->action[i].sa.sa_handler = SIG_DFL;
	}
	return 0;
}

/*
 * execve: handlers still shared with another process (CLONE_SIGHAND
 * without CLONE_THREAD, or threads not yet freed) become our own copy
 * before exec resets them.
 */
int unshare_sighand(struct task_struct *me)
{
	struct sighand_struct *oldsighand = me->sighand, *newsighand;

	if (refcount_read(&oldsighand->count) == 1)
		return 0;
	newsighand = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!newsighand)
		return -ENOMEM;
	refcount_set(&newsighand->count, 1);
	spin_lock_init(&newsighand->siglock);
	init_waitqueue_head(&newsighand->signalfd_wqh);
	spin_lock_irq(&tasklist_lock);
	spin_lock(&oldsighand->siglock);
	memcpy(newsighand->action, oldsighand->action, sizeof(newsighand->action));
	me->sighand = newsighand;
	spin_unlock(&oldsighand->siglock);
	spin_unlock_irq(&tasklist_lock);
	__put_sighand(oldsighand);
	return 0;
}

static int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	if (clone_flags & CLONE_THREAD) {
		refcount_inc(&current->signal->sigcnt);
		tsk->signal = current->signal;
		return 0;
	}
	sig = kmem_cache_zalloc(signal_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	tsk->signal = sig;
	refcount_set(&sig->sigcnt, 1);
	sig->nr_threads = 1;
	init_waitqueue_head(&sig->wait_chldexit);
	INIT_LIST_HEAD(&sig->shared_pending.list);
	hrtimer_init(&sig->real_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	sig->real_timer.function = it_real_fn;
	INIT_LIST_HEAD(&sig->posix_timers);
	INIT_LIST_HEAD(&sig->cpu_timers);
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	sig->oom_score_adj = current->signal->oom_score_adj;
	sig->oom_score_adj_min = current->signal->oom_score_adj_min;
	sig->pgrp = current->signal->pgrp;
	sig->session = current->signal->session;
	sig->tty = current->signal->tty;	/* the terminal is inherited, not leadership */
	sig->has_child_subreaper = current->signal->has_child_subreaper ||
				   current->signal->is_child_subreaper;
	return 0;
}

static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm;
	struct mm_struct *mm;

	tsk->min_flt = tsk->maj_flt = 0;
	tsk->mm = NULL;
	tsk->active_mm = NULL;
	if (!oldmm)			/* a kernel thread forking */
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		mm = oldmm;
	} else {
		mm = dup_mm(tsk, oldmm);
		if (!mm)
			return -ENOMEM;
	}
	tsk->mm = mm;
	tsk->active_mm = mm;
	return 0;
}

/* Clone flag combinations Linux refuses, with its error codes. */
static int check_clone_flags(unsigned long clone_flags)
{
	if ((clone_flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((clone_flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return -EINVAL;
	/* A thread shares the handlers; shared handlers need one address space. */
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return -EINVAL;
	/* Siblings of init could not be reaped by anyone. */
	if ((clone_flags & CLONE_PARENT) && (current->signal->flags & SIGNAL_UNKILLABLE))
		return -EINVAL;
	if ((clone_flags & CLONE_THREAD) && (clone_flags & (CLONE_NEWUSER | CLONE_NEWPID)))
		return -EINVAL;
	/*
	 * A child in another time namespace cannot share the address space
	 * (and its [vvar]) or the thread group: Linux 6.1's rule, vfork too.
	 */
	if ((clone_flags & (CLONE_THREAD | CLONE_VM)) &&
	    task_nsproxy(current)->time_ns != task_nsproxy(current)->time_ns_for_children)
		return -EINVAL;
	if ((clone_flags & (CLONE_CLEAR_SIGHAND | CLONE_SIGHAND)) ==
	    (CLONE_CLEAR_SIGHAND | CLONE_SIGHAND))
		return -EINVAL;
	/* A pidfd names a process, never one of its threads. */
	if ((clone_flags & CLONE_PIDFD) && (clone_flags & (CLONE_DETACHED | CLONE_THREAD)))
		return -EINVAL;
	/* Namespaces: kernel/nsproxy.c says which exist (EINVAL for the others). */
	if (clone_flags & CLONE_INTO_CGROUP) {
		pr_warn_once("clone: cgroups are not supported\n");
		return -EINVAL;
	}
	return 0;
}

/*
 * Fault injection (/proc/<pid>/fail-nth, as Linux names it): a task that
 * wrote N there sees the N-th fallible step of its next fork fail with
 * -ENOMEM, so a test can walk every rung of copy_process's cleanup ladder
 * and check that nothing leaks.  Counts only copy_process's own steps.
 */
static int fork_fail_step(void)
{
	if (!current->fail_nth || --current->fail_nth)
		return 0;
	return -ENOMEM;
}

/* The fields of the child that must not be inherited from the parent's copy. */
static void init_child_fields(struct task_struct *p, unsigned long clone_flags,
			      int __user *child_tid)
{
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->ptraced);
	INIT_LIST_HEAD(&p->ptrace_entry);
	p->ptrace = 0;
	p->curr_ret_stack = 0;	/* the parent's hooked returns are not ours */
	p->jobctl = 0;
	INIT_LIST_HEAD(&p->thread_group);
	INIT_LIST_HEAD(&p->thread_node);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->pending.list);
	INIT_LIST_HEAD(&p->pi_state_list);
	p->thread_pid = NULL;
	p->nsproxy = NULL;
	rseq_fork(p, clone_flags);
	spin_lock_init(&p->pi_lock);
	sigemptyset(&p->pending.signal);
	p->restore_sigmask = false;
	/* A thread with its own stack on our VM cannot share our altstack. */
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM) {
		p->sas_ss_sp = 0;
		p->sas_ss_size = 0;
		p->sas_ss_flags = 0;
	}
	p->flags = (current->flags & ~(PF_SUPERPRIV | PF_IDLE | PF_EXITING)) | PF_FORKNOEXEC;
	p->utime = p->stime = 0;
	p->prev_cputime.utime = p->prev_cputime.stime = 0;
	p->nvcsw = p->nivcsw = 0;
	p->start_time = ktime_get_ns();
	p->vfork_done = NULL;
	p->kthread_data = NULL;
	p->pdeath_signal = 0;
	/* The seccomp chain is shared with the child (the pointer came with the copy). */
	get_seccomp_filter(p);
	/* The child's "default" slack is what the parent uses now. */
	p->default_timer_slack_ns = current->timer_slack_ns;
	p->exit_state = 0;
	p->exit_code = 0;
	p->signal = NULL;
	p->sighand = NULL;
	p->fail_nth = 0;
	p->futex_calls = 0;
	p->robust_list = NULL;
	p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ? child_tid : NULL;
	p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ? child_tid : NULL;
}

/*
 * Make the child visible: parent, thread group, task list.  Refused if
 * the group is dying meanwhile (a thread added now would miss the kill).
 * tasklist_lock and current's siglock held.
 */
static int link_child(struct task_struct *p, struct kernel_clone_args *args, int trace)
{
	unsigned long clone_flags = args->flags;

	if (fatal_signal_pending(current) || signal_group_exit(current->signal))
		return -ERESTARTNOINTR;
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = current->real_parent;
		p->exit_signal = current->group_leader->exit_signal;
	} else {
		p->real_parent = current;
		p->exit_signal = args->exit_signal;
	}
	ptrace_init_task(p, (clone_flags & CLONE_PTRACE) || trace);
	if (clone_flags & CLONE_THREAD) {
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
		p->exit_signal = -1;
		current->signal->nr_threads++;
		list_add_tail(&p->thread_node, &p->group_leader->thread_group);
	} else {
		p->group_leader = p;
		p->tgid = p->pid;
		list_add_tail(&p->sibling, &p->real_parent->children);
		list_add_tail(&p->tasks, &init_task.tasks);
	}
	nr_threads++;
	total_forks++;
	return 0;
}

static struct task_struct *copy_process(struct kernel_clone_args *args, int trace)
{
	unsigned long clone_flags = args->flags;
	struct pid_namespace *pid_ns;
	struct task_struct *p;
	int retval, pidfd = -1;

	retval = check_clone_flags(clone_flags);
	if (retval)
		return ERR_PTR(retval);
	/* A thread lives in its process's PID namespace, never in a new one. */
	if ((clone_flags & CLONE_THREAD) &&
	    task_nsproxy(current)->pid_ns_for_children != task_active_pid_ns(current))
		return ERR_PTR(-EINVAL);

	retval = -EAGAIN;
	if ((unsigned long)atomic_read(&current->real_cred->user->processes) >=
	    rlimit(RLIMIT_NPROC) &&
	    current->real_cred->user != &root_user &&
	    !capable(CAP_SYS_RESOURCE) && !capable(CAP_SYS_ADMIN))
		return ERR_PTR(retval);
	if (nr_threads >= max_threads)
		return ERR_PTR(retval);

	retval = fork_fail_step();
	if (retval)
		return ERR_PTR(retval);
	retval = -ENOMEM;
	p = dup_task_struct(current);
	if (!p)
		return ERR_PTR(retval);
	init_child_fields(p, clone_flags, args->child_tid);

	/* Each step below is undone by the labels under its failure, in reverse. */
	retval = fork_fail_step() ?: copy_creds(p, clone_flags);
	if (retval)
		goto bad_fork_free;
	retval = fork_fail_step() ?: sched_fork(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_creds;
	retval = fork_fail_step() ?: copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_creds;
	retval = fork_fail_step() ?: copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = fork_fail_step() ?: copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	retval = fork_fail_step() ?: copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	retval = fork_fail_step() ?: copy_semundo(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	retval = fork_fail_step() ?: copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_semundo;
	retval = fork_fail_step() ?: copy_namespaces(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_mm;
	retval = fork_fail_step() ?: copy_thread(p, args);
	if (retval)
		goto bad_fork_cleanup_namespaces;
	pid_ns = task_nsproxy(p)->pid_ns_for_children;
	retval = -EINVAL;
	if (args->set_tid_size > (int)pid_ns->level + 1)
		goto bad_fork_cleanup_thread;
	retval = fork_fail_step() ?: alloc_pid(p, pid_ns, args->set_tid, args->set_tid_size);
	if (retval < 0)
		goto bad_fork_cleanup_thread;
	/* PID 1 of a new namespace: its members cannot kill it (pid_namespace.c). */
	if (pid_ns->child_reaper == p)
		p->signal->flags |= SIGNAL_UNKILLABLE;
	if (clone_flags & CLONE_PIDFD) {
		retval = pidfd_create(p->thread_pid, 0);
		if (retval < 0)
			goto bad_fork_free_pid;
		pidfd = retval;
		retval = put_user(pidfd, args->pidfd);
		if (retval)
			goto bad_fork_put_pidfd;
	}

	/* Visible from here on: under tasklist_lock (and siglock for the group). */
	spin_lock_irq(&tasklist_lock);
	spin_lock(&current->sighand->siglock);
	retval = link_child(p, args, trace);
	spin_unlock(&current->sighand->siglock);
	spin_unlock_irq(&tasklist_lock);
	if (retval)
		goto bad_fork_put_pidfd;
	return p;

bad_fork_put_pidfd:
	if (pidfd >= 0)
		close_fd(pidfd);
bad_fork_free_pid:
	free_pid(p);
bad_fork_cleanup_thread:
	exit_thread(p);
bad_fork_cleanup_namespaces:
	exit_task_namespaces(p);
bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
bad_fork_cleanup_semundo:
	exit_sem(p);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_cleanup_signal:
	__put_signal(p->signal);
bad_fork_cleanup_sighand:
	__put_sighand(p->sighand);
bad_fork_cleanup_creds:
	exit_creds(p);
bad_fork_free:
	free_task(p);
	return ERR_PTR(retval);
}

/* Guards task->vfork_done between a killed vfork parent and its child. */
static DEFINE_SPINLOCK(vfork_lock);

void complete_vfork_done(struct task_struct *tsk)
{
	unsigned long flags;

	spin_lock_irqsave(&vfork_lock, flags);
	if (tsk->vfork_done) {
		complete(tsk->vfork_done);
		tsk->vfork_done = NULL;
	}
	spin_unlock_irqrestore(&vfork_lock, flags);
}

/* Which PTRACE_EVENT_* this fork is, if our tracer asked to follow it. */
static int fork_trace_event(struct kernel_clone_args *args)
{
	int event;

	if (args->flags & CLONE_UNTRACED)
		return 0;
	if (args->flags & CLONE_VFORK)
		event = PTRACE_EVENT_VFORK;
	else if (args->exit_signal != SIGCHLD)
		event = PTRACE_EVENT_CLONE;
	else
		event = PTRACE_EVENT_FORK;
	return ptrace_event_enabled(current, event) ? event : 0;
}

pid_t kernel_clone(struct kernel_clone_args *args)
{
	unsigned long clone_flags = args->flags;
	struct completion vfork;
	struct task_struct *p;
	int trace = fork_trace_event(args);
	bool vfork_done;
	pid_t nr;

	p = copy_process(args, trace);
	if (IS_ERR(p))
		return PTR_ERR(p);
	nr = task_pid_vnr(p);
	if (clone_flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);
	if (clone_flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		init_completion(&vfork);
	}
	if (clone_flags & CLONE_VFORK)
		get_task_struct(p);
	trace_sched_process_fork(current, p);
	wake_up_new_task(p);
	/* The tracer hears of the child (GETEVENTMSG: its PID) before we go on. */
	if (unlikely(trace))
		ptrace_event(trace, nr);
	/* The parent of vfork sleeps until the child releases the mm. */
	if (clone_flags & CLONE_VFORK) {
		vfork_done = !wait_for_completion_killable(&vfork);
		if (!vfork_done) {
			/* Killed first: the completion on our stack must not outlive us. */
			spin_lock_irq(&vfork_lock);
			p->vfork_done = NULL;
			spin_unlock_irq(&vfork_lock);
		}
		put_task_struct(p);
		if (vfork_done && ptrace_event_enabled(current, PTRACE_EVENT_VFORK_DONE))
			ptrace_event(PTRACE_EVENT_VFORK_DONE, nr);
	}
	return nr;
}

/* A task that runs @fn(@arg) in the kernel (it may later exec a program). */
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = (flags | CLONE_VM) & ~CSIGNAL,
		.exit_signal = flags & CSIGNAL,
		.fn = fn,
		.fn_arg = arg,
	};

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/* x86-64 argument order: flags, stack, parent_tid, child_tid, tls. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr,
		unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = (u32)clone_flags & ~CSIGNAL,	/* clone(2) has 32 flag bits */
		.exit_signal = clone_flags & CSIGNAL,
		.stack = newsp,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.tls = tls,
	};

	/* clone(2) returns the pidfd where CLONE_PARENT_SETTID puts the TID. */
	if (clone_flags & CLONE_PIDFD) {
		if (clone_flags & CLONE_PARENT_SETTID)
			return -EINVAL;
		args.pidfd = parent_tidptr;
	}
	return kernel_clone(&args);
}

/*
 * Copy a size-versioned struct from user space: a smaller one is padded
 * with zeroes, a larger one is accepted only if its unknown tail is zero
 * (E2BIG otherwise), as Linux's copy_struct_from_user.
 */
static int copy_struct_from_user(void *dst, size_t ksize, const void __user *src,
				 size_t usize)
{
	size_t size = min(ksize, usize);
	size_t off;
	u8 c;

	if (usize > ksize) {
		for (off = ksize; off < usize; off++) {
			if (get_user(c, (const u8 __user *)src + off))
				return -EFAULT;
			if (c)
				return -E2BIG;
		}
	}
	memset(dst, 0, ksize);
	return copy_from_user(dst, src, size) ? -EFAULT : 0;
}

/* Read and check clone3's struct clone_args into @kargs. */
static int copy_clone_args_from_user(struct kernel_clone_args *kargs,
				     struct clone_args __user *uargs, size_t usize)
{
	struct clone_args args;
	int err, i;

	if (usize > PAGE_SIZE)
		return -E2BIG;
	if (usize < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;
	/* One PID for each namespace level at most (alloc_pid checks the depth). */
	if (args.set_tid_size > MAX_PID_NS_LEVEL || (!args.set_tid && args.set_tid_size) ||
	    (args.set_tid && !args.set_tid_size))
		return -EINVAL;
	if (args.exit_signal & ~(u64)CSIGNAL || args.exit_signal > _NSIG)
		return -EINVAL;
	if (args.flags & ~(u64)(~0U | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
		return -EINVAL;
	/*
	 * CSIGNAL bits travel in exit_signal, except CLONE_NEWTIME, which has
	 * no other place (clone(2) cannot ask for it); CLONE_DETACHED is ancient.
	 */
	if (args.flags & ((CSIGNAL & ~CLONE_NEWTIME) | CLONE_DETACHED))
		return -EINVAL;
	if ((args.flags & (CLONE_THREAD | CLONE_PARENT)) && args.exit_signal)
		return -EINVAL;
	/* A stack is a base and a size, both or neither. */
	if (!args.stack != !args.stack_size)
		return -EINVAL;
	if (args.stack && args.stack + args.stack_size < args.stack)
		return -EINVAL;
	*kargs = (struct kernel_clone_args) {
		.flags = args.flags,
		.exit_signal = args.exit_signal,
		.stack = args.stack ? args.stack + args.stack_size : 0,
		.parent_tid = u64_to_user_ptr(args.parent_tid),
		.child_tid = u64_to_user_ptr(args.child_tid),
		.tls = args.tls,
		.pidfd = u64_to_user_ptr(args.pidfd),
	};
	if (args.set_tid_size) {
		if (copy_from_user(kargs->set_tid, u64_to_user_ptr(args.set_tid),
				   args.set_tid_size * sizeof(pid_t)))
			return -EFAULT;
		for (i = 0; i < (int)args.set_tid_size; i++)
			if (kargs->set_tid[i] <= 0 || kargs->set_tid[i] >= pid_max)
				return -EINVAL;
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		kargs->set_tid_size = args.set_tid_size;
	}
	return 0;
}

SYSCALL_DEFINE2(clone3, struct clone_args __user *, uargs, size_t, size)
{
	struct kernel_clone_args kargs;
	int err;

	err = copy_clone_args_from_user(&kargs, uargs, size);
	if (err)
		return err;
	return kernel_clone(&kargs);
}

/*
 * unshare: stop sharing what a clone shared -- the fs_struct (cwd, root,
 * umask), the descriptor table -- or move into new namespaces.  The
 * implied flags are Linux's: a new mount namespace needs a private
 * fs_struct.  Sharing what only a thread shares (the address space,
 * the handlers, the thread group) cannot be undone: EINVAL unless
 * nothing actually shares it.
 */
static int unshare_fs_struct(void)
{
	struct fs_struct *old = current->fs;
	int err;

	if (refcount_read(&old->users) == 1)
		return 0;
	err = copy_fs(0, current);	/* copies current->fs into a new one */
	if (err)
		return err;
	/* Others still use it, so this never frees. */
	refcount_dec_and_test(&old->users);
	return 0;
}

SYSCALL_DEFINE1(unshare, unsigned long, unshare_flags)
{
	struct nsproxy *new_ns;
	int err;

	if (unshare_flags & ~(CLONE_THREAD | CLONE_FS | CLONE_NEWNS | CLONE_SIGHAND |
			      CLONE_VM | CLONE_FILES | CLONE_SYSVSEM | CLONE_NEWUTS |
			      CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWUSER | CLONE_NEWPID |
			      CLONE_NEWCGROUP | CLONE_NEWTIME))
		return -EINVAL;
	if (unshare_flags & CLONE_NEWUSER)
		unshare_flags |= CLONE_THREAD | CLONE_FS;
	if (unshare_flags & CLONE_VM)
		unshare_flags |= CLONE_SIGHAND;
	if (unshare_flags & CLONE_SIGHAND)
		unshare_flags |= CLONE_THREAD;
	if (unshare_flags & CLONE_NEWNS)
		unshare_flags |= CLONE_FS;
	if ((unshare_flags & CLONE_THREAD) && !thread_group_empty(current))
		return -EINVAL;
	if ((unshare_flags & CLONE_SIGHAND) && refcount_read(&current->sighand->count) > 1)
		return -EINVAL;
	if ((unshare_flags & CLONE_VM) && current->mm &&
	    atomic_read(&current->mm->mm_users) > 1)
		return -EINVAL;
	if ((unshare_flags & CLONE_NEWNS) && !capable(CAP_SYS_ADMIN))
		return -EPERM;

	/* First a private fs_struct: a new mount namespace moves its root and cwd. */
	if (unshare_flags & CLONE_FS) {
		err = unshare_fs_struct();
		if (err)
			return err;
	}
	err = unshare_nsproxy_namespaces(unshare_flags, &new_ns);
	if (err)
		return err;
	if (unshare_flags & CLONE_FILES) {
		err = unshare_files();
		if (err)
			goto bad;
	}
	/*
	 * Leaving the undo list is what exit does to it; a new IPC namespace
	 * leaves it too, since its sets stay in the old one.
	 */
	if (unshare_flags & (CLONE_NEWIPC | CLONE_SYSVSEM))
		exit_sem(current);
	if (new_ns)
		switch_task_namespaces(current, new_ns);
	return 0;
bad:
	put_nsproxy(new_ns);
	return err;
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return task_pid_vnr(current);
}

void __init fork_init(void)
{
	u64 pages = totalram_pages();

	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct),
					       64, SLAB_PANIC, NULL);
	/* At most 1/8 of memory in kernel stacks, as Linux sizes max_threads. */
	max_threads = clamp_t(u64, pages * PAGE_SIZE / (8 * THREAD_SIZE), 20, 0x3fffffff);
	init_task.signal->rlim[RLIMIT_NPROC].rlim_cur = max_threads / 2;
	init_task.signal->rlim[RLIMIT_NPROC].rlim_max = max_threads / 2;
	init_task.signal->rlim[RLIMIT_SIGPENDING].rlim_cur = max_threads / 2;
	init_task.signal->rlim[RLIMIT_SIGPENDING].rlim_max = max_threads / 2;
	hrtimer_init(&init_task.signal->real_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	init_task.signal->real_timer.function = it_real_fn;
}

/*
 * Address spaces (see <linux/sched/mm.h>).
 */
static struct kmem_cache *mm_cachep;

/* The slab caches of everything fork copies. */
void __init proc_caches_init(void)
{
	signal_cachep = kmem_cache_create("signal_cache", sizeof(struct signal_struct),
					  0, SLAB_PANIC, NULL);
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct),
					   0, SLAB_PANIC, NULL);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 64,
				      SLAB_PANIC, NULL);
	vma_cache_init();
}

static struct mm_struct *mm_init(struct mm_struct *mm)
{
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mmap_init_lock(mm);
	spin_lock_init(&mm->page_table_lock);
	mm->context.pcid = 0;
	mm->context.pcid_generation = 0;
	memset(mm->context.cpu_bitmap, 0, sizeof(mm->context.cpu_bitmap));
	/* dup_mm copied the parent's counters; copy_page_range counts anew. */
	atomic_long_set(&mm->rss_stat[MM_ANONPAGES], 0);
	atomic_long_set(&mm->rss_stat[MM_SHMEMPAGES], 0);
	atomic_long_set(&mm->rss_stat[MM_SWAPENTS], 0);
	atomic_long_set(&mm->pgtables_bytes, 0);
	mm->hiwater_rss = 0;
	mm->def_flags = 0;	/* mlockall(MCL_FUTURE) is not inherited */
	spin_lock_init(&mm->ioctx_lock);
	INIT_LIST_HEAD(&mm->ioctx_list);	/* AIO contexts stay with the parent */
	/* mmap areas go top-down from below the stack's reserve. */
	mm->mmap_base = STACK_TOP - MMAP_STACK_RESERVE;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	spin_lock(&mmlist_lock);
	list_add_tail(&mm->mmlist, &init_mm.mmlist);
	spin_unlock(&mmlist_lock);
	return mm;
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (mm) {
		mm->dumpable = SUID_DUMP_USER;	/* fork copies the parent's instead */
		/* exec keeps the filter of the address space it replaces. */
		mm->coredump_filter = current->mm ? current->mm->coredump_filter :
						    MMF_DUMP_FILTER_DEFAULT;
	}
	return mm ? mm_init(mm) : NULL;
}

void mmdrop(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_count))
		return;
	WARN_ON_ONCE(mm == &init_mm);
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_aio(mm);
	exit_mmap(mm);
	spin_lock(&mmlist_lock);
	list_del(&mm->mmlist);
	spin_unlock(&mmlist_lock);
	if (mm->exe_file) {
		allow_write_access(mm->exe_file);	/* the program may be written again */
		fput(mm->exe_file);
	}
	mmdrop(mm);
}

struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	memcpy(mm, oldmm, sizeof(*mm));
	if (!mm_init(mm))
		return NULL;
	if (mm->exe_file) {
		get_file(mm->exe_file);
		deny_write_access(mm->exe_file);	/* already denied: cannot fail */
	}
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/* exec: make @mm the current address space and drop the old one. */
int exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm = tsk->active_mm;

	exit_mm_release(tsk);
	task_lock(tsk);
	local_irq_disable();
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(active_mm, mm, tsk);
	local_irq_enable();
	task_unlock(tsk);
	if (old_mm)
		mmput(old_mm);
	else
		mmdrop(active_mm);	/* a kernel thread's borrowed mm */
	return 0;
}

/*
 * @task's address space with a user reference (mmput when done), or NULL
 * for a kernel thread or a task past exit_mm.  task_lock keeps the mm
 * from being swapped out by exec or dropped by exit while we take it.
 */
struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm;

	task_lock(task);
	mm = task->mm;
	if (mm && !(task->flags & PF_KTHREAD))
		mmget(mm);
	else
		mm = NULL;
	task_unlock(task);
	return mm;
}
