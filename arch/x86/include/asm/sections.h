/* SPDX-License-Identifier: GPL-2.0 */
/* Boundaries of the kernel image, defined by vmlinux.lds.S. */
#ifndef _ASM_X86_SECTIONS_H
#define _ASM_X86_SECTIONS_H

extern char _text[], _stext[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[], _end[];
extern char _head_start[], _head_end[];
extern char __entry_text_start[], __entry_text_end[];

#endif
