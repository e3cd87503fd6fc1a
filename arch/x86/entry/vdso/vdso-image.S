/* SPDX-License-Identifier: GPL-2.0 */
/* The vDSO shared object, as built, inside the kernel image (see vma.c). */
	.section .rodata, "a"
	.balign 4096
	.globl vdso_image_start, vdso_image_end
vdso_image_start:
	.incbin VDSO_SO
vdso_image_end:
	.balign 4096
