// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl: duplicate a descriptor (F_DUPFD, F_DUPFD_CLOEXEC), read or set
 * its close-on-exec flag (F_GETFD/F_SETFD: a property of the descriptor)
 * and the open file's status flags (F_GETFL/F_SETFL: shared by every
 * descriptor of the struct file; only O_APPEND and O_NONBLOCK change).
 * Record locks (F_GETLK/F_SETLK/F_SETLKW and the F_OFD_ forms) are
 * fs/locks.c's; F_GETPIPE_SZ/F_SETPIPE_SZ belong to fs/pipe.c, the seals
 * (F_ADD_SEALS/F_GET_SEALS) to mm/memfd.c.
 *
 * Signal-driven I/O lives here too.  F_SETOWN/F_SETOWN_EX name who is
 * signalled (a thread, a process, a process group: a negative F_SETOWN
 * argument), F_SETSIG which signal (0: a plain SIGIO; any other comes
 * with si_fd, si_band and si_code POLL_IN/POLL_OUT...), and O_ASYNC
 * (F_SETFL) turns it on: the file's ->fasync puts the file on its
 * driver's fasync list, and the driver's kill_fasync signals the owners
 * of every file on it.  An owner receives the signal only if whoever set
 * it could have sent it with kill() (sigio_perm).
 */
#include <linux/kernel.h>
#include <linux/pid_namespace.h>
#include <linux/dnotify.h>
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/filelock.h>
#include <linux/fs.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/shmem_fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NDELAY | O_DIRECT | O_NOATIME | FASYNC)

static int setfl(int fd, struct file *filp, unsigned long arg)
{
	struct inode *inode = file_inode(filp);
	int err;

	/* O_APPEND may not be cleared on an append-only file; none exist yet. */
	if ((arg & O_NOATIME) && !(filp->f_flags & O_NOATIME) &&
	    !inode_owner_or_capable(inode))
		return -EPERM;
	/* O_ASYNC changes go to the driver first: it may refuse. */
	if (((arg ^ filp->f_flags) & FASYNC) && filp->f_op && filp->f_op->fasync) {
		err = filp->f_op->fasync(fd, filp, (arg & FASYNC) != 0);
		if (err < 0)
			return err;
	}
	mutex_lock(&filp->f_pos_lock);
	filp->f_flags = (arg & SETFL_MASK) | (filp->f_flags & ~SETFL_MASK);
	mutex_unlock(&filp->f_pos_lock);
	return 0;
}

/* ---------- F_SETOWN and friends ---------- */

void __f_setown(struct file *filp, pid_t pid, enum pid_type_fown type)
{
	struct fown_struct *fown = &filp->f_owner;

	spin_lock(&fown->lock);
	fown->pid = pid;
	fown->pid_type = type;
	if (pid) {
		fown->uid = current_uid();
		fown->euid = current_euid();
	}
	spin_unlock(&fown->lock);
}

/*
 * Does a process (or group) @who of kind @type exist?  @who is the
 * caller's number for it; *@global becomes the first namespace's, which
 * is what the owner keeps (the signal senders below look it up so).
 */
static bool fown_target_exists(pid_t who, enum pid_type_fown type, pid_t *global)
{
	struct task_struct *p;
	unsigned long flags;
	bool found = false;

	who = pid_vnr_to_global(who);
	*global = who;
	if (who <= 0)
		return false;
	if (type != FOWN_PGID)
		return find_task_by_pid_ns(who, &init_pid_ns) != NULL;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->signal->pgrp == who)
			found = true;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/* F_SETOWN: a positive argument is a process, a negative one a process group. */
static int f_setown(struct file *filp, int who)
{
	enum pid_type_fown type = FOWN_TGID;

	if (who < 0) {
		if (who == INT_MIN)
			return -EINVAL;
		type = FOWN_PGID;
		who = -who;
	}
	if (who && !fown_target_exists(who, type, &who))
		return -ESRCH;
	__f_setown(filp, who, type);
	return 0;
}

