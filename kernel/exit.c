// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a task, as the seed's "ls exits" step describes it:
 * exit_group() -> free the memory, close the files, become EXIT_ZOMBIE,
 * signal the parent (SIGCHLD); the parent's wait4() collects the status,
 * and the task becomes EXIT_DEAD and is freed (release_task).
 *
 * Children of an exiting task are re-parented to PID 1 (the child
 * reaper), which is expected to wait for them; zombies among them are
 * announced to it at once.  A parent that ignores SIGCHLD (or set
 * SA_NOCLDWAIT) never sees zombies: its children are reaped as they die.
 */
#include <linux/kernel.h>
#include <linux/pid_namespace.h>
#include <linux/acct.h>
#include <linux/completion.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/futex.h>
#include <linux/mm.h>
#include <linux/nsproxy.h>
#include <linux/pid.h>
#include <linux/ptrace.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sem.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <trace/events/sched.h>
#include <uapi/linux/siginfo.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/wait.h>

/* Fold the dead task's usage into its parent's totals for RUSAGE_CHILDREN. */
static void account_reaped(struct task_struct *parent, struct task_struct *p)
{
	struct signal_struct *psig = parent->signal, *sig = p->signal;
	struct task_usage u;

	thread_group_usage(p, &u);
	/* Its precise runtime, split as the ticks saw it (kernel/sched/cputime.c). */
	dead_group_cputime_adjusted(p, &u, &u.utime, &u.stime);
	psig->cutime += u.utime + sig->cutime;
	psig->cstime += u.stime + sig->cstime;
	psig->cmin_flt += u.min_flt + sig->cmin_flt;
	psig->cmaj_flt += u.maj_flt + sig->cmaj_flt;
	psig->cnvcsw += u.nvcsw + sig->cnvcsw;
	psig->cnivcsw += u.nivcsw + sig->cnivcsw;
	psig->cmaxrss = max(psig->cmaxrss, max(sig->maxrss, sig->cmaxrss));
}

/*
 * Unlink a dead task.  A thread other than the leader also folds its
 * usage into the group's totals, so the process's times stay whole.
 * tasklist_lock held; siglock too, for walkers of the thread list.
 */
static void __exit_signal(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;

	if (unlikely(p->ptrace))
		__ptrace_unlink(p);
	spin_lock(&p->sighand->siglock);
	list_del_init(&p->sibling);
	if (thread_group_leader(p)) {
		list_del_init(&p->tasks);
	} else {
		sig->utime += p->utime;
		sig->stime += p->stime;
		sig->sum_sched_runtime += p->se.sum_exec_runtime;
		sig->min_flt += p->min_flt;
		sig->maj_flt += p->maj_flt;
		sig->nvcsw += p->nvcsw;
		sig->nivcsw += p->nivcsw;
		list_del_init(&p->thread_node);
	}
	/* execve in another thread waits for us to be gone (de_thread). */
	if (sig->group_exec_task)
		wake_up_process(sig->group_exec_task);
	spin_unlock(&p->sighand->siglock);
	nr_threads--;
}

/*
 * Drop a dead task for good.  The last thread of a group whose leader is
 * already a zombie is what makes the parent hear of the group's death.
 */
void release_task(struct task_struct *p)
{
	struct task_struct *leader;
	bool reap_leader;

repeat:
	reap_leader = false;
	spin_lock_irq(&tasklist_lock);
	__exit_signal(p);
	leader = p->group_leader;
	if (leader != p && thread_group_empty(leader) &&
	    leader->exit_state == EXIT_ZOMBIE) {
		reap_leader = notify_parent_group_dead(leader);
		if (reap_leader)
			leader->exit_state = EXIT_DEAD;
	}
	spin_unlock_irq(&tasklist_lock);
	free_pid(p);
	put_task_struct(p);
	if (reap_leader) {
		p = leader;
		goto repeat;
	}
}

/*
 * What a process used: the threads already gone (folded into signal)
 * plus those still in the group.  tasklist_lock held.
 */
