// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace: one process (the tracer) stops, inspects and steers another
 * (the tracee).  This file is the generic half; registers, single-step
 * and the "user area" are in arch/x86/kernel/ptrace.c, and the tracee's
 * side -- how it stops -- is in kernel/signal.c (ptrace_stop).
 *
 * The life of a trace:
 *  - PTRACE_TRACEME (the child offers itself to its parent) or
 *    PTRACE_ATTACH/SEIZE (the tracer takes a task) link the tracee on the
 *    tracer's ->ptraced list and make the tracer its ->parent; the one
 *    that forked it stays ->real_parent and still gets its exit status.
 *  - The tracee stops (TASK_TRACED) before every signal it would get, at
 *    exec, at the events and syscalls the tracer asked for; each stop is
 *    a "child stopped" the tracer collects with wait4/waitid.
 *  - While it is stopped the tracer reads and writes its memory and
 *    registers, then resumes it (CONT, SYSCALL, SINGLESTEP) saying which
 *    signal, if any, it is to get, or lets it go (DETACH).
 *
 * Who may trace whom: ptrace_may_access() below, the same rule that
 * guards /proc/PID/mem, environ, fd and maps, kcmp,
 * process_vm_readv/writev and pidfd_getfd.  Allowed are: a thread of the
 * same process; a task whose user and group IDs (real, effective and
 * saved) all equal the caller's -- the caller's filesystem IDs or real
 * IDs, as the mode says -- and whose address space is dumpable (a
 * set-user-ID program, or one that called prctl(PR_SET_DUMPABLE, 0), is
 * not); or any task, for a caller with CAP_SYS_PTRACE.
 *
 * Locking: the links (->ptrace, ->parent, ->ptraced, ->ptrace_entry)
 * change under tasklist_lock; a tracee's stop state (->exit_code,
 * ->last_siginfo, ->jobctl) under its siglock.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/security.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/siginfo.h>

static bool ids_match(const struct cred *cred, const struct cred *tcred, unsigned int mode)
{
	uid_t uid;
	gid_t gid;

	if (mode & PTRACE_MODE_FSCREDS) {
		uid = cred->fsuid;
		gid = cred->fsgid;
	} else {
		uid = cred->uid;
		gid = cred->gid;
	}
	return uid == tcred->uid && uid == tcred->euid && uid == tcred->suid &&
	       gid == tcred->gid && gid == tcred->egid && gid == tcred->sgid;
}

bool ptrace_may_access(struct task_struct *task, unsigned int mode)
{
	const struct cred *cred = current_cred();
	struct mm_struct *mm;
	bool dumpable = true;

	if (WARN_ON(!(mode & (PTRACE_MODE_FSCREDS | PTRACE_MODE_REALCREDS))))
		return false;
	if (task->tgid == current->tgid)
		return true;
	if (!ids_match(cred, task->real_cred, mode) && !capable(CAP_SYS_PTRACE))
		return false;
	task_lock(task);
	mm = task->mm;
	if (mm && mm->dumpable != SUID_DUMP_USER)
		dumpable = false;
	task_unlock(task);
	if (!dumpable && !capable(CAP_SYS_PTRACE))
		return false;
	/* A sandboxed caller (Landlock) reaches only tasks sandboxed as much. */
	return !security_ptrace_access_check(task);
}

/* ---- Links ---------------------------------------------------------------- */

/* tasklist_lock held. */
void __ptrace_link(struct task_struct *child, struct task_struct *tracer)
{
	list_add(&child->ptrace_entry, &tracer->ptraced);
	child->parent = tracer;
}

/*
 * The trace ends: the real parent is the parent again and nothing of
 * the tracer's settings stays behind.  tasklist_lock held.
 */
void __ptrace_unlink(struct task_struct *child)
{
	unsigned long flags;

	child->ptrace = 0;
	child->parent = child->real_parent;
	list_del_init(&child->ptrace_entry);
	clear_tsk_thread_flag(child, TIF_SYSCALL_TRACE);
	ptrace_disable(child);
	spin_lock_irqsave(&child->sighand->siglock, flags);
	child->jobctl = 0;
	spin_unlock_irqrestore(&child->sighand->siglock, flags);
}

