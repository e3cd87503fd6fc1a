// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd: page faults handled by user space.
 *
 * A process opens a userfaultfd (the userfaultfd(2) call, or
 * USERFAULTFD_IOC_NEW on /dev/userfaultfd), agrees on the API version
 * (UFFDIO_API) and registers ranges of its memory (UFFDIO_REGISTER):
 * each area in the range gets VM_UFFD_MISSING, VM_UFFD_WP or
 * VM_UFFD_MINOR and a pointer to this context.  From then on a fault
 * there is not resolved by the kernel: handle_userfault() queues a
 * message (struct uffd_msg: the address and what kind of fault), drops
 * mmap_lock and puts the faulting thread to sleep.  Another thread
 * read()s the message and resolves the fault with an ioctl that fills
 * the page (UFFDIO_COPY, UFFDIO_ZEROPAGE, UFFDIO_CONTINUE) or lifts the
 * write protection (UFFDIO_WRITEPROTECT); each wakes the threads
 * waiting in its range, which then fault again and find the page.
 * Closing the descriptor unregisters everything and wakes every waiter,
 * whose faults are then handled the ordinary way.
 *
 * The context belongs to one mm (the registering process's, held with
 * mmgrab); the ioctls act on that mm whoever calls them.  Each waiting
 * fault is a struct userfaultfd_wait_queue on the waiter's stack, in the
 * context's fault list under its lock: read() hands out those not read
 * yet, a wake takes the ones in its range off the list.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/poll.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/userfaultfd_k.h>
#include <linux/wait.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/eventpoll.h>

/* vm.unprivileged_userfaultfd: 0, as Linux's default (CAP_SYS_PTRACE or user-mode only). */
int sysctl_unprivileged_userfaultfd;

#define UFFD_SHARED_FCNTL_FLAGS	(O_CLOEXEC | O_NONBLOCK)

/* What UFFDIO_API reports: the features this kernel implements. */
#define UFFD_API_FEATURES_SUPPORTED (UFFD_FEATURE_PAGEFAULT_FLAG_WP |	\
				     UFFD_FEATURE_MISSING_SHMEM |	\
				     UFFD_FEATURE_SIGBUS |		\
				     UFFD_FEATURE_THREAD_ID |		\
				     UFFD_FEATURE_MINOR_SHMEM |		\
				     UFFD_FEATURE_EXACT_ADDRESS)
#define UFFD_API_IOCTLS_MASK	((1ULL << _UFFDIO_REGISTER) |		\
				 (1ULL << _UFFDIO_UNREGISTER) |		\
				 (1ULL << _UFFDIO_API))
#define UFFD_RANGE_IOCTLS_MASK	((1ULL << _UFFDIO_WAKE) |		\
				 (1ULL << _UFFDIO_COPY) |		\
				 (1ULL << _UFFDIO_ZEROPAGE) |		\
				 (1ULL << _UFFDIO_WRITEPROTECT) |	\
				 (1ULL << _UFFDIO_CONTINUE))

struct userfaultfd_ctx {
	refcount_t refcount;		/* the file, and each waiting fault */
	spinlock_t lock;		/* guards fault_list */
	struct list_head fault_list;	/* userfaultfd_wait_queue, oldest first */
	wait_queue_head_t fd_wqh;	/* readers and pollers of the descriptor */
	unsigned int flags;		/* UFFD_USER_MODE_ONLY, O_NONBLOCK */
	u64 features;			/* what UFFDIO_API asked for */
	bool initialized;		/* UFFDIO_API done */
	bool released;			/* the descriptor is closing */
	struct mm_struct *mm;		/* the registering address space (mmgrab) */
};

struct userfaultfd_wait_queue {
	struct list_head entry;
	struct uffd_msg msg;
	unsigned long address;		/* page-aligned: what wakes match */
	struct task_struct *task;
	bool msg_read;			/* read() has handed the message out */
	bool woken;			/* resolved: off the list */
};

static void userfaultfd_ctx_get(struct userfaultfd_ctx *ctx)
{
	refcount_inc(&ctx->refcount);
}

