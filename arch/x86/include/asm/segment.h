/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GDT layout, as on Linux x86-64.  SYSRET dictates the order of the user
 * entries: it loads CS from STAR[63:48]+16 and SS from STAR[63:48]+8, so
 * with STAR[63:48] = __USER32_CS the data segment must sit between the
 * 32-bit and the 64-bit user code segments.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS	1
#define GDT_ENTRY_KERNEL_CS	2
#define GDT_ENTRY_KERNEL_DS	3
#define GDT_ENTRY_DEFAULT_USER32_CS 4
#define GDT_ENTRY_DEFAULT_USER_DS 5
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_TSS		8	/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES		16

#define __KERNEL32_CS	(GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS	(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS	(GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS	(GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)

/* Interrupt stack table slots in the TSS (1-based in the IDT gate). */
#define IST_INDEX_DF	0
#define IST_INDEX_NMI	1
#define IST_INDEX_DB	2
#define IST_INDEX_MCE	3
#define N_EXCEPTION_STACKS 4

#endif
