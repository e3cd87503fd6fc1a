/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copying to and from user memory, between STAC and CLAC: SMAP forbids
 * kernel access to user pages except inside that window.  The bulk moves
 * 8 bytes at a time (rep movsq), the tail byte by byte.  If a page is
 * missing, the fault handler finds the exception-table entry and resumes
 * at the fixup: a fault in the 8-byte loop restarts byte by byte from
 * where it stopped, so the copy ends exactly at the first bad byte and
 * %rcx holds the bytes not copied: that is the return value, 0 on
 * success.  STAC faults on CPUs without SMAP, so it is skipped there.
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
	shrq	$3, %rcx
	andl	$7, %edx
1:	rep movsq
	movl	%edx, %ecx
2:	rep movsb
3:	ASM_CLAC
	movq	%rcx, %rax
	ret
4:	leaq	(%rdx, %rcx, 8), %rcx		/* bytes left; go on byte by byte */
	jmp	2b
	_ASM_EXTABLE(1b, 4b)
	_ASM_EXTABLE(2b, 3b)
	.size	copy_user_generic, . - copy_user_generic

/* unsigned long clear_user(void __user *to, unsigned long len) */
	.globl	__clear_user
	.type	__clear_user, @function
__clear_user:
	ASM_STAC
	movq	%rsi, %rcx
	shrq	$3, %rcx
	andl	$7, %esi
	xorl	%eax, %eax
1:	rep stosq
	movl	%esi, %ecx
2:	rep stosb
3:	ASM_CLAC
	movq	%rcx, %rax
	ret
4:	leaq	(%rsi, %rcx, 8), %rcx
	jmp	2b
	_ASM_EXTABLE(1b, 4b)
	_ASM_EXTABLE(2b, 3b)
	.size	__clear_user, . - __clear_user

/*
 * int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr,
 *				     u32 oldval, u32 newval)
 * Compare-and-exchange on a futex word in user memory: *uval gets the
 * value found; 0, or -EFAULT (-14) if the page is not there (callers
 * disable page faults under the futex bucket lock and fault it in after).
 */
	.globl	futex_atomic_cmpxchg_inatomic
	.type	futex_atomic_cmpxchg_inatomic, @function
futex_atomic_cmpxchg_inatomic:
	ASM_STAC
	movl	%edx, %eax
1:	lock cmpxchgl %ecx, (%rsi)
	ASM_CLAC
	movl	%eax, (%rdi)
	xorl	%eax, %eax
	ret
2:	ASM_CLAC
	movl	$-14, %eax
	ret
	_ASM_EXTABLE(1b, 2b)
	.size	futex_atomic_cmpxchg_inatomic, . - futex_atomic_cmpxchg_inatomic