static void userfaultfd_ctx_put(struct userfaultfd_ctx *ctx)
{
	if (refcount_dec_and_test(&ctx->refcount)) {
		mmdrop(ctx->mm);
		kfree(ctx);
	}
}

/* Wake the faults waiting in [start, start + len); len 0 wakes every one. */
static void wake_userfault(struct userfaultfd_ctx *ctx, unsigned long start,
			   unsigned long len)
{
	struct userfaultfd_wait_queue *uwq, *tmp;

	spin_lock(&ctx->lock);
	list_for_each_entry_safe(uwq, tmp, &ctx->fault_list, entry) {
		if (len && (uwq->address < start || uwq->address - start >= len))
			continue;
		list_del_init(&uwq->entry);
		WRITE_ONCE(uwq->woken, true);
		wake_up_process(uwq->task);
	}
	spin_unlock(&ctx->lock);
}

/*
 * Is the fault still there?  Checked after the fault is queued: a
 * resolution that came in between has already changed the PTE, and one
 * that comes later finds the fault on the list and wakes it.
 */
static bool userfaultfd_must_wait(struct vm_area_struct *vma, unsigned long address,
				  unsigned long reason)
{
	pte_t *pte = walk_existing(vma->vm_mm, address);
	pte_t entry;

	if (!pte)
		return true;
	entry = READ_ONCE(*pte);
	if (reason & VM_UFFD_WP)
		return pte_present(entry) && pte_uffd_wp(entry) && !pte_write(entry);
	return pte_none(entry);
}

static void userfault_msg(struct userfaultfd_ctx *ctx, struct vm_fault *vmf,
			  unsigned long reason, struct uffd_msg *msg)
{
	memset(msg, 0, sizeof(*msg));
	msg->event = UFFD_EVENT_PAGEFAULT;
	msg->arg.pagefault.address = (ctx->features & UFFD_FEATURE_EXACT_ADDRESS) ?
				     vmf->real_address : vmf->address;
	if (vmf->flags & FAULT_FLAG_WRITE)
		msg->arg.pagefault.flags |= UFFD_PAGEFAULT_FLAG_WRITE;
	if (reason & VM_UFFD_WP)
		msg->arg.pagefault.flags |= UFFD_PAGEFAULT_FLAG_WP;
	if (reason & VM_UFFD_MINOR)
		msg->arg.pagefault.flags |= UFFD_PAGEFAULT_FLAG_MINOR;
	if (ctx->features & UFFD_FEATURE_THREAD_ID)
		msg->arg.pagefault.feat.ptid = task_pid_vnr(current);
}

/*
 * Called by handle_mm_fault with mmap_lock read-held.  Returns
 * VM_FAULT_RETRY with the lock dropped once the fault was resolved (or
 * the context went away, or a signal came), or VM_FAULT_SIGBUS, lock
 * held, where waiting is not allowed: the caller cannot retry, the
 * handler asked for SIGBUS, or a user-mode-only context saw the kernel
 * fault (copy_from_user then fails with -EFAULT).
 */
unsigned int handle_userfault(struct vm_fault *vmf, unsigned long reason)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct userfaultfd_ctx *ctx = vma->vm_userfaultfd_ctx.ctx;
	struct userfaultfd_wait_queue uwq;
	bool must_wait;
	long state;

	if (!ctx)
		return VM_FAULT_SIGBUS;
	if (ctx->features & UFFD_FEATURE_SIGBUS)
		return VM_FAULT_SIGBUS;
	if ((ctx->flags & UFFD_USER_MODE_ONLY) && !(vmf->flags & FAULT_FLAG_USER))
		return VM_FAULT_SIGBUS;
	if (!(vmf->flags & FAULT_FLAG_ALLOW_RETRY))
		return VM_FAULT_SIGBUS;
	if (READ_ONCE(ctx->released)) {
		/*
		 * Closing: its release unregisters the area once it has
		 * mmap_lock.  Let go and give it a tick before faulting again.
		 */
		mmap_read_unlock(mm);
		schedule_timeout_uninterruptible(1);
		return VM_FAULT_RETRY;
	}

	userfault_msg(ctx, vmf, reason, &uwq.msg);
	uwq.address = vmf->address;
	uwq.task = current;
	uwq.msg_read = false;
	uwq.woken = false;
	userfaultfd_ctx_get(ctx);
	spin_lock(&ctx->lock);
	list_add_tail(&uwq.entry, &ctx->fault_list);
	spin_unlock(&ctx->lock);
	wake_up_poll(&ctx->fd_wqh, EPOLLIN);

	must_wait = userfaultfd_must_wait(vma, vmf->address, reason);
	mmap_read_unlock(mm);

	/* A user fault may be interrupted (the access simply runs again); a kernel one only killed. */
	state = (vmf->flags & FAULT_FLAG_USER) ? TASK_INTERRUPTIBLE : TASK_KILLABLE;
	for (;;) {
		set_current_state(state);
		if (READ_ONCE(uwq.woken) || READ_ONCE(ctx->released) || !must_wait)
			break;
		if (state == TASK_INTERRUPTIBLE ? signal_pending(current) :
						  fatal_signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);

	spin_lock(&ctx->lock);
	if (!list_empty(&uwq.entry))
		list_del_init(&uwq.entry);
	spin_unlock(&ctx->lock);
	userfaultfd_ctx_put(ctx);
	return VM_FAULT_RETRY;
}