void thread_group_usage(struct task_struct *p, struct task_usage *u)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *t;

	u->utime = sig->utime;
	u->stime = sig->stime;
	u->min_flt = sig->min_flt;
	u->maj_flt = sig->maj_flt;
	u->nvcsw = sig->nvcsw;
	u->nivcsw = sig->nivcsw;
	for_each_thread(p, t) {
		u->utime += t->utime;
		u->stime += t->stime;
		u->min_flt += t->min_flt;
		u->maj_flt += t->maj_flt;
		u->nvcsw += t->nvcsw;
		u->nivcsw += t->nivcsw;
	}
}

/*
 * Job control (POSIX "orphaned process group"): a group is orphaned when
 * no member has a parent in another group of the same session, i.e. no
 * shell is left that could continue it.  Such a group, if it has stopped
 * members, gets SIGHUP and SIGCONT the moment it becomes orphaned, and
 * terminal stop signals are discarded for it.  tasklist_lock held.
 */
static bool will_become_orphaned_pgrp(pid_t pgrp, struct task_struct *ignored)
{
	struct task_struct *p, *parent;

	for_each_process(p) {
		if (p == ignored || p->exit_state || p->signal->pgrp != pgrp)
			continue;
		parent = p->real_parent;
		if (parent->tgid == 1 || parent->exit_state)
			continue;
		if (parent->signal->pgrp != pgrp &&
		    parent->signal->session == p->signal->session)
			return false;
	}
	return true;
}

bool pgrp_is_orphaned(pid_t pgrp)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = will_become_orphaned_pgrp(pgrp, NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

bool is_current_pgrp_orphaned(void)
{
	return pgrp_is_orphaned(current->signal->pgrp);
}

static bool has_stopped_jobs(pid_t pgrp)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->signal->pgrp == pgrp && (p->signal->flags & SIGNAL_STOP_STOPPED))
			return true;
	return false;
}

/*
 * @tsk's group may lose its last outside link: because @tsk exits
 * (@parent NULL) or because @tsk's parent @parent does.  tasklist_lock held.
 */
static void kill_orphaned_pgrp(struct task_struct *tsk, struct task_struct *parent)
{
	pid_t pgrp = tsk->signal->pgrp;
	struct task_struct *ignored = tsk;

	if (!parent)
		parent = tsk->real_parent;
	else
		ignored = NULL;		/* the parent is the one leaving */
	if (pgrp <= 0 || parent->signal->pgrp == pgrp ||
	    parent->signal->session != tsk->signal->session)
		return;
	if (will_become_orphaned_pgrp(pgrp, ignored) && has_stopped_jobs(pgrp)) {
		__kill_pgrp_info(pgrp, SIGHUP, NULL);
		__kill_pgrp_info(pgrp, SIGCONT, NULL);
	}
}

/* A thread of @p's group that is not exiting: it inherits the children. */
static struct task_struct *find_alive_thread(struct task_struct *p)
{
	struct task_struct *t;

	for_each_thread(p, t)
		if (!(t->flags & PF_EXITING))
			return t;
	return NULL;
}

/*
 * Who adopts @father's children: another live thread of its group; else
 * the nearest ancestor that made itself a subreaper (prctl
 * PR_SET_CHILD_SUBREAPER, as service managers do); else PID 1 of its
 * PID namespace.
 */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *reaper = find_alive_thread(father), *p;
	struct task_struct *child_reaper = task_active_pid_ns(father)->child_reaper;

	if (reaper)
		return reaper;
	if (father->signal->has_child_subreaper) {
		for (p = father->real_parent; p && p->pid > 1 && p != child_reaper;
		     p = p->real_parent) {
			if (!p->signal->is_child_subreaper)
				continue;
			reaper = find_alive_thread(p);
			if (reaper)
				return reaper;
		}
	}
	return child_reaper;
}