/*
 * fork: the child starts untraced, unless the parent's tracer asked to
 * follow (PTRACE_O_TRACEFORK & co., CLONE_PTRACE); then the child is
 * traced by the same tracer with the same options and begins with a
 * stop, so the tracer sees it before it runs a single instruction.
 * tasklist_lock held.
 */
void ptrace_init_task(struct task_struct *child, bool ptrace)
{
	child->ptrace = 0;
	child->jobctl = 0;
	child->last_siginfo = NULL;
	child->ptrace_message = 0;
	child->parent = child->real_parent;
	clear_tsk_thread_flag(child, TIF_SYSCALL_TRACE);
	user_disable_single_step(child);
	if (!ptrace || !current->ptrace)
		return;
	child->ptrace = current->ptrace;
	__ptrace_link(child, current->parent);
	if (child->ptrace & PT_SEIZED)
		child->jobctl |= JOBCTL_TRAP_STOP;
	else
		sigaddset(&child->pending.signal, SIGSTOP);
	set_tsk_thread_flag(child, TIF_SIGPENDING);
}

/* ---- Starting and ending a trace ----------------------------------------- */

static int ptrace_traceme(void)
{
	int ret = -EPERM;

	spin_lock_irq(&tasklist_lock);
	if (current->ptrace)
		goto out;
	ret = security_ptrace_traceme(current->real_parent);
	if (ret)
		goto out;
	/* A parent on its way out could never collect our stops. */
	ret = -EPERM;
	if (current->real_parent->flags & PF_EXITING)
		goto out;
	current->ptrace = PT_PTRACED;
	__ptrace_link(current, current->real_parent);
	ret = 0;
out:
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

/*
 * The tracee was already stopped (SIGSTOP, ^Z): it must now be stopped
 * for us, in TASK_TRACED, before attach returns -- the caller may poke it
 * without a wait (LTP ptrace08 does).  Wake it so it moves from one stop
 * to the other, and wait for that.
 */
static void ptrace_wait_trapping(struct task_struct *task)
{
	while (READ_ONCE(task->jobctl) & JOBCTL_TRAPPING) {
		if (task->exit_state || fatal_signal_pending(current))
			break;
		schedule_timeout_uninterruptible(1);
	}
}

/*
 * PTRACE_O_SUSPEND_SECCOMP turns the tracee's filters off (checkpoint/
 * restore tools need that): only for CAP_SYS_ADMIN, and only for a
 * tracer not confined by seccomp itself.
 */
static int check_ptrace_options(unsigned long data)
{
	if (data & ~(unsigned long)PTRACE_O_MASK)
		return -EINVAL;
	if (data & PTRACE_O_SUSPEND_SECCOMP) {
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		if (current->seccomp.mode || (current->ptrace & PT_SUSPEND_SECCOMP))
			return -EPERM;
	}
	return 0;
}

static int ptrace_attach(struct task_struct *task, long request, unsigned long addr,
			 unsigned long flags)
{
	bool seize = request == PTRACE_SEIZE;
	bool trapping = false;
	int ret;

	if (seize) {
		/* Unknown options: EIO here, EINVAL from SETOPTIONS (Linux's history). */
		if (addr || (flags & ~(unsigned long)PTRACE_O_MASK))
			return -EIO;
		ret = check_ptrace_options(flags);
		if (ret)
			return ret;
		flags = PT_PTRACED | PT_SEIZED | (flags << PT_OPT_FLAG_SHIFT);
	} else {
		flags = PT_PTRACED;
	}
	if ((task->flags & PF_KTHREAD) || task->tgid == current->tgid)
		return -EPERM;
	if (!ptrace_may_access(task, PTRACE_MODE_ATTACH_REALCREDS))
		return -EPERM;

	spin_lock_irq(&tasklist_lock);
	ret = -EPERM;
	if (task->exit_state || (task->flags & PF_EXITING) || task->ptrace)
		goto out;
	task->ptrace = flags;
	__ptrace_link(task, current);
	if (!seize)
		send_sig_info(SIGSTOP, NULL, task);
	spin_lock(&task->sighand->siglock);
	if (READ_ONCE(task->state) & __TASK_STOPPED) {
		task->jobctl |= JOBCTL_TRAP_STOP | JOBCTL_TRAPPING;
		set_tsk_thread_flag(task, TIF_SIGPENDING);
		wake_up_state(task, __TASK_STOPPED);
		trapping = true;
	}
	spin_unlock(&task->sighand->siglock);
	ret = 0;
out:
	spin_unlock_irq(&tasklist_lock);
	if (trapping)
		ptrace_wait_trapping(task);
	return ret;
}

/*
 * Is @child traced by us and (unless @ignore_state) stopped for us?
 * Then its registers and stack are ours to touch until we resume it.
 */
static int ptrace_check_attach(struct task_struct *child, bool ignore_state)
{
	int ret = -ESRCH;

	spin_lock_irq(&tasklist_lock);
	if (child->ptrace && child->parent == current && !child->exit_state &&
	    (ignore_state || (READ_ONCE(child->state) & __TASK_TRACED)))
		ret = 0;
	spin_unlock_irq(&tasklist_lock);
	/* On another CPU it may still be on its way into schedule(). */
	if (!ret && !ignore_state)
		while (READ_ONCE(child->on_cpu))
			cpu_relax();
	return ret;
}

static bool valid_resume_signal(unsigned long data)
{
	return data <= _NSIG;
}

static void ptrace_resume_stopped(struct task_struct *child, int sig)
{
	unsigned long flags;

	spin_lock_irqsave(&child->sighand->siglock, flags);
	child->exit_code = sig;
	wake_up_state(child, __TASK_TRACED);
	spin_unlock_irqrestore(&child->sighand->siglock, flags);
}

static int ptrace_detach(struct task_struct *child, unsigned long data)
{
	if (!valid_resume_signal(data))
		return -EIO;
	spin_lock_irq(&tasklist_lock);
	/* Our tracee may have been killed and reaped meanwhile. */
	if (child->ptrace && child->parent == current)
		__ptrace_unlink(child);
	spin_unlock_irq(&tasklist_lock);
	ptrace_resume_stopped(child, data);
	return 0;
}

/*
 * The tracer exits: every tracee goes free (or dies, with
 * PTRACE_O_EXITKILL).  A tracee that is already a zombie waiting for us
 * goes to its real parent now; those nobody will wait for are put on
 * @dead for the caller to release once it drops the lock.
 * tasklist_lock held.
 */
void exit_ptrace(struct task_struct *tracer, struct list_head *dead)
{
	struct task_struct *p, *n;

	list_for_each_entry_safe(p, n, &tracer->ptraced, ptrace_entry) {
		if (p->ptrace & PT_EXITKILL)
			send_sig_info(SIGKILL, NULL, p);
		__ptrace_unlink(p);
		if (p->exit_state == EXIT_ZOMBIE) {
			/* A thread was kept only for us; a leader goes to its parent. */
			if (!thread_group_leader(p) ||
			    (thread_group_empty(p) && notify_parent_group_dead(p))) {
				p->exit_state = EXIT_DEAD;
				list_add(&p->ptrace_entry, dead);
			}
			continue;
		}
		spin_lock(&p->sighand->siglock);
		p->exit_code = 0;
		wake_up_state(p, __TASK_TRACED);
		spin_unlock(&p->sighand->siglock);
	}
}

/*
 * exec: may @task's tracer keep tracing it if the new program would run
 * with more privilege?  Only if the tracer has CAP_SYS_PTRACE; if not,
 * exec drops the privilege instead (fs/exec.c), as Linux does.
 */
bool ptrace_exec_unsafe(struct task_struct *task)
{
	bool unsafe = false;

	spin_lock_irq(&tasklist_lock);
	if (task->ptrace)
		unsafe = !cap_raised(task->parent->cred->cap_effective, CAP_SYS_PTRACE);
	spin_unlock_irq(&tasklist_lock);
	return unsafe;
}

/* ---- Memory ------------------------------------------------------------- */

static int ptrace_access_vm(struct task_struct *child, unsigned long addr, void *buf,
			    int len, bool write)
{
	struct mm_struct *mm = get_task_mm(child);
	int n;

	if (!mm)
		return 0;
	n = write ? access_remote_vm_force(mm, addr, buf, len) :
		    __access_remote_vm(mm, addr, buf, len, false);
	mmput(mm);
	return n;
}

int generic_ptrace_peekdata(struct task_struct *child, unsigned long addr, unsigned long data)
{
	unsigned long word;

	if (ptrace_access_vm(child, addr, &word, sizeof(word), false) != sizeof(word))
		return -EIO;
	return put_user(word, (unsigned long __user *)data);
}

int generic_ptrace_pokedata(struct task_struct *child, unsigned long addr, unsigned long data)
{
	if (ptrace_access_vm(child, addr, &data, sizeof(data), true) != sizeof(data))
		return -EIO;
	return 0;
}

/* ---- Requests every architecture shares ----------------------------------- */

static int ptrace_setoptions(struct task_struct *child, unsigned long data)
{
	int ret = check_ptrace_options(data);

	if (ret)
		return ret;
	spin_lock_irq(&tasklist_lock);
	child->ptrace &= ~(PTRACE_O_MASK << PT_OPT_FLAG_SHIFT);
	child->ptrace |= data << PT_OPT_FLAG_SHIFT;
	spin_unlock_irq(&tasklist_lock);
	return 0;
}

/*
 * The siginfo of the stop the tracee is in.  It lives on the tracee's
 * stack (ptrace_stop), valid while the tracee sleeps there: siglock
 * holds it in place against a SIGKILL waking it.
 */
static int ptrace_getsiginfo(struct task_struct *child, siginfo_t *info)
{
	int ret = -EINVAL;

	spin_lock_irq(&child->sighand->siglock);
	if (child->last_siginfo) {
		*info = *child->last_siginfo;
		ret = 0;
	}
	spin_unlock_irq(&child->sighand->siglock);
	return ret;
}

static int ptrace_setsiginfo(struct task_struct *child, const siginfo_t *info)
{
	int ret = -EINVAL;

	spin_lock_irq(&child->sighand->siglock);
	if (child->last_siginfo) {
		*child->last_siginfo = *info;
		ret = 0;
	}
	spin_unlock_irq(&child->sighand->siglock);
	return ret;
}

static int ptrace_resume(struct task_struct *child, long request, unsigned long data)
{
	if (!valid_resume_signal(data))
		return -EIO;
	if (request == PTRACE_SYSCALL)
		set_tsk_thread_flag(child, TIF_SYSCALL_TRACE);
	else
		clear_tsk_thread_flag(child, TIF_SYSCALL_TRACE);
	if (request == PTRACE_SINGLESTEP)
		user_enable_single_step(child);
	else
		user_disable_single_step(child);
	ptrace_resume_stopped(child, data);
	return 0;
}

/* The tracee's blocked signals; SIGKILL and SIGSTOP can never be among them. */
static int ptrace_getsigmask(struct task_struct *child, unsigned long size,
			     sigset_t __user *umask)
{
	if (size != sizeof(sigset_t))
		return -EINVAL;
	return copy_to_user(umask, &child->blocked, sizeof(sigset_t)) ? -EFAULT : 0;
}

/*
 * The tracee recalculates what it has pending when it resumes
 * (ptrace_stop), so nothing more is owed here.
 */
static int ptrace_setsigmask(struct task_struct *child, unsigned long size,
			     const sigset_t __user *umask)
{
	sigset_t set;

	if (size != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set, umask, sizeof(set)))
		return -EFAULT;
	sigdelsetmask(&set, sigmask(SIGKILL) | sigmask(SIGSTOP));
	spin_lock_irq(&child->sighand->siglock);
	child->blocked = set;
	spin_unlock_irq(&child->sighand->siglock);
	return 0;
}