/* Take the registration off every area of @ctx's mm that has it. */
static void userfaultfd_unregister_all(struct userfaultfd_ctx *ctx)
{
	struct mm_struct *mm = ctx->mm;
	struct vm_area_struct *vma;

	if (!mmget_not_zero(mm))
		return;		/* the areas are gone with the address space */
	mmap_write_lock(mm);
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		if (vma->vm_userfaultfd_ctx.ctx != ctx)
			continue;
		if (userfaultfd_wp(vma))
			uffd_wp_range(vma, vma->vm_start, vma->vm_end, false);
		userfaultfd_drop_vma(vma);
	}
	mmap_write_unlock(mm);
	mmput(mm);
}

static int userfaultfd_release(struct inode *inode, struct file *file)
{
	struct userfaultfd_ctx *ctx = file->private_data;

	WRITE_ONCE(ctx->released, true);
	userfaultfd_unregister_all(ctx);
	/* Every waiter faults again, now without the registration. */
	wake_userfault(ctx, 0, 0);
	wake_up_poll(&ctx->fd_wqh, EPOLLHUP);
	userfaultfd_ctx_put(ctx);
	return 0;
}

static bool userfaultfd_has_unread(struct userfaultfd_ctx *ctx)
{
	struct userfaultfd_wait_queue *uwq;
	bool ret = false;

	spin_lock(&ctx->lock);
	list_for_each_entry(uwq, &ctx->fault_list, entry) {
		if (!uwq->msg_read) {
			ret = true;
			break;
		}
	}
	spin_unlock(&ctx->lock);
	return ret;
}

static __poll_t userfaultfd_poll(struct file *file, poll_table *wait)
{
	struct userfaultfd_ctx *ctx = file->private_data;

	poll_wait(file, &ctx->fd_wqh, wait);
	if (!READ_ONCE(ctx->initialized))
		return EPOLLERR;
	return userfaultfd_has_unread(ctx) ? EPOLLIN | EPOLLRDNORM : 0;
}

/* The oldest message not read yet, marked read; false if there is none. */
static bool userfaultfd_dequeue(struct userfaultfd_ctx *ctx, struct uffd_msg *msg)
{
	struct userfaultfd_wait_queue *uwq;
	bool found = false;

	spin_lock(&ctx->lock);
	list_for_each_entry(uwq, &ctx->fault_list, entry) {
		if (!uwq->msg_read) {
			uwq->msg_read = true;
			*msg = uwq->msg;
			found = true;
			break;
		}
	}
	spin_unlock(&ctx->lock);
	return found;
}