/*
 * Give @father's children to their new reaper.  A child that asked for a
 * parent-death signal gets it now, even when the adopter is a sibling
 * thread of the dead one: "parent" is the thread that forked it, as on
 * Linux.  tasklist_lock held.
 */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *p, *n, *reaper = find_new_reaper(father);
	bool zombies = false;

	list_for_each_entry_safe(p, n, &father->children, sibling) {
		struct task_struct *t;
		bool other_group = reaper->signal != father->signal;

		/* Every thread of the child names its parent (CLONE_THREAD copies it). */
		for_each_thread(p, t) {
			t->real_parent = reaper;
			if (!t->ptrace)		/* a tracee keeps its tracer */
				t->parent = reaper;
			if (t->pdeath_signal)
				group_send_sig_info(t->pdeath_signal, NULL, t);
		}
		/* Whatever the child asked for, an adopter only ever gets SIGCHLD. */
		if (other_group && p->exit_signal != -1)
			p->exit_signal = SIGCHLD;
		list_move_tail(&p->sibling, &reaper->children);
		if (other_group)
			kill_orphaned_pgrp(p, father);
		if (p->exit_state == EXIT_ZOMBIE)
			zombies = true;
	}
	if (zombies)
		wake_up_all(&reaper->signal->wait_chldexit);
}

/* Does @parent want zombies at all?  Not if it ignores SIGCHLD. */
static bool parent_wants_zombie(struct task_struct *parent)
{
	struct k_sigaction *ka = &parent->sighand->action[SIGCHLD - 1];

	return !(ka->sa.sa_handler == SIG_IGN || (ka->sa.sa_flags & SA_NOCLDWAIT));
}

/*
 * A traced process died: its tracer hears first, with SIGCHLD, and
 * collects the status with wait like a parent would; the real parent
 * hears only after that (wait_task_zombie, or the tracer's detach or
 * exit: exit_ptrace).  tasklist_lock held.
 */
static void notify_tracer_dead(struct task_struct *tsk)
{
	struct task_struct *tracer = tsk->parent;
	int status = tsk->signal->flags & SIGNAL_GROUP_EXIT ?
		     tsk->signal->group_exit_code : tsk->exit_code;
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGCHLD;
	info.si_pid = tsk->pid;		/* the thread, for a traced thread */
	info.si_uid = tsk->real_cred->uid;
	if (status & 0x7f) {
		info.si_code = status & 0x80 ? CLD_DUMPED : CLD_KILLED;
		info.si_status = status & 0x7f;
	} else {
		info.si_code = CLD_EXITED;
		info.si_status = (status >> 8) & 0xff;
	}
	group_send_sig_info(SIGCHLD, &info, tracer);
	wake_up_all(&tracer->signal->wait_chldexit);
}

static bool ptrace_reparented(struct task_struct *p)
{
	return p->ptrace && p->parent->tgid != p->real_parent->tgid;
}

/*
 * The whole group of leader @tsk is dead: tell its parent (its tracer
 * first, if another process traces it).  True if nobody will wait for
 * it (the parent ignores SIGCHLD, or no exit signal), so it is to be
 * reaped at once.  tasklist_lock held.
 */
bool notify_parent_group_dead(struct task_struct *tsk)
{
	struct task_struct *parent = tsk->real_parent;
	bool autoreap = tsk->exit_signal < 0 || !parent_wants_zombie(parent);

	if (ptrace_reparented(tsk)) {
		notify_tracer_dead(tsk);
		return false;
	}

	do_notify_pidfd(tsk);
	/* A parent with SA_NOCLDWAIT and a handler still gets the signal. */
	if (tsk->exit_signal > 0)
		do_notify_parent(tsk, tsk->exit_signal);
	/*
	 * A waiter wakes even when the child is reaped at once: it may be
	 * its last child, and wait() must then fail with ECHILD.  The child
	 * is EXIT_DEAD before tasklist_lock drops, so the waiter's next scan
	 * (under that lock) skips it.
	 */
	wake_up_all(&parent->signal->wait_chldexit);
	return autoreap;
}

/*
 * Become a zombie and tell the parent; or disappear if nobody will wait.
 * A thread other than the leader always disappears; a leader whose
 * threads live on stays a zombie without telling anyone: the parent
 * hears when the last thread goes (release_task).
 */
