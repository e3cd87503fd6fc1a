// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, the generic half.  A signal travels in three steps:
 *
 *  1. generation (kill, tkill, sigqueue, a fault, a timer, a child's
 *     exit): __send_signal() records it in the target thread's pending
 *     set (t->pending) or the whole process's (signal->shared_pending),
 *     with a struct sigqueue carrying its siginfo.  Standard signals
 *     coalesce (one pending instance); real-time signals queue, up to
 *     RLIMIT_SIGPENDING per user.  SIGCONT and the stop signals act at
 *     this step already (prepare_signal): they cancel each other, and
 *     SIGCONT resumes a stopped process even if it is ignored.
 *  2. TIF_SIGPENDING is set and the target woken, so a sleep in an
 *     interruptible wait ends (-ERESTARTSYS & co.).
 *  3. delivery, on the way back to user mode: get_signal() dequeues the
 *     lowest unblocked signal and performs its action: ignore, stop the
 *     thread group, terminate it, or hand it to the architecture
 *     (arch/x86/kernel/signal.c), which builds a frame on the user stack
 *     so the handler runs and rt_sigreturn comes back.
 *
 * The system calls that manage the state (sigaction, sigprocmask,
 * sigaltstack, sigsuspend, sigtimedwait ...) are at the end.
 *
 * Locking: sighand->siglock guards the handlers, every pending set and
 * queue of the thread group, the masks, and signal->flags' stop state.
 * It is taken with interrupts off: timers send signals from interrupts.
 */
#include <linux/kernel.h>
#include <linux/pid_namespace.h>
#include <uapi/linux/audit.h>
#include <linux/coredump.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/pid.h>
#include <linux/jiffies.h>
#include <linux/posix-timers.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/user.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/siginfo.h>

#define SYNCHRONOUS_MASK \
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
	 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK \
	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_IGNORE_MASK \
	(sigmask(SIGCONT) | sigmask(SIGCHLD) | sigmask(SIGWINCH) | sigmask(SIGURG))

static bool sig_in(int sig, unsigned long mask)
{
	return sig < SIGRTMIN && (sigmask(sig) & mask);
}

#define SIG_KERNEL_COREDUMP_MASK \
	(sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | sigmask(SIGABRT) | \
	 sigmask(SIGFPE) | sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGSYS) | \
	 sigmask(SIGXCPU) | sigmask(SIGXFSZ))

#define sig_kernel_only(sig)	sig_in(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_coredump(sig)	sig_in(sig, SIG_KERNEL_COREDUMP_MASK)
#define sig_kernel_stop(sig)	sig_in(sig, SIG_KERNEL_STOP_MASK)
#define sig_kernel_ignore(sig)	sig_in(sig, SIG_KERNEL_IGNORE_MASK)
#define valid_signal(sig)	((unsigned long)(sig) <= _NSIG)

static __sighandler_t sig_handler(struct task_struct *t, int sig)
{
	return t->sighand->action[sig - 1].sa.sa_handler;
}

/* Would delivery do nothing at all?  Then the signal is not even queued. */
static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	__sighandler_t handler = sig_handler(t, sig);

	/* A blocked signal stays pending: the handler may change by then. */
	if (sigismember(&t->blocked, sig) || sigismember(&t->real_blocked, sig))
		return false;
	/* A tracer wants to see even an ignored signal (but never SIGKILL). */
	if (t->ptrace && sig != SIGKILL)
		return false;
	/*
	 * Kernel threads take no signals at all, and init only those it has
	 * a handler for, SIGKILL included: killing either would take the
	 * system with it.  A fault of init's own is forced through.  The
	 * init of a PID namespace is protected the same way from its own
	 * members, but SIGKILL and SIGSTOP from above (@force) reach it.
	 */
	if (t->flags & PF_KTHREAD)
		return true;
	if ((t->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	if (sig_kernel_only(sig))
		return false;
	return handler == SIG_IGN || (handler == SIG_DFL && sig_kernel_ignore(sig));
}

/* ---- Queues ------------------------------------------------------------ */

/*
 * A queue entry, charged to the receiving user.  @override: a standard
 * signal from the kernel or kill() is always delivered; only the info
 * may be lost, never the signal.
 */
static struct sigqueue *sigqueue_alloc(struct task_struct *t, bool override)
{
	struct user_struct *user = t->real_cred->user;
	struct sigqueue *q;
	int n = atomic_inc_return(&user->sigpending);

	if (!override && n > (long)task_rlimit(t, RLIMIT_SIGPENDING)) {
		atomic_dec(&user->sigpending);
		return NULL;
	}
	q = kmalloc(sizeof(*q), GFP_ATOMIC);
	if (!q) {
		atomic_dec(&user->sigpending);
		return NULL;
	}
	q->user = get_uid(user);
	return q;
}

static void sigqueue_free(struct sigqueue *q)
{
	atomic_dec(&q->user->sigpending);
	free_uid(q->user);
	kfree(q);
}

void flush_sigqueue(struct sigpending *pending)
{
	struct sigqueue *q, *n;

	sigemptyset(&pending->signal);
	list_for_each_entry_safe(q, n, &pending->list, list) {
		list_del(&q->list);
		sigqueue_free(q);
	}
}

/* Remove every instance of the signals in @mask from @s. */
static void flush_sigqueue_mask(unsigned long mask, struct sigpending *s)
{
	struct sigqueue *q, *n;

	if (!(s->signal.sig[0] & mask))
		return;
	sigdelsetmask(&s->signal, mask);
	list_for_each_entry_safe(q, n, &s->list, list) {
		if (sigmask(q->info.si_signo) & mask) {
			list_del(&q->list);
			sigqueue_free(q);
		}
	}
}

static bool has_pending_signals(const sigset_t *pending, const sigset_t *blocked)
{
	return pending->sig[0] & ~blocked->sig[0];
}

/* Does @t have anything to do on its way to user mode?  siglock held. */
static bool recalc_sigpending_tsk(struct task_struct *t)
{
	if (has_pending_signals(&t->pending.signal, &t->blocked) ||
	    has_pending_signals(&t->signal->shared_pending.signal, &t->blocked) ||
	    (t->signal->flags & (SIGNAL_STOP_STOPPED | SIGNAL_CLD_CONTINUED |
				 SIGNAL_GROUP_EXIT)) ||
	    (t->jobctl & JOBCTL_TRAP_STOP)) {
		set_tsk_thread_flag(t, TIF_SIGPENDING);
		return true;
	}
	return false;
}

void recalc_sigpending(void)
{
	if (!recalc_sigpending_tsk(current))
		clear_tsk_thread_flag(current, TIF_SIGPENDING);
}

static void signal_wake_up(struct task_struct *t, bool fatal)
{
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	/*
	 * A fatal signal also ends killable sleeps and stops.  A thread
	 * running on another CPU is interrupted, so it acts on the signal
	 * now rather than at its next tick or system call.
	 */
	if (!wake_up_state(t, fatal ? TASK_NORMAL | TASK_WAKEKILL : TASK_INTERRUPTIBLE))
		kick_process(t);
}

/* ---- Generation ---------------------------------------------------------- */

/*
 * The side effects a signal has when it is sent, before any queueing:
 * stop and continue cancel each other, and SIGCONT wakes a stopped group.
 * Returns false if the signal is not to be queued.  siglock held.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return sig == SIGKILL;
	if (sig_kernel_stop(sig)) {
		flush_sigqueue_mask(sigmask(SIGCONT), &signal->shared_pending);
		for_each_thread(p, t)
			flush_sigqueue_mask(sigmask(SIGCONT), &t->pending);
	} else if (sig == SIGCONT) {
		flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &signal->shared_pending);
		for_each_thread(p, t) {
			flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &t->pending);
			wake_up_state(t, __TASK_STOPPED);
		}
		signal->group_stop_count = 0;
		for_each_thread(p, t)
			t->jobctl &= ~JOBCTL_STOP_PENDING;
		if (signal->flags & SIGNAL_STOP_STOPPED) {
			/* The woken thread tells the parent (it may not hold its lock here). */
			signal->flags = SIGNAL_STOP_CONTINUED | SIGNAL_CLD_CONTINUED;
			signal->group_exit_code = 0;
			signal_wake_up(p->group_leader, false);
		}
	}
	return !sig_ignored(p, sig, force);
}

