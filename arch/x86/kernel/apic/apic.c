// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC: each CPU's interrupt controller.  It accepts the
 * interrupts the I/O APIC routes to this CPU, needs an end-of-interrupt
 * write for each, and has a timer: Lantern runs it one-shot (or, where
 * the CPU has it, in TSC-deadline mode, where the deadline is a TSC
 * value) as the clock event device behind hrtimers and the tick.  Registers are memory-mapped at the address the MADT
 * gives (uncached: each access must reach the device).
 */
#include <linux/kernel.h>
#include <linux/acpi.h>
#include <linux/clockchips.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/timer.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>

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

/*
 * A secondary CPU's local APIC: the same as the boot CPU's, but ExtINT
 * and NMI from the LINT pins stay with the boot CPU (as on PC hardware,
 * where only it is wired to the PIC), and the timer stays masked until
 * the CPU runs tasks.  The MMIO window is the same address on every
 * CPU: each CPU sees its own APIC there.
 */
void setup_secondary_APIC(void)
{
	if (!apic_available)
		return;
	wrmsrl(MSR_IA32_APICBASE, rdmsrl(MSR_IA32_APICBASE) | (1 << 11));
	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_LVT0, APIC_LVT_MASKED | APIC_DM_EXTINT);
	apic_write(APIC_LVT1, APIC_LVT_MASKED | APIC_DM_NMI);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_eoi();
}

void setup_APIC_timer(unsigned long ticks_per_jiffy)
{
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, ticks_per_jiffy);
}

void stop_APIC_timer(void)
{
	if (boot_cpu_has(X86_FEATURE_TSC_DEADLINE_TIMER))
		wrmsrl(0x6e0, 0);	/* MSR_IA32_TSC_DEADLINE */
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0);
}

/*
 * The clock event device.  One-shot: TMICT counts down at the bus clock
 * / 16 and interrupts at zero.  TSC-deadline: the timer fires when the
 * TSC reaches IA32_TSC_DEADLINE; no conversion error, no 32-bit limit.
 */
#define MSR_IA32_TSC_DEADLINE		0x000006e0
#define APIC_LVT_TIMER_ONESHOT		(0 << 17)
#define APIC_LVT_TIMER_TSCDEADLINE	(2 << 17)

/* Nanoseconds to timer counts or TSC cycles: multiply, shift by 32. */
static u64 lapic_ns2count_mul, lapic_ns2tsc_mul;

static int lapic_next_event(ktime_t expires, struct clock_event_device *evt)
{
	ktime_t delta = expires - ktime_get();
	u64 count;

	if (delta < 1000)
		delta = 1000;
	count = (u64)(((unsigned __int128)delta * lapic_ns2count_mul) >> 32);
	if (count < 1)
		count = 1;
	if (count > 0xffffffffULL)
		count = 0xffffffffULL;
	apic_write(APIC_TMICT, (u32)count);
	return 0;
}

static int lapic_next_deadline(ktime_t expires, struct clock_event_device *evt)
{
	ktime_t delta = expires - ktime_get();
	u64 cycles;

	if (delta < 1000)
		delta = 1000;
	cycles = (u64)(((unsigned __int128)delta * lapic_ns2tsc_mul) >> 32);
	wrmsrl(MSR_IA32_TSC_DEADLINE, rdtsc() + cycles);
	return 0;
}

static void lapic_timer_shutdown(struct clock_event_device *evt)
{
	apic_write(APIC_TMICT, 0);
}

static void lapic_deadline_shutdown(struct clock_event_device *evt)
{
	wrmsrl(MSR_IA32_TSC_DEADLINE, 0);
}

static struct clock_event_device lapic_clockevent = {
	.name			= "lapic",
	.set_next_ktime		= lapic_next_event,
	.set_state_shutdown	= lapic_timer_shutdown,
	.min_delta_ns		= 1000,
};

static void local_apic_timer_interrupt(void)
{
	lapic_clockevent.event_handler(&lapic_clockevent);
}

/*
 * This CPU's timer in the mode the clock event device uses.  Every CPU
 * has its own local APIC timer at the same address; the one device
 * description serves them all, since each CPU programs only its own.
 */
static void lapic_timer_setup_this_cpu(void)
{
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	if (boot_cpu_has(X86_FEATURE_TSC_DEADLINE_TIMER))
		apic_write(APIC_LVTT, APIC_LVT_TIMER_TSCDEADLINE | LOCAL_TIMER_VECTOR);
	else
		apic_write(APIC_LVTT, APIC_LVT_TIMER_ONESHOT | LOCAL_TIMER_VECTOR);
}

/* An AP: its timer as the boot CPU's; false if there is no one-shot device. */
bool setup_secondary_APIC_clockevent(void)
{
	if (!apic_available || !tick_oneshot_mode_active())
		return false;
	lapic_timer_setup_this_cpu();
	return true;
}

/* Returns the mode's name for the boot log. */
const char *setup_APIC_clockevent(void)
{
	bool deadline = boot_cpu_has(X86_FEATURE_TSC_DEADLINE_TIMER);

	lapic_ns2count_mul = ((u64)lapic_timer_period * HZ << 32) / NSEC_PER_SEC;
	lapic_ns2tsc_mul = ((u64)tsc_khz << 32) / 1000000;
	if (deadline) {
		lapic_clockevent.name = "lapic-deadline";
		lapic_clockevent.set_next_ktime = lapic_next_deadline;
		lapic_clockevent.set_state_shutdown = lapic_deadline_shutdown;
		lapic_clockevent.max_delta_ns = 10ULL * NSEC_PER_SEC;
	} else {
		lapic_clockevent.max_delta_ns = (u64)0x7fffffff * NSEC_PER_SEC /
						(lapic_timer_period * HZ);
	}
	lapic_timer_setup_this_cpu();
	clockevents_register_device(&lapic_clockevent);
	local_timer_handler = local_apic_timer_interrupt;
	return deadline ? "TSC-deadline" : "one-shot";
}