static void exit_notify(struct task_struct *tsk, bool group_dead)
{
	struct task_struct *p, *n;
	LIST_HEAD(dead);
	bool autoreap;

	spin_lock_irq(&tasklist_lock);
	exit_ptrace(tsk, &dead);
	forget_original_parent(tsk);
	if (group_dead)
		kill_orphaned_pgrp(tsk->group_leader, NULL);
	if (!thread_group_leader(tsk)) {
		/* A traced thread's death is its tracer's to collect (strace -f). */
		autoreap = !tsk->ptrace;
		if (tsk->ptrace)
			notify_tracer_dead(tsk);
	} else if (thread_group_empty(tsk))
		autoreap = notify_parent_group_dead(tsk);
	else
		autoreap = false;
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	/* de_thread in another thread waits for the leader's zombie. */
	if (tsk->signal->group_exec_task)
		wake_up_process(tsk->signal->group_exec_task);
	spin_unlock_irq(&tasklist_lock);
	list_for_each_entry_safe(p, n, &dead, ptrace_entry) {
		list_del_init(&p->ptrace_entry);
		release_task(p);
	}
	if (autoreap)
		release_task(tsk);
}

/*
 * The mm is no longer ours (exit, exec): robust and PI locks are given
 * up, a vfork parent let go, and the TID word cleared and woken
 * (pthread_join).
 */
static void mm_release(struct task_struct *tsk)
{
	futex_exit_release(tsk);
	if (tsk->clear_child_tid) {
		put_user(0, tsk->clear_child_tid);
		futex_wake_tid(tsk->clear_child_tid);
		tsk->clear_child_tid = NULL;
	}
	complete_vfork_done(tsk);
}

void exit_mm_release(struct task_struct *tsk)
{
	mm_release(tsk);
}

static void exit_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;

	mm_release(tsk);
	if (!mm)
		return;
	tsk->signal->maxrss = max(tsk->signal->maxrss,
				  (unsigned long)get_mm_hiwater_rss_kb(mm));
	/* Keep running on these page tables (active_mm) until the switch away. */
	mmgrab(mm);
	task_lock(tsk);
	tsk->mm = NULL;
	task_unlock(tsk);
	mmput(mm);
}

/*
 * @tsk is the init of a PID namespace: another thread of it takes the
 * role, or with the last one the namespace ends (zap_pid_ns_processes)
 * and any straggler is left to the reaper of the namespace above.
 */
static void exit_pid_ns_reaper(struct task_struct *tsk, bool group_dead)
{
	struct pid_namespace *ns = task_active_pid_ns(tsk);
	struct task_struct *t;

	if (!ns->level || ns->child_reaper != tsk)
		return;
	if (!group_dead) {
		spin_lock_irq(&tasklist_lock);
		t = find_alive_thread(tsk);
		if (t)
			ns->child_reaper = t;
		spin_unlock_irq(&tasklist_lock);
		if (t)
			return;
	}
	zap_pid_ns_processes(ns);
	spin_lock_irq(&tasklist_lock);
	ns->child_reaper = ns->parent->child_reaper;
	spin_unlock_irq(&tasklist_lock);
}