/* Tell a thread of the group that will act on @sig.  siglock held. */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct task_struct *t;
	bool fatal = sig == SIGKILL;

	if (!group) {
		if (!sigismember(&p->blocked, sig) || fatal)
			signal_wake_up(p, fatal);
		return;
	}
	/* Every thread that could take it gets a look; the first one wins. */
	for_each_thread(p, t)
		if (!sigismember(&t->blocked, sig) || fatal)
			signal_wake_up(t, fatal);
}

static int __send_signal(int sig, siginfo_t *info, struct task_struct *t, bool group)
{
	struct sigpending *pending = group ? &t->signal->shared_pending : &t->pending;
	struct pid_namespace *t_ns = task_active_pid_ns(t);
	struct sigqueue *q;
	bool override;

	/* A sender with no number in @t's namespace is above it. */
	if (!prepare_signal(sig, t, !task_pid_nr_ns(current, t_ns)))
		return 0;
	/* Standard signals coalesce: a second instance is simply lost. */
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	override = sig < SIGRTMIN && (!info || info->si_code >= 0);
	q = sig == SIGKILL ? NULL : sigqueue_alloc(t, override);
	if (q) {
		if (info) {
			q->info = *info;
		} else {
			memset(&q->info, 0, sizeof(q->info));
			q->info.si_signo = sig;
			q->info.si_code = SI_KERNEL;
		}
		list_add_tail(&q->list, &pending->list);
	} else if (sig >= SIGRTMIN && info && info->si_code != SI_USER) {
		/* A queued real-time signal that cannot be queued is an error. */
		return -EAGAIN;
	}
	sigaddset(&pending->signal, sig);
	/* signalfd readers of this process watch for any new signal. */
	wake_up_all(&t->sighand->signalfd_wqh);
	complete_signal(sig, t, group);
	return 0;
}

static int do_send_sig_info(int sig, siginfo_t *info, struct task_struct *p, bool group)
{
	unsigned long flags;
	int ret;

	if (!valid_signal(sig) || sig <= 0)
		return -EINVAL;
	/* A zombie leader's process lives on in its other threads. */
	if (p->exit_state && !(group && !thread_group_empty(p)))
		return 0;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	ret = __send_signal(sig, info, p, group);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return ret;
}

int send_sig_info(int sig, siginfo_t *info, struct task_struct *p)
{
	return do_send_sig_info(sig, info, p, false);
}

int group_send_sig_info(int sig, siginfo_t *info, struct task_struct *p)
{
	return do_send_sig_info(sig, info, p, true);
}

/*
 * A POSIX timer's signal: queued unless the same timer's previous one is
 * still pending, which the caller counts as an overrun instead (one
 * queue entry per timer, as POSIX asks).  Returns 1 if queued, 0 if not
 * (ignored, or merged into a standard signal already pending), -EBUSY
 * if the timer's last one is still queued, or another -errno.
 */
int send_timer_signal(siginfo_t *info, struct task_struct *t, bool group)
{
	struct sigpending *pending;
	struct sigqueue *q;
	unsigned long flags;
	int ret = 1;

	if (t->exit_state || (t->flags & PF_EXITING))
		return -ESRCH;
	spin_lock_irqsave(&t->sighand->siglock, flags);
	pending = group ? &t->signal->shared_pending : &t->pending;
	list_for_each_entry(q, &pending->list, list) {
		if (q->info.si_code == SI_TIMER &&
		    q->info.f._sifields._timer._tid == info->f._sifields._timer._tid) {
			ret = -EBUSY;
			goto out;
		}
	}
	if (__send_signal(info->si_signo, info, t, group) < 0) {
		ret = -EAGAIN;
		goto out;
	}
	/* Queued only if it is now last on the list (see __send_signal). */
	q = list_last_entry(&pending->list, struct sigqueue, list);
	if (list_empty(&pending->list) || q->info.si_code != SI_TIMER ||
	    q->info.f._sifields._timer._tid != info->f._sifields._timer._tid)
		ret = 0;
out:
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return ret;
}

