// SPDX-License-Identifier: GPL-2.0
/*
 * process_vm_readv / process_vm_writev: copy between this process's
 * memory and another's without going through a pipe or a shared mapping
 * (MPI libraries and debuggers use it).
 *
 * The other process's pages are found the way a fault would find them:
 * under its mmap_lock, a missing page (or, for a write, a read-only
 * copy-on-write one) is faulted in on its behalf, and the page is pinned
 * with a reference.  The lock is dropped before the copy to or from our
 * own memory, which may fault in turn.  Access needs ptrace's "attach"
 * right (kernel/ptrace.c).  The result is the bytes copied; an error is
 * reported only if nothing could be copied.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/pagemap.h>
#include <linux/pid.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/mmap_lock.h>

/*
 * The page of @mm at @addr, faulted in if need be and with a reference,
 * or NULL if the area is missing or does not allow the access.
 */
static struct page *get_remote_page(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	struct page *page = NULL;
	int tries;

	mmap_write_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr ||
	    !(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		goto out;
	for (tries = 0; tries < 2; tries++) {
		pte_t *pte = walk_existing(mm, addr);

		if (pte && pte_present(*pte) && (!write || pte_write(*pte)) &&
		    pfn_valid(pte_pfn(*pte))) {
			page = pfn_to_page(pte_pfn(*pte));
			get_page(page);
			break;
		}
		if (handle_mm_fault(vma, addr & PAGE_MASK, write ? FAULT_FLAG_WRITE : 0) &
		    VM_FAULT_ERROR)
			break;
	}
out:
	mmap_write_unlock(mm);
	return page;
}

/* Copy one remote range to or from local memory at @local; returns bytes or -EFAULT. */
static ssize_t copy_remote_range(struct mm_struct *mm, unsigned long raddr,
				 void __user *local, size_t len, bool write)
{
	size_t done = 0;

	while (done < len) {
		unsigned long off = raddr & ~PAGE_MASK;
		size_t n = min_t(size_t, len - done, PAGE_SIZE - off);
		struct page *page = get_remote_page(mm, raddr, write);
		unsigned long left;
		void *kaddr;

		if (!page)
			break;
		kaddr = page_address(page) + off;
		if (write)
			left = copy_from_user(kaddr, local + done, n);
		else
			left = copy_to_user(local + done, kaddr, n);
		if (write && left < n)
			set_page_dirty(page);
		put_page(page);
		done += n - left;
		raddr += n - left;
		if (left)
			break;
		cond_resched();
	}
	return done;
}

/* Read an iovec array; the total must fit ssize_t (EINVAL). */
static struct iovec *import_iovecs(const struct iovec __user *uvec, unsigned long cnt,
				   bool check_local, ssize_t *total)
{
	struct iovec *iov;
	size_t sum = 0;
	unsigned long i;

	iov = kmalloc_array(cnt ? cnt : 1, sizeof(*iov), GFP_KERNEL);
	if (!iov)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(iov, uvec, cnt * sizeof(*iov))) {
		kfree(iov);
		return ERR_PTR(-EFAULT);
	}
	for (i = 0; i < cnt; i++) {
		if ((ssize_t)iov[i].iov_len < 0 || iov[i].iov_len > LONG_MAX - sum) {
			kfree(iov);
			return ERR_PTR(-EINVAL);
		}
		/* Our own buffers must at least be user addresses. */
		if (check_local && !access_ok(iov[i].iov_base, iov[i].iov_len)) {
			kfree(iov);
			return ERR_PTR(-EFAULT);
		}
		sum += iov[i].iov_len;
	}
	*total = sum;
	return iov;
}

static ssize_t process_vm_rw(pid_t pid, const struct iovec __user *lvec,
			     unsigned long liovcnt, const struct iovec __user *rvec,
			     unsigned long riovcnt, unsigned long flags, bool write)
{
	struct iovec *liov, *riov;
	struct task_struct *task;
	struct mm_struct *mm = NULL;
	struct pid *spid;
	ssize_t ltotal, rtotal, done = 0, ret;
	unsigned long li = 0, ri;
	size_t loff = 0;

	if (flags)
		return -EINVAL;
	if (liovcnt > UIO_MAXIOV || riovcnt > UIO_MAXIOV)
		return -EINVAL;
	liov = import_iovecs(lvec, liovcnt, true, &ltotal);
	if (IS_ERR(liov))
		return PTR_ERR(liov);
	riov = import_iovecs(rvec, riovcnt, false, &rtotal);
	if (IS_ERR(riov)) {
		ret = PTR_ERR(riov);
		goto free_liov;
	}
	ret = 0;
	if (!ltotal || !rtotal)
		goto free_riov;

	ret = -ESRCH;
	spid = find_get_pid(pid);
	if (!spid)
		goto free_riov;
	task = get_pid_task(spid);
	put_pid(spid);
	if (!task)
		goto free_riov;
	ret = -EPERM;
	if (!ptrace_may_access(task, PTRACE_MODE_ATTACH_REALCREDS))
		goto put_task;
	mm = get_task_mm(task);
	ret = -EINVAL;			/* a kernel thread has no user memory */
	if (!mm)
		goto put_task;

	ret = 0;
	for (ri = 0; ri < riovcnt && li < liovcnt; ri++) {
		unsigned long raddr = (unsigned long)riov[ri].iov_base;
		size_t rleft = riov[ri].iov_len;

		while (rleft && li < liovcnt) {
			size_t n = min(rleft, liov[li].iov_len - loff);
			ssize_t got;

			if (!n) {
				li++;
				loff = 0;
				continue;
			}
			got = copy_remote_range(mm, raddr, liov[li].iov_base + loff, n, write);
			done += got;
			if ((size_t)got < n) {
				ret = -EFAULT;
				goto out;
			}
			raddr += n;
			rleft -= n;
			loff += n;
		}
	}
out:
	mmput(mm);
put_task:
	put_task_struct(task);
free_riov:
	kfree(riov);
free_liov:
	kfree(liov);
	return done ? done : ret;
}

SYSCALL_DEFINE6(process_vm_readv, pid_t, pid, const struct iovec __user *, lvec,
		unsigned long, liovcnt, const struct iovec __user *, rvec,
		unsigned long, riovcnt, unsigned long, flags)
{
	return process_vm_rw(pid, lvec, liovcnt, rvec, riovcnt, flags, false);
}

SYSCALL_DEFINE6(process_vm_writev, pid_t, pid, const struct iovec __user *, lvec,
		unsigned long, liovcnt, const struct iovec __user *, rvec,
		unsigned long, riovcnt, unsigned long, flags)
{
	return process_vm_rw(pid, lvec, liovcnt, rvec, riovcnt, flags, true);
}