void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;
	bool group_dead, stop_done;

	if (unlikely(tsk->pid == 1 || tsk == init_pid_ns.child_reaper))
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	if (unlikely(tsk->flags & PF_EXITING)) {
		pr_alert("Fixing recursive fault but reboot is needed!\n");
		for (;;) {
			set_current_state(TASK_UNINTERRUPTIBLE);
			schedule();
		}
	}
	/* PTRACE_O_TRACEEXIT: the tracer sees us once more, registers intact. */
	ptrace_event(PTRACE_EVENT_EXIT, code);
	tsk->exit_code = code;
	trace_sched_process_exit(tsk);
	/* Under siglock: a group-stop starting now counts this thread out. */
	spin_lock_irq(&tsk->sighand->siglock);
	tsk->flags |= PF_EXITING;
	group_dead = --tsk->signal->nr_threads == 0;
	stop_done = task_participate_group_stop(tsk);
	spin_unlock_irq(&tsk->sighand->siglock);
	if (stop_done)
		do_notify_parent_cldstop(tsk, CLD_STOPPED);
	if (group_dead)
		exit_itimers(tsk->signal);
	/* A session leader's death hangs up its terminal's foreground group. */
	if (group_dead && tsk->signal->leader)
		disassociate_ctty(1);
	/* Accounting wants the address space's size: before exit_mm. */
	if (group_dead)
		acct_process(code);
	exit_mm();
	exit_sem(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	exit_pid_ns_reaper(tsk, group_dead);
	exit_task_namespaces(tsk);
	exit_thread(tsk);
	exit_notify(tsk, group_dead);

	/* The last switch away drops the running reference (finish_task_switch). */
	tsk->state = TASK_DEAD;
	schedule();
	BUG();
}

/*
 * Take the whole thread group down with @exit_code: the other threads
 * get SIGKILL and follow.  If the group is already going (another
 * thread's exit_group or fatal signal, or its execve), just go along.
 */
void __noreturn do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;
	struct sighand_struct *sighand = current->sighand;

	spin_lock_irq(&sighand->siglock);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		exit_code = sig->group_exit_code;
	} else if (sig->group_exec_task) {
		exit_code = 0;
	} else {
		sig->group_exit_code = exit_code;
		sig->flags = SIGNAL_GROUP_EXIT;
		zap_other_threads(current);
	}
	spin_unlock_irq(&sighand->siglock);
	do_exit(exit_code);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

struct wait_opts {
	int which;			/* P_ALL, P_PID, P_PGID */
	pid_t pid;
	int options;
	siginfo_t __user *infop;
	int __user *stat_addr;
	struct rusage __user *ru;
};

static bool eligible_child(struct wait_opts *wo, struct task_struct *p, bool ptrace)
{
	if (wo->which == P_PID && p->pid != wo->pid)
		return false;
	if (wo->which == P_PGID && p->signal->pgrp != wo->pid)
		return false;
	/* A tracer waits for its tracees whatever their exit signal. */
	if (ptrace)
		return true;
	/* A "clone" child (exit signal other than SIGCHLD) needs __WCLONE. */
	if (!(wo->options & __WALL) &&
	    ((p->exit_signal != SIGCHLD) ^ !!(wo->options & __WCLONE)))
		return false;
	return true;
}

static void fill_rusage(struct task_struct *p, struct rusage *r)
{
	struct signal_struct *sig = p->signal;
	struct task_usage u;

	thread_group_usage(p, &u);
	dead_group_cputime_adjusted(p, &u, &u.utime, &u.stime);
	memset(r, 0, sizeof(*r));
	u.utime += sig->cutime;
	u.stime += sig->cstime;
	r->ru_minflt = u.min_flt + sig->cmin_flt;
	r->ru_majflt = u.maj_flt + sig->cmaj_flt;
	r->ru_nvcsw = u.nvcsw + sig->cnvcsw;
	r->ru_nivcsw = u.nivcsw + sig->cnivcsw;
	r->ru_maxrss = max(sig->maxrss, sig->cmaxrss);
	r->ru_utime.tv_sec = u.utime / NSEC_PER_SEC;
	r->ru_utime.tv_usec = u.utime % NSEC_PER_SEC / NSEC_PER_USEC;
	r->ru_stime.tv_sec = u.stime / NSEC_PER_SEC;
	r->ru_stime.tv_usec = u.stime % NSEC_PER_SEC / NSEC_PER_USEC;
}

/*
 * Store what wait reports: the status word (wait4), the siginfo
 * (waitid: @why is its CLD_* code), the rusage (@ru NULL: zeroes).
 * Returns @pid, or -EFAULT if any store failed.
 */