/*
 * The group is going (exit_group, a fatal signal, execve): SIGKILL to
 * every other live thread of @p's.  Returns how many.  siglock held.
 */
int zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;
	int count = 0;

	for_each_thread(p, t) {
		if (t == p || t->exit_state)
			continue;
		count++;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
	return count;
}

/* A signal from the kernel to the whole process of @p (@priv: unused). */
int send_sig(int sig, struct task_struct *p, int priv)
{
	return do_send_sig_info(sig, NULL, p, true);
}
EXPORT_SYMBOL(send_sig);

/*
 * A signal the task cannot refuse: if it is blocked or ignored, unblock
 * it and restore the default action, so a fault nobody handles kills.
 */
static void force_sig_info(siginfo_t *info)
{
	struct task_struct *t = current;
	struct k_sigaction *ka = &t->sighand->action[info->si_signo - 1];
	int sig = info->si_signo;
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	if (ka->sa.sa_handler == SIG_IGN || sigismember(&t->blocked, sig)) {
		ka->sa.sa_handler = SIG_DFL;
		sigdelset(&t->blocked, sig);
	}
	/* A fault nobody handles kills even init (and panics, as Linux does). */
	if (ka->sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	__send_signal(sig, info, t, false);
	recalc_sigpending_tsk(t);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

void force_sig(int sig)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	force_sig_info(&info);
}

/*
 * seccomp's SECCOMP_RET_TRAP: SIGSYS naming the refused call, so a
 * handler can emulate it (si_syscall, si_arch, si_call_addr), and the
 * filter's data as si_errno.
 */
void force_sig_seccomp(int syscall, int reason, void __user *call_addr)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGSYS;
	info.si_code = SYS_SECCOMP;
	info.si_errno = reason;
	info.si_call_addr = call_addr;
	info.si_syscall = syscall;
	info.si_arch = AUDIT_ARCH_X86_64;
	force_sig_info(&info);
}

/* A signal frame could not be built: the handler is unusable, so die. */
void force_sigsegv(int sig)
{
	if (sig == SIGSEGV)
		current->sighand->action[SIGSEGV - 1].sa.sa_handler = SIG_DFL;
	force_sig(SIGSEGV);
}

/*
 * A fault in user mode: SIGSEGV, SIGBUS, SIGILL, SIGFPE or SIGTRAP with
 * the faulting address.  The log line is Linux's show_unhandled_signals.
 */
void force_sig_fault(int sig, int code, void __user *addr)
{
	struct task_struct *t = current;
	siginfo_t info;

	/* A tracer sees the fault first: most (breakpoints, steps) are its own. */
	if (!t->ptrace && (sig_handler(t, sig) == SIG_DFL || sig_handler(t, sig) == SIG_IGN))
		pr_info("%s[%d]: killed by signal %d (code %d) at address %px\n",
			t->comm, t->pid, sig, code, addr);
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	force_sig_info(&info);
}

/* ---- Notifying the parent -------------------------------------------------- */

static void fill_sigchld(siginfo_t *info, struct task_struct *tsk, int code, int status)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = SIGCHLD;
	info->si_code = code;
	info->si_pid = task_tgid_nr_ns(tsk, task_active_pid_ns(tsk->parent));
	info->si_uid = tsk->real_cred->uid;
	info->si_status = status;
	info->si_utime = tsk->utime / (NSEC_PER_SEC / USER_HZ);
	info->si_stime = tsk->stime / (NSEC_PER_SEC / USER_HZ);
}

/* The leader of a thread group has died: SIGCHLD (or exit_signal) to the parent. */
void do_notify_parent(struct task_struct *tsk, int sig)
{
	int status = tsk->signal->flags & SIGNAL_GROUP_EXIT ?
		     tsk->signal->group_exit_code : tsk->exit_code;
	siginfo_t info;
	int code;

	if (status & 0x7f) {
		code = status & 0x80 ? CLD_DUMPED : CLD_KILLED;
		status &= 0x7f;
	} else {
		code = CLD_EXITED;
		status = (status >> 8) & 0xff;
	}
	fill_sigchld(&info, tsk, code, status);
	info.si_signo = sig;
	group_send_sig_info(sig, &info, tsk->real_parent);
}

/* The group of @tsk stopped or continued: SIGCHLD unless SA_NOCLDSTOP. */
void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent = tsk->group_leader->real_parent;
	struct k_sigaction *ka = &parent->sighand->action[SIGCHLD - 1];
	siginfo_t info;

	fill_sigchld(&info, tsk->group_leader, why,
		     why == CLD_STOPPED ? tsk->signal->group_exit_code : SIGCONT);
	if (ka->sa.sa_handler != SIG_IGN && !(ka->sa.sa_flags & SA_NOCLDSTOP))
		group_send_sig_info(SIGCHLD, &info, parent);
	wake_up_all(&parent->signal->wait_chldexit);
}

/* ---- Delivery ------------------------------------------------------------ */

