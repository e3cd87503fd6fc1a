// SPDX-License-Identifier: GPL-2.0
/*
 * Address-space switches and TLB flushes for user mappings.
 *
 * Switching processes means loading the next one's page-table root into
 * CR3.  Without PCID that also empties the TLB of all non-global entries,
 * so every switch costs the new process its translations.  With PCID
 * (process-context identifiers) each mm gets a 12-bit tag; CR3 is loaded
 * with the tag and the "no flush" bit, and each process's translations
 * survive the switch.  Tags are recycled by generation: when all 4095 are
 * used up, the whole TLB is flushed once and every mm gets a new tag on
 * its next switch.  Kernel mappings are global and shared by all.
 *
 * Almost only the running mm's page tables are changed (faults, mmap,
 * munmap, fork's write-protect all work on current->mm), where a flush
 * of the current tag's entries is enough.  Truncating a mapped file
 * unmaps its pages from every mm that maps it (unmap_mapping_range):
 * such an mm loses its tag, so its next switch starts from a clean one.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/sched.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/tlbflush.h>

#define CR3_NOFLUSH	(1UL << 63)
#define MAX_PCID	4095
#define FLUSH_ALL_THRESHOLD	32	/* pages: beyond this one full flush is cheaper */

static bool pcid_enabled;
static u16 next_pcid = 1;
static u64 pcid_generation = 1;
static DEFINE_SPINLOCK(pcid_lock);

void pcid_init(void)
{
	if (!boot_cpu_has(X86_FEATURE_PCID))
		return;
	/* CR4.PCIDE may only be set while the current PCID is 0: it is. */
	write_cr4(read_cr4() | X86_CR4_PCIDE);
	pcid_enabled = true;
	pr_info("x86/mm: PCID enabled: process switches keep their TLB entries\n");
}

/* Give @mm a tag of the current generation; true if it must be flushed first. */
static bool assign_pcid(struct mm_struct *mm)
{
	unsigned long flags;
	bool fresh = false;

	spin_lock_irqsave(&pcid_lock, flags);
	if (mm->context.pcid_generation != pcid_generation) {
		if (next_pcid > MAX_PCID) {
			/* Out of tags: start over with an empty TLB. */
			pcid_generation++;
			next_pcid = 1;
			write_cr4(read_cr4() ^ X86_CR4_PGE);
			write_cr4(read_cr4() ^ X86_CR4_PGE);
		}
		mm->context.pcid = next_pcid++;
		mm->context.pcid_generation = pcid_generation;
		fresh = true;
	}
	spin_unlock_irqrestore(&pcid_lock, flags);
	return fresh;
}

void switch_mm(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk)
{
	unsigned long cr3;

	if (prev == next)
		return;
	cr3 = __pa(next->pgd);
	if (pcid_enabled) {
		/* A reused tag may have old entries: load without NOFLUSH once. */
		bool fresh = assign_pcid(next);

		cr3 |= next->context.pcid;
		if (!fresh)
			cr3 |= CR3_NOFLUSH;
	}
	write_cr3(cr3);
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	if (vma->vm_mm == current->active_mm)
		__flush_tlb_one_user(addr);
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr;

	if (mm != current->active_mm) {
		mm->context.pcid_generation = 0;
		return;
	}
	if ((end - start) >> PAGE_SHIFT > FLUSH_ALL_THRESHOLD) {
		__flush_tlb_local();
		return;
	}
	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		__flush_tlb_one_user(addr);
}
