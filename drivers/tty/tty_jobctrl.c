// SPDX-License-Identifier: GPL-2.0
/*
 * Job control on a terminal (credentials(7), "Controlling terminal"):
 * each session has at most one controlling tty and each tty at most one
 * session; of the session's process groups one is in the foreground.
 * Only it may read the terminal (others get SIGTTIN) and, with TOSTOP,
 * write to it (SIGTTOU); the keyboard's ^C/^Z go to it (n_tty.c).
 *
 * A session leader acquires the terminal by opening it (tty_io.c) or
 * with TIOCSCTTY; it loses it with TIOCNOTTY or when it exits, which
 * hangs up the foreground group (disassociate_ctty, from do_exit).
 * The shell moves groups to the foreground with TIOCSPGRP (tcsetpgrp).
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/pid.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/tty.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

struct tty_struct *get_current_tty(void)
{
	return READ_ONCE(current->signal->tty);
}

void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	unsigned long flags;
	pid_t pgrp;

	spin_lock_irqsave(&tty->lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (pgrp > 0)
		kill_pgrp(pgrp, sig, 1);
}

static bool sig_ignored_or_blocked(int sig)
{
	return current->sighand->action[sig - 1].sa.sa_handler == SIG_IGN ||
	       sigismember(&current->blocked, sig);
}

/*
 * May the caller read (@sig SIGTTIN) or change/write (SIGTTOU) @tty?
 * A background group is stopped by @sig and the call restarts when it
 * is continued; if it cannot be stopped (ignored, or orphaned) a read
 * fails with EIO and a write goes ahead, as POSIX says.
 */
int tty_check_change(struct tty_struct *tty, int sig)
{
	pid_t pgrp = current->signal->pgrp, tty_pgrp;
	unsigned long flags;

	if (get_current_tty() != tty)
		return 0;
	spin_lock_irqsave(&tty->lock, flags);
	tty_pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (!tty_pgrp || tty_pgrp == pgrp)
		return 0;
	if (sig_ignored_or_blocked(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(pgrp, sig, 1);
	return -ERESTARTSYS;
}

/* Make @tty the caller's controlling terminal.  tasklist_lock held. */
static void __proc_set_tty(struct tty_struct *tty)
{
	struct signal_struct *sig = current->signal;

	spin_lock(&tty->lock);
	tty->session = sig->session;
	tty->pgrp = sig->pgrp;
	spin_unlock(&tty->lock);
	sig->tty = tty;
}

/* Every process of @tty's session loses it as controlling terminal.  tasklist_lock held. */
static void __session_clear_tty(struct tty_struct *tty)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->signal->tty == tty)
			p->signal->tty = NULL;
	spin_lock(&tty->lock);
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock(&tty->lock);
}

/* open() without O_NOCTTY by a session leader with no terminal yet. */
void tty_open_proc_set_tty(struct tty_struct *tty)
{
	struct signal_struct *sig = current->signal;

	spin_lock_irq(&tasklist_lock);
	if (sig->leader && !sig->tty && !tty->session)
		__proc_set_tty(tty);
	spin_unlock_irq(&tasklist_lock);
}

/* TIOCSCTTY: @steal (root only) takes it from the session that has it. */
static int tiocsctty(struct tty_struct *tty, int steal)
{
	struct signal_struct *sig = current->signal;
	int ret = 0;

	spin_lock_irq(&tasklist_lock);
	if (sig->leader && sig->tty == tty)
		goto out;
	ret = -EPERM;
	if (!sig->leader || sig->tty)
		goto out;
	if (tty->session) {
		if (steal != 1 || !capable(CAP_SYS_ADMIN))
			goto out;
		__session_clear_tty(tty);
	}
	__proc_set_tty(tty);
	ret = 0;
out:
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

/*
 * The session leader gives up its terminal (TIOCNOTTY) or dies: the
 * foreground group is hung up, and the whole session loses the tty.
 * SIGCONT follows SIGHUP so that a stopped foreground job sees it too.
 */
void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty = get_current_tty();

	if (!tty)
		return;
	tty_signal_pgrp(tty, SIGHUP);
	tty_signal_pgrp(tty, SIGCONT);
	spin_lock_irq(&tasklist_lock);
	if (tty->session == current->signal->session)
		__session_clear_tty(tty);
	current->signal->tty = NULL;
	spin_unlock_irq(&tasklist_lock);
}