/*
 * PTRACE_INTERRUPT: a seized tracee stops (PTRACE_EVENT_STOP) wherever
 * it is -- in a system call, or asleep in a group-stop it LISTENs in.
 */
static int ptrace_interrupt(struct task_struct *child)
{
	if (!(child->ptrace & PT_SEIZED))
		return -EIO;
	ptrace_trap_notify(child);
	return 0;
}

/*
 * PTRACE_LISTEN: a seized tracee in a group-stop stays stopped, but as
 * a stopped process, not for us: SIGCONT (or INTERRUPT) ends it and
 * makes it report to us again (kernel/signal.c: get_signal).  Until
 * then it is not stopped for other requests (ESRCH).
 */
static int ptrace_listen(struct task_struct *child)
{
	int ret = -EIO;

	if (!(child->ptrace & PT_SEIZED))
		return -EIO;
	spin_lock_irq(&child->sighand->siglock);
	if (child->last_siginfo && (child->last_siginfo->si_code >> 8) == PTRACE_EVENT_STOP &&
	    (child->signal->flags & SIGNAL_STOP_STOPPED)) {
		child->jobctl |= JOBCTL_LISTENING;
		child->exit_code = 0;
		wake_up_state(child, __TASK_TRACED);
		ret = 0;
	}
	spin_unlock_irq(&child->sighand->siglock);
	return ret;
}

