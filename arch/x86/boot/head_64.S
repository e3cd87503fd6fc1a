/* SPDX-License-Identifier: GPL-2.0 */
/*
 * From the boot loader's 32-bit world into the kernel's 64-bit one.
 *
 *   startup_multiboot2 / startup_pvh    (32-bit, paging off, physical)
 *     -> startup_32: our own GDT, check the CPU can do long mode,
 *        load the early page tables, EFER.LME, paging on
 *     -> startup_64_low: 64-bit code, still at the physical address
 *     -> startup_64: the higher half; clear .bss, switch to init_stack,
 *        call x86_64_start_kernel(magic, boot_info_phys)
 *
 * The early page tables map the first 4 GiB three times: at 0 (so the
 * instruction after "paging on" still exists), at the direct map
 * (0xffff888000000000, so C code can read boot information and ACPI
 * tables through __va) and the first 1 GiB at __START_KERNEL_map where
 * the kernel is linked.  init_mem_mapping() replaces them with real
 * tables (arch/x86/mm/init_64.c).
 */
#include <asm/bootparam.h>
#include <asm/page_64_types.h>
#include <asm/processor-flags.h>

#define PTE_PRESENT	0x001
#define PTE_RW		0x002
#define PTE_PWT		0x008
#define PTE_PCD		0x010
#define PTE_PSE		0x080
#define PTE_GLOBAL	0x100
#define PGTABLE		(PTE_PRESENT | PTE_RW)

	.section .head.text, "ax"
	.code32
	.globl	startup_multiboot2
startup_multiboot2:
	cli
	cld
	jmp	startup_32			/* %eax holds the Multiboot2 magic */

	.globl	startup_pvh
startup_pvh:
	cli
	cld
	movl	$XEN_HVM_START_MAGIC_VALUE, %eax

startup_32:
	/* %edi and %esi survive into 64-bit mode as the two C arguments. */
	movl	%eax, %edi
	movl	%ebx, %esi

	lgdt	early_gdt_desc
	ljmp	$0x08, $1f
1:	movl	$0x10, %eax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	%ax, %fs
	movw	%ax, %gs
	movl	$early_stack_top, %esp

	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	no_long_mode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx			/* LM */
	jnc	no_long_mode
	movl	%edx, %ebp

	movl	%cr4, %eax
	orl	$(X86_CR4_PAE | X86_CR4_PGE), %eax
	movl	%eax, %cr4

	movl	$early_pml4, %eax
	movl	%eax, %cr3

	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	btl	$20, %ebp			/* NX */
	jnc	2f
	orl	$EFER_NX, %eax
2:	wrmsr

	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_PE | X86_CR0_WP), %eax
	movl	%eax, %cr0
	ljmp	$0x18, $startup_64_low

no_long_mode:
	movl	$no_long_mode_msg, %esi
3:	lodsb
	testb	%al, %al
	jz	4f
	movw	$0x3f8, %dx
	outb	%al, %dx
	jmp	3b
4:	hlt
	jmp	4b

	.code64
startup_64_low:
	movabsq	$startup_64, %rax
	jmp	*%rax

	.section .head.data, "aw"
no_long_mode_msg:
	.asciz	"Lantern: this CPU cannot run 64-bit code (no long mode); halting.\r\n"

	.balign 8
early_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff		/* 0x08: 32-bit code */
	.quad	0x00cf92000000ffff		/* 0x10: data */
	.quad	0x00af9a000000ffff		/* 0x18: 64-bit code */
early_gdt_end:
early_gdt_desc:
	.word	early_gdt_end - early_gdt - 1
	.long	early_gdt

	.balign 16
	.fill	256, 1, 0
early_stack_top:

	.balign 4096
	.globl	early_pml4
early_pml4:
	.quad	early_pdpt_ident + PGTABLE	/* 0: identity */
	.fill	272, 8, 0
	.quad	early_pdpt_ident + PGTABLE	/* 273: direct map */
	.fill	237, 8, 0
	.quad	early_pdpt_kernel + PGTABLE	/* 511: kernel image */
early_pdpt_ident:
	.quad	early_pd + 0x0000 + PGTABLE
	.quad	early_pd + 0x1000 + PGTABLE
	.quad	early_pd + 0x2000 + PGTABLE
	.quad	early_pd + 0x3000 + PGTABLE
	.fill	508, 8, 0
early_pdpt_kernel:
	.fill	510, 8, 0
	.quad	early_pd + PGTABLE		/* 510: 0xffffffff80000000 */
	.quad	0
/*
 * 2048 2 MiB pages = 4 GiB.  The last 64 MiB below 4 GiB hold the local
 * APIC, the I/O APIC, the HPET and the BIOS: map them uncached.
 */
early_pd:
	.set	i, 0
	.rept	2048
	.if	i >= 2016
	.quad	(i << 21) + PGTABLE + PTE_PSE + PTE_PCD + PTE_PWT
	.else
	.quad	(i << 21) + PGTABLE + PTE_PSE
	.endif
	.set	i, i + 1
	.endr

	.text
	.code64
	.globl	startup_64
startup_64:
	movl	%edi, %r12d
	movl	%esi, %r13d

	/* Loaders zero .bss as memsz > filesz, but nothing promises it. */
	leaq	__bss_start(%rip), %rdi
	leaq	__bss_stop(%rip), %rcx
	subq	%rdi, %rcx
	shrq	$3, %rcx
	xorl	%eax, %eax
	rep stosq

	leaq	init_stack + THREAD_SIZE(%rip), %rsp
	xorl	%ebp, %ebp			/* ends the frame-pointer chain */
	movl	%r12d, %edi
	movl	%r13d, %esi
	call	x86_64_start_kernel
5:	hlt
	jmp	5b

	/* Aligned to its size, so the unwinder can find its bounds from %rsp. */
	.section .bss..page_aligned, "aw", @nobits
	.balign	THREAD_SIZE
	.globl	init_stack
init_stack:
	.skip	THREAD_SIZE
