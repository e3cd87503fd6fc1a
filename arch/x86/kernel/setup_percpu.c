// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU areas.  The linker gathers every DEFINE_PER_CPU variable into
 * .data..percpu (between __per_cpu_start and __per_cpu_end); the boot
 * CPU uses that section in place (offset 0).  Each other possible CPU
 * gets a copy, made here from memblock before anything has run on the
 * section but the boot CPU's descriptor setup, so every copy starts from
 * the variables' initial values.  __per_cpu_offset[cpu] is the distance
 * from the section to the copy, and is what that CPU's GS base holds.
 *
 * The copies keep the section's offset within a page, so a variable
 * aligned in the section stays aligned in every copy.
 */
#include <linux/kernel.h>
#include <linux/acpi.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/processor.h>

extern char __per_cpu_start[], __per_cpu_end[];

/* The boot CPU's initial APIC id (CPUID 1, EBX[31:24]): the APIC is not mapped yet. */
static unsigned int __init boot_cpu_apicid(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid(1, &eax, &ebx, &ecx, &edx);
	return ebx >> 24;
}

void __init setup_per_cpu_areas(void)
{
	unsigned long size = __per_cpu_end - __per_cpu_start;
	unsigned long lead = (unsigned long)__per_cpu_start & ~PAGE_MASK;
	unsigned int bsp = boot_cpu_apicid();
	unsigned int i, cpu, n = 1;

	/* CPU 0 is the one running this; the rest in MADT order. */
	x86_cpu_to_apicid[0] = bsp;
	for (i = 0; i < acpi_boot.nr_cpus && n < NR_CPUS; i++)
		if (acpi_boot.cpu_apicid[i] != bsp)
			x86_cpu_to_apicid[n++] = acpi_boot.cpu_apicid[i];

	for (cpu = 1; cpu < n; cpu++) {
		char *area = memblock_alloc(PAGE_ALIGN(lead + size), PAGE_SIZE);

		if (!area) {
			pr_warn("setup_percpu: no memory for CPU%u; %u CPUs possible\n", cpu, cpu);
			n = cpu;
			break;
		}
		memcpy(area + lead, __per_cpu_start, size);
		__per_cpu_offset[cpu] = (unsigned long)(area + lead) -
					(unsigned long)__per_cpu_start;
		per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
		per_cpu(cpu_number, cpu) = cpu;
		set_cpu_possible(cpu, true);
		set_cpu_present(cpu, true);
	}
	nr_cpu_ids = n;
	pr_info("setup_percpu: NR_CPUS:%d nr_cpu_ids:%u, %lu bytes of per-CPU data per CPU\n",
		NR_CPUS, nr_cpu_ids, size);
}
