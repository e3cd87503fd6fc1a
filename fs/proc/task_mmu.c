// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/maps: one line per VMA, "start-end perms offset dev inode
 * name", in address order, as Linux prints it (the name starts at
 * column 74).  A file area shows the file's device, inode number, the
 * offset it maps from and its path (" (deleted)" once unlinked: shared
 * anonymous memory is "/dev/zero (deleted)", a memfd "/memfd:x
 * (deleted)"); anonymous areas are 00:00 0 with [heap], [stack], or
 * [vvar]/[vdso] (arch_vma_name) as their name where they are those.  /proc/<pid>/smaps adds, per area,
 * how much of it is resident and how: shared or private, clean or dirty.
 * The list is walked under mmap_lock, which is why the text goes to the
 * seq_file buffer, never straight to user memory: a fault there would
 * need the same lock.
 */
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/sched/mm.h>
#include <linux/mmap_lock.h>
#include "internal.h"

#define MAPS_NAME_COLUMN	(25 + sizeof(void *) * 6 - 1)

static const char *vma_name(struct vm_area_struct *vma, const struct mm_struct *mm)
{
	const char *name = arch_vma_name(vma);

	if (name)
		return name;
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk &&
	    mm->brk > mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma,
			 const struct mm_struct *mm, char *pathbuf)
{
	unsigned long flags = vma->vm_flags;
	const char *name = vma_name(vma, mm);
	struct inode *inode = vma->vm_file ? file_inode(vma->vm_file) : NULL;
	dev_t dev = inode ? inode->i_sb->s_dev : 0;
	size_t start = m->count;

	seq_printf(m, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", vma->vm_start, vma->vm_end,
		   flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		   flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		   inode ? vma->vm_pgoff << PAGE_SHIFT : 0, MAJOR(dev), MINOR(dev),
		   inode ? inode->i_ino : 0);
	if (vma->vm_file) {
		char *p = pathbuf ? d_path(&vma->vm_file->f_path, pathbuf, PATH_MAX) : NULL;

		name = IS_ERR_OR_NULL(p) ? NULL : p;
	}
	if (name) {
		while (m->count - start < MAPS_NAME_COLUMN && !seq_has_overflowed(m))
			seq_putc(m, ' ');
		seq_printf(m, " %s", name);
	}
	seq_putc(m, '\n');
}

struct mem_size_stats {
	unsigned long resident, pss, referenced, anonymous, swap;
	unsigned long shared_clean, shared_dirty, private_clean, private_dirty;
};

/* Sizes in bytes of the area's resident pages, by kind. */
static void smaps_account_vma(const struct vm_area_struct *vma, struct mem_size_stats *mss)
{
	unsigned long addr;

	for (addr = vma->vm_start; addr < vma->vm_end; ) {
		pte_t *pte = walk_existing(vma->vm_mm, addr);
		struct page *page;
		int mapcount;
		bool dirty;

		if (!pte) {
			addr = skip_pgtable_hole(vma->vm_mm, addr);
			continue;
		}
		addr += PAGE_SIZE;
		if (is_swap_pte(*pte)) {
			mss->swap += PAGE_SIZE;
			continue;
		}
		if (!pte_present(*pte) || !pfn_valid(pte_pfn(*pte)))
			continue;
		page = pfn_to_page(pte_pfn(*pte));
		mapcount = atomic_read(&page->_mapcount) + 1;
		dirty = pte_dirty(*pte) || PageDirty(page);
		mss->resident += PAGE_SIZE;
		if (pte_young(*pte) || PageReferenced(page))
			mss->referenced += PAGE_SIZE;
		if (!page->mapping)
			mss->anonymous += PAGE_SIZE;
		if (mapcount >= 2) {
			mss->pss += PAGE_SIZE / mapcount;
			if (dirty)
				mss->shared_dirty += PAGE_SIZE;
			else
				mss->shared_clean += PAGE_SIZE;
		} else {
			mss->pss += PAGE_SIZE;
			if (dirty)
				mss->private_dirty += PAGE_SIZE;
			else
				mss->private_clean += PAGE_SIZE;
		}
	}
}

static void show_smap_vma(struct seq_file *m, struct vm_area_struct *vma,
			  const struct mm_struct *mm, char *pathbuf)
{
	struct mem_size_stats mss = { 0 };

	show_map_vma(m, vma, mm, pathbuf);
	smaps_account_vma(vma, &mss);
	seq_printf(m, "Size:           %8lu kB\n", (vma->vm_end - vma->vm_start) >> 10);
	seq_printf(m, "KernelPageSize: %8lu kB\n", PAGE_SIZE >> 10);
	seq_printf(m, "MMUPageSize:    %8lu kB\n", PAGE_SIZE >> 10);
	seq_printf(m, "Rss:            %8lu kB\n", mss.resident >> 10);
	seq_printf(m, "Pss:            %8lu kB\n", mss.pss >> 10);
	seq_printf(m, "Shared_Clean:   %8lu kB\n", mss.shared_clean >> 10);
	seq_printf(m, "Shared_Dirty:   %8lu kB\n", mss.shared_dirty >> 10);
	seq_printf(m, "Private_Clean:  %8lu kB\n", mss.private_clean >> 10);
	seq_printf(m, "Private_Dirty:  %8lu kB\n", mss.private_dirty >> 10);
	seq_printf(m, "Referenced:     %8lu kB\n", mss.referenced >> 10);
	seq_printf(m, "Anonymous:      %8lu kB\n", mss.anonymous >> 10);
	seq_printf(m, "Swap:           %8lu kB\n", mss.swap >> 10);
	seq_printf(m, "Locked:         %8lu kB\n",
		   vma->vm_flags & VM_LOCKED ? mss.pss >> 10 : 0);
}

typedef void (*show_vma_fn)(struct seq_file *m, struct vm_area_struct *vma,
			    const struct mm_struct *mm, char *pathbuf);

static int show_vmas(struct seq_file *m, struct task_struct *task, show_vma_fn show)
{
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	char *pathbuf;

	if (!proc_may_inspect(task))
		return -EACCES;
	mm = proc_task_mm(task);
	if (!mm)
		return 0;
	pathbuf = kmalloc(PATH_MAX, GFP_KERNEL);	/* NULL: the names are left out */
	mmap_read_lock(mm);
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		show(m, vma, mm, pathbuf);
	mmap_read_unlock(mm);
	kfree(pathbuf);
	mmput(mm);
	return 0;
}

int proc_pid_maps(struct seq_file *m, struct task_struct *task)
{
	return show_vmas(m, task, show_map_vma);
}

int proc_pid_smaps(struct seq_file *m, struct task_struct *task)
{
	return show_vmas(m, task, show_smap_vma);
}

/*
 * /proc/<pid>/pagemap: one 64-bit word per virtual page, the file offset
 * being (address / PAGE_SIZE) * 8.  Bit 63 says the page is present,
 * bit 61 that it is a file (or shared memory) page, bit 56 that only
 * this mapping has it, bits 0-54 its page frame number.  The frame
 * number is an address of physical memory: only who opened the file
 * with CAP_SYS_ADMIN sees it (Rowhammer made that rule), others read 0
 * there.
 */
#define PM_ENTRY_BYTES		sizeof(u64)
#define PM_PFRAME_MASK		((1ULL << 55) - 1)
#define PM_MMAP_EXCLUSIVE	(1ULL << 56)
#define PM_FILE			(1ULL << 61)
#define PM_SWAP			(1ULL << 62)
#define PM_SWAP_TYPE_BITS	5	/* swap type in bits 0-4, offset above */
#define PM_PRESENT		(1ULL << 63)
#define PM_BATCH		512	/* words built under one mmap_lock hold */

struct pagemap_private {
	struct mm_struct *mm;		/* NULL: a kernel thread or a zombie */
	bool show_pfn;			/* decided by the opener's capabilities */
};

static int pagemap_open(struct inode *inode, struct file *file)
{
	struct task_struct *task = get_proc_task(inode);
	struct pagemap_private *pm;
	int err = -EACCES;

	if (!task)
		return -ESRCH;
	if (!proc_may_inspect(task))
		goto out;
	err = -ENOMEM;
	pm = kzalloc(sizeof(*pm), GFP_KERNEL);
	if (!pm)
		goto out;
	pm->mm = proc_task_mm(task);
	pm->show_pfn = capable(CAP_SYS_ADMIN);
	file->private_data = pm;
	err = 0;
out:
	put_task_struct(task);
	return err;
}

static u64 pagemap_entry(struct pagemap_private *pm, unsigned long addr)
{
	pte_t *pte = walk_existing(pm->mm, addr);
	struct page *page;
	u64 ent = PM_PRESENT;

	if (pte && is_swap_pte(*pte)) {
		swp_entry_t e = pte_to_swp_entry(*pte);

		ent = PM_SWAP | PM_MMAP_EXCLUSIVE;
		if (__swap_count(e) > 1)
			ent &= ~PM_MMAP_EXCLUSIVE;
		ent |= (swp_type(e) | ((u64)swp_offset(e) << PM_SWAP_TYPE_BITS)) &
			       PM_PFRAME_MASK;
		return ent;
	}
	if (!pte || !pte_present(*pte))
		return 0;
	if (pm->show_pfn)
		ent |= pte_pfn(*pte) & PM_PFRAME_MASK;
	if (!pfn_valid(pte_pfn(*pte)))
		return ent;
	page = pfn_to_page(pte_pfn(*pte));
	if (page->mapping)
		ent |= PM_FILE;
	if (atomic_read(&page->_mapcount) == 0)
		ent |= PM_MMAP_EXCLUSIVE;
	return ent;
}

static ssize_t pagemap_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct pagemap_private *pm = file->private_data;
	unsigned long addr, end = TASK_SIZE_MAX;
	ssize_t done = 0;
	u64 *ents;

	if ((*ppos % PM_ENTRY_BYTES) || (count % PM_ENTRY_BYTES))
		return -EINVAL;
	if (!pm->mm || *ppos < 0 || (u64)*ppos / PM_ENTRY_BYTES >= end >> PAGE_SHIFT)
		return 0;
	ents = kmalloc(PM_BATCH * PM_ENTRY_BYTES, GFP_KERNEL);
	if (!ents)
		return -ENOMEM;
	addr = (*ppos / PM_ENTRY_BYTES) << PAGE_SHIFT;
	while (count && addr < end) {
		size_t n = 0, bytes;

		mmap_read_lock(pm->mm);
		while (n < PM_BATCH && n * PM_ENTRY_BYTES < count && addr < end) {
			ents[n++] = pagemap_entry(pm, addr);
			addr += PAGE_SIZE;
		}
		mmap_read_unlock(pm->mm);
		/* Copied out with the lock dropped: a fault on @buf needs it. */
		bytes = n * PM_ENTRY_BYTES;
		if (copy_to_user(buf + done, ents, bytes)) {
			if (!done)
				done = -EFAULT;
			break;
		}
		done += bytes;
		count -= bytes;
		*ppos += bytes;
		if (fatal_signal_pending(current))
			break;
	}
	kfree(ents);
	return done;
}

static int pagemap_release(struct inode *inode, struct file *file)
{
	struct pagemap_private *pm = file->private_data;

	(void)inode;
	if (pm->mm)
		mmput(pm->mm);
	kfree(pm);
	return 0;
}

const struct file_operations proc_pagemap_operations = {
	.open		= pagemap_open,
	.read		= pagemap_read,
	.llseek		= generic_file_llseek,
	.release	= pagemap_release,
};