/* As many whole messages as fit; blocks (unless O_NONBLOCK) only for the first. */
static ssize_t userfaultfd_read(struct file *file, char __user *buf, size_t count,
				loff_t *ppos)
{
	struct userfaultfd_ctx *ctx = file->private_data;
	bool no_wait = file->f_flags & O_NONBLOCK;
	struct uffd_msg msg;
	ssize_t done = 0;

	if (!READ_ONCE(ctx->initialized))
		return -EINVAL;
	if (count < sizeof(msg))
		return -EINVAL;
	while (count - done >= sizeof(msg)) {
		if (!userfaultfd_dequeue(ctx, &msg)) {
			if (done)
				break;
			if (no_wait)
				return -EAGAIN;
			if (wait_event_interruptible(ctx->fd_wqh, userfaultfd_has_unread(ctx)))
				return -ERESTARTSYS;
			continue;
		}
		if (copy_to_user(buf + done, &msg, sizeof(msg)))
			return done ? done : -EFAULT;
		done += sizeof(msg);
	}
	return done;
}

static int userfaultfd_api(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_api __user *user = (struct uffdio_api __user *)arg;
	struct uffdio_api api;
	int ret = -EINVAL;

	if (ctx->initialized)
		return -EINVAL;
	if (copy_from_user(&api, user, sizeof(api)))
		return -EFAULT;
	if (api.api != UFFD_API || (api.features & ~(u64)UFFD_API_FEATURES_SUPPORTED)) {
		/* Linux clears the answer on a refusal: nothing was agreed. */
		memset(&api, 0, sizeof(api));
		if (copy_to_user(user, &api, sizeof(api)))
			ret = -EFAULT;
		return ret;
	}
	ctx->features = api.features;
	api.features = UFFD_API_FEATURES_SUPPORTED;
	api.ioctls = UFFD_API_IOCTLS_MASK;
	if (copy_to_user(user, &api, sizeof(api)))
		return -EFAULT;
	WRITE_ONCE(ctx->initialized, true);
	return 0;
}

static int userfaultfd_register(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_register __user *user = (struct uffdio_register __user *)arg;
	struct mm_struct *mm = ctx->mm;
	struct vm_area_struct *vma, *cur;
	struct uffdio_register reg;
	unsigned long vm_flags = 0, start, end;
	int ret;

	if (copy_from_user(&reg, user, sizeof(reg) - sizeof(reg.ioctls)))
		return -EFAULT;
	if (!reg.mode || (reg.mode & ~(UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP |
				       UFFDIO_REGISTER_MODE_MINOR)))
		return -EINVAL;
	if (reg.mode & UFFDIO_REGISTER_MODE_MISSING)
		vm_flags |= VM_UFFD_MISSING;
	if (reg.mode & UFFDIO_REGISTER_MODE_WP)
		vm_flags |= VM_UFFD_WP;
	if (reg.mode & UFFDIO_REGISTER_MODE_MINOR)
		vm_flags |= VM_UFFD_MINOR;
	ret = userfaultfd_validate_range(reg.range.start, reg.range.len);
	if (ret)
		return ret;
	start = reg.range.start;
	end = start + reg.range.len;

	if (!mmget_not_zero(mm))
		return -ESRCH;
	mmap_write_lock(mm);
	vma = find_vma(mm, start);
	ret = -ENOMEM;
	if (!vma)
		goto out_unlock;
	ret = -EINVAL;
	if (vma->vm_start >= end)
		goto out_unlock;
	/* Check every area first: a refusal changes nothing. */
	for (cur = vma; cur && cur->vm_start < end; cur = cur->vm_next) {
		ret = -EINVAL;
		if (!vma_can_userfault(cur, vm_flags))
			goto out_unlock;
		ret = -EPERM;
		if (!(cur->vm_flags & VM_MAYWRITE))
			goto out_unlock;
		ret = -EBUSY;
		if (cur->vm_userfaultfd_ctx.ctx && cur->vm_userfaultfd_ctx.ctx != ctx)
			goto out_unlock;
	}
	ret = split_vma(mm, vma, start);
	if (ret)
		goto out_unlock;
	if (vma->vm_start < start)
		vma = vma->vm_next;
	for (cur = vma; cur && cur->vm_start < end; cur = cur->vm_next) {
		ret = split_vma(mm, cur, end);
		if (ret)
			goto out_unlock;
		/* Dropping WP mode: the pages it protected are ordinary again. */
		if (userfaultfd_wp(cur) && !(vm_flags & VM_UFFD_WP))
			uffd_wp_range(cur, cur->vm_start, cur->vm_end, false);
		cur->vm_flags = (cur->vm_flags & ~__VM_UFFD_FLAGS) | vm_flags;
		cur->vm_userfaultfd_ctx.ctx = ctx;
	}
	ret = 0;
out_unlock:
	mmap_write_unlock(mm);
	mmput(mm);
	if (!ret) {
		u64 ioctls = UFFD_RANGE_IOCTLS_MASK;

		/* CONTINUE is for minor faults only. */
		if (!(reg.mode & UFFDIO_REGISTER_MODE_MINOR))
			ioctls &= ~(1ULL << _UFFDIO_CONTINUE);
		if (put_user(ioctls, &user->ioctls))
			ret = -EFAULT;
	}
	return ret;
}

