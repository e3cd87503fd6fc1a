/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

#include <asm/percpu.h>

#define NR_CPUS			CONFIG_NR_CPUS
#define smp_processor_id()	this_cpu_read(cpu_number)
#define raw_smp_processor_id()	smp_processor_id()

extern unsigned int nr_cpu_ids;
/* Logical CPU number -> local APIC id (BAD_APICID if none). */
extern unsigned int x86_cpu_to_apicid[NR_CPUS];
#define BAD_APICID		0xffffu

void arch_send_call_function_single_ipi(int cpu);
void setup_per_cpu_areas(void);
void native_smp_prepare_cpus(unsigned int max_cpus);
int native_cpu_up(unsigned int cpu);
void stop_this_cpu(void);
bool smp_stop_requested(void);
void load_current_idt(void);

#endif