static int wait_copyout(struct wait_opts *wo, pid_t pid, uid_t uid, int status,
			int why, int sistatus, const struct rusage *ru)
{
	struct rusage zero;
	int ret = pid;

	if (wo->ru) {
		if (!ru) {
			memset(&zero, 0, sizeof(zero));
			ru = &zero;
		}
		if (copy_to_user(wo->ru, ru, sizeof(*ru)))
			ret = -EFAULT;
	}
	if (wo->stat_addr && put_user(status, wo->stat_addr))
		ret = -EFAULT;
	if (wo->infop) {
		siginfo_t info;

		memset(&info, 0, sizeof(info));
		info.si_signo = SIGCHLD;
		info.si_code = why;
		info.si_status = sistatus;
		info.si_pid = pid;
		info.si_uid = uid;
		if (copy_to_user(wo->infop, &info, sizeof(info)))
			ret = -EFAULT;
	}
	return ret;
}

/*
 * Report zombie @p to the waiter and reap it unless WNOWAIT.  Returns its
 * pid, or -EFAULT if a result could not be stored - after reaping, as
 * Linux does: the child is gone either way.
 */
static int wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	int status = p->signal->flags & SIGNAL_GROUP_EXIT ?
		     p->signal->group_exit_code : p->exit_code;
	pid_t pid = task_pid_vnr(p);
	uid_t uid = p->real_cred->uid;
	struct rusage ru;
	bool reap = true;
	int why;

	spin_lock_irq(&tasklist_lock);
	if (wo->ru)
		fill_rusage(p, &ru);
	if (!thread_group_leader(p)) {
		/* A traced thread: nothing to account, the process goes on. */
		if (!(wo->options & WNOWAIT))
			p->exit_state = EXIT_DEAD;
	} else if (ptrace_reparented(p) && p->parent->tgid == current->tgid) {
		/* The tracer has seen it; now the real parent's turn. */
		reap = false;
		if (!(wo->options & WNOWAIT)) {
			__ptrace_unlink(p);
			if (notify_parent_group_dead(p)) {
				p->exit_state = EXIT_DEAD;
				reap = true;
			}
		}
	} else if (!(wo->options & WNOWAIT)) {
		p->exit_state = EXIT_DEAD;
		account_reaped(current, p);
	}
	spin_unlock_irq(&tasklist_lock);
	if (!(wo->options & WNOWAIT) && reap)
		release_task(p);
	why = (status & 0x7f) ? ((status & 0x80) ? CLD_DUMPED : CLD_KILLED) : CLD_EXITED;
	return wait_copyout(wo, pid, uid, status, why,
			    (status & 0x7f) ? (status & 0x7f) : (status >> 8) & 0xff,
			    wo->ru ? &ru : NULL);
}

/* What wait reports about a child that is alive. */
enum wait_event { WAIT_NONE, WAIT_ZOMBIE, WAIT_STOPPED, WAIT_CONTINUED, WAIT_TRAPPED };

/*
 * A tracee stopped for us: reported whatever WUNTRACED says, once per
 * stop (the code is consumed unless WNOWAIT).  siglock of @p held.
 */
static enum wait_event ptrace_stop_event(struct wait_opts *wo, struct task_struct *p,
					 int *status)
{
	if (!(READ_ONCE(p->state) & __TASK_TRACED) || !p->exit_code)
		return WAIT_NONE;
	*status = (p->exit_code << 8) | 0x7f;
	if (!(wo->options & WNOWAIT))
		p->exit_code = 0;
	return WAIT_TRAPPED;
}

/*
 * A stopped or continued child (job control): reported once, the state
 * then consumed unless WNOWAIT.  siglock of @p held.
 */
static enum wait_event child_job_event(struct wait_opts *wo, struct task_struct *p, int *status)
{
	struct signal_struct *sig = p->signal;

