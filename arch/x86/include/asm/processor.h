/* SPDX-License-Identifier: GPL-2.0 */
/* What the CPU is and can do (CPUID), and the TSS it runs with. */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>
#include <asm/cpufeatures.h>
#include <asm/special_insns.h>
#include <asm/segment.h>

static inline void cpuid_count(u32 leaf, u32 subleaf, u32 *eax, u32 *ebx,
			       u32 *ecx, u32 *edx)
{
	asm volatile("cpuid"
		     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
		     : "a"(leaf), "c"(subleaf));
}

static inline void cpuid(u32 leaf, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	cpuid_count(leaf, 0, eax, ebx, ecx, edx);
}

struct cpuinfo_x86 {
	u8	x86;			/* family */
	u8	x86_model;
	u8	x86_stepping;
	u8	x86_phys_bits;
	u8	x86_virt_bits;
	u32	cpuid_level;
	u32	extended_cpuid_level;
	u32	x86_capability[NCAPINTS];
	char	x86_vendor_id[16];
	char	x86_model_id[64];
	unsigned long loops_per_jiffy;
};

extern struct cpuinfo_x86 boot_cpu_data;

static inline bool boot_cpu_has(unsigned int bit)
{
	return boot_cpu_data.x86_capability[bit / 32] & (1u << (bit % 32));
}

/* The hardware task-state segment: only stack pointers matter in long mode. */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0;		/* kernel stack for entries from user mode */
	u64 sp1;
	u64 sp2;
	u64 reserved2;
	u64 ist[7];		/* stacks for double fault, NMI, ... */
	u32 reserved3;
	u32 reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;

struct tss_struct {
	struct x86_hw_tss x86_tss;
} __aligned(64);

void cpu_init(void);
void early_cpu_init(void);

#endif
