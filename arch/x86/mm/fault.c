// SPDX-License-Identifier: GPL-2.0
/*
 * do_page_fault: the CPU could not translate an address (CR2) or the
 * translation forbade the access (the error code says which).
 *
 * A fault on a user address follows the seed's handler flow:
 *   find_vma -> is the address inside an area (or just below a stack
 *   that may grow)? -> does the area allow this access? ->
 *   handle_mm_fault (demand paging, copy-on-write).
 * A failure there is the task's bug: SIGSEGV, with the log line Linux
 * prints.  When the kernel itself touched the user address (copy_to_user
 * and friends) the same path runs first, and only if that fails does
 * the exception table turn it into -EFAULT.
 *
 * A fault on a kernel address is expected only at instructions with an
 * exception-table entry (nofault probes); anything else is a bug: report
 * the address and the kind of access in Linux's words, then oops.  A fault
 * on a vmalloc guard page (the unmapped page after every vmalloc area)
 * is named as such first, with the area and its allocator, because
 * "unable to handle page fault" alone does not say it was an overrun.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/oom.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/sched/signal.h>
#include <linux/mmap_lock.h>
#include <uapi/linux/siginfo.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <asm/trace/exceptions.h>

static void show_fault_oops(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address)
{
	const char *access;

	if (address < PAGE_SIZE)
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n",
			 address);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n",
			 address);
	if (error_code & X86_PF_INSTR)
		access = "instruction fetch";
	else if (error_code & X86_PF_WRITE)
		access = "write access";
	else
		access = "read access";
	pr_alert("#PF: %s %s in %s mode\n",
		 (error_code & X86_PF_USER) ? "user" : "supervisor", access,
		 user_mode(regs) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", error_code,
		 !(error_code & X86_PF_PROT) ? "not-present page" :
		 (error_code & X86_PF_RSVD) ? "reserved bit violation" :
		 "permissions violation");
	/* How the address translates, level by level: where the walk stopped. */
	dump_pagetable_walk(__va(read_cr3() & PTE_PFN_MASK), address);
}

static void __noreturn page_fault_oops(struct pt_regs *regs,
				       unsigned long error_code,
				       unsigned long address)
{
	oops_begin();
	vmalloc_report_guard_fault(address);
	show_fault_oops(regs, error_code, address);
	die("Oops", regs, error_code);
}

static void do_kern_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	if (fixup_exception(regs, X86_TRAP_PF))
		return;
	page_fault_oops(regs, error_code, address);
}

/*
 * Does the area forbid this access?  A write needs VM_WRITE.  A protection
 * fault on a read or an instruction fetch means the page is present but
 * not accessible that way (PROT_NONE, or executing an NX page): always an
 * error.  A read of a missing page needs the area to be accessible at all.
 */
static bool access_error(unsigned long error_code, struct vm_area_struct *vma)
{
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_PROT)
		return true;
	return !(vma->vm_flags & VM_ACCESS_FLAGS);
}

static void bad_area(struct pt_regs *regs, unsigned long error_code,
		     unsigned long address, int code)
{
	struct task_struct *tsk = current;

	if (!user_mode(regs)) {
		do_kern_addr_fault(regs, error_code, address);
		return;
	}
	pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n",
		tsk->comm, tsk->pid, address, regs->ip, regs->sp, error_code);
	force_sig_fault(SIGSEGV, code, (void __user *)address);
}

extern bool smap_enabled;

static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;
	struct vm_area_struct *vma;
	unsigned int flags = 0, fault;

	/*
	 * SMAP: the kernel touched user memory outside a user copy.  Inside
	 * one, STAC has set EFLAGS.AC, and the fault (a missing page, a COW
	 * page to break) is handled as if the user had made it.
	 */
	if (!user_mode(regs) && smap_enabled && !(regs->flags & X86_EFLAGS_AC)) {
		if (!fixup_exception(regs, X86_TRAP_PF))
			page_fault_oops(regs, error_code, address);
		return;
	}
	if (!mm || (!user_mode(regs) && tsk->pagefault_disabled)) {
		bad_area(regs, error_code, address, SEGV_MAPERR);
		return;
	}
	/*
	 * The fault may sleep (mmap_lock, the page allocator, I/O): run it
	 * with interrupts on if the faulting code had them on, kernel code
	 * in a user copy included.
	 */
	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	/* We can fault again: a userfaultfd may drop mmap_lock and wait. */
	flags |= FAULT_FLAG_ALLOW_RETRY | FAULT_FLAG_KILLABLE;

	/*
	 * The read side: faults of one process's threads run together, and
	 * the fault path fills page tables under page_table_lock (mm/memory.c).
	 * Growing the stack changes an area, which needs the write side:
	 * retake it for that, then go back to reading (downgrade).
	 */
retry:
	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (vma && vma->vm_start > address) {
		mmap_read_unlock(mm);
		mmap_write_lock(mm);
		vma = find_vma(mm, address);
		if (vma && vma->vm_start > address && expand_stack(vma, address))
			vma = NULL;
		mmap_write_downgrade(mm);
	}
	if (!vma) {
		mmap_read_unlock(mm);
		bad_area(regs, error_code, address, SEGV_MAPERR);
		return;
	}
	if (access_error(error_code, vma)) {
		mmap_read_unlock(mm);
		bad_area(regs, error_code, address, SEGV_ACCERR);
		return;
	}
	fault = handle_mm_fault(vma, address, flags);
	/*
	 * VM_FAULT_RETRY: the handler dropped mmap_lock to wait (a
	 * userfaultfd's handler resolved the page, or gave up).  A signal
	 * that woke a user fault is delivered first and the access runs
	 * again afterwards; a fatal one ends a kernel access with -EFAULT.
	 */
	if (fault & VM_FAULT_RETRY) {
		if (fatal_signal_pending(tsk)) {
			if (!user_mode(regs) && !fixup_exception(regs, X86_TRAP_PF))
				page_fault_oops(regs, error_code, address);
			return;
		}
		if (user_mode(regs) && signal_pending(tsk))
			return;
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	mmap_read_unlock(mm);

	if (fault & VM_FAULT_ERROR) {
		if (!user_mode(regs) && fixup_exception(regs, X86_TRAP_PF))
			return;
		if (fault & VM_FAULT_OOM) {
			pagefault_out_of_memory();
		} else {
			force_sig_fault(SIGBUS, BUS_ADRERR, (void __user *)address);
		}
		return;
	}
	if (fault & VM_FAULT_MAJOR) {
		tsk->maj_flt++;
		count_vm_event(PGMAJFAULT);
	} else
		tsk->min_flt++;
}

void do_page_fault(struct pt_regs *regs, unsigned long error_code,
		   unsigned long address)
{
	if (address >= TASK_SIZE_MAX) {
		/* User code touching kernel memory is the user's fault. */
		if (user_mode(regs))
			bad_area(regs, error_code, address, SEGV_MAPERR);
		else
			do_kern_addr_fault(regs, error_code, address);
		return;
	}
	do_user_addr_fault(regs, error_code, address);
}

void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	/* Read CR2 first: any later fault would overwrite it. */
	unsigned long address = read_cr2();

	if (user_mode(regs))
		trace_page_fault_user(address, regs, error_code);
	else
		trace_page_fault_kernel(address, regs, error_code);
	do_page_fault(regs, error_code, address);
}