	if ((wo->options & WSTOPPED) && (sig->flags & SIGNAL_STOP_STOPPED) &&
	    !sig->group_stop_count && sig->group_exit_code) {
		*status = (sig->group_exit_code << 8) | 0x7f;
		if (!(wo->options & WNOWAIT))
			sig->group_exit_code = 0;
		return WAIT_STOPPED;
	}
	if ((wo->options & WCONTINUED) && (sig->flags & SIGNAL_STOP_CONTINUED)) {
		*status = 0xffff;
		if (!(wo->options & WNOWAIT))
			sig->flags &= ~SIGNAL_STOP_CONTINUED;
		return WAIT_CONTINUED;
	}
	return WAIT_NONE;
}

/* A leader whose threads still run is a zombie nobody may reap yet. */
static bool delay_group_leader(struct task_struct *p)
{
	return thread_group_leader(p) && !thread_group_empty(p);
}

/*
 * Child (or, @ptrace, tracee) @p: anything to report?  Our own child
 * traced by someone else is not ours to reap until its tracer has seen
 * it die; one we trace ourselves reports its trace stops instead of its
 * job-control stops.  tasklist_lock held.
 */
static enum wait_event wait_consider_task(struct wait_opts *wo, struct task_struct *p,
					  bool ptrace, int *status)
{
	enum wait_event ev;

	if (!ptrace && p->ptrace && p->parent->tgid == current->tgid)
		ptrace = true;
	if (p->exit_state == EXIT_ZOMBIE) {
		if (!(wo->options & WEXITED) || delay_group_leader(p))
			return WAIT_NONE;
		if (!ptrace && ptrace_reparented(p))
			return WAIT_NONE;
		return WAIT_ZOMBIE;
	}
	if (p->exit_state)
		return WAIT_NONE;
	spin_lock(&p->sighand->siglock);
	if (ptrace) {
		ev = ptrace_stop_event(wo, p, status);
		if (ev == WAIT_NONE && (wo->options & WCONTINUED))
			ev = child_job_event(wo, p, status);
	} else {
		ev = child_job_event(wo, p, status);
	}
	spin_unlock(&p->sighand->siglock);
	return ev;
}

/* One thread's children and tracees: as do_wait_scan.  tasklist_lock held. */
static int wait_scan_children(struct wait_opts *wo, struct task_struct *parent,
			      struct task_struct **found, enum wait_event *ev, int *status)
{
	struct task_struct *p;
	bool any = false;

	list_for_each_entry(p, &parent->children, sibling) {
		/* Being reaped right now (autoreap): as good as gone (Linux). */
		if (p->exit_state == EXIT_DEAD && !p->ptrace)
			continue;
		if (!eligible_child(wo, p, false))
			continue;
		any = true;
		*ev = wait_consider_task(wo, p, false, status);
		if (*ev != WAIT_NONE) {
			*found = p;
			return 1;
		}
	}
	list_for_each_entry(p, &parent->ptraced, ptrace_entry) {
		/* Our own children were seen above; their other threads were not. */
		if ((thread_group_leader(p) && p->real_parent->tgid == current->tgid) ||
		    !eligible_child(wo, p, true))
			continue;
		any = true;
		*ev = wait_consider_task(wo, p, true, status);
		if (*ev != WAIT_NONE) {
			*found = p;
			return 1;
		}
	}
	return any ? 0 : -ECHILD;
}

/*
 * One pass over the children of every thread of our group (only ours
 * with __WNOTHREAD): 0 if none matches but some may yet exit, -ECHILD if
 * none matches at all, or 1 with *@found and *@ev set.
 */
static int do_wait_scan(struct wait_opts *wo, struct task_struct **found,
			enum wait_event *ev, int *status)
{
	struct task_struct *t;
	int ret = -ECHILD, r;

	if (wo->options & __WNOTHREAD)
		return wait_scan_children(wo, current, found, ev, status);
	for_each_thread(current, t) {
		r = wait_scan_children(wo, t, found, ev, status);
		if (r == 1)
			return 1;
		if (r == 0)
			ret = 0;
	}
	return ret;
}

