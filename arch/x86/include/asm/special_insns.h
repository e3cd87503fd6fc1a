/* SPDX-License-Identifier: GPL-2.0 */
/* Control registers and other instructions only the kernel may run. */
#ifndef _ASM_X86_SPECIAL_INSNS_H
#define _ASM_X86_SPECIAL_INSNS_H

#include <linux/types.h>

#define DEFINE_CR(n)							\
static inline unsigned long read_cr##n(void)				\
{									\
	unsigned long val;						\
	asm volatile("mov %%cr" #n ", %0" : "=r"(val) : : "memory");	\
	return val;							\
}									\
static inline void write_cr##n(unsigned long val)			\
{									\
	asm volatile("mov %0, %%cr" #n : : "r"(val) : "memory");	\
}
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline void native_halt(void)
{
	asm volatile("hlt" ::: "memory");
}

static inline void cpu_relax(void)
{
	asm volatile("pause" ::: "memory");
}

#endif
