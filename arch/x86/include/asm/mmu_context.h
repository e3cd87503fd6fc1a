/* SPDX-License-Identifier: GPL-2.0 */
/* Switching address spaces: loading another mm's page tables into CR3. */
#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

struct mm_struct;
struct task_struct;

void switch_mm(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk);
void pcid_init(void);

/* The CPUs that may hold @mm's translations (arch/x86/mm/tlb.c). */
#define mm_cpumask(mm)	((struct cpumask *)&(mm)->context.cpu_bitmap)

#endif
