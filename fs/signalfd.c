// SPDX-License-Identifier: GPL-2.0
/*
 * signalfd: take signals by reading a file descriptor instead of running
 * a handler.  The descriptor holds only a set of signals; a read
 * dequeues, from the *reading* thread's pending signals (its own, then
 * its process's), those in the set, each as a 128-byte struct
 * signalfd_siginfo.  So the usual pattern is: block the signals with
 * sigprocmask (so no handler or default action takes them first), then
 * poll/read the signalfd in an event loop together with other fds.
 *
 * A read blocks until one of the signals is pending (or fails with
 * EAGAIN under SFD_NONBLOCK); poll reports POLLIN while one is.  Every
 * signal queued to a process wakes the waiters on its sighand's
 * signalfd_wqh, which is where readers and pollers sleep.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define SFD_CLOEXEC	O_CLOEXEC
#define SFD_NONBLOCK	O_NONBLOCK

/* What read returns for one signal (the Linux ABI, 128 bytes). */
struct signalfd_siginfo {
	u32 ssi_signo;
	s32 ssi_errno;
	s32 ssi_code;
	u32 ssi_pid;
	u32 ssi_uid;
	s32 ssi_fd;
	u32 ssi_tid;
	u32 ssi_band;
	u32 ssi_overrun;
	u32 ssi_trapno;
	s32 ssi_status;
	s32 ssi_int;
	u64 ssi_ptr;
	u64 ssi_utime;
	u64 ssi_stime;
	u64 ssi_addr;
	u16 ssi_addr_lsb;
	u16 __pad2;
	s32 ssi_syscall;
	u64 ssi_call_addr;
	u32 ssi_arch;
	u8 __pad[28];
};

struct signalfd_ctx {
	sigset_t sigmask;	/* the signals this fd takes */
};

static int signalfd_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

/* The signals of the fd's set pending for the current thread. */
static bool signalfd_ready(const struct signalfd_ctx *ctx)
{
	struct task_struct *t = current;
	unsigned long mask = READ_ONCE(ctx->sigmask.sig[0]);

	return ((t->pending.signal.sig[0] | t->signal->shared_pending.signal.sig[0]) & mask) != 0;
}

static __poll_t signalfd_poll(struct file *file, poll_table *wait)
{
	struct signalfd_ctx *ctx = file->private_data;
	__poll_t events = 0;

	poll_wait(file, &current->sighand->signalfd_wqh, wait);
	spin_lock_irq(&current->sighand->siglock);
	if (signalfd_ready(ctx))
		events = POLLIN | POLLRDNORM;
	spin_unlock_irq(&current->sighand->siglock);
	return events;
}

/* siginfo_t to the signalfd layout: the fields the si_code says are set. */
static void fill_ssi(struct signalfd_siginfo *ssi, const siginfo_t *info)
{
	memset(ssi, 0, sizeof(*ssi));
	ssi->ssi_signo = info->si_signo;
	ssi->ssi_errno = info->si_errno;
	ssi->ssi_code = info->si_code;
	switch (info->si_signo) {
	case SIGSEGV:
	case SIGBUS:
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
		if (info->si_code > 0) {	/* a fault: the address */
			ssi->ssi_addr = (unsigned long)info->si_addr;
			ssi->ssi_addr_lsb = info->f._sifields._sigfault._addr_lsb;
			return;
		}
		break;
	case SIGCHLD:
		if (info->si_code > 0) {
			ssi->ssi_pid = info->si_pid;
			ssi->ssi_uid = info->si_uid;
			ssi->ssi_status = info->si_status;
			ssi->ssi_utime = info->si_utime;
			ssi->ssi_stime = info->si_stime;
			return;
		}
		break;
	}
	if (info->si_code == SI_TIMER) {
		ssi->ssi_tid = info->f._sifields._timer._tid;
		ssi->ssi_overrun = info->f._sifields._timer._overrun;
		ssi->ssi_int = info->f._sifields._timer._sigval.sival_int;
		ssi->ssi_ptr = (unsigned long)info->f._sifields._timer._sigval.sival_ptr;
		return;
	}
	/* kill, tkill, sigqueue, the kernel: sender and the queued value. */
	ssi->ssi_pid = info->si_pid;
	ssi->ssi_uid = info->si_uid;
	ssi->ssi_int = info->si_int;
	ssi->ssi_ptr = (unsigned long)info->si_ptr;
}

