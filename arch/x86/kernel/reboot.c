// SPDX-License-Identifier: GPL-2.0
/*
 * Leaving the machine: power off, restart, halt.
 *
 * Power-off is ACPI's soft-off (S5): write SLP_TYPa|SLP_EN to the PM1a
 * control register named by the FADT, with SLP_TYP from the DSDT's \_S5
 * object.  Restart tries the FADT reset register, then the keyboard
 * controller's reset line, then a triple fault, which no CPU survives.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/acpi.h>
#include <linux/console.h>
#include <linux/delay.h>
#include <linux/reboot.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/special_insns.h>

#define ACPI_SLP_EN		(1 << 13)
#define QEMU_DEBUG_EXIT_PORT	0xf4

void qemu_debug_exit(int code)
{
	/* QEMU exits with status (code << 1) | 1. */
	outb(code, QEMU_DEBUG_EXIT_PORT);
}

static void acpi_power_off(void)
{
	if (!acpi_boot.s5_valid || !acpi_boot.pm1a_cnt)
		return;
	outw((acpi_boot.slp_typa_s5 << 10) | ACPI_SLP_EN, acpi_boot.pm1a_cnt);
	if (acpi_boot.pm1b_cnt)
		outw((acpi_boot.slp_typb_s5 << 10) | ACPI_SLP_EN, acpi_boot.pm1b_cnt);
}

void machine_halt(void)
{
	smp_send_stop();
	local_irq_disable();
	for (;;)
		native_halt();
}

void machine_power_off(void)
{
	/* Every other CPU halts first, so none runs on into the power-off. */
	smp_send_stop();
	local_irq_disable();
	acpi_power_off();
	mdelay(100);
	pr_emerg("reboot: ACPI power-off did not work; halting\n");
	machine_halt();
}

static void acpi_reboot(void)
{
	const struct acpi_generic_address *r = &acpi_boot.reset_reg;

	if (acpi_boot.reset_valid && r->space_id == 1)	/* I/O port */
		outb(acpi_boot.reset_value, r->address);
}

void machine_restart(void)
{
	static const struct desc_ptr no_idt = { 0, 0 };
	int i;

	smp_send_stop();
	local_irq_disable();
	acpi_reboot();
	mdelay(50);
	/* The 8042's output port bit 0 is wired to the CPU's reset line. */
	for (i = 0; i < 10; i++) {
		int spins = 100000;

		while ((inb(0x64) & 0x02) && --spins)
			;
		outb(0xfe, 0x64);
		mdelay(10);
	}
	/* An exception with no IDT is a triple fault: the CPU resets. */
	load_idt(&no_idt);
	asm volatile("int3");
	machine_halt();
}

void kernel_power_off(void)
{
	pr_emerg("reboot: Power down\n");
	console_flush_on_panic();
	machine_power_off();
}