static int next_signal(struct sigpending *pending, const sigset_t *mask)
{
	unsigned long x = pending->signal.sig[0] & ~mask->sig[0];

	if (!x)
		return 0;
	/* Faults first: their handler must see the faulting state. */
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

/* Take the oldest instance of @sig off @list into @info. */
static void collect_signal(int sig, struct sigpending *list, siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (!more)
		sigdelset(&list->signal, sig);
	if (first) {
		list_del(&first->list);
		*info = first->info;
		sigqueue_free(first);
		/* A POSIX timer's signal reports the expiries it stood for. */
		if (info->si_code == SI_TIMER)
			posixtimer_dequeued(info);
	} else {
		/* Sent while the queue was full: the signal without its details. */
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_USER;
	}
}

/* Dequeue the next signal of @t not in @mask; 0 if none.  siglock held. */
int dequeue_signal(struct task_struct *t, const sigset_t *mask, siginfo_t *info)
{
	struct sigpending *pending = &t->pending;
	int sig = next_signal(pending, mask);

	if (!sig) {
		pending = &t->signal->shared_pending;
		sig = next_signal(pending, mask);
	}
	if (sig)
		collect_signal(sig, pending, info);
	recalc_sigpending();
	return sig;
}

/* ---- Stops for the tracer ----------------------------------------------- */

/*
 * Tell the tracer its tracee stopped: SIGCHLD with CLD_TRAPPED (unless it
 * ignores SIGCHLD or set SA_NOCLDSTOP), and wake its wait4.
 * tasklist_lock held.
 */
static void do_notify_tracer(struct task_struct *tsk, int why)
{
	struct task_struct *tracer = tsk->parent;
	struct k_sigaction *ka = &tracer->sighand->action[SIGCHLD - 1];
	siginfo_t info;

	fill_sigchld(&info, tsk, why, tsk->exit_code & 0x7f);
	info.si_pid = task_pid_nr_ns(tsk, task_active_pid_ns(tracer));
	if (ka->sa.sa_handler != SIG_IGN && !(ka->sa.sa_flags & SA_NOCLDSTOP))
		group_send_sig_info(SIGCHLD, &info, tracer);
	wake_up_all(&tracer->signal->wait_chldexit);
}

/*
 * The tracee stops and sleeps until its tracer resumes it: the heart of
 * ptrace.  @exit_code is what the tracer's wait reports (a signal, or
 * SIGTRAP with an event in bits 8-15); @info is the siginfo the tracer
 * may read and rewrite (GETSIGINFO/SETSIGINFO) while we sleep.  Returns
 * the signal the tracer passed on resuming (0: none).  A SIGKILL ends
 * the stop at once, and then nothing is delivered but the SIGKILL.
 */
static int ptrace_stop(int exit_code, int why, unsigned long message, siginfo_t *info)
{
	struct task_struct *t = current;

	spin_lock_irq(&t->sighand->siglock);
	t->jobctl &= ~(JOBCTL_TRAP_STOP | JOBCTL_TRAPPING | JOBCTL_LISTENING);
	if (!t->ptrace || fatal_signal_pending(t)) {
		spin_unlock_irq(&t->sighand->siglock);
		return fatal_signal_pending(t) ? 0 : exit_code;
	}
	t->last_siginfo = info;
	t->ptrace_message = message;
	t->exit_code = exit_code;
	/* Before the tracer hears of it: its resume must find us TRACED. */
	set_current_state(TASK_TRACED);
	spin_unlock_irq(&t->sighand->siglock);

	spin_lock_irq(&tasklist_lock);
	if (t->ptrace)
		do_notify_tracer(t, why);
	else
		__set_current_state(TASK_RUNNING);	/* detached meanwhile */
	spin_unlock_irq(&tasklist_lock);
	schedule();

	spin_lock_irq(&t->sighand->siglock);
	__set_current_state(TASK_RUNNING);
	exit_code = fatal_signal_pending(t) ? 0 : t->exit_code;
	t->exit_code = 0;
	t->last_siginfo = NULL;
	recalc_sigpending_tsk(t);
	spin_unlock_irq(&t->sighand->siglock);
	return exit_code;
}

/*
 * A stop that is not about a signal: syscall, exec, fork, exit events.
 * The tracer sees a SIGTRAP with si_code = @exit_code.  A signal the
 * tracer names on resuming is sent to us as a fresh one.
 */
static void ptrace_stop_info(siginfo_t *info, int signr, int exit_code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = signr;
	info->si_code = exit_code;
	info->si_pid = task_tgid_vnr(current);
	info->si_uid = current_uid();
}

int ptrace_notify(int exit_code, unsigned long message)
{
	siginfo_t info;
	int sig;

	ptrace_stop_info(&info, SIGTRAP, exit_code);
	sig = ptrace_stop(exit_code, CLD_TRAPPED, message, &info);
	if (sig)
		send_sig_info(sig, NULL, current);
	return sig;
}

/*
 * PTRACE_INTERRUPT: @t enters a PTRACE_EVENT_STOP on its way back to
 * user mode, out of an interruptible sleep or a group-stop it sleeps in
 * after PTRACE_LISTEN.
 */
void ptrace_trap_notify(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	t->jobctl |= JOBCTL_TRAP_STOP;
	signal_wake_up(t, false);
	wake_up_state(t, __TASK_STOPPED);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/*
 * A stop for the tracer that is no signal's delivery: a group-stop, or
 * the stop a seized tracee owes (JOBCTL_TRAP_STOP: INTERRUPT, its first
 * stop, the end of a group-stop it LISTENed to).  A seized tracee's has
 * a siginfo whose si_code carries PTRACE_EVENT_STOP; an old-style
 * tracee's has none, which is how a tracer tells a group-stop from a
 * signal (GETSIGINFO fails).
 */
static void ptrace_group_stop(int signr, int why)
{
	siginfo_t info;

	if (current->ptrace & PT_SEIZED) {
		ptrace_stop_info(&info, signr, signr | (PTRACE_EVENT_STOP << 8));
		ptrace_stop(info.si_code, why, 0, &info);
	} else {
		ptrace_stop(signr, why, 0, NULL);
	}
}

static void do_jobctl_trap(void)
{
	struct signal_struct *signal = current->signal;

	if ((signal->flags & SIGNAL_STOP_STOPPED) && signal->group_exit_code)
		ptrace_group_stop(signal->group_exit_code, CLD_STOPPED);
	else
		ptrace_group_stop(SIGTRAP, CLD_TRAPPED);
}

/*
 * Signal-delivery-stop: before a traced task acts on @signr, its tracer
 * decides -- deliver it, another signal, or nothing.  Returns the signal
 * to act on, with @info rewritten if the tracer changed it.
 */
static int ptrace_signal(int signr, siginfo_t *info)
{
	signr = ptrace_stop(signr, CLD_TRAPPED, 0, info);
	if (!signr)
		return 0;
	if (signr != info->si_signo) {
		memset(info, 0, sizeof(*info));
		info->si_signo = signr;
		info->si_code = SI_USER;
		spin_lock_irq(&tasklist_lock);
		info->si_pid = task_tgid_vnr(current->parent);
		info->si_uid = current->parent->real_cred->uid;
		spin_unlock_irq(&tasklist_lock);
	}
	/* Now blocked (the tracer chose another): it waits its turn in the queue. */
	if (sigismember(&current->blocked, signr)) {
		send_sig_info(signr, info, current);
		return 0;
	}
	return signr;
}

/*
 * PTRACE_SYSCALL stops.  At entry the tracer may rewrite the arguments
 * or the number; orig_ax = -1 skips the call (ax, -ENOSYS unless the
 * tracer set it, is the result).  Returns nonzero if the call must not
 * run: skipped, or a SIGKILL arrived during the stop.
 */
static void ptrace_report_syscall(unsigned long message)
{
	int code = SIGTRAP | ((current->ptrace & PT_TRACESYSGOOD) ? 0x80 : 0);

	ptrace_notify(code, message);
}

int ptrace_report_syscall_entry(struct pt_regs *regs)
{
	ptrace_report_syscall(PTRACE_EVENTMSG_SYSCALL_ENTRY);
	return fatal_signal_pending(current);
}

void ptrace_report_syscall_exit(struct pt_regs *regs)
{
	ptrace_report_syscall(PTRACE_EVENTMSG_SYSCALL_EXIT);
}

/*
 * One thread owed the group-stop its stop (it is stopping, or exiting):
 * true if it was the last, and so must tell the parent.  siglock held.
 */
bool task_participate_group_stop(struct task_struct *t)
{
	if (!(t->jobctl & JOBCTL_STOP_PENDING))
		return false;
	t->jobctl &= ~JOBCTL_STOP_PENDING;
	return --t->signal->group_stop_count == 0;
}

/*
 * Stop the whole thread group with @sig (default action of SIGSTOP and
 * the terminal stop signals).  The first thread to stop tells the others;
 * every thread then sleeps in get_signal until SIGCONT.  The stop is
 * complete, and the parent told (by the last thread to stop), only when
 * every thread has stopped: threads running on other CPUs are kicked
 * into the kernel to do so.  wait() reports a stop only once complete.
 */
static void do_signal_stop(int sig)
{
	struct signal_struct *signal = current->signal;
	struct task_struct *t;

	spin_lock_irq(&current->sighand->siglock);
	if (!(signal->flags & (SIGNAL_STOP_STOPPED | SIGNAL_GROUP_EXIT))) {
		signal->flags = SIGNAL_STOP_STOPPED;
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		for_each_thread(current, t) {
			if (t->flags & PF_EXITING)
				continue;	/* it will not stop; it is going */
			t->jobctl |= JOBCTL_STOP_PENDING;
			signal->group_stop_count++;
			if (t != current)
				signal_wake_up(t, false);
		}
	}
	spin_unlock_irq(&current->sighand->siglock);
	/* A tracee's group-stop is a stop for its tracer too. */
	if (current->ptrace)
		ptrace_group_stop(sig, CLD_STOPPED);
}

/*
 * Find a signal to act on.  Ignored ones are dropped, default actions
 * are carried out here (stop, terminate); true means @ksig holds a
 * signal whose handler the architecture must now run.
 */
bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;
	struct k_sigaction *ka;
	int sig;

	for (;;) {
		spin_lock_irq(&sighand->siglock);
		if (signal->flags & SIGNAL_CLD_CONTINUED) {
			signal->flags &= ~SIGNAL_CLD_CONTINUED;
			spin_unlock_irq(&sighand->siglock);
			do_notify_parent_cldstop(current, CLD_CONTINUED);
			continue;
		}
		if (signal->flags & SIGNAL_GROUP_EXIT) {
			spin_unlock_irq(&sighand->siglock);
			do_group_exit(signal->group_exit_code);
		}
		/*
		 * A tracee stops for its tracer instead (ptrace_group_stop),
		 * unless the tracer said PTRACE_LISTEN: then it sleeps here
		 * like anyone, until SIGCONT or PTRACE_INTERRUPT.
		 */
		if ((signal->flags & SIGNAL_STOP_STOPPED) &&
		    (!current->ptrace ||
		     (current->jobctl & (JOBCTL_LISTENING | JOBCTL_TRAP_STOP)) == JOBCTL_LISTENING) &&
		    !sigismember(&current->pending.signal, SIGKILL) &&
		    !sigismember(&signal->shared_pending.signal, SIGKILL)) {
			if (task_participate_group_stop(current)) {
				spin_unlock_irq(&sighand->siglock);
				do_notify_parent_cldstop(current, CLD_STOPPED);
				continue;
			}
			/* SIGCONT clears the flag, then wakes us under this lock. */
			set_current_state(TASK_STOPPED);
			spin_unlock_irq(&sighand->siglock);
			schedule();
			continue;
		}
		/* The group-stop we LISTENed in is over: the tracer hears so. */
		if (current->jobctl & JOBCTL_LISTENING) {
			current->jobctl &= ~JOBCTL_LISTENING;
			current->jobctl |= JOBCTL_TRAP_STOP;
		}
		if (current->jobctl & JOBCTL_TRAP_STOP) {
			if (!current->ptrace)	/* detached before we got here */
				current->jobctl &= ~(JOBCTL_TRAP_STOP | JOBCTL_TRAPPING);
			spin_unlock_irq(&sighand->siglock);
			if (current->ptrace)
				do_jobctl_trap();
			continue;
		}
		sig = dequeue_signal(current, &current->blocked, &ksig->info);
		if (!sig) {
			spin_unlock_irq(&sighand->siglock);
			return false;
		}
		if (current->ptrace && sig != SIGKILL) {
			spin_unlock_irq(&sighand->siglock);
			sig = ptrace_signal(sig, &ksig->info);
			if (!sig)
				continue;
			spin_lock_irq(&sighand->siglock);
		}
		ka = &sighand->action[sig - 1];
		if (ka->sa.sa_handler == SIG_IGN) {
			spin_unlock_irq(&sighand->siglock);
			continue;
		}
		if (ka->sa.sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			ksig->sig = sig;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			spin_unlock_irq(&sighand->siglock);
			return true;
		}
		spin_unlock_irq(&sighand->siglock);

		if (sig_kernel_ignore(sig))
			continue;
		/* Queued while blocked, then unblocked: init still ignores it. */
		if ((signal->flags & SIGNAL_UNKILLABLE) && !sig_kernel_only(sig))
			continue;
		if (sig_kernel_stop(sig)) {
			/*
			 * POSIX: a terminal stop signal must not stop an
			 * orphaned group, since nobody is left to continue it.
			 */
			if (sig != SIGSTOP && is_current_pgrp_orphaned())
				continue;
			do_signal_stop(sig);
			continue;
		}
		/*
		 * Terminate, and for SIGQUIT, SIGSEGV ... write a core file
		 * first if RLIMIT_CORE allows (fs/coredump.c); the exit status
		 * then says so (0x80, WCOREDUMP).
		 */
		current->flags |= PF_SIGNALED;
		if (sig_kernel_coredump(sig) && do_coredump(sig))
			do_group_exit(sig | 0x80);
		do_group_exit(sig);
	}
}

/*
 * The frame is built (or not): block what the handler's mask says, and
 * the signal itself unless SA_NODEFER.  A frame that could not be written
 * kills the task with SIGSEGV.
 */
void signal_setup_done(int failed, struct ksignal *ksig)
{
	sigset_t blocked;

	if (failed) {
		force_sigsegv(ksig->sig);
		return;
	}
	current->restore_sigmask = false;
	blocked.sig[0] = current->blocked.sig[0] | ksig->ka.sa.sa_mask.sig[0];
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
}

void set_current_blocked(sigset_t *newset)
{
	struct task_struct *t = current;

	sigdelsetmask(newset, SIG_KERNEL_ONLY_MASK);
	spin_lock_irq(&t->sighand->siglock);
	t->blocked = *newset;
	recalc_sigpending();
	spin_unlock_irq(&t->sighand->siglock);
}

/* No handler ran after rt_sigsuspend & co.: put the caller's mask back. */
void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(&current->saved_sigmask);
	}
}

