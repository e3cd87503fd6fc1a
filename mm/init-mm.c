// SPDX-License-Identifier: GPL-2.0
/*
 * init_mm: the kernel's own address space.  Its page tables
 * (swapper_pg_dir, built by init_64.c) map only kernel memory; kernel
 * threads run on it, and every process's page tables share its kernel
 * half.
 */
#include <linux/mm_types.h>
#include <linux/spinlock.h>
#include <asm/pgtable.h>

struct mm_struct init_mm = {
	.pgd		= swapper_pg_dir,
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
	.mmap_lock	= __RWSEM_INITIALIZER(init_mm.mmap_lock),
	.mm_users	= ATOMIC_INIT(2),
	.mm_count	= ATOMIC_INIT(1),
	.ioctx_lock	= __SPIN_LOCK_UNLOCKED(init_mm.ioctx_lock),
	.ioctx_list	= LIST_HEAD_INIT(init_mm.ioctx_list),
	.mmlist		= LIST_HEAD_INIT(init_mm.mmlist),
};
