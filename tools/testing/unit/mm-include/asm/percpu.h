/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host unit tests have one "CPU" and no GS base to find its copy with:
 * a per-CPU variable is a plain variable, and every CPU's copy is it.
 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

#include <linux/types.h>

#define DEFINE_PER_CPU(type, name)	__typeof__(type) name
#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name

#define per_cpu_ptr(ptr, cpu)		(ptr)
#define per_cpu(var, cpu)		(var)
#define this_cpu_ptr(ptr)		(ptr)
#define this_cpu_read(var)		(var)
#define this_cpu_write(var, val)	((var) = (val))
#define this_cpu_add(var, val)		((var) += (val))
#define this_cpu_inc(var)		this_cpu_add(var, 1)
#define this_cpu_dec(var)		this_cpu_add(var, -1)

#endif
