/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The function tracer's trampolines (kernel/trace/ftrace.c).
 *
 * ftrace_caller: a traced function's first instruction, patched from a
 * NOP into "call ftrace_caller", lands here before the function has
 * touched its stack: 0(%rsp) is the address after that call, 8(%rsp)
 * the function's own return address.  Every general register is saved,
 * in the layout of struct ftrace_regs (asm/ftrace.h): the ones that may
 * carry arguments so the function then runs as if nothing happened, and
 * all of them so a kprobe on the function can fetch any (%bx, $arg1...).
 *
 * return_to_handler: where a function whose return address the graph
 * tracer replaced returns to; it asks for the real address and goes on.
 */
#include <asm/asm.h>

	.text
	.globl	ftrace_caller
	.type	ftrace_caller, @function
ftrace_caller:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	/* Fifteen slots after %rbp: the stack is 16-byte aligned for the call. */
	subq	$8, %rsp
	movq	8(%rbp), %rdi
	subq	$5, %rdi		/* the patched site: the function's address */
	movq	16(%rbp), %rsi		/* who called it */
	leaq	16(%rbp), %rdx		/* where that return address lives */
	movq	%rsp, %rcx		/* the saved registers */
	call	ftrace_handler
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
	popq	%rbp
	ret
	.size	ftrace_caller, . - ftrace_caller

	.globl	return_to_handler
	.type	return_to_handler, @function
return_to_handler:
	/* A return value may be in %rax and %rdx: keep both; a kretprobe reads %rax. */
	subq	$16, %rsp
	movq	%rax, 0(%rsp)
	movq	%rdx, 8(%rsp)
	movq	%rax, %rdi
	call	ftrace_return_to_handler
	movq	%rax, %rdi
	movq	8(%rsp), %rdx
	movq	0(%rsp), %rax
	addq	$16, %rsp
	jmp	*%rdi
	.size	return_to_handler, . - return_to_handler