/* execve: handlers point into the old program; SIG_IGN survives. */
void flush_signal_handlers(struct task_struct *t, int force_default)
{
	int i;

	for (i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &t->sighand->action[i];

		if (force_default || ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		sigemptyset(&ka->sa.sa_mask);
	}
	t->sas_ss_sp = 0;
	t->sas_ss_size = 0;
	t->sas_ss_flags = 0;
}

void ignore_signals(struct task_struct *t)
{
	int i;

	for (i = 0; i < _NSIG; i++)
		t->sighand->action[i].sa.sa_handler = SIG_IGN;
}

/* ---- kill and friends ---------------------------------------------------- */

/* May current signal @t?  Root (CAP_KILL), or matching real/effective UIDs. */
static bool kill_permitted(struct task_struct *t)
{
	const struct cred *cred = current_cred(), *tcred = t->real_cred;

	return cred->euid == tcred->suid || cred->euid == tcred->uid ||
	       cred->uid == tcred->suid || cred->uid == tcred->uid ||
	       capable(CAP_KILL);
}

static void prepare_kill_siginfo(int sig, siginfo_t *info, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->si_pid = task_tgid_vnr(current);	/* kill_siginfo_for: the receiver's number */
	info->si_uid = current_uid();
}

/* kill() and tkill() name the sender as the receiver's namespace numbers it. */
static void kill_siginfo_for(siginfo_t *info, struct task_struct *p)
{
	if (info->si_code == SI_USER || info->si_code == SI_TKILL)
		info->si_pid = task_tgid_nr_ns(current, task_active_pid_ns(p));
}

static int group_send_sig_checked(int sig, siginfo_t *info, struct task_struct *p)
{
	if (!kill_permitted(p))
		return -EPERM;
	kill_siginfo_for(info, p);
	return sig ? group_send_sig_info(sig, info, p) : 0;
}

/* kill(2)'s four cases: a pid, our group (0), everyone (-1), a group (< -1). */
static int kill_something_info(int sig, siginfo_t *info, pid_t pid)
{
	struct pid_namespace *ns = task_active_pid_ns(current);
	struct task_struct *p;
	int ret = -ESRCH, count = 0, err;
	pid_t pgrp = 0;

	if (pid > 0) {
		p = find_task_by_vpid(pid);
		if (p)
			p = p->group_leader;
		/* A zombie leader whose threads still run is a live process. */
		if (!p || (p->exit_state && thread_group_empty(p)))
			return p && p->exit_state == EXIT_ZOMBIE ? 0 : -ESRCH;
		return group_send_sig_checked(sig, info, p);
	}
	if (pid != -1) {
		pgrp = pid ? pid_vnr_to_global(-pid) : current->signal->pgrp;
		if (pgrp <= 0)
			return -ESRCH;
	}
	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		/* A zombie leader whose threads live on is still a process. */
		if (p->exit_state && thread_group_empty(p))
			continue;
		if (pid == -1) {
			/* Everyone this namespace sees but its init and ourselves. */
			if (task_tgid_nr_ns(p, ns) <= 1 || p == current->group_leader)
				continue;
		} else if (p->signal->pgrp != pgrp) {
			continue;
		}
		err = group_send_sig_checked(sig, info, p);
		count++;
		if (err != -EPERM || ret == -ESRCH)
			ret = err;
	}
	spin_unlock_irq(&tasklist_lock);
	return count ? ret : -ESRCH;
}

