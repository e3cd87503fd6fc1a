/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's half of the 48-bit address space (DESIGN §3):
 *   0xffff888000000000  direct map of all physical memory (__va/__pa)
 *   0xffffc90000000000  vmalloc and ioremap space
 *   0xffffffff80000000  kernel image (-mcmodel=kernel needs the top 2 GiB)
 *   0xffffffffa0000000  modules
 */
#ifndef _ASM_X86_PAGE_64_TYPES_H
#define _ASM_X86_PAGE_64_TYPES_H

#ifdef __ASSEMBLY__
#define _AC(x, y)	x
#else
#define __AC(x, y)	(x##y)
#define _AC(x, y)	__AC(x, y)
#endif

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PMD_PAGE_SIZE		(_AC(1, UL) << 21)
#define PUD_PAGE_SIZE		(_AC(1, UL) << 30)

#define __PAGE_OFFSET		_AC(0xffff888000000000, UL)
#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define __START_KERNEL		(__START_KERNEL_map + CONFIG_PHYSICAL_START)
#define VMALLOC_START		_AC(0xffffc90000000000, UL)
#define VMALLOC_END		_AC(0xffffe8ffffffffff, UL)
#define MODULES_VADDR		_AC(0xffffffffa0000000, UL)
#define MODULES_END		_AC(0xffffffffff000000, UL)

/* Stacks: 16 KiB per kernel thread, as on Linux x86-64. */
#define THREAD_SIZE_ORDER	2
#define THREAD_SIZE		(PAGE_SIZE << THREAD_SIZE_ORDER)
#define EXCEPTION_STACK_SIZE	PAGE_SIZE

#endif
