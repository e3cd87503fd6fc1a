/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a secondary CPU starts.  A CPU woken by a STARTUP IPI begins in
 * 16-bit real mode at CS:IP = (vector << 8):0000, so this blob is copied
 * to a page below 1 MiB (smpboot.c) and the SIPI's vector names that
 * page.  It climbs the same ladder head_64.S does for the boot CPU:
 *
 *   real mode -> protected mode (a flat GDT inside the blob)
 *   -> PAE paging with the blob's own page tables, which map the blob's
 *      page at its physical address and the kernel half like the
 *      kernel's tables -> long mode
 *   -> a far jump to 64-bit code, then to secondary_startup_64 in the
 *      kernel's own text, which loads the real CR3, the idle stack and
 *      calls start_secondary().
 *
 * Real mode reaches data only as offsets from CS, and the physical base
 * is known only at run time, so the code computes absolute addresses
 * (base = CS << 4) and patches its own far pointers before using them.
 * The values smpboot.c fills in (CR3, EFER bits, the 64-bit entry) sit
 * at the labels trampoline_cr3, trampoline_efer and trampoline_entry64.
 */
#include <asm/processor-flags.h>

	.section .rodata, "a"
	.balign	16
	.globl	trampoline_start
	.code16
trampoline_start:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorl	%ebx, %ebx
	movw	%ax, %bx
	shll	$4, %ebx			/* %ebx = the blob's physical base */

	leal	(tr_gdt - trampoline_start)(%ebx), %eax
	movl	%eax, (tr_gdt_desc + 2 - trampoline_start)
	leal	(tr_pm32 - trampoline_start)(%ebx), %eax
	movl	%eax, (tr_pm32_ptr - trampoline_start)
	leal	(tr_lm64 - trampoline_start)(%ebx), %eax
	movl	%eax, (tr_lm64_ptr - trampoline_start)

	lgdtl	(tr_gdt_desc - trampoline_start)
	movl	%cr0, %eax
	orl	$X86_CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	*(tr_pm32_ptr - trampoline_start)

	.code32
tr_pm32:
	movl	$0x10, %eax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	%ax, %fs
	movw	%ax, %gs

	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4
	movl	(trampoline_cr3 - trampoline_start)(%ebx), %eax
	movl	%eax, %cr3

	movl	$MSR_EFER, %ecx
	rdmsr
	orl	(trampoline_efer - trampoline_start)(%ebx), %eax
	wrmsr

	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_WP), %eax
	movl	%eax, %cr0
	ljmpl	*(tr_lm64_ptr - trampoline_start)(%ebx)

	.code64
tr_lm64:
	movl	%ebx, %ebx			/* the upper half is undefined after the switch */
	movq	(trampoline_entry64 - trampoline_start)(%rbx), %rax
	jmp	*%rax

	.balign	8
tr_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff		/* 0x08: 32-bit code */
	.quad	0x00cf92000000ffff		/* 0x10: data */
	.quad	0x00af9a000000ffff		/* 0x18: 64-bit code */
tr_gdt_end:
tr_gdt_desc:
	.word	tr_gdt_end - tr_gdt - 1
	.long	0				/* patched: the physical address of tr_gdt */
tr_pm32_ptr:
	.long	0				/* patched */
	.word	0x08
tr_lm64_ptr:
	.long	0				/* patched */
	.word	0x18

	.balign	8
	.globl	trampoline_cr3, trampoline_efer, trampoline_entry64
trampoline_entry64:
	.quad	0
trampoline_cr3:
	.long	0
trampoline_efer:
	.long	0
	.globl	trampoline_end
trampoline_end:

/*
 * The 64-bit kernel side, entered at its linked address on the
 * trampoline's page tables: switch to the kernel's own, take the idle
 * task's stack and become that CPU.
 */
	.text
	.globl	secondary_startup_64
	.type	secondary_startup_64, @function
secondary_startup_64:
	movq	smpboot_cr3(%rip), %rax
	movq	%rax, %cr3
	movq	smpboot_stack(%rip), %rsp
	xorl	%ebp, %ebp			/* ends the frame-pointer chain */
	movl	smpboot_cpu(%rip), %edi
	call	start_secondary
1:	hlt
	jmp	1b
	.size	secondary_startup_64, . - secondary_startup_64