/*
 * A signal from the kernel to every process of group @pgrp (a terminal's
 * ^C, a hangup, an orphaned group's SIGHUP).  tasklist_lock held.
 */
int __kill_pgrp_info(pid_t pgrp, int sig, siginfo_t *info)
{
	struct task_struct *p;
	int ret = -ESRCH;

	if (pgrp <= 0)
		return -EINVAL;
	for_each_process(p) {
		if ((p->exit_state && thread_group_empty(p)) || p->signal->pgrp != pgrp)
			continue;
		ret = group_send_sig_info(sig, info, p) ? : (ret == -ESRCH ? 0 : ret);
	}
	return ret;
}

/* As above, taking the lock; safe from interrupt context (the tty's ISIG). */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	unsigned long flags;
	siginfo_t info;
	int ret;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pgrp_info(pgrp, sig, &info);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * pidfd_send_signal: kill(2) aimed through a pidfd (or an open /proc/<pid>
 * directory), so it cannot hit a process that took over a recycled PID.
 * With @uinfo it is rt_sigqueueinfo: the same rules on the claimed si_code.
 */
SYSCALL_DEFINE4(pidfd_send_signal, int, pidfd, int, sig, siginfo_t __user *, uinfo,
		unsigned int, flags)
{
	struct task_struct *p;
	struct file *file;
	struct pid *pid;
	siginfo_t info;
	int ret;

	if (flags)
		return -EINVAL;
	file = fget(pidfd);
	if (!file)
		return -EBADF;
	pid = pidfd_pid(file);
	if (IS_ERR(pid)) {
		ret = PTR_ERR(pid);
		goto out;
	}
	ret = -EINVAL;
	if (sig < 0 || !valid_signal(sig))
		goto out;
	if (uinfo) {
		ret = -EFAULT;
		if (copy_from_user(&info, uinfo, sizeof(info)))
			goto out;
		ret = -EINVAL;
		if (info.si_signo != sig)
			goto out;
		/* Only a process may claim kill()'s or the kernel's codes about itself. */
		ret = -EPERM;
		if (pid_nr(pid) != current->tgid && (info.si_code >= 0 || info.si_code == SI_TKILL))
			goto out;
	} else {
		prepare_kill_siginfo(sig, &info, SI_USER);
	}
	ret = -ESRCH;
	p = get_pid_task(pid);
	if (!p)
		goto out;
	/* A zombie is still there to be signalled: nothing happens, as kill(2). */
	if (p->exit_state && thread_group_empty(p))
		ret = kill_permitted(p) ? 0 : -EPERM;
	else
		ret = group_send_sig_checked(sig, &info, p);
	put_task_struct(p);
out:
	fput(file);
	return ret;
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	siginfo_t info;

	if (sig < 0 || !valid_signal(sig))
		return -EINVAL;
	prepare_kill_siginfo(sig, &info, SI_USER);
	return kill_something_info(sig, &info, pid);
}

