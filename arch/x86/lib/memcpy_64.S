/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memcpy() and memset() for x86-64: the kernel calls them for every
 * struct copy and page clear.  Eight bytes per step (rep movsq/stosq),
 * then the tail a byte at a time: under emulation each iteration of a
 * string instruction costs the same whatever its width, and on hardware
 * both run at cache-line speed.  The direction flag is clear in the
 * kernel (the ABI says so at every call), so both go upwards.
 */

	.text
/* void *memcpy(void *dest, const void *src, size_t count) */
	.globl	memcpy
	.type	memcpy, @function
memcpy:
	movq	%rdi, %rax
	movq	%rdx, %rcx
	shrq	$3, %rcx
	andl	$7, %edx
	rep movsq
	movl	%edx, %ecx
	rep movsb
	ret
	.size	memcpy, . - memcpy

/* void *memset(void *s, int c, size_t count) */
	.globl	memset
	.type	memset, @function
memset:
	movq	%rdi, %r9
	movzbl	%sil, %eax
	movabsq	$0x0101010101010101, %r8
	imulq	%r8, %rax
	movq	%rdx, %rcx
	shrq	$3, %rcx
	andl	$7, %edx
	rep stosq
	movl	%edx, %ecx
	rep stosb
	movq	%r9, %rax
	ret
	.size	memset, . - memset