static int wait_task_job_event(struct wait_opts *wo, pid_t pid, uid_t uid,
			       enum wait_event ev, int status)
{
	if (ev == WAIT_STOPPED)
		return wait_copyout(wo, pid, uid, status, CLD_STOPPED, (status >> 8) & 0xff, NULL);
	if (ev == WAIT_TRAPPED)
		return wait_copyout(wo, pid, uid, status, CLD_TRAPPED, status >> 8, NULL);
	return wait_copyout(wo, pid, uid, status, CLD_CONTINUED, SIGCONT, NULL);
}

static long do_wait(struct wait_opts *wo)
{
	DEFINE_WAIT(wait);
	long ret;

	for (;;) {
		struct task_struct *found = NULL;
		enum wait_event ev = WAIT_NONE;
		int status = 0;
		pid_t pid = 0;
		uid_t uid = 0;

		prepare_to_wait(&current->signal->wait_chldexit, &wait, TASK_INTERRUPTIBLE);
		spin_lock_irq(&tasklist_lock);
		ret = do_wait_scan(wo, &found, &ev, &status);
		if (ret == 1) {
			pid = task_pid_vnr(found);
			uid = found->real_cred->uid;
		}
		spin_unlock_irq(&tasklist_lock);
		if (ret == 1) {
			finish_wait(&current->signal->wait_chldexit, &wait);
			if (ev == WAIT_ZOMBIE)
				return wait_task_zombie(wo, found);
			return wait_task_job_event(wo, pid, uid, ev, status);
		}
		if (ret < 0 || (wo->options & WNOHANG))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&current->signal->wait_chldexit, &wait);
	return ret;
}

/*
 * A pid or group id the caller named, as the first namespace numbers it
 * (what eligible_child compares); -1, which matches no one, if the
 * caller's namespace has no such number.
 */
static pid_t wait_global_id(pid_t nr)
{
	pid_t global = pid_vnr_to_global(nr);

	return global > 0 ? global : -1;
}

long kernel_wait4(pid_t upid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	struct wait_opts wo = {
		.stat_addr = stat_addr,
		.ru = ru,
		.options = options | WEXITED,	/* WUNTRACED is WSTOPPED */
	};

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (upid == INT_MIN)
		return -ESRCH;
	if (upid == -1) {
		wo.which = P_ALL;
	} else if (upid < 0) {
		wo.which = P_PGID;
		wo.pid = wait_global_id(-upid);
	} else if (upid == 0) {
		wo.which = P_PGID;
		wo.pid = current->signal->pgrp;
	} else {
		wo.which = P_PID;
		wo.pid = wait_global_id(upid);
	}
	return do_wait(&wo);
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}

SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, siginfo_t __user *, infop,
		int, options, struct rusage __user *, ru)
{
	struct wait_opts wo = {
		.which = which,
		.pid = upid,
		.infop = infop,
		.ru = ru,
		.options = options,
	};
	unsigned int f_flags = 0;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		wo.pid = wait_global_id(upid);
		break;
	case P_PGID:
		/* Since Linux 5.4, 0 means the caller's own group, as wait4(0). */
		if (upid < 0)
			return -EINVAL;
		wo.pid = upid ? wait_global_id(upid) : current->signal->pgrp;
		break;
	case P_PIDFD:
		/* The child a pidfd names; a non-blocking pidfd makes it WNOHANG. */
		if (upid < 0)
			return -EINVAL;
		ret = pidfd_get_nr(upid, &wo.pid, &f_flags);
		if (ret)
			return ret;
		wo.which = P_PID;
		if (f_flags & O_NONBLOCK)
			wo.options |= WNOHANG;
		break;
	default:
		return -EINVAL;
	}
	ret = do_wait(&wo);
	if (!ret && !(options & WNOHANG) && (f_flags & O_NONBLOCK))
		ret = -EAGAIN;
	if (ret > 0)
		return 0;
	/* WNOHANG with nothing to report: Linux zeroes si_signo and si_pid. */
	if (ret == 0 && infop) {
		siginfo_t info;

		memset(&info, 0, sizeof(info));
		if (copy_to_user(infop, &info, sizeof(info)))
			return -EFAULT;
	}
	return ret;
}
