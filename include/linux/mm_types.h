/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two central types of memory management.
 *
 * struct page describes one physical page frame.  There is one for every
 * frame of RAM, in the flat array mem_map indexed by page frame number,
 * so it must stay small: its fields are unions whose meaning depends on
 * what the page is used for (free in the buddy allocator, a slab, page
 * cache or anonymous memory).  The flags word says which (page-flags.h).
 *
 * A compound page is a multi-page allocation that acts as one object
 * (slabs, large kmalloc): the first page has PG_head, every other page
 * points back at it (compound_head, with bit 0 set to mark a tail), and
 * the order is kept in the first tail page, because the head's own
 * fields belong to whoever uses the allocation.
 *
 * struct mm_struct describes an address space: its areas (VMAs, see
 * mm_vma.h), its page-table root, and the counters /proc reports.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/kconfig.h>
#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/rbtree.h>
#include <linux/page-flags.h>
#include <asm/pgtable_types.h>

/* Room for exec's auxiliary vector: 22 generic entries, 2 of x86's, AT_NULL; two words each. */
#define AT_VECTOR_SIZE	(2 * (22 + 2 + 1))

typedef unsigned long pgoff_t;

struct address_space;
struct kmem_cache;

struct page {
	unsigned long flags;		/* PG_* bits, zone number on top; must be first */
	union {
		struct {	/* buddy, page cache and anonymous pages */
			/*
			 * Free page: link in its zone's free_area list.
			 * In use: link in an LRU list (PG_lru), or the
			 * owner's own list.
			 */
			struct list_head lru;
			struct address_space *mapping;	/* file or anon_vma, later */
			pgoff_t index;			/* offset within mapping */
			/*
			 * PG_buddy: order of the free block it heads.
			 * PG_private: the owner's.
			 */
			unsigned long private;
		};
		struct {	/* slab pages (PG_slab), mm/slub.c */
			struct list_head slab_list;	/* cache's partial list */
			struct kmem_cache *slab_cache;	/* cache the objects belong to */
			void *freelist;			/* first free object */
			unsigned int inuse;		/* objects handed out */
			unsigned int objects;		/* objects the slab holds */
		};
		struct {	/* tail pages of a compound allocation (__GFP_COMP) */
			unsigned long compound_head;	/* head page address + 1 */
			unsigned char compound_order;	/* in the first tail page only */
		};
	};
	/* Page-table entries mapping the page, minus one: -1 means unmapped. */
	atomic_t _mapcount;
	/* References: 0 means free.  Only the page_ref/get/put helpers touch it. */
	atomic_t _refcount;
};

/* Per-mm architecture state: the TLB tag (see arch/x86/mm/tlb.c). */
typedef struct {
	u16 pcid;
	u64 pcid_generation;
	unsigned long vdso;		/* where exec mapped the vDSO, 0 if none */
	/* CPUs that may hold this mm's translations: mm_cpumask(), atomic bit ops. */
	unsigned long cpu_bitmap[(CONFIG_NR_CPUS + 63) / 64];
} mm_context_t;

struct vm_area_struct;

/*
 * An address space: one per process, made by fork (dup_mmap) or exec
 * (mm_alloc), plus init_mm, whose page tables hold the kernel's mappings
 * that every other mm shares.  mm_users counts the tasks running in it:
 * when the last one leaves, its areas and user page tables go
 * (exit_mmap).  mm_count counts references to the struct itself -- the
 * users together hold one, and a task that switched away from it still
 * has it loaded in CR3 (active_mm, the lazy TLB of kernel threads) holds
 * another -- so the struct outlives its contents until mmdrop.
 *
 * Locking: mmap_lock (an rwsem, <linux/mmap_lock.h>) for the areas:
 * written to change them, read to walk them and to fault pages in;
 * page_table_lock for filling page-table entries, so two faults (or two
 * CPUs) never populate the same empty entry twice; the counters are atomic.
 */
struct mm_struct {
	struct vm_area_struct *mmap;	/* areas in address order; lock: mmap_lock */
	struct rb_root mm_rb;		/* the same areas by address */
	int map_count;
	struct rw_semaphore mmap_lock;	/* the areas: <linux/mmap_lock.h> */
	pgd_t *pgd;			/* page-table root (physical in CR3) */
	spinlock_t page_table_lock;
	atomic_t mm_users;		/* users of the address space */
	atomic_t mm_count;		/* references to this struct */
	atomic_long_t pgtables_bytes;	/* page-table memory, for accounting */
	mm_context_t context;

	unsigned long mmap_base;	/* where top-down mmap placement starts */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	/* exec's auxiliary vector, (type, value) pairs to AT_NULL: /proc/<pid>/auxv */
	unsigned long saved_auxv[AT_VECTOR_SIZE];
	unsigned long total_vm, data_vm, exec_vm, stack_vm;	/* pages */
	unsigned long hiwater_rss;	/* peak resident pages */
	atomic_long_t rss_stat[3];	/* MM_ANONPAGES, MM_SHMEMPAGES, MM_SWAPENTS */
	/* On init_mm.mmlist while it exists: the anon reverse map and swapoff walk it. */
	struct list_head mmlist;
	struct file *exe_file;		/* the program exec loaded: /proc/<pid>/exe */
	int dumpable;			/* SUID_DUMP_*: core dumps, ptrace access, prctl */
	unsigned int coredump_filter;	/* MMF_DUMP_* (fs/coredump.c) */
	unsigned long def_flags;	/* VM_LOCKED* every new area gets: mlockall(MCL_FUTURE) */
	unsigned int membarrier_state;	/* membarrier registrations (kernel/sched/membarrier.c) */
	spinlock_t ioctx_lock;		/* guards ioctx_list */
	struct list_head ioctx_list;	/* native AIO contexts (fs/aio.c) */
};

#endif /* _LINUX_MM_TYPES_H */
