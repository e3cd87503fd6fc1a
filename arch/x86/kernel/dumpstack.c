// SPDX-License-Identifier: GPL-2.0
/*
 * Oopses and backtraces.
 *
 * The kernel is built with frame pointers: every function starts with
 * "push %rbp; mov %rsp, %rbp", so %rbp points at the caller's saved %rbp
 * with the return address just above it.  Following that chain gives the
 * call stack; kallsyms turns each return address into symbol+offset.  The
 * walk stays inside the stack it started on and stops at the first frame
 * that does not look right, so a corrupt stack ends the trace instead of
 * faulting inside the oops.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/sched/debug.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/special_insns.h>
#include <asm/msr.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <linux/module.h>
#include <linux/panic.h>

static int die_counter;

struct stack_info {
	unsigned long begin, end;
};

static void get_stack_info(unsigned long sp, struct stack_info *info)
{
	if (in_exception_stack(sp, &info->begin, &info->end))
		return;
	/* Task stacks, including init_stack, are THREAD_SIZE-aligned. */
	info->begin = ALIGN_DOWN(sp, THREAD_SIZE);
	info->end = info->begin + THREAD_SIZE;
}

static bool kernel_text_address(unsigned long addr)
{
	return (addr >= (unsigned long)_text && addr < (unsigned long)_etext) ||
	       is_module_text_address(addr);
}

/*
 * Print every kernel text address on the stack from @sp up.  The ones at
 * the frame-pointer chain's return slots are certain; others (leftovers,
 * or the caller of a function that had not set up its frame yet) are
 * printed with a "?" as Linux does: often exactly the missing link.
 */
static void show_trace_log_lvl(unsigned long ip, unsigned long bp,
			       unsigned long sp, const char *log_lvl)
{
	struct stack_info info;
	unsigned long *p;
	int lines = 0;

	get_stack_info(sp, &info);
	printk("%sCall Trace:\n", log_lvl);
	printk("%s <TASK>\n", log_lvl);
	if (ip)
		printk("%s %pS\n", log_lvl, (void *)ip);
	for (p = (unsigned long *)ALIGN(sp, 8);
	     (unsigned long)(p + 1) <= info.end && lines < 64; p++) {
		unsigned long addr = *p;
		bool reliable = bp && (unsigned long)p == bp + 8;

		if (reliable) {
			unsigned long next = *(unsigned long *)bp;

			/* Frames move toward the stack base, or the chain is over. */
			bp = (next > bp && next + 16 <= info.end) ? next : 0;
		}
		if (!kernel_text_address(addr))
			continue;
		printk("%s %s%pB\n", log_lvl, reliable ? "" : "? ", (void *)addr);
		lines++;
	}
	printk("%s </TASK>\n", log_lvl);
}

/* The instruction bytes around the fault, with the faulting one in <>. */
static void show_opcodes(struct pt_regs *regs, const char *loglvl)
{
	char line[3 * 64 + 32];
	size_t len = 0;
	int i;

	for (i = -42; i < 22; i++) {
		u8 byte;

		if (copy_from_kernel_nofault(&byte, (void *)(regs->ip + i), 1)) {
			printk("%sCode: Unable to access opcode bytes at %pS.\n",
			       loglvl, (void *)(regs->ip + i));
			return;
		}
		len += scnprintf(line + len, sizeof(line) - len,
				 i == 0 ? "<%02x> " : "%02x ", byte);
	}
	printk("%sCode: %s\n", loglvl, strim(line));
}

void __show_regs(struct pt_regs *regs)
{
	printk(KERN_DEFAULT "RIP: %04lx:%pS\n", regs->cs & 0xffff, (void *)regs->ip);
	show_opcodes(regs, KERN_DEFAULT);
	printk(KERN_DEFAULT "RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss & 0xffff,
	       regs->sp, regs->flags);
	printk(KERN_DEFAULT "RAX: %016lx RBX: %016lx RCX: %016lx\n",
	       regs->ax, regs->bx, regs->cx);
	printk(KERN_DEFAULT "RDX: %016lx RSI: %016lx RDI: %016lx\n",
	       regs->dx, regs->si, regs->di);
	printk(KERN_DEFAULT "RBP: %016lx R08: %016lx R09: %016lx\n",
	       regs->bp, regs->r8, regs->r9);
	printk(KERN_DEFAULT "R10: %016lx R11: %016lx R12: %016lx\n",
	       regs->r10, regs->r11, regs->r12);
	printk(KERN_DEFAULT "R13: %016lx R14: %016lx R15: %016lx\n",
	       regs->r13, regs->r14, regs->r15);
	printk(KERN_DEFAULT "FS:  %016llx GS:  %016llx KernelGS: %016llx\n",
	       rdmsrl(MSR_FS_BASE), rdmsrl(MSR_GS_BASE), rdmsrl(MSR_KERNEL_GS_BASE));
	printk(KERN_DEFAULT "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

void show_regs(struct pt_regs *regs)
{
	__show_regs(regs);
	if (!user_mode(regs))
		show_trace_log_lvl(0, regs->bp, regs->sp, KERN_DEFAULT);
}

void dump_stack(void)
{
	unsigned long sp;

	asm volatile("mov %%rsp, %0" : "=r"(sp));
	dump_stack_print_info(KERN_DEFAULT);
	show_trace_log_lvl(0, (unsigned long)__builtin_frame_address(0), sp,
			   KERN_DEFAULT);
}

unsigned long oops_begin(void)
{
	unsigned long flags;

	local_irq_save(flags);
	oops_in_progress = 1;
	console_verbose();
	return flags;
}

void __noreturn oops_end(struct pt_regs *regs, const char *reason)
{
	add_taint(TAINT_DIE, LOCKDEP_NOW_UNRELIABLE);
	console_flush_on_panic();
	panic("%s", reason);
}

void __noreturn die(const char *str, struct pt_regs *regs, long err)
{
	oops_begin();
	printk(KERN_DEFAULT "%s: %04lx [#%d]\n", str, err & 0xffff, ++die_counter);
	dump_stack_print_info(KERN_DEFAULT);
	__show_regs(regs);
	if (!user_mode(regs))
		show_trace_log_lvl(regs->ip, regs->bp, regs->sp, KERN_DEFAULT);
	print_modules();
	oops_end(regs, "Fatal exception");
}