static int f_getown(struct file *filp)
{
	struct fown_struct *fown = &filp->f_owner;
	int pid;

	spin_lock(&fown->lock);
	pid = pid_global_to_vnr(fown->pid);
	if (fown->pid_type == FOWN_PGID)
		pid = -pid;
	spin_unlock(&fown->lock);
	return pid;
}

static int f_setown_ex(struct file *filp, struct f_owner_ex __user *uown)
{
	struct f_owner_ex owner;
	enum pid_type_fown type;

	if (copy_from_user(&owner, uown, sizeof(owner)))
		return -EFAULT;
	switch (owner.type) {
	case F_OWNER_TID:
		type = FOWN_PID;
		break;
	case F_OWNER_PID:
		type = FOWN_TGID;
		break;
	case F_OWNER_PGRP:
		type = FOWN_PGID;
		break;
	default:
		return -EINVAL;
	}
	if (owner.pid < 0)
		return -EINVAL;
	if (owner.pid && !fown_target_exists(owner.pid, type, &owner.pid))
		return -ESRCH;
	__f_setown(filp, owner.pid, type);
	return 0;
}

static int f_getown_ex(struct file *filp, struct f_owner_ex __user *uown)
{
	struct fown_struct *fown = &filp->f_owner;
	struct f_owner_ex owner;

	spin_lock(&fown->lock);
	owner.pid = pid_global_to_vnr(fown->pid);
	switch (fown->pid_type) {
	case FOWN_PID:
		owner.type = F_OWNER_TID;
		break;
	case FOWN_PGID:
		owner.type = F_OWNER_PGRP;
		break;
	default:
		owner.type = F_OWNER_PID;
		break;
	}
	spin_unlock(&fown->lock);
	return copy_to_user(uown, &owner, sizeof(owner)) ? -EFAULT : 0;
}

/* As kill(): root, or the setter's uid or euid is the target's uid or saved uid. */
static bool sigio_perm(struct task_struct *p, struct fown_struct *fown, int sig)
{
	const struct cred *cred = p->cred;

	(void)sig;
	return fown->euid == 0 || fown->euid == cred->suid || fown->euid == cred->uid ||
	       fown->uid == cred->suid || fown->uid == cred->uid;
}

static void send_sigio_to_task(struct task_struct *p, struct fown_struct *fown, int fd,
			       int reason, enum pid_type_fown type)
{
	int signum = READ_ONCE(fown->signum);
	siginfo_t si;

	if (!sigio_perm(p, fown, signum ? signum : SIGIO))
		return;
	memset(&si, 0, sizeof(si));
	if (signum) {
		/* A real-time style signal says which file and what happened. */
		si.si_signo = signum;
		si.si_code = reason;
		si.si_band = reason == POLL_OUT ? (POLLOUT | POLLWRNORM) :
			     reason == POLL_IN ? (POLLIN | POLLRDNORM) :
			     reason == POLL_MSG ? (POLLIN | POLLRDNORM | POLLMSG) : POLLHUP;
		si.si_fd = fd;
	} else {
		si.si_signo = SIGIO;
		si.si_code = SI_KERNEL;
	}
	if (type == FOWN_PID)
		send_sig_info(si.si_signo, &si, p);
	else
		group_send_sig_info(si.si_signo, &si, p);
}

