/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC (one per CPU: its timer, end-of-interrupt, and the
 * interrupts other CPUs send) and the I/O APIC (routes device interrupt
 * pins to CPUs and vectors).  Intel SDM vol. 3, chapter 11; the I/O APIC
 * data sheet (82093AA).
 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <linux/types.h>

#define APIC_ID		0x020
#define APIC_LVR	0x030
#define APIC_TASKPRI	0x080
#define APIC_EOI	0x0b0
#define APIC_SPIV	0x0f0
#define APIC_SPIV_APIC_ENABLED	(1 << 8)
#define APIC_ESR	0x280
#define APIC_ICR	0x300
#define APIC_ICR2	0x310
#define APIC_LVTT	0x320
#define APIC_LVTTHMR	0x330
#define APIC_LVTPC	0x340
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define APIC_LVTERR	0x370
#define APIC_TMICT	0x380
#define APIC_TMCCT	0x390
#define APIC_TDCR	0x3e0

#define APIC_LVT_MASKED		(1 << 16)
#define APIC_LVT_TIMER_PERIODIC	(1 << 17)
#define APIC_DM_FIXED		0x00000
#define APIC_DM_INIT		0x00500
#define APIC_DM_STARTUP		0x00600
#define APIC_DM_NMI		0x00400
#define APIC_ICR_BUSY		(1 << 12)
#define APIC_INT_ASSERT		(1 << 14)
#define APIC_INT_LEVELTRIG	(1 << 15)
#define APIC_DM_EXTINT		0x00700
#define APIC_TDR_DIV_16		0x3

extern bool apic_available;
extern unsigned long lapic_timer_period;	/* timer ticks per jiffy */

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 val);
void apic_eoi(void);
void init_bsp_APIC(void);
unsigned int read_apic_id(void);
void setup_APIC_timer(unsigned long ticks_per_jiffy);
void stop_APIC_timer(void);
const char *setup_APIC_clockevent(void);
bool setup_secondary_APIC_clockevent(void);

void setup_secondary_APIC(void);
void apic_send_IPI(unsigned int apicid, u32 icr_low);
void sysvec_reschedule_ipi(void);
void sysvec_call_function(void);

void setup_IO_APIC(void);
bool io_apic_available(void);

void legacy_pic_init(void);
void legacy_pic_route(unsigned int irq);

#endif
