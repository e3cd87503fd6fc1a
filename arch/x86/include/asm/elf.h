/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86-64 facts binfmt_elf needs: where PIE programs go, how far the
 * stack may be randomized, and what the auxiliary vector says about the
 * CPU (AT_HWCAP, AT_HWCAP2, AT_PLATFORM).
 */
#ifndef _ASM_X86_ELF_H
#define _ASM_X86_ELF_H

#include <asm/processor.h>

/*
 * A PIE program with an interpreter is loaded at 2/3 of the user address
 * space (plus a random offset), far from both the mmap area and the
 * brk, as Linux does; the interpreter itself goes in the mmap area.
 */
#define ELF_ET_DYN_BASE		(TASK_SIZE_MAX / 3 * 2 & PAGE_MASK)

/* The stack top moves down by up to 2^22 pages (16 GiB). */
#define STACK_RND_MASK		0x3fffffUL

/* mmap_base moves down by up to 2^28 pages (1 TiB): Linux's mmap_rnd_bits. */
#define MMAP_RND_BITS		28

#define ELF_PLATFORM		"x86_64"
/* CPUID.1:EDX, as Linux reports it. */
#define ELF_HWCAP		(boot_cpu_data.x86_capability[0])
/* Bit 1 would be FSGSBASE, which Lantern does not enable for user space. */
#define ELF_HWCAP2		0

#endif
