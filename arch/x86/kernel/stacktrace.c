// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel stack of a task that is not running, as return addresses:
 * what /proc/<pid>/stack prints and /proc/<pid>/wchan reduces to one
 * name.  A sleeping task's stack ends where __switch_to_asm left it
 * (thread.sp: six saved registers, %rbp last, then the address it will
 * return to), and frame pointers (-fno-omit-frame-pointer) chain the
 * frames above.  Every read stays inside the task's own stack pages,
 * which the caller's reference on the task keeps allocated, so a task
 * that wakes meanwhile yields a short or odd trace, never a fault.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/stacktrace.h>
#include <linux/module.h>
#include <asm/sections.h>
#include <asm/page.h>
#include <asm/traps.h>

/* thread.sp + 40: the %rbp __switch_to_asm pushed first; + 48: its return address. */
#define SWITCH_FRAME_BP		40
#define SWITCH_FRAME_RET	48

static bool in_kernel_text(unsigned long addr)
{
	return addr >= (unsigned long)_stext && addr < (unsigned long)_etext;
}

unsigned int stack_trace_save_tsk(struct task_struct *tsk, unsigned long *store,
				  unsigned int size)
{
	unsigned long lo = (unsigned long)tsk->stack, hi = lo + THREAD_SIZE;
	unsigned long sp, bp, ret;
	unsigned int n = 0;

	if (tsk == current || READ_ONCE(tsk->on_cpu))
		return 0;
	sp = READ_ONCE(tsk->thread.sp);
	if (sp < lo || sp + SWITCH_FRAME_RET + 8 > hi)
		return 0;
	bp = *(unsigned long *)(sp + SWITCH_FRAME_BP);
	ret = *(unsigned long *)(sp + SWITCH_FRAME_RET);
	while (n < size && in_kernel_text(ret)) {
		store[n++] = ret;
		/* Frames only go up the stack; anything else ends the walk. */
		if (bp <= sp || bp + 16 > hi || (bp & 7))
			break;
		sp = bp;
		ret = ((unsigned long *)bp)[1];
		bp = ((unsigned long *)bp)[0];
	}
	return n;
}

/*
 * The running code's own stack, innermost first, @skipnr frames left
 * out (the callers that only record it).  The walk follows the frame
 * pointers and stops at the edge of the stack it started on: a task
 * stack, or the exception stack an NMI or double fault runs on.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr)
{
	unsigned long bp = (unsigned long)__builtin_frame_address(0);
	unsigned long lo, hi, ret;
	unsigned int n = 0;

	if (!in_exception_stack(bp, &lo, &hi)) {
		lo = ALIGN_DOWN(bp, THREAD_SIZE);
		hi = lo + THREAD_SIZE;
	}
	while (n < size && bp >= lo && bp + 16 <= hi && !(bp & 7)) {
		unsigned long next = ((unsigned long *)bp)[0];

		ret = ((unsigned long *)bp)[1];
		/* A module's frames too: the validator's reports name them. */
		if (!in_kernel_text(ret) && !is_module_text_address(ret))
			break;
		if (skipnr)
			skipnr--;
		else
			store[n++] = ret;
		if (next <= bp)
			break;
		bp = next;
	}
	return n;
}

void stack_trace_print(const unsigned long *entries, unsigned int nr, int spaces)
{
	static const char pad[] = "                ";
	unsigned int i;

	if (spaces < 0 || spaces >= (int)sizeof(pad))
		spaces = sizeof(pad) - 1;
	for (i = 0; i < nr; i++)
		printk(KERN_DEFAULT "%s%pS\n", pad + sizeof(pad) - 1 - spaces,
		       (void *)entries[i]);
}