/* One thread: @tgid > 0 also checks it belongs to that process. */
static int do_send_specific(pid_t tgid, pid_t pid, int sig, siginfo_t *info)
{
	struct task_struct *p = find_task_by_vpid(pid);

	if (!p || (tgid > 0 && task_tgid_vnr(p) != tgid) || p->exit_state)
		return -ESRCH;
	if (!kill_permitted(p))
		return -EPERM;
	kill_siginfo_for(info, p);
	return sig ? send_sig_info(sig, info, p) : 0;
}

static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	siginfo_t info;

	if (pid <= 0 || sig < 0 || !valid_signal(sig))
		return -EINVAL;
	prepare_kill_siginfo(sig, &info, SI_TKILL);
	return do_send_specific(tgid, pid, sig, &info);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	return do_tkill(0, pid, sig);
}

/*
 * sigqueue's siginfo comes from user space.  Codes >= 0 (SI_USER, kernel
 * codes) and SI_TKILL claim to be the kernel or kill(): only a process
 * may say that about itself.
 */
static int copy_siginfo_from_user_checked(siginfo_t *info, int sig, pid_t pid,
					  const siginfo_t __user *uinfo)
{
	if (copy_from_user(info, uinfo, sizeof(*info)))
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) &&
	    pid != task_tgid_vnr(current))
		return -EPERM;
	info->si_signo = sig;
	return 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, siginfo_t __user *, uinfo)
{
	struct task_struct *p;
	siginfo_t info;
	int ret;

	if (sig < 0 || !valid_signal(sig))
		return -EINVAL;
	ret = copy_siginfo_from_user_checked(&info, sig, pid, uinfo);
	if (ret)
		return ret;
	p = pid > 0 ? find_task_by_vpid(pid) : NULL;
	if (!p || p->exit_state)
		return -ESRCH;
	return group_send_sig_checked(sig, &info, p->group_leader);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig,
		siginfo_t __user *, uinfo)
{
	siginfo_t info;
	int ret;

	if (pid <= 0 || tgid <= 0 || sig < 0 || !valid_signal(sig))
		return -EINVAL;
	ret = copy_siginfo_from_user_checked(&info, sig, tgid, uinfo);
	if (ret)
		return ret;
	return do_send_specific(tgid, pid, sig, &info);
}

