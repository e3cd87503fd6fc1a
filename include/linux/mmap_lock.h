/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm->mmap_lock, an rwsem, behind Linux's names.  The write side is for
 * changing the list of areas (mmap, munmap, mprotect, brk, mremap, the
 * madvise advice that changes areas); the read side is for walking them
 * and for what only fills in page tables (page faults, get_user_pages,
 * mincore, /proc/PID/maps): those may run at once in one mm, so the
 * page-table updates underneath take mm->page_table_lock and re-check
 * the entry they are about to fill (mm/memory.c).
 */
#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

#include <linux/mm_types.h>
#include <linux/rwsem.h>
#include <linux/bug.h>

static inline void mmap_init_lock(struct mm_struct *mm)
{
	init_rwsem(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

static inline int mmap_write_lock_killable(struct mm_struct *mm)
{
	return down_write_killable(&mm->mmap_lock);
}

static inline bool mmap_write_trylock(struct mm_struct *mm)
{
	return down_write_trylock(&mm->mmap_lock) != 0;
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

static inline void mmap_write_downgrade(struct mm_struct *mm)
{
	downgrade_write(&mm->mmap_lock);
}

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline int mmap_read_lock_killable(struct mm_struct *mm)
{
	return down_read_killable(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock) != 0;
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

/* Held either way (by the caller, when the validator is on). */
static inline void mmap_assert_locked(struct mm_struct *mm)
{
	lockdep_assert_held(&mm->mmap_lock);
}

static inline void mmap_assert_write_locked(struct mm_struct *mm)
{
	lockdep_assert_held_type(&mm->mmap_lock, 0);
	WARN_ON_ONCE(!rwsem_is_write_locked(&mm->mmap_lock));
}

#endif