static int userfaultfd_unregister(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct mm_struct *mm = ctx->mm;
	struct vm_area_struct *vma, *cur;
	struct uffdio_range range;
	unsigned long start, end;
	int ret;

	if (copy_from_user(&range, (void __user *)arg, sizeof(range)))
		return -EFAULT;
	ret = userfaultfd_validate_range(range.start, range.len);
	if (ret)
		return ret;
	start = range.start;
	end = start + range.len;

	if (!mmget_not_zero(mm))
		return -ESRCH;
	mmap_write_lock(mm);
	vma = find_vma(mm, start);
	ret = -ENOMEM;
	if (!vma)
		goto out_unlock;
	ret = -EINVAL;
	if (vma->vm_start >= end)
		goto out_unlock;
	for (cur = vma; cur && cur->vm_start < end; cur = cur->vm_next) {
		if (!vma_can_userfault(cur, cur->vm_flags & __VM_UFFD_FLAGS))
			goto out_unlock;
	}
	for (cur = vma; cur && cur->vm_start < end; cur = cur->vm_next) {
		if (cur->vm_userfaultfd_ctx.ctx != ctx)
			continue;
		ret = split_vma(mm, cur, start);
		if (ret)
			goto out_unlock;
		if (cur->vm_start < start)
			cur = cur->vm_next;
		ret = split_vma(mm, cur, end);
		if (ret)
			goto out_unlock;
		if (userfaultfd_wp(cur))
			uffd_wp_range(cur, cur->vm_start, cur->vm_end, false);
		userfaultfd_drop_vma(cur);
	}
	ret = 0;
out_unlock:
	mmap_write_unlock(mm);
	mmput(mm);
	/* Faults waiting there are now the kernel's to handle. */
	if (!ret)
		wake_userfault(ctx, start, end - start);
	return ret;
}

static int userfaultfd_wake(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_range range;
	int ret;

	if (copy_from_user(&range, (void __user *)arg, sizeof(range)))
		return -EFAULT;
	ret = userfaultfd_validate_range(range.start, range.len);
	if (ret)
		return ret;
	wake_userfault(ctx, range.start, range.len);
	return 0;
}

/*
 * The filling ioctls share one shape: the result also goes into the
 * struct's last field (bytes done, or the error), the range's waiters
 * are woken unless DONTWAKE, and a partial fill is -EAGAIN.
 */
static int userfaultfd_fill_result(struct userfaultfd_ctx *ctx, __s64 __user *out, long done,
				   unsigned long start, unsigned long len, bool dontwake)
{
	if (put_user((__s64)done, out))
		return -EFAULT;
	if (done < 0)
		return done;
	if (!dontwake)
		wake_userfault(ctx, start, done);
	return (unsigned long)done == len ? 0 : -EAGAIN;
}

static int userfaultfd_copy(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_copy __user *user = (struct uffdio_copy __user *)arg;
	struct uffdio_copy uc;
	long done;
	int ret;

	if (copy_from_user(&uc, user, sizeof(uc) - sizeof(uc.copy)))
		return -EFAULT;
	ret = userfaultfd_validate_range(uc.dst, uc.len);
	if (ret)
		return ret;
	/* The source must not wrap. */
	if (uc.src + uc.len <= uc.src)
		return -EINVAL;
	if (uc.mode & ~(UFFDIO_COPY_MODE_DONTWAKE | UFFDIO_COPY_MODE_WP))
		return -EINVAL;
	if (!mmget_not_zero(ctx->mm))
		return -ESRCH;
	done = mfill_atomic_copy(ctx, ctx->mm, uc.dst, uc.src, uc.len,
				 uc.mode & UFFDIO_COPY_MODE_WP);
	mmput(ctx->mm);
	return userfaultfd_fill_result(ctx, &user->copy, done, uc.dst, uc.len,
				       uc.mode & UFFDIO_COPY_MODE_DONTWAKE);
}

