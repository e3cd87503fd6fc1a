/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IDT's 256 vectors: 0-31 are CPU exceptions; device interrupts (IRQ
 * n through the I/O APIC) use FIRST_EXTERNAL_VECTOR + n; the local APIC's
 * own interrupts sit at the top, where their priority class is highest.
 */
#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

#define NR_VECTORS		256
#define FIRST_EXTERNAL_VECTOR	0x20
#define NR_IRQS			64	/* legacy 16 + I/O APIC pins */
#define LOCAL_TIMER_VECTOR	0xec
#define CALL_FUNCTION_VECTOR	0xfb
#define RESCHEDULE_VECTOR	0xfd
#define ERROR_APIC_VECTOR	0xfe
#define SPURIOUS_APIC_VECTOR	0xff

#endif
