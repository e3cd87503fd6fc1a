/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address-space lifetimes.  mm_users counts the tasks using an mm (the
 * threads of a process, a vfork child); when it drops to zero the memory
 * is unmapped (exit_mmap).  mm_count counts references to the struct
 * itself: all users together hold one, and a kernel thread borrowing the
 * mm as active_mm holds another; at zero the page tables and the struct
 * are freed.
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/atomic.h>
#include <linux/mm_types.h>

struct task_struct;

static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/* A user reference only while the mm still has users (not past exit_mmap). */
static inline bool mmget_not_zero(struct mm_struct *mm)
{
	return atomic_inc_not_zero(&mm->mm_users);
}

void mmdrop(struct mm_struct *mm);
void mmput(struct mm_struct *mm);
struct mm_struct *get_task_mm(struct task_struct *task);
struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm);
int exec_mmap(struct mm_struct *mm);
void exit_mm_release(struct task_struct *tsk);
long get_mm_hiwater_rss_kb(struct mm_struct *mm);

/* mm/mmap.c: the areas of an address space, made and torn down */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);
void exit_mmap(struct mm_struct *mm);
void vma_cache_init(void);

#endif