static int userfaultfd_zeropage(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_zeropage __user *user = (struct uffdio_zeropage __user *)arg;
	struct uffdio_zeropage uz;
	long done;
	int ret;

	if (copy_from_user(&uz, user, sizeof(uz) - sizeof(uz.zeropage)))
		return -EFAULT;
	ret = userfaultfd_validate_range(uz.range.start, uz.range.len);
	if (ret)
		return ret;
	if (uz.mode & ~UFFDIO_ZEROPAGE_MODE_DONTWAKE)
		return -EINVAL;
	if (!mmget_not_zero(ctx->mm))
		return -ESRCH;
	done = mfill_atomic_zeropage(ctx, ctx->mm, uz.range.start, uz.range.len);
	mmput(ctx->mm);
	return userfaultfd_fill_result(ctx, &user->zeropage, done, uz.range.start,
				       uz.range.len, uz.mode & UFFDIO_ZEROPAGE_MODE_DONTWAKE);
}

static int userfaultfd_continue(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_continue __user *user = (struct uffdio_continue __user *)arg;
	struct uffdio_continue uc;
	long done;
	int ret;

	if (copy_from_user(&uc, user, sizeof(uc) - sizeof(uc.mapped)))
		return -EFAULT;
	ret = userfaultfd_validate_range(uc.range.start, uc.range.len);
	if (ret)
		return ret;
	if (uc.mode & ~UFFDIO_CONTINUE_MODE_DONTWAKE)
		return -EINVAL;
	if (!mmget_not_zero(ctx->mm))
		return -ESRCH;
	done = mfill_atomic_continue(ctx, ctx->mm, uc.range.start, uc.range.len);
	mmput(ctx->mm);
	return userfaultfd_fill_result(ctx, &user->mapped, done, uc.range.start,
				       uc.range.len, uc.mode & UFFDIO_CONTINUE_MODE_DONTWAKE);
}

static int userfaultfd_writeprotect(struct userfaultfd_ctx *ctx, unsigned long arg)
{
	struct uffdio_writeprotect wp;
	bool mode_wp, dontwake;
	int ret;

	if (copy_from_user(&wp, (void __user *)arg, sizeof(wp)))
		return -EFAULT;
	ret = userfaultfd_validate_range(wp.range.start, wp.range.len);
	if (ret)
		return ret;
	if (wp.mode & ~(UFFDIO_WRITEPROTECT_MODE_WP | UFFDIO_WRITEPROTECT_MODE_DONTWAKE))
		return -EINVAL;
	mode_wp = wp.mode & UFFDIO_WRITEPROTECT_MODE_WP;
	dontwake = wp.mode & UFFDIO_WRITEPROTECT_MODE_DONTWAKE;
	/* Protecting wakes no one: DONTWAKE with it makes no sense. */
	if (mode_wp && dontwake)
		return -EINVAL;
	if (!mmget_not_zero(ctx->mm))
		return -ESRCH;
	ret = mwriteprotect_range(ctx, ctx->mm, wp.range.start, wp.range.len, mode_wp);
	mmput(ctx->mm);
	if (ret)
		return ret;
	if (!mode_wp && !dontwake)
		wake_userfault(ctx, wp.range.start, wp.range.len);
	return 0;
}

