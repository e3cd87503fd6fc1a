// SPDX-License-Identifier: GPL-2.0
/*
 * do_page_fault: the CPU could not translate an address (CR2) or the
 * translation forbade the access (the error code says which).
 *
 * For now only the kernel's own faults arrive here, and for the kernel a
 * fault is expected only at instructions with an exception-table entry
 * (user copies, nofault probes).  Anything else is a bug: report the
 * address and the kind of access in Linux's words, then oops.  A fault
 * on a vmalloc guard page (the unmapped page after every vmalloc area)
 * is named as such first, with the area and its allocator, because
 * "unable to handle page fault" alone does not say it was an overrun.
 * The user half (find_vma, handle_mm_fault, demand paging, COW) arrives
 * with processes.
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

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

void do_page_fault(struct pt_regs *regs, unsigned long error_code,
		   unsigned long address)
{
	do_kern_addr_fault(regs, error_code, address);
}

void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	/* Read CR2 first: any later fault would overwrite it. */
	unsigned long address = read_cr2();

	do_page_fault(regs, error_code, address);
}
