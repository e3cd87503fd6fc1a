// SPDX-License-Identifier: GPL-2.0
/*
 * Inter-processor interrupts.  A CPU interrupts another by writing the
 * target's APIC id and a vector to its local APIC's interrupt command
 * register (ICR, SDM vol. 3 11.6): the reschedule and function-call
 * vectors arrive at do_IRQ like any device interrupt; stopping uses NMI
 * delivery, which reaches a CPU even with interrupts off, so a panic
 * stops every CPU wherever it is.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/hardirq.h>
#include <asm/irqflags.h>
#include <asm/irq_vectors.h>
#include <asm/special_insns.h>

unsigned int x86_cpu_to_apicid[NR_CPUS] = { [0 ... NR_CPUS - 1] = BAD_APICID };

static void apic_wait_icr_idle(void)
{
	while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
}

/* ICR2 then ICR: the write to the low half sends, so both go in with interrupts off. */
void apic_send_IPI(unsigned int apicid, u32 icr_low)
{
	unsigned long flags;

	local_irq_save(flags);
	apic_wait_icr_idle();
	apic_write(APIC_ICR2, apicid << 24);
	apic_write(APIC_ICR, icr_low);
	local_irq_restore(flags);
}

void arch_send_call_function_single_ipi(int cpu)
{
	apic_send_IPI(x86_cpu_to_apicid[cpu], APIC_DM_FIXED | CALL_FUNCTION_VECTOR);
}

void smp_send_reschedule(int cpu)
{
	if (cpu_online(cpu) && cpu != smp_processor_id())
		apic_send_IPI(x86_cpu_to_apicid[cpu], APIC_DM_FIXED | RESCHEDULE_VECTOR);
}

/* From do_IRQ. */
void sysvec_reschedule_ipi(void)
{
	inc_irq_stat(irq_resched_count);
	apic_eoi();
	/* The return path's need_resched check does the rest. */
}

void sysvec_call_function(void)
{
	inc_irq_stat(irq_call_count);
	apic_eoi();
	generic_smp_call_function_interrupt();
}

/*
 * Stopping: the first CPU to stop the others (panic, reboot, power-off)
 * claims stopping_cpu and sends NMIs; each target sees the claim in its
 * NMI handler, goes offline and halts with interrupts off.
 */
static int stopping_cpu = -1;

bool smp_stop_requested(void)
{
	int s = READ_ONCE(stopping_cpu);

	return s >= 0 && s != smp_processor_id();
}

void __noreturn stop_this_cpu(void)
{
	local_irq_disable();
	set_cpu_active(smp_processor_id(), false);
	set_cpu_online(smp_processor_id(), false);
	if (apic_available)
		apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	for (;;)
		asm volatile("cli; hlt");
}

void smp_send_stop(void)
{
	int expected = -1, this_cpu = smp_processor_id();
	unsigned int cpu;
	int ms;

	if (num_online_cpus() <= 1)
		return;
	/* A second stopper (a panic during reboot) leaves it to the first. */
	if (!__atomic_compare_exchange_n(&stopping_cpu, &expected, this_cpu, false,
					 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		return;
	for_each_online_cpu(cpu)
		if ((int)cpu != this_cpu)
			apic_send_IPI(x86_cpu_to_apicid[cpu], APIC_DM_NMI);
	for (ms = 0; ms < 1000 && num_online_cpus() > 1; ms++)
		mdelay(1);
	if (num_online_cpus() > 1)
		pr_emerg("smp: %u CPUs did not stop\n", num_online_cpus() - 1);
}