void send_sigio(struct fown_struct *fown, int fd, int band)
{
	struct task_struct *p;
	enum pid_type_fown type;
	unsigned long flags;
	pid_t pid;

	spin_lock(&fown->lock);
	pid = fown->pid;
	type = fown->pid_type;
	spin_unlock(&fown->lock);
	if (!pid)
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (type == FOWN_PGID) {
		for_each_process(p)
			if (p->signal->pgrp == pid && !p->exit_state)
				send_sigio_to_task(p, fown, fd, band, type);
	} else {
		p = find_task_by_pid_ns(pid, &init_pid_ns);
		if (p && !p->exit_state)
			send_sigio_to_task(p, fown, fd, band, type);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* One lock for every fasync list: lists are short and changes rare. */
static DEFINE_SPINLOCK(fasync_lock);

/*
 * A driver's ->fasync: put @filp on the list *@fapp (on) or take it off
 * (off).  Returns 1 if the list changed, 0 if not, or -ENOMEM.
 */
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp)
{
	struct fasync_struct *fa, **fp, *new = NULL;
	int ret = 0;

	if (on) {
		new = kmalloc(sizeof(*new), GFP_KERNEL);
		if (!new)
			return -ENOMEM;
	}
	spin_lock(&fasync_lock);
	for (fp = fapp; (fa = *fp); fp = &fa->fa_next) {
		if (fa->fa_file != filp)
			continue;
		if (on) {
			fa->fa_fd = fd;	/* again: the newest descriptor is the one reported */
		} else {
			*fp = fa->fa_next;
			kfree(fa);
			ret = 1;
		}
		goto out;
	}
	if (on) {
		new->fa_fd = fd;
		new->fa_file = filp;
		new->fa_next = *fapp;
		*fapp = new;
		new = NULL;
		ret = 1;
	}
out:
	spin_unlock(&fasync_lock);
	kfree(new);
	return ret;
}

/* Data (POLL_IN) or room (POLL_OUT) appeared: signal every file's owner. */
void kill_fasync(struct fasync_struct **fp, int sig, int band)
{
	struct fasync_struct *fa;

	if (!READ_ONCE(*fp))
		return;
	(void)sig;	/* the owner's F_SETSIG choice, or SIGIO, is what is sent */
	spin_lock(&fasync_lock);
	for (fa = *fp; fa; fa = fa->fa_next)
		if (fa->fa_file->f_flags & FASYNC)
			send_sigio(&fa->fa_file->f_owner, fa->fa_fd, band);
	spin_unlock(&fasync_lock);
}

static long do_fcntl(int fd, unsigned int cmd, unsigned long arg, struct file *filp)
{
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(arg, filp, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(arg, filp, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags;
	case F_SETFL:
		return setfl(fd, filp, arg);
	case F_GETOWN:
		return f_getown(filp);
	case F_SETOWN:
		return f_setown(filp, (int)arg);
	case F_GETOWN_EX:
		return f_getown_ex(filp, (struct f_owner_ex __user *)arg);
	case F_SETOWN_EX:
		return f_setown_ex(filp, (struct f_owner_ex __user *)arg);
	case F_GETSIG:
		return filp->f_owner.signum;
	case F_SETSIG:
		if (arg > _NSIG)	/* 0 is SIGIO without details */
			return -EINVAL;
		filp->f_owner.signum = arg;
		return 0;
	case F_GETLK:
	case F_OFD_GETLK:
		return fcntl_getlk(filp, cmd, (struct flock __user *)arg);
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return fcntl_setlk(fd, filp, cmd, (struct flock __user *)arg);
	case F_SETLEASE:
		return fcntl_setlease(fd, filp, arg);
	case F_GETLEASE:
		return fcntl_getlease(filp);
	case F_NOTIFY:
		return fcntl_dirnotify(fd, filp, arg);
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		return pipe_fcntl(filp, cmd, arg);
	case F_ADD_SEALS:
	case F_GET_SEALS:
		return memfd_fcntl(filp, cmd, arg);
	default:
		return -EINVAL;
	}
}

/* What an O_PATH descriptor may still do. */
static bool check_fcntl_cmd(unsigned int cmd)
{
	return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD ||
	       cmd == F_SETFD || cmd == F_GETFL;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *filp = fget_raw(fd);
	long err;

	if (!filp)
		return -EBADF;
	if ((filp->f_mode & FMODE_PATH) && !check_fcntl_cmd(cmd))
		err = -EBADF;
	else
		err = do_fcntl(fd, cmd, arg, filp);
	fput(filp);
	return err;
}
