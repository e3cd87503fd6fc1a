/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU variables.  DEFINE_PER_CPU puts a variable in .data..percpu;
 * each CPU gets its own copy of that section, at __per_cpu_offset[cpu]
 * from the original, and keeps that offset in its GS base.  So
 * "mov %gs:var(%rip)" reads this CPU's copy in one instruction with no
 * lock, which is also why this_cpu_* ops are safe against interrupts.
 * The boot CPU uses the original section: its offset is 0.
 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

#include <linux/types.h>

#define DEFINE_PER_CPU(type, name) \
	__attribute__((__section__(".data..percpu"))) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) \
	extern __attribute__((__section__(".data..percpu"))) __typeof__(type) name

extern unsigned long __per_cpu_offset[CONFIG_NR_CPUS];
#define per_cpu_offset(cpu)	(__per_cpu_offset[cpu])
#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + per_cpu_offset(cpu)))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), cpu))

/*
 * The operand size comes from the variable: with an immediate operand the
 * assembler cannot tell "add $1" on a u64 from one on a u32.
 */
#define __pcpu_op(op, var, val, constraint)				\
do {									\
	switch (sizeof(var)) {						\
	case 1: asm volatile(op "b %1, %%gs:%0" : "+m"(var) : constraint((u8)(unsigned long)(val))); break; \
	case 2: asm volatile(op "w %1, %%gs:%0" : "+m"(var) : constraint((u16)(unsigned long)(val))); break; \
	case 4: asm volatile(op "l %1, %%gs:%0" : "+m"(var) : constraint((u32)(unsigned long)(val))); break; \
	case 8: asm volatile(op "q %1, %%gs:%0" : "+m"(var) : "re"((u64)(unsigned long)(val))); break; \
	}								\
} while (0)

#define this_cpu_read(var) ({						\
	__typeof__(var) __ret;						\
	asm volatile("mov %%gs:%1, %0" : "=r"(__ret) : "m"(var));	\
	__ret; })
#define this_cpu_write(var, val)	__pcpu_op("mov", var, val, "ri")
#define this_cpu_add(var, val)		__pcpu_op("add", var, val, "ri")
#define this_cpu_inc(var)		this_cpu_add(var, 1)
#define this_cpu_dec(var)		this_cpu_add(var, -1)

DECLARE_PER_CPU(unsigned long, this_cpu_off);
DECLARE_PER_CPU(int, cpu_number);

#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))((unsigned long)(ptr) + this_cpu_read(this_cpu_off)))

#endif
