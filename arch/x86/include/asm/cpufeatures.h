/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU feature bits: word * 32 + bit, where the words are CPUID outputs
 * (Intel SDM vol. 2, CPUID).  Only the features the kernel acts on.
 */
#ifndef _ASM_X86_CPUFEATURES_H
#define _ASM_X86_CPUFEATURES_H

#define NCAPINTS		5

/* word 0: CPUID 1, EDX */
#define X86_FEATURE_FPU		(0 * 32 + 0)
#define X86_FEATURE_TSC		(0 * 32 + 4)
#define X86_FEATURE_MSR		(0 * 32 + 5)
#define X86_FEATURE_PAE		(0 * 32 + 6)
#define X86_FEATURE_APIC	(0 * 32 + 9)
#define X86_FEATURE_PGE		(0 * 32 + 13)
#define X86_FEATURE_PAT		(0 * 32 + 16)
#define X86_FEATURE_FXSR	(0 * 32 + 24)
#define X86_FEATURE_XMM		(0 * 32 + 25)
#define X86_FEATURE_XMM2	(0 * 32 + 26)
/* word 1: CPUID 1, ECX */
#define X86_FEATURE_XMM3	(1 * 32 + 0)
#define X86_FEATURE_PCID	(1 * 32 + 17)
#define X86_FEATURE_X2APIC	(1 * 32 + 21)
#define X86_FEATURE_TSC_DEADLINE_TIMER (1 * 32 + 24)
#define X86_FEATURE_XSAVE	(1 * 32 + 26)
#define X86_FEATURE_AVX		(1 * 32 + 28)
#define X86_FEATURE_RDRAND	(1 * 32 + 30)
#define X86_FEATURE_HYPERVISOR	(1 * 32 + 31)
/* word 2: CPUID 0x80000001, EDX */
#define X86_FEATURE_SYSCALL	(2 * 32 + 11)
#define X86_FEATURE_NX		(2 * 32 + 20)
#define X86_FEATURE_GBPAGES	(2 * 32 + 26)
#define X86_FEATURE_RDTSCP	(2 * 32 + 27)
#define X86_FEATURE_LM		(2 * 32 + 29)
/* word 3: CPUID 7.0, EBX */
#define X86_FEATURE_FSGSBASE	(3 * 32 + 0)
#define X86_FEATURE_SMEP	(3 * 32 + 7)
#define X86_FEATURE_INVPCID	(3 * 32 + 10)
#define X86_FEATURE_RDSEED	(3 * 32 + 18)
#define X86_FEATURE_SMAP	(3 * 32 + 20)
/* word 4: CPUID 7.0, ECX */
#define X86_FEATURE_UMIP	(4 * 32 + 2)

#endif
