/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel entry from exceptions and interrupts.
 *
 * Each vector has a stub that makes the CPU's frame uniform (a dummy
 * error code where the CPU pushes none, or the vector number for device
 * interrupts), then the common code saves the general registers as a
 * struct pt_regs, switches GS to the kernel's per-CPU base if we came
 * from user mode, and calls the C handler with the pt_regs.  The return
 * path undoes this in reverse and leaves with iretq.
 *
 * System calls arrive differently: SYSCALL saves only the user RIP (in
 * %rcx) and RFLAGS (in %r11) and does not switch stacks, so
 * entry_SYSCALL_64 switches to the task's kernel stack itself and builds
 * the same struct pt_regs by hand.  The context switch (__switch_to_asm)
 * and the first return of a new task (ret_from_fork) live here too.
 */
#include <linux/errno.h>
#include <generated/asm-offsets.h>
#include <asm/asm.h>
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

	.section .entry.text, "ax"

/*
 * SMAP stays on in the kernel: an exception or interrupt that arrives
 * inside a user copy (AC set by STAC) must not run its handler, or
 * whatever it schedules to, with user access open.  The interrupted
 * flags, AC included, come back with iret.
 */
.macro ASM_CLAC
	testb	$1, smap_enabled(%rip)
	jz	.Lnoclac\@
	clac
.Lnoclac\@:
.endm

.macro PUSH_REGS
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
.endm

.macro POP_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
.endm

/*
 * idtentry: a stub for exception @vector that calls @cfunc(regs, error_code).
 * With has_error_code=0 a zero takes the error code's place.
 */
.macro idtentry vector asmsym cfunc has_error_code
	.globl	\asmsym
	.type	\asmsym, @function
\asmsym:
	.if \has_error_code == 0
	pushq	$0
	.endif
	PUSH_REGS
	testb	$3, PTREGS_CS(%rsp)
	jz	1f
	swapgs
1:	cld
	ASM_CLAC
	movq	%rsp, %rdi
	movq	PTREGS_ORIG_AX(%rsp), %rsi
	movq	$-1, PTREGS_ORIG_AX(%rsp)
	call	\cfunc
	jmp	restore_regs_and_return
	.size	\asmsym, . - \asmsym
.endm

idtentry 0	asm_exc_divide_error		exc_divide_error		0
idtentry 1	asm_exc_debug			exc_debug			0
idtentry 2	asm_exc_nmi			exc_nmi				0
idtentry 3	asm_exc_int3			exc_int3			0
idtentry 4	asm_exc_overflow		exc_overflow			0
idtentry 5	asm_exc_bounds			exc_bounds			0
idtentry 6	asm_exc_invalid_op		exc_invalid_op			0
idtentry 7	asm_exc_device_not_available	exc_device_not_available	0
idtentry 8	asm_exc_double_fault		exc_double_fault		1
idtentry 9	asm_exc_coproc_segment_overrun	exc_coproc_segment_overrun	0
idtentry 10	asm_exc_invalid_tss		exc_invalid_tss			1
idtentry 11	asm_exc_segment_not_present	exc_segment_not_present		1
idtentry 12	asm_exc_stack_segment		exc_stack_segment		1
idtentry 13	asm_exc_general_protection	exc_general_protection		1
idtentry 14	asm_exc_page_fault		exc_page_fault			1
idtentry 15	asm_exc_spurious_interrupt_bug	exc_spurious_interrupt_bug	0
idtentry 16	asm_exc_coprocessor_error	exc_coprocessor_error		0
idtentry 17	asm_exc_alignment_check		exc_alignment_check		1
idtentry 18	asm_exc_machine_check		exc_machine_check		0
idtentry 19	asm_exc_simd_coprocessor_error	exc_simd_coprocessor_error	0
idtentry 20	asm_exc_virtualization		exc_virtualization		0
idtentry 21	asm_exc_control_protection	exc_control_protection		1

/*
 * Device and APIC interrupts: one 16-byte stub per vector pushes the
 * vector number into orig_ax; common_interrupt hands it to do_IRQ.
 */
	.balign 16
	.globl	irq_entries_start
irq_entries_start:
	vector = FIRST_EXTERNAL_VECTOR
	.rept	NR_VECTORS - FIRST_EXTERNAL_VECTOR
	pushq	$vector
	jmp	asm_common_interrupt
	.balign 16
	vector = vector + 1
	.endr

	.globl	asm_common_interrupt
	.type	asm_common_interrupt, @function
