/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TLB caches translations; after a page-table entry changes, the old
 * translation must be flushed before the change is trusted.
 *
 * Kernel mappings are global (_PAGE_GLOBAL): they survive a CR3 write,
 * which is what makes a process switch cheap.  So flushing everything
 * means toggling CR4.PGE, and a single kernel page is flushed with
 * invlpg.  The __ forms flush only this CPU; the flush_tlb_* functions
 * (arch/x86/mm/tlb.c) also interrupt the other CPUs that may hold the
 * translation (TLB shootdown).
 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/processor-flags.h>
#include <asm/special_insns.h>
#include <asm/irqflags.h>

static inline void __flush_tlb_one_kernel(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

/* A user address in the current address space (and its current PCID). */
static inline void __flush_tlb_one_user(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Non-global translations only: what a CR3 write drops. */
static inline void __flush_tlb_local(void)
{
	write_cr3(read_cr3());
}

/* Everything, global entries included. */
static inline void __flush_tlb_all(void)
{
	unsigned long flags = arch_local_irq_save();
	unsigned long cr4 = read_cr4();

	if (cr4 & X86_CR4_PGE) {
		/* Interrupts off: a handler must not run between the two writes. */
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		__flush_tlb_local();
	}
	arch_local_irq_restore(flags);
}

static inline void flush_tlb_one_kernel(unsigned long addr)
{
	__flush_tlb_one_kernel(addr);
}

/*
 * Past this many pages one full flush is cheaper than a run of invlpg
 * (Linux's tlb_single_page_flush_ceiling).
 */
#define TLB_SINGLE_PAGE_FLUSH_CEILING	33

struct mm_struct;
struct vm_area_struct;

/* arch/x86/mm/tlb.c: these reach every CPU that may hold the translation. */
void flush_tlb_all(void);
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);

#endif /* _ASM_X86_TLBFLUSH_H */
