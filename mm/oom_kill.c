// SPDX-License-Identifier: GPL-2.0
/*
 * The OOM killer.  When a page fault needs a page and neither the free
 * lists nor reclaim (page cache, swap) can give one, waiting does not
 * help: someone must give memory back.  The OOM killer picks the process
 * whose death frees the most -- its badness: the pages it maps (RSS), its
 * swap entries and its page tables, moved up or down by
 * /proc/<pid>/oom_score_adj, per mille of all memory (RAM and swap) --
 * and sends it SIGKILL.  The OOM reaper then frees the victim's private
 * memory at once, without waiting for it to run to its exit, unless the
 * victim holds its mmap_lock (it is in a fault itself: it will be quick).
 * The faulting task then waits a tick and tries its fault again; while a
 * victim is still dying, nobody else is chosen.
 *
 * Never chosen: PID 1, kernel threads, and processes at oom_score_adj
 * -1000.  With nothing left to choose the kernel panics, as Linux does.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/oom.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/swap.h>
#include <linux/vmstat.h>
#include <linux/mmap_lock.h>
#include "vma_internal.h"

static DEFINE_MUTEX(oom_lock);		/* one selection at a time */

/* What oom_score_adj is a fraction of: all the memory a process could use. */
unsigned long oom_total_pages(void)
{
	return totalram_pages() + READ_ONCE(total_swap_pages);
}

/*
 * How much killing @p would free, in pages, adjusted by its
 * oom_score_adj; LONG_MIN for a process that must not be chosen.
 */
long oom_badness(struct task_struct *p, unsigned long totalpages)
{
	struct mm_struct *mm;
	long points, adj;

	if (p->pid == 1 || (p->flags & PF_KTHREAD))
		return LONG_MIN;
	adj = READ_ONCE(p->signal->oom_score_adj);
	if (adj == OOM_SCORE_ADJ_MIN)
		return LONG_MIN;
	task_lock(p);
	mm = p->mm;
	if (!mm) {
		task_unlock(p);
		return LONG_MIN;
	}
	points = get_mm_rss(mm) + atomic_long_read(&mm->rss_stat[MM_SWAPENTS]) +
		 atomic_long_read(&mm->pgtables_bytes) / PAGE_SIZE;
	task_unlock(p);
	return points + adj * (long)(totalpages / 1000);
}

/*
 * The process with the highest badness, with a reference; NULL if none
 * may be chosen, ERR_PTR(-EAGAIN) while an earlier victim still holds
 * its memory (killing a second one would be one too many).
 */
static struct task_struct *select_bad_process(unsigned long totalpages, long *chosen_points)
{
	struct task_struct *p, *chosen = NULL;

	*chosen_points = LONG_MIN;
	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		long points;

		if (p->signal->oom_victim && READ_ONCE(p->mm)) {
			chosen = ERR_PTR(-EAGAIN);
			break;
		}
		points = oom_badness(p, totalpages);
		if (points == LONG_MIN || points < *chosen_points)
			continue;
		chosen = p;
		*chosen_points = points;
	}
	if (!IS_ERR_OR_NULL(chosen))
		get_task_struct(chosen);
	spin_unlock_irq(&tasklist_lock);
	return chosen;
}

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

static void dump_header(void)
{
	pr_err("%s invoked oom-killer: order=0, oom_score_adj=%d\n",
	       current->comm, current->signal->oom_score_adj);
	pr_err("Mem-Info: free:%lu of %lu pages, anon:%lu shmem:%lu pagetables:%lu\n",
	       global_zone_page_state(NR_FREE_PAGES), totalram_pages(),
	       global_node_page_state(NR_ANON_MAPPED), global_node_page_state(NR_SHMEM),
	       global_node_page_state(NR_PAGETABLE));
	pr_err("Free swap  = %lukB\nTotal swap = %lukB\n", K(READ_ONCE(nr_swap_pages)),
	       K(READ_ONCE(total_swap_pages)));
}

/*
 * The OOM reaper: unmap the private memory of @mm, whose users are all
 * killed, now.  Shared mappings stay (others may still use the pages).
 * Only with mmap_lock free: its holder may be in the middle of changing
 * the areas, and is a killed task that will let go soon.
 */
static void oom_reap_task_mm(struct task_struct *victim, struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	if (!mmap_write_trylock(mm))
		return;
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		if (!(vma->vm_flags & VM_SHARED))
			zap_page_range(vma, vma->vm_start, vma->vm_end - vma->vm_start);
	mmap_write_unlock(mm);
	pr_info("oom_reaper: reaped process %d (%s), now anon-rss:%lukB, file-rss:%lukB, "
		"shmem-rss:%lukB\n", victim->tgid, victim->comm,
		K(atomic_long_read(&mm->rss_stat[MM_ANONPAGES])), 0UL,
		K(atomic_long_read(&mm->rss_stat[MM_SHMEMPAGES])));
}

