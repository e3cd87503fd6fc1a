/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

#include <asm/percpu.h>

#define NR_CPUS			CONFIG_NR_CPUS
#define smp_processor_id()	this_cpu_read(cpu_number)

extern unsigned int nr_cpu_ids;

#endif
