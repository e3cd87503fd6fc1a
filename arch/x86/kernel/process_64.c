// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture's half of processes, behind named hooks so generic
 * code never touches registers or the TSS (the hobby-kernel mistake the
 * style guide warns about):
 *
 *  copy_thread()  - a new task's kernel stack: a copy of the parent's
 *                   user registers (with rax = 0, the child's return
 *                   value) under a switch frame that "returns" into
 *                   ret_from_fork;
 *  __switch_to()  - the second half of a context switch: FPU registers,
 *                   the TLS base, the stack the CPU enters the kernel on;
 *  start_thread() - execve: reset the registers to enter the new program.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/prctl.h>
#include <uapi/linux/sched.h>
#include <linux/bitops.h>
#include <linux/preempt.h>
#include <asm/fpu.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/switch_to.h>

#define ARCH_SET_GS		0x1001
#define ARCH_SET_FS		0x1002
#define ARCH_GET_FS		0x1003
#define ARCH_GET_GS		0x1004
#define ARCH_GET_CPUID		0x1011
#define ARCH_SET_CPUID		0x1012

int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct fork_frame *fork_frame;
	struct inactive_task_frame *frame;
	struct pt_regs *childregs;

	/* fork_frame ends exactly at the top of the stack. */
	fork_frame = (struct fork_frame *)((unsigned long)p->stack + THREAD_SIZE -
					   sizeof(*fork_frame));
	childregs = &fork_frame->regs;
	frame = &fork_frame->frame;
	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)frame;

	if (args->fn) {
		/* A kernel thread: ret_from_fork calls fn(arg). */
		p->thread.io_bitmap = NULL;
		p->thread.iopl_emul = 0;
		memset(childregs, 0, sizeof(*childregs));
		frame->bx = (unsigned long)args->fn;
		frame->r12 = (unsigned long)args->fn_arg;
		p->thread.fsbase = 0;
		return 0;
	}

	*childregs = *current_pt_regs();
	childregs->ax = 0;		/* fork() returns 0 in the child */
	if (args->stack)
		childregs->sp = args->stack;
	if (args->flags & CLONE_SETTLS) {
		if (args->tls >= TASK_SIZE_MAX)
			return -EPERM;
		p->thread.fsbase = args->tls;
	}
	/* The FPU registers live in the CPU for the running task: take them now. */
	fxsave(&p->thread.fpu);
	return io_bitmap_copy(p);
}

/*
 * notrace: __switch_to_asm jumps here already on next's stack, so a hook
 * on entry would take prev's ret_stack and patch next's return address:
 * function_graph would send next somewhere prev meant to go.
 */
notrace struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	fxsave(&prev->thread.fpu);
	fxrstor(&next->thread.fpu);
	/*
	 * User TLS bases, on every switch: user code may have loaded an FS
	 * or GS selector, which changes the base behind thread.fsbase's
	 * back.  Null selectors first, then the recorded bases.  While in
	 * the kernel the user GS base lives in KERNEL_GS_BASE.
	 */
	asm volatile("movl %0, %%fs" : : "r"(0));
	wrmsrl(MSR_FS_BASE, next->thread.fsbase);
	wrmsrl(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	/* RDTSC faults for a task that asked it to (prctl PR_SET_TSC). */
	if (test_bit(TIF_NOTSC, &prev->thread_flags) != test_bit(TIF_NOTSC, &next->thread_flags))
		write_cr4(read_cr4() ^ X86_CR4_TSD);
	this_cpu_write(current_task, next);
	this_cpu_write(cpu_current_top_of_stack, (unsigned long)next->stack + THREAD_SIZE);
	update_task_stack((unsigned long)next->stack + THREAD_SIZE);
	if (prev->thread.io_bitmap || prev->thread.iopl_emul == 3 ||
	    next->thread.io_bitmap || next->thread.iopl_emul == 3)
		tss_update_io_bitmap(next);
	return prev;
}

/* execve: begin the new program at @ip with stack @sp and fresh registers. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	current->thread.fsbase = 0;
	wrmsrl(MSR_FS_BASE, 0);
	fpstate_init(&current->thread.fpu);
	fxrstor(&current->thread.fpu);
}

/* prctl(PR_GET_TSC): may this task read the time-stamp counter? */
long get_tsc_mode(unsigned long adr)
{
	int mode = test_bit(TIF_NOTSC, &current->thread_flags) ? PR_TSC_SIGSEGV : PR_TSC_ENABLE;

	return put_user(mode, (int __user *)adr);
}

/* prctl(PR_SET_TSC): CR4.TSD now, and again on every switch to this task. */
long set_tsc_mode(unsigned int val)
{
	unsigned long cr4;

	if (val != PR_TSC_ENABLE && val != PR_TSC_SIGSEGV)
		return -EINVAL;
	preempt_disable();
	cr4 = read_cr4();
	if (val == PR_TSC_SIGSEGV) {
		set_bit(TIF_NOTSC, &current->thread_flags);
		write_cr4(cr4 | X86_CR4_TSD);
	} else {
		clear_bit(TIF_NOTSC, &current->thread_flags);
		write_cr4(cr4 & ~X86_CR4_TSD);
	}
	preempt_enable();
	return 0;
}

void exit_thread(struct task_struct *tsk)
{
	io_bitmap_exit(tsk);
}

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	switch (option) {
	case ARCH_SET_FS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.fsbase = arg2;
		wrmsrl(MSR_FS_BASE, arg2);
		return 0;
	case ARCH_GET_FS:
		return put_user(current->thread.fsbase, (unsigned long __user *)arg2);
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.gsbase = arg2;
		wrmsrl(MSR_KERNEL_GS_BASE, arg2);	/* the user's GS while we run */
		return 0;
	case ARCH_GET_GS:
		return put_user(current->thread.gsbase, (unsigned long __user *)arg2);
	case ARCH_GET_CPUID:
		return 1;	/* CPUID never faults here */
	case ARCH_SET_CPUID:
		return -ENODEV;	/* no CPUID faulting: /proc/cpuinfo lacks cpuid_fault */
	default:
		return -EINVAL;
	}
}