/*
 * The line is gone: the session leader gets SIGHUP and SIGCONT, the
 * foreground group SIGHUP, and every process of the session loses the
 * terminal.  Drivers with more to do (a pty's other side) add it.
 */
void tty_vhangup(struct tty_struct *tty)
{
	struct task_struct *p;
	pid_t session;

	/*
	 * Every file open on it is dead before anyone hears of it, as on
	 * Linux: a SIGHUP handler running at once on another CPU that reads
	 * the terminal gets end-of-file.
	 */
	WRITE_ONCE(tty->hangup_gen, tty->hangup_gen + 1);
	smp_mb();
	tty_signal_pgrp(tty, SIGHUP);
	spin_lock_irq(&tasklist_lock);
	session = tty->session;
	for_each_process(p)
		if (session && p->signal->leader && p->signal->session == session &&
		    p->signal->tty == tty) {
			group_send_sig_info(SIGHUP, NULL, p);
			group_send_sig_info(SIGCONT, NULL, p);
		}
	__session_clear_tty(tty);
	spin_unlock_irq(&tasklist_lock);
	/* Sleepers find out. */
	wake_up_interruptible_all(&tty->read_wait);
	wake_up_interruptible_all(&tty->write_wait);
	if (tty->ops->hangup)
		tty->ops->hangup(tty);
}

static int tiocnotty(struct tty_struct *tty)
{
	if (get_current_tty() != tty)
		return -ENOTTY;
	if (current->signal->leader) {
		disassociate_ctty(0);
		return 0;
	}
	spin_lock_irq(&tasklist_lock);
	current->signal->tty = NULL;
	spin_unlock_irq(&tasklist_lock);
	return 0;
}

/*
 * Does group @pgrp exist, and in session @sid?  0, -ESRCH or -EPERM.
 * Zombies are members until reaped: ash hands the terminal to a
 * pipeline's group after its first command may already have exited.
 */
static int pgrp_check(pid_t pgrp, pid_t sid)
{
	struct task_struct *p;
	int ret = -ESRCH;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		if (p->exit_state == EXIT_DEAD || p->signal->pgrp != pgrp)
			continue;
		if (p->signal->session == sid) {
			ret = 0;
			break;
		}
		ret = -EPERM;
	}
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

static int tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	unsigned long flags;
	pid_t pgrp;
	int ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (get_current_tty() != tty || tty->session != current->signal->session)
		return -ENOTTY;
	if (pgrp < 0)
		return -EINVAL;
	/* named in our PID namespace, kept as the first one numbers it */
	pgrp = pgrp ? pid_vnr_to_global(pgrp) : 0;
	if (pgrp <= 0)
		return -ESRCH;
	ret = pgrp_check(pgrp, current->signal->session);
	if (ret)
		return ret;
	spin_lock_irqsave(&tty->lock, flags);
	tty->pgrp = pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	return 0;
}

int tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file,
		      unsigned int cmd, unsigned long arg)
{
	pid_t __user *p = (pid_t __user *)arg;

	switch (cmd) {
	case TIOCSCTTY:
		return tiocsctty(tty, arg);
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCGPGRP:
		if (get_current_tty() != tty)
			return -ENOTTY;
		return put_user(pid_global_to_vnr(tty->pgrp), p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (get_current_tty() != tty || !tty->session)
			return -ENOTTY;
		return put_user(pid_global_to_vnr(tty->session), p);
	default:
		return -ENOIOCTLCMD;
	}
}

/*
 * vhangup(2): hang up the caller's terminal as if the line had dropped,
 * so that no process of an earlier login keeps it open for the next.
 * init and login call it with SIGHUP ignored.  Without a terminal there
 * is nothing to do.
 */
SYSCALL_DEFINE0(vhangup)
{
	struct tty_struct *tty;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	tty = get_current_tty();
	if (tty)
		tty_vhangup(tty);
	return 0;
}