/* ---- Handlers and masks -------------------------------------------------- */

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct sighand_struct *sighand = current->sighand;
	struct k_sigaction new, old;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (sig <= 0 || !valid_signal(sig) || (act && sig_kernel_only(sig)))
		return -EINVAL;
	if (act && copy_from_user(&new.sa, act, sizeof(new.sa)))
		return -EFAULT;

	spin_lock_irq(&sighand->siglock);
	old = sighand->action[sig - 1];
	if (act) {
		sigdelsetmask(&new.sa.sa_mask, SIG_KERNEL_ONLY_MASK);
		sighand->action[sig - 1] = new;
		/*
		 * POSIX: setting a signal to be ignored discards its pending
		 * instances, in every thread.
		 */
		if (new.sa.sa_handler == SIG_IGN ||
		    (new.sa.sa_handler == SIG_DFL && sig_kernel_ignore(sig))) {
			struct task_struct *t;

			flush_sigqueue_mask(sigmask(sig), &current->signal->shared_pending);
			for_each_thread(current, t)
				flush_sigqueue_mask(sigmask(sig), &t->pending);
			recalc_sigpending();
		}
	}
	spin_unlock_irq(&sighand->siglock);

	if (oact && copy_to_user(oact, &old.sa, sizeof(old.sa)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, new;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new, nset, sizeof(new)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			new.sig[0] |= old.sig[0];
			break;
		case SIG_UNBLOCK:
			new.sig[0] = old.sig[0] & ~new.sig[0];
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(&new);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t pending;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	spin_lock_irq(&current->sighand->siglock);
	pending.sig[0] = (current->pending.signal.sig[0] |
			  current->signal->shared_pending.signal.sig[0]) &
			 current->blocked.sig[0];
	spin_unlock_irq(&current->sighand->siglock);
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/*
 * Wait for a signal with @newset as the mask.  The old mask comes back
 * after the handler has run (through the frame, restore_sigmask), so a
 * signal unblocked only for the wait is still delivered.
 */
static int sigsuspend(sigset_t *newset)
{
	current->saved_sigmask = current->blocked;
	set_current_blocked(newset);
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	return sigsuspend(&newset);
}

SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return -ERESTARTNOHAND;
}

/*
 * Wait for one of @which without a handler running: the signals are
 * unblocked (real_blocked keeps the old mask so they are not discarded
 * as ignored) only for the sleep, then dequeued here.
 */
static int do_sigtimedwait(const sigset_t *which, siginfo_t *info, u64 timeout_ns,
			   bool forever)
{
	struct task_struct *t = current;
	sigset_t mask = *which;
	u64 deadline = ktime_get_ns() + timeout_ns;
	int sig;

	sigdelsetmask(&mask, SIG_KERNEL_ONLY_MASK);
	mask.sig[0] = ~mask.sig[0];	/* what dequeue_signal must skip */
	spin_lock_irq(&t->sighand->siglock);
	for (;;) {
		sig = dequeue_signal(t, &mask, info);
		if (sig)
			break;
		if (!forever && ktime_get_ns() >= deadline)
			break;
		if (sigisemptyset(&t->real_blocked)) {
			t->real_blocked = t->blocked;
			t->blocked.sig[0] &= mask.sig[0];
			recalc_sigpending();
		}
		if (signal_pending(t) && !(has_pending_signals(&t->pending.signal, &mask) ||
			has_pending_signals(&t->signal->shared_pending.signal, &mask)))
			break;	/* something else to do: a handler, a stop, an exit */
		set_current_state(TASK_INTERRUPTIBLE);
		spin_unlock_irq(&t->sighand->siglock);
		if (forever)
			schedule();
		else
			schedule_timeout((deadline - ktime_get_ns()) / TICK_NSEC + 1);
		spin_lock_irq(&t->sighand->siglock);
	}
	__set_current_state(TASK_RUNNING);
	if (!sigisemptyset(&t->real_blocked)) {
		t->blocked = t->real_blocked;
		sigemptyset(&t->real_blocked);
		recalc_sigpending();
	}
	spin_unlock_irq(&t->sighand->siglock);
	if (sig)
		return sig;
	return signal_pending(t) ? -EINTR : -EAGAIN;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese, siginfo_t __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	struct __kernel_timespec ts;
	sigset_t these;
	siginfo_t info;
	u64 timeout = 0;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
		timeout = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	}
	ret = do_sigtimedwait(&these, &info, timeout, !uts);
	if (ret > 0 && uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return ret;
}

/* ---- The alternate signal stack ------------------------------------------ */

static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *t = current;

	oss->ss_sp = (void __user *)t->sas_ss_sp;
	oss->ss_size = t->sas_ss_size;
	oss->ss_flags = sas_ss_flags(sp) | t->sas_ss_flags;
	if (!ss)
		return 0;
	if (on_sig_stack(sp))
		return -EPERM;	/* cannot move the stack we are running on */
	switch (ss->ss_flags & ~SS_FLAG_BITS) {
	case SS_DISABLE:
		t->sas_ss_sp = 0;
		t->sas_ss_size = 0;
		t->sas_ss_flags = SS_DISABLE;
		return 0;
	case 0:
	case SS_ONSTACK:	/* old programs pass it; means "enable" */
		break;
	default:
		return -EINVAL;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	t->sas_ss_sp = (unsigned long)ss->ss_sp;
	t->sas_ss_size = ss->ss_size;
	t->sas_ss_flags = ss->ss_flags & SS_FLAG_BITS;
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int ret;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	ret = do_sigaltstack(uss ? &new : NULL, &old, current_pt_regs()->sp);
	if (!ret && uoss && copy_to_user(uoss, &old, sizeof(old)))
		ret = -EFAULT;
	return ret;
}

/* rt_sigreturn: the stack state saved in the frame comes back (errors ignored). */
int restore_altstack(const stack_t __user *uss)
{
	stack_t new, old;

	if (copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	do_sigaltstack(&new, &old, current_pt_regs()->sp);
	return 0;
}

/* The frame records the altstack as it was; SS_AUTODISARM then disables it. */
int __save_altstack(stack_t __user *uss, unsigned long sp)
{
	struct task_struct *t = current;
	stack_t st = {
		.ss_sp = (void __user *)t->sas_ss_sp,
		.ss_flags = sas_ss_flags(sp) | t->sas_ss_flags,
		.ss_size = t->sas_ss_size,
	};

	if (copy_to_user(uss, &st, sizeof(st)))
		return -EFAULT;
	if (t->sas_ss_flags & SS_AUTODISARM) {
		t->sas_ss_sp = 0;
		t->sas_ss_size = 0;
	}
	return 0;
}

/* restart_syscall(2): no restart blocks here; such calls end with -EINTR. */
SYSCALL_DEFINE0(restart_syscall)
{
	return -EINTR;
}
