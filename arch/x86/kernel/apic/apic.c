// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC: each CPU's interrupt controller.  It accepts the
 * interrupts the I/O APIC routes to this CPU, needs an end-of-interrupt
 * write for each, and has a timer that Lantern uses for the periodic
 * scheduler tick.  Registers are memory-mapped at the address the MADT
 * gives (uncached: each access must reach the device).
 */
#include <linux/kernel.h>
#include <linux/acpi.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <asm/msr.h>
#include <asm/processor.h>

bool apic_available;
unsigned long lapic_timer_period;
static void __iomem *apic_base;

u32 apic_read(u32 reg)
{
	return readl(apic_base + reg);
}

void apic_write(u32 reg, u32 val)
{
	writel(val, apic_base + reg);
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

unsigned int read_apic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

/*
 * Enable the boot CPU's local APIC: software-enable it with a spurious
 * vector, accept every priority, route the legacy PIC's ExtINT nowhere
 * (the PIC is masked) and NMI through LINT1 as on PC hardware.
 */
void __init init_bsp_APIC(void)
{
	u64 base_msr;

	if (!boot_cpu_has(X86_FEATURE_APIC) || !acpi_boot.lapic_addr) {
		pr_warn("APIC: not present; using the legacy PIC\n");
		return;
	}
	base_msr = rdmsrl(MSR_IA32_APICBASE);
	wrmsrl(MSR_IA32_APICBASE, base_msr | (1 << 11));	/* global enable */
	apic_base = ioremap(acpi_boot.lapic_addr, 0x1000);
	if (!apic_base)
		return;

	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_LVT0, APIC_LVT_MASKED | APIC_DM_EXTINT);
	apic_write(APIC_LVT1, APIC_DM_NMI);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_eoi();
	apic_available = true;
	pr_info("APIC: local APIC id %u, version %#x, at %#llx\n", read_apic_id(),
		apic_read(APIC_LVR) & 0xff, acpi_boot.lapic_addr);
}

void setup_APIC_timer(unsigned long ticks_per_jiffy)
{
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, ticks_per_jiffy);
}

void stop_APIC_timer(void)
{
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0);
}