long ptrace_request(struct task_struct *child, long request, unsigned long addr,
		    unsigned long data)
{
	siginfo_t info;
	int ret;

	switch (request) {
	case PTRACE_PEEKTEXT:
	case PTRACE_PEEKDATA:
		return generic_ptrace_peekdata(child, addr, data);
	case PTRACE_POKETEXT:
	case PTRACE_POKEDATA:
		return generic_ptrace_pokedata(child, addr, data);
	case PTRACE_SETOPTIONS:
		return ptrace_setoptions(child, data);
	case PTRACE_GETEVENTMSG:
		return put_user(child->ptrace_message, (unsigned long __user *)data);
	case PTRACE_GETSIGINFO:
		ret = ptrace_getsiginfo(child, &info);
		if (!ret && copy_to_user((void __user *)data, &info, sizeof(info)))
			ret = -EFAULT;
		return ret;
	case PTRACE_SETSIGINFO:
		if (copy_from_user(&info, (void __user *)data, sizeof(info)))
			return -EFAULT;
		return ptrace_setsiginfo(child, &info);
	case PTRACE_CONT:
	case PTRACE_SYSCALL:
	case PTRACE_SINGLESTEP:
		return ptrace_resume(child, request, data);
	case PTRACE_KILL:
		/* Since Linux 6.1 simply SIGKILL; a zombie is past caring. */
		send_sig_info(SIGKILL, NULL, child);
		return 0;
	case PTRACE_INTERRUPT:
		return ptrace_interrupt(child);
	case PTRACE_LISTEN:
		return ptrace_listen(child);
	case PTRACE_GETSIGMASK:
		return ptrace_getsigmask(child, addr, (sigset_t __user *)data);
	case PTRACE_SETSIGMASK:
		return ptrace_setsigmask(child, addr, (const sigset_t __user *)data);
	case PTRACE_DETACH:
		return ptrace_detach(child, data);
	default:
		return -EIO;
	}
}

