// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/maps: one line per VMA, "start-end perms offset dev inode
 * name", in address order, as Linux prints it (the name starts at
 * column 74).  Lantern's areas are all anonymous today (the ELF loader
 * copies the program), so dev and inode are 00:00 0 and the only names
 * are [heap] (the brk area), [stack], and [vvar]/[vdso] (arch_vma_name).  The list is walked under
 * mmap_lock, which is why the text goes to the seq_file buffer, never
 * straight to user memory: a fault there would need the same lock.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/sched/mm.h>
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
			 const struct mm_struct *mm)
{
	unsigned long flags = vma->vm_flags;
	const char *name = vma_name(vma, mm);
	size_t start = m->count;

	seq_printf(m, "%08lx-%08lx %c%c%c%c %08lx 00:00 0 ", vma->vm_start, vma->vm_end,
		   flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		   flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		   vma->vm_shmem ? vma->vm_pgoff << PAGE_SHIFT : 0);
	if (name) {
		while (m->count - start < MAPS_NAME_COLUMN && !seq_has_overflowed(m))
			seq_putc(m, ' ');
		seq_printf(m, " %s", name);
	}
	seq_putc(m, '\n');
}

int proc_pid_maps(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm;
	struct vm_area_struct *vma;

	if (!proc_may_inspect(task))
		return -EACCES;
	mm = proc_task_mm(task);
	if (!mm)
		return 0;
	mutex_lock(&mm->mmap_lock);
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		show_map_vma(m, vma, mm);
	mutex_unlock(&mm->mmap_lock);
	mmput(mm);
	return 0;
}