/*
 * SIGKILL to @victim and to every other process using its memory.  Kept
 * out of line so tracers and kprobes find it by name, as on Linux.
 */
static noinline void oom_kill_process(struct task_struct *victim)
{
	struct task_struct *p;
	struct mm_struct *mm;

	mm = get_task_mm(victim);
	if (!mm)
		return;		/* it exited meanwhile: its memory is back */
	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, "
	       "file-rss:%lukB, shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:%d\n",
	       victim->tgid, victim->comm, K(mm->total_vm),
	       K(atomic_long_read(&mm->rss_stat[MM_ANONPAGES])), 0UL,
	       K(atomic_long_read(&mm->rss_stat[MM_SHMEMPAGES])),
	       victim->real_cred->uid, atomic_long_read(&mm->pgtables_bytes) >> 10,
	       victim->signal->oom_score_adj);
	victim->signal->oom_victim = true;
	group_send_sig_info(SIGKILL, NULL, victim);
	/* A vfork parent or a CLONE_VM sibling would keep the memory alive. */
	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		if (p == victim || p->mm != mm || p->pid == 1 || (p->flags & PF_KTHREAD))
			continue;
		p->signal->oom_victim = true;
		group_send_sig_info(SIGKILL, NULL, p);
	}
	spin_unlock_irq(&tasklist_lock);
	oom_reap_task_mm(victim, mm);
	mmput(mm);
	count_vm_event(OOM_KILL);
}

/*
 * Free some memory by killing a process.  Returns false when there was
 * nothing to do (the caller itself is dying) or, with @may_fail, nothing
 * to kill; without it, nothing to kill is a panic, as on Linux.
 */
static bool __out_of_memory(bool may_fail)
{
	unsigned long totalpages = oom_total_pages();
	struct task_struct *victim;
	long points;

	/* Already killed: exiting will give our memory back. */
	if (fatal_signal_pending(current))
		return false;
	mutex_lock(&oom_lock);
	victim = select_bad_process(totalpages, &points);
	if (IS_ERR(victim)) {
		mutex_unlock(&oom_lock);
		return true;	/* an earlier victim is on its way out */
	}
	if (!victim) {
		dump_header();
		if (may_fail) {
			/* A kernel allocation can fail: better than a panic. */
			pr_err("Out of memory and no killable processes: the allocation fails\n");
			mutex_unlock(&oom_lock);
			return false;
		}
		panic("Out of memory and no killable processes...\n");
	}
	dump_header();
	oom_kill_process(victim);
	put_task_struct(victim);
	mutex_unlock(&oom_lock);
	return true;
}

bool out_of_memory(void)
{
	return __out_of_memory(false);
}

/*
 * An allocation that reclaim could not satisfy: should it wait for the
 * OOM killer instead of failing?  Linux treats small allocations that
 * may sleep as "too small to fail": their callers often cannot tell a
 * shortage from a real error -- the buffer cache under a page fault
 * turns a missing page into -EIO and the fault into SIGBUS -- so killing
 * the biggest process and waiting for its memory is the better answer.
 * Not for a caller that asked to fail fast (__GFP_NORETRY,
 * __GFP_RETRY_MAYFAIL), for large orders (compaction's job, which
 * Lantern lacks), or for a task already killed: its own exit frees
 * memory, and it must not wait for itself.  Waiting is bounded at ten
 * seconds (@waits counts the ticks so far), unless __GFP_NOFAIL.
 * True: a victim was chosen or is dying, and a tick has passed; retry.
 */
bool alloc_pages_may_oom(gfp_t gfp, unsigned int order, long waits)
{
	if (fatal_signal_pending(current))
		return false;
	if (!(gfp & __GFP_NOFAIL)) {
		if (order > PAGE_ALLOC_COSTLY_ORDER ||
		    (gfp & (__GFP_NORETRY | __GFP_RETRY_MAYFAIL)) || waits >= 10 * HZ)
			return false;
	}
	if (!__out_of_memory(true))
		return false;
	schedule_timeout_uninterruptible(1);
	return true;
}

/*
 * A user page fault found no page.  Kill someone (perhaps ourselves),
 * then let the fault be retried: by then the victim may be gone and its
 * pages free.  The short sleep keeps a waiting faulter from spinning
 * while the victim runs to its exit.
 */
void pagefault_out_of_memory(void)
{
	if (!out_of_memory())
		return;
	if (!fatal_signal_pending(current))
		schedule_timeout_uninterruptible(1);
}
