// SPDX-License-Identifier: GPL-2.0
/*
 * msync: make what was stored through a shared file mapping reach the
 * file.  With the page cache there is nothing to copy (a store through
 * the mapping is in the file's page already, as read() sees at once);
 * MS_SYNC asks the filesystem to push the range to its backing store
 * (fsync: nothing for tmpfs), MS_ASYNC is satisfied already, and
 * MS_INVALIDATE is refused only for locked memory, as Linux does.  An
 * unmapped hole in the range is ENOMEM after the rest is done.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mmap_lock.h>

static int msync_file_range(struct file *file, loff_t start, loff_t end)
{
	if (!file->f_op || !file->f_op->fsync)
		return 0;
	return file->f_op->fsync(file, start, end, 1);
}

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int unmapped_error = 0, error = 0;
	unsigned long end;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = (len + ~PAGE_MASK) & PAGE_MASK;
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;

	mmap_read_lock(mm);
	vma = find_vma(mm, start);
	for (;;) {
		struct file *file;
		loff_t fstart, fend;

		error = -ENOMEM;
		if (!vma)
			break;
		if (start < vma->vm_start) {
			/* MS_ASYNC alone has nothing left to do but report the hole. */
			if (flags == MS_ASYNC)
				break;
			start = vma->vm_start;
			if (start >= end)
				break;
			unmapped_error = -ENOMEM;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED)) {
			error = -EBUSY;
			break;
		}
		file = vma->vm_file;
		fstart = ((loff_t)vma->vm_pgoff << PAGE_SHIFT) + (start - vma->vm_start);
		fend = fstart + (min(end, vma->vm_end) - start) - 1;
		start = vma->vm_end;
		if ((flags & MS_SYNC) && file && (vma->vm_flags & VM_SHARED)) {
			/* fsync may sleep for I/O: not under mmap_lock. */
			get_file(file);
			mmap_read_unlock(mm);
			error = msync_file_range(file, fstart, fend);
			fput(file);
			if (error || start >= end)
				goto out;
			mmap_read_lock(mm);
			vma = find_vma(mm, start);
			continue;
		}
		error = 0;
		if (start >= end)
			break;
		vma = vma->vm_next;
	}
	mmap_read_unlock(mm);
out:
	return error ? error : unmapped_error;
}