asm_common_interrupt:
	PUSH_REGS
	testb	$3, PTREGS_CS(%rsp)
	jz	1f
	swapgs
1:	cld
	ASM_CLAC
	movq	%rsp, %rdi
	call	do_IRQ
	/* Not a system call: nothing for signal delivery to restart. */
	movq	$-1, PTREGS_ORIG_AX(%rsp)
	/* fall through */

	.globl	restore_regs_and_return
restore_regs_and_return:
	/* Work pending for a return to user mode (signals, rescheduling). */
	testb	$3, PTREGS_CS(%rsp)
	jz	2f
	movq	%rsp, %rdi
	call	irqentry_exit_to_user_mode
	POP_REGS
	addq	$8, %rsp			/* orig_ax */
	swapgs
	iretq
2:	POP_REGS
	addq	$8, %rsp
	iretq
	.size	asm_common_interrupt, . - asm_common_interrupt

/*
 * SYSCALL from 64-bit user mode.  Interrupts are off (SFMASK clears IF),
 * %rsp is still the user's, GS is the user's.  rax = number, arguments in
 * rdi, rsi, rdx, r10, r8, r9 (the kernel's calling convention uses r10
 * where C uses rcx, because SYSCALL overwrites rcx).
 */
	.globl	entry_SYSCALL_64
	.type	entry_SYSCALL_64, @function
entry_SYSCALL_64:
	swapgs
	movq	%rsp, %gs:cpu_tss_rw + TSS_sp2		/* scratch slot */
	movq	%gs:cpu_current_top_of_stack, %rsp

	pushq	$__USER_DS				/* pt_regs->ss */
	pushq	%gs:cpu_tss_rw + TSS_sp2		/* pt_regs->sp */
	pushq	%r11					/* pt_regs->flags */
	pushq	$__USER_CS				/* pt_regs->cs */
	pushq	%rcx					/* pt_regs->ip */
	pushq	%rax					/* pt_regs->orig_ax */
	PUSH_REGS
	movq	$-ENOSYS, 10*8(%rsp)			/* pt_regs->ax */

	movq	%rsp, %rdi
	movq	%rax, %rsi
	call	do_syscall_64		/* returns with IRQs off; true: SYSRET is safe */
	testb	%al, %al
	jz	syscall_return_via_iret

	/* rcx and r11 hold ip and flags again: do_syscall_64 checked. */
	POP_REGS
	movq	PTREGS_SP - PTREGS_ORIG_AX(%rsp), %rsp	/* user stack */
	swapgs
	sysretq

syscall_return_via_iret:
	POP_REGS
	addq	$8, %rsp
	swapgs
	iretq
	.size	entry_SYSCALL_64, . - entry_SYSCALL_64

/* A 32-bit SYSCALL: no such ABI here; return -ENOSYS at once. */
	.globl	ignore_sysret
	.type	ignore_sysret, @function
ignore_sysret:
	movl	$-ENOSYS, %eax
	sysretl
	.size	ignore_sysret, . - ignore_sysret

/*
 * __switch_to_asm(prev, next): save prev's callee-saved registers on its
 * stack, switch stacks, restore next's, and finish in C (__switch_to),
 * whose return lands wherever next was switched out — or in
 * ret_from_fork for a task that never ran.
 */
	.globl	__switch_to_asm
	.type	__switch_to_asm, @function
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, TASK_threadsp(%rdi)
	movq	TASK_threadsp(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	jmp	__switch_to
	.size	__switch_to_asm, . - __switch_to_asm

/*
 * A new task's first instructions.  %rax = the task switched away from,
 * %rbx = kernel thread function (0 for a forked user task), %r12 = its
 * argument.  A kernel thread that returns has exec'd a user program
 * (kernel_execve filled in pt_regs): both cases leave through pt_regs.
 */
	.globl	ret_from_fork
	.type	ret_from_fork, @function
ret_from_fork:
	movq	%rax, %rdi
	call	schedule_tail
	testq	%rbx, %rbx
	jz	1f
	movq	%r12, %rdi
	call	*%rbx
1:	movq	%rsp, %rdi
	call	syscall_exit_to_user_mode
	POP_REGS
	addq	$8, %rsp
	swapgs
	iretq
	.size	ret_from_fork, . - ret_from_fork