/* One signal of the set into @info: its number, or -EAGAIN / -ERESTARTSYS. */
static int signalfd_dequeue(struct signalfd_ctx *ctx, siginfo_t *info, bool nonblock)
{
	struct sighand_struct *sighand = current->sighand;
	sigset_t skip;
	int sig;

	for (;;) {
		skip.sig[0] = ~READ_ONCE(ctx->sigmask.sig[0]);
		spin_lock_irq(&sighand->siglock);
		sig = dequeue_signal(current, &skip, info);
		spin_unlock_irq(&sighand->siglock);
		if (sig)
			return sig;
		if (nonblock)
			return -EAGAIN;
		if (wait_event_interruptible(sighand->signalfd_wqh,
					     signalfd_ready(ctx) || signal_pending(current)))
			return -ERESTARTSYS;
		/* A signal outside the set (to be handled) ends the wait, too. */
		if (!signalfd_ready(ctx) && signal_pending(current))
			return -ERESTARTSYS;
	}
}

static ssize_t signalfd_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct signalfd_ctx *ctx = file->private_data;
	bool nonblock = file->f_flags & O_NONBLOCK;
	struct signalfd_siginfo ssi;
	ssize_t total = 0;
	siginfo_t info;
	int ret;

	count /= sizeof(ssi);
	if (!count)
		return -EINVAL;
	do {
		/* Block only for the first: then return what we have. */
		ret = signalfd_dequeue(ctx, &info, nonblock || total);
		if (ret <= 0)
			break;
		fill_ssi(&ssi, &info);
		if (copy_to_user(buf + total, &ssi, sizeof(ssi))) {
			/* The signal is lost, as on Linux: the buffer was bad. */
			ret = -EFAULT;
			break;
		}
		total += sizeof(ssi);
	} while (--count);
	return total ? total : ret;
}

static const struct file_operations signalfd_fops = {
	.release	= signalfd_release,
	.poll		= signalfd_poll,
	.read		= signalfd_read,
};

static int do_signalfd4(int ufd, const sigset_t __user *user_mask, size_t sizemask, int flags)
{
	struct signalfd_ctx *ctx;
	sigset_t mask;
	struct file *file;

	if (flags & ~(SFD_CLOEXEC | SFD_NONBLOCK))
		return -EINVAL;
	if (sizemask != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, user_mask, sizeof(mask)))
		return -EFAULT;
	/* SIGKILL and SIGSTOP are never taken by anyone but the kernel. */
	sigdelset(&mask, SIGKILL);
	sigdelset(&mask, SIGSTOP);

	if (ufd == -1) {
		int fd;

		ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
		if (!ctx)
			return -ENOMEM;
		ctx->sigmask = mask;
		fd = anon_inode_getfd("[signalfd]", &signalfd_fops, ctx,
				      O_RDWR | (flags & (SFD_CLOEXEC | SFD_NONBLOCK)));
		if (fd < 0)
			kfree(ctx);
		return fd;
	}
	/* An existing signalfd: replace its set (the flags are not changed). */
	file = fget(ufd);
	if (!file)
		return -EBADF;
	if (file->f_op != &signalfd_fops) {
		fput(file);
		return -EINVAL;
	}
	ctx = file->private_data;
	spin_lock_irq(&current->sighand->siglock);
	WRITE_ONCE(ctx->sigmask.sig[0], mask.sig[0]);
	spin_unlock_irq(&current->sighand->siglock);
	/* Someone may be waiting for a signal the set now includes. */
	wake_up_all(&current->sighand->signalfd_wqh);
	fput(file);
	return ufd;
}

SYSCALL_DEFINE4(signalfd4, int, ufd, sigset_t __user *, user_mask,
		size_t, sizemask, int, flags)
{
	return do_signalfd4(ufd, user_mask, sizemask, flags);
}

SYSCALL_DEFINE3(signalfd, int, ufd, sigset_t __user *, user_mask, size_t, sizemask)
{
	return do_signalfd4(ufd, user_mask, sizemask, 0);
}
