// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cpuinfo: what CPUID said about the boot CPU (common.c fills
 * boot_cpu_data), in Linux's "key\t: value" layout, one block per online CPU.
 * Only the features Lantern looks at have names in the flags line.
 */
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <asm/cpufeatures.h>
#include <asm/processor.h>
#include <asm/timer.h>

static const struct { unsigned int bit; const char *name; } x86_flag_names[] = {
	{ X86_FEATURE_FPU, "fpu" }, { X86_FEATURE_TSC, "tsc" }, { X86_FEATURE_MSR, "msr" },
	{ X86_FEATURE_PAE, "pae" }, { X86_FEATURE_APIC, "apic" }, { X86_FEATURE_PGE, "pge" },
	{ X86_FEATURE_PAT, "pat" }, { X86_FEATURE_FXSR, "fxsr" }, { X86_FEATURE_XMM, "sse" },
	{ X86_FEATURE_XMM2, "sse2" }, { X86_FEATURE_SYSCALL, "syscall" },
	{ X86_FEATURE_NX, "nx" }, { X86_FEATURE_GBPAGES, "pdpe1gb" },
	{ X86_FEATURE_RDTSCP, "rdtscp" }, { X86_FEATURE_LM, "lm" },
	{ X86_FEATURE_XMM3, "pni" }, { X86_FEATURE_PCID, "pcid" },
	{ X86_FEATURE_X2APIC, "x2apic" }, { X86_FEATURE_TSC_DEADLINE_TIMER, "tsc_deadline_timer" },
	{ X86_FEATURE_XSAVE, "xsave" }, { X86_FEATURE_AVX, "avx" },
	{ X86_FEATURE_RDRAND, "rdrand" }, { X86_FEATURE_HYPERVISOR, "hypervisor" },
	{ X86_FEATURE_FSGSBASE, "fsgsbase" }, { X86_FEATURE_SMEP, "smep" },
	{ X86_FEATURE_INVPCID, "invpcid" }, { X86_FEATURE_RDSEED, "rdseed" },
	{ X86_FEATURE_SMAP, "smap" }, { X86_FEATURE_UMIP, "umip" },
};

/*
 * Every online CPU is a copy of the boot CPU under QEMU and on the
 * machines Lantern runs on (one package, no hyper-threads), so the
 * CPUID part is the boot CPU's; the numbers are each CPU's own.
 */
static void show_cpuinfo_one(struct seq_file *m, unsigned int cpu, unsigned int ncpus)
{
	const struct cpuinfo_x86 *c = &boot_cpu_data;

	seq_printf(m, "processor\t: %u\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n"
		   "model name\t: %s\nstepping\t: %u\n", cpu,
		   c->x86_vendor_id[0] ? c->x86_vendor_id : "unknown", c->x86, c->x86_model,
		   c->x86_model_id[0] ? c->x86_model_id : "unknown", c->x86_stepping);
	seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000, tsc_khz % 1000);
	seq_printf(m, "physical id\t: 0\nsiblings\t: %u\ncore id\t\t: %u\ncpu cores\t: %u\n"
		   "apicid\t\t: %u\ninitial apicid\t: %u\nfpu\t\t: yes\nfpu_exception\t: yes\n",
		   ncpus, cpu, ncpus, x86_cpu_to_apicid[cpu], x86_cpu_to_apicid[cpu]);
	seq_printf(m, "cpuid level\t: %u\nwp\t\t: yes\nflags\t\t:", c->cpuid_level);
	for (unsigned int i = 0; i < ARRAY_SIZE(x86_flag_names); i++)
		if (boot_cpu_has(x86_flag_names[i].bit))
			seq_printf(m, " %s", x86_flag_names[i].name);
	seq_printf(m, "\nbogomips\t: %lu.%02lu\n", tsc_khz / 500, (tsc_khz / 5) % 100);
	seq_printf(m, "clflush size\t: 64\ncache_alignment\t: 64\n"
		   "address sizes\t: %u bits physical, %u bits virtual\npower management:\n\n",
		   c->x86_phys_bits, c->x86_virt_bits);
}

int show_cpuinfo(struct seq_file *m, void *v)
{
	unsigned int cpu, n = num_online_cpus();

	for_each_online_cpu(cpu)
		show_cpuinfo_one(m, cpu, n);
	return 0;
}
