/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copying to and from user memory.  One "rep movsb" (or stosb) between
 * STAC and CLAC: SMAP forbids kernel access to user pages except inside
 * that window.  If a page is missing the fault handler finds the
 * exception-table entry and resumes at the fixup, where %rcx still holds
 * the bytes not yet copied: that is the return value, 0 on success.
 * STAC faults on CPUs without SMAP, so it is skipped there.
 */
#include <asm/asm.h>

.macro ASM_STAC
	testb	$1, smap_enabled(%rip)
	jz	.Lnostac\@
	stac
.Lnostac\@:
.endm

.macro ASM_CLAC
	testb	$1, smap_enabled(%rip)
	jz	.Lnoclac\@
	clac
.Lnoclac\@:
.endm

	.text
/* unsigned long copy_user_generic(void *to, const void *from, unsigned long len) */
	.globl	copy_user_generic
	.type	copy_user_generic, @function
copy_user_generic:
	ASM_STAC
	movq	%rdx, %rcx
1:	rep movsb
2:	ASM_CLAC
	movq	%rcx, %rax
	ret
	_ASM_EXTABLE(1b, 2b)
	.size	copy_user_generic, . - copy_user_generic

/* unsigned long clear_user(void __user *to, unsigned long len) */
	.globl	__clear_user
	.type	__clear_user, @function
__clear_user:
	ASM_STAC
	movq	%rsi, %rcx
	xorl	%eax, %eax
1:	rep stosb
2:	ASM_CLAC
	movq	%rcx, %rax
	ret
	_ASM_EXTABLE(1b, 2b)
	.size	__clear_user, . - __clear_user