static struct task_struct *find_get_task(pid_t pid)
{
	struct task_struct *p;

	spin_lock_irq(&tasklist_lock);
	p = pid > 0 ? find_task_by_vpid(pid) : NULL;
	if (p)
		get_task_struct(p);
	spin_unlock_irq(&tasklist_lock);
	return p;
}

SYSCALL_DEFINE4(ptrace, long, request, long, pid, unsigned long, addr, unsigned long, data)
{
	struct task_struct *child;
	long ret;

	if (request == PTRACE_TRACEME)
		return ptrace_traceme();
	child = find_get_task(pid);
	if (!child)
		return -ESRCH;
	if (request == PTRACE_ATTACH || request == PTRACE_SEIZE) {
		ret = ptrace_attach(child, request, addr, data);
		goto out_put;
	}
	ret = ptrace_check_attach(child, request == PTRACE_KILL ||
				  request == PTRACE_INTERRUPT);
	if (ret)
		goto out_put;
	ret = arch_ptrace(child, request, addr, data);
out_put:
	put_task_struct(child);
	return ret;
}

/* A PTRACE_EVENT_* stop if the tracer asked for it (linux/ptrace.h). */
void ptrace_event(int event, unsigned long message)
{
	if (unlikely(ptrace_event_enabled(current, event)))
		ptrace_notify((event << 8) | SIGTRAP, message);
	else if (event == PTRACE_EVENT_EXEC &&
		 (current->ptrace & (PT_PTRACED | PT_SEIZED)) == PT_PTRACED)
		send_sig_info(SIGTRAP, NULL, current);
}