static long userfaultfd_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct userfaultfd_ctx *ctx = file->private_data;

	if (cmd != UFFDIO_API && !READ_ONCE(ctx->initialized))
		return -EINVAL;
	switch (cmd) {
	case UFFDIO_API:
		return userfaultfd_api(ctx, arg);
	case UFFDIO_REGISTER:
		return userfaultfd_register(ctx, arg);
	case UFFDIO_UNREGISTER:
		return userfaultfd_unregister(ctx, arg);
	case UFFDIO_WAKE:
		return userfaultfd_wake(ctx, arg);
	case UFFDIO_COPY:
		return userfaultfd_copy(ctx, arg);
	case UFFDIO_ZEROPAGE:
		return userfaultfd_zeropage(ctx, arg);
	case UFFDIO_WRITEPROTECT:
		return userfaultfd_writeprotect(ctx, arg);
	case UFFDIO_CONTINUE:
		return userfaultfd_continue(ctx, arg);
	}
	return -EINVAL;
}

static void userfaultfd_show_fdinfo(struct seq_file *m, struct file *file)
{
	struct userfaultfd_ctx *ctx = file->private_data;
	struct userfaultfd_wait_queue *uwq;
	unsigned long pending = 0, total = 0;

	/* pending: messages not read yet; total: every fault still waiting. */
	spin_lock(&ctx->lock);
	list_for_each_entry(uwq, &ctx->fault_list, entry) {
		if (!uwq->msg_read)
			pending++;
		total++;
	}
	spin_unlock(&ctx->lock);
	seq_printf(m, "pending:\t%lu\ntotal:\t%lu\nAPI:\t%Lx:%x:%Lx\n", pending, total,
		   (unsigned long long)UFFD_API, (unsigned int)ctx->features,
		   (unsigned long long)(UFFD_API_IOCTLS_MASK | UFFD_RANGE_IOCTLS_MASK));
}

static const struct file_operations userfaultfd_fops = {
	.release	= userfaultfd_release,
	.poll		= userfaultfd_poll,
	.read		= userfaultfd_read,
	.unlocked_ioctl	= userfaultfd_ioctl,
	.show_fdinfo	= userfaultfd_show_fdinfo,
};

static int new_userfaultfd(int flags)
{
	struct userfaultfd_ctx *ctx;
	int fd;

	if (flags & ~(UFFD_SHARED_FCNTL_FLAGS | UFFD_USER_MODE_ONLY))
		return -EINVAL;
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	refcount_set(&ctx->refcount, 1);
	spin_lock_init(&ctx->lock);
	INIT_LIST_HEAD(&ctx->fault_list);
	init_waitqueue_head(&ctx->fd_wqh);
	ctx->flags = flags;
	ctx->mm = current->mm;
	mmgrab(ctx->mm);
	fd = anon_inode_getfd("[userfaultfd]", &userfaultfd_fops, ctx,
			      O_RDONLY | (flags & UFFD_SHARED_FCNTL_FLAGS));
	if (fd < 0) {
		mmdrop(ctx->mm);
		kfree(ctx);
	}
	return fd;
}

/*
 * Unprivileged users may only hear of their own user-mode faults,
 * unless vm.unprivileged_userfaultfd says otherwise: a kernel access
 * held up at will by user space widens race windows in the kernel.
 */
static bool userfaultfd_syscall_allowed(int flags)
{
	if (sysctl_unprivileged_userfaultfd)
		return true;
	if (flags & UFFD_USER_MODE_ONLY)
		return true;
	return capable(CAP_SYS_PTRACE);
}

SYSCALL_DEFINE1(userfaultfd, int, flags)
{
	if (!userfaultfd_syscall_allowed(flags))
		return -EPERM;
	return new_userfaultfd(flags);
}

/* /dev/userfaultfd: whoever may open it gets full userfaultfds, as with the sysctl set. */
static long userfaultfd_dev_ioctl(struct file *file, unsigned int cmd, unsigned long flags)
{
	if (cmd != USERFAULTFD_IOC_NEW)
		return -EINVAL;
	return new_userfaultfd(flags);
}

static const struct file_operations userfaultfd_dev_fops = {
	.unlocked_ioctl	= userfaultfd_dev_ioctl,
	.llseek		= noop_llseek,
};

static struct miscdevice userfaultfd_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "userfaultfd",
	.fops	= &userfaultfd_dev_fops,
	.mode	= 0600,
};

static int __init userfaultfd_init(void)
{
	return misc_register(&userfaultfd_misc);
}
device_initcall(userfaultfd_init);
