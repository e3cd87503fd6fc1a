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
 *
 * With more than one CPU, another CPU may hold the mm's translations
 * too: mm_cpumask(mm) is every CPU that has loaded the mm (bits are set
 * on switch and never cleared, so it over-approximates), and a flush
 * interrupts the others in it (TLB shootdown); each flushes if the mm is
 * what it has loaded.  A CPU that switched away keeps tagged entries:
 * the mm loses its tag, so nobody switches back to them.  Kernel range
 * flushes go to every online CPU: kernel mappings are shared by all.
 *
 * Tags are machine-wide (Linux has per-CPU ASIDs instead): within one
 * generation a tag names one mm on every CPU.  Each CPU remembers the
 * generation it last emptied its TLB for, and empties it (all tags)
 * before it loads its first tag of a newer one, so no CPU ever finds
 * another generation's entries under a recycled tag.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/sched.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/tlbflush.h>
#include <asm/hardirq.h>
#include <linux/smp.h>

#define CR3_NOFLUSH	(1UL << 63)
#define MAX_PCID	4095
#define FLUSH_ALL_THRESHOLD	32	/* pages: beyond this one full flush is cheaper */

static bool pcid_enabled;
static u16 next_pcid = 1;
static u64 pcid_generation = 1;
static DEFINE_SPINLOCK(pcid_lock);
/* The generation this CPU's TLB holds no older entries than. */
static DEFINE_PER_CPU(u64, cpu_pcid_generation) = 1;

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
			/* Out of tags: start over; each CPU empties its TLB as it joins. */
			pcid_generation++;
			next_pcid = 1;
		}
		mm->context.pcid = next_pcid++;
		mm->context.pcid_generation = pcid_generation;
		fresh = true;
	}
	if (this_cpu_read(cpu_pcid_generation) != pcid_generation) {
		/* Toggling CR4.PGE empties the TLB of every tag, global entries too. */
		write_cr4(read_cr4() ^ X86_CR4_PGE);
		write_cr4(read_cr4() ^ X86_CR4_PGE);
		this_cpu_write(cpu_pcid_generation, pcid_generation);
	}
	spin_unlock_irqrestore(&pcid_lock, flags);
	return fresh;
}

/* The mm whose page tables this CPU's CR3 holds. */
static DEFINE_PER_CPU(struct mm_struct *, cpu_loaded_mm) = &init_mm;

void switch_mm(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk)
{
	unsigned long cr3;

	if (prev == next)
		return;
	/* Set before the CR3 write: a flush from now on must reach this CPU. */
	cpumask_set_cpu(smp_processor_id(), mm_cpumask(next));
	smp_mb();
	this_cpu_write(cpu_loaded_mm, next);
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

struct flush_tlb_info {
	struct mm_struct *mm;		/* NULL: kernel addresses */
	unsigned long start, end;
};

static void flush_tlb_local_range(const struct flush_tlb_info *f)
{
	unsigned long addr;

	if ((f->end - f->start) >> PAGE_SHIFT > FLUSH_ALL_THRESHOLD) {
		if (f->mm)
			__flush_tlb_local();
		else
			__flush_tlb_all();
		return;
	}
	for (addr = f->start & PAGE_MASK; addr < f->end; addr += PAGE_SIZE)
		__flush_tlb_one_user(addr);	/* invlpg also drops global entries */
}

/* The shootdown IPI's function, on each target CPU. */
static void flush_tlb_func(void *info)
{
	const struct flush_tlb_info *f = info;

	inc_irq_stat(irq_tlb_count);
	if (f->mm && this_cpu_read(cpu_loaded_mm) != f->mm)
		return;
	flush_tlb_local_range(f);
}

/* Are CPUs other than this one in @mm's mask? */
static bool mm_on_other_cpus(struct mm_struct *mm)
{
	unsigned int cpu;

	for_each_cpu(cpu, mm_cpumask(mm))
		if ((int)cpu != smp_processor_id())
			return true;
	return false;
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { .mm = mm, .start = start, .end = end };

	if (mm == this_cpu_read(cpu_loaded_mm))
		flush_tlb_local_range(&info);
	else
		mm->context.pcid_generation = 0;
	if (mm_on_other_cpus(mm)) {
		/* Tagged entries on CPUs that switched away must not be reused. */
		mm->context.pcid_generation = 0;
		smp_call_function_many(mm_cpumask(mm), flush_tlb_func, &info, true);
	}
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { .mm = NULL, .start = start, .end = end };

	if (num_online_cpus() > 1)
		on_each_cpu(flush_tlb_func, &info, 1);
	else
		flush_tlb_local_range(&info);
}

static void flush_tlb_all_func(void *info)
{
	__flush_tlb_all();
}

void flush_tlb_all(void)
{
	on_each_cpu(flush_tlb_all_func, NULL, 1);
}
