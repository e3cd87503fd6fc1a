/* SPDX-License-Identifier: GPL-2.0 */
/* Segment and gate descriptors (Intel SDM vol. 3, 3.4.5 and 6.14.1). */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/types.h>
#include <asm/segment.h>

struct desc_struct {
	u16 limit0;
	u16 base0;
	u16 base1 : 8, type : 4, s : 1, dpl : 2, p : 1;
	u16 limit1 : 4, avl : 1, l : 1, d : 1, g : 1, base2 : 8;
} __packed;

/* A 16-byte system descriptor (the TSS) takes two GDT slots. */
struct ldttss_desc {
	u16 limit0;
	u16 base0;
	u16 base1 : 8, type : 5, dpl : 2, p : 1;
	u16 limit1 : 4, zero0 : 3, g : 1, base2 : 8;
	u32 base3;
	u32 zero1;
} __packed;

struct idt_bits {
	u16 ist : 3, zero : 5, type : 5, dpl : 2, p : 1;
} __packed;

typedef struct gate_struct {
	u16 offset_low;
	u16 segment;
	struct idt_bits bits;
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed gate_desc;

struct desc_ptr {
	u16 size;
	unsigned long address;
} __packed;

#define GATE_INTERRUPT	0xe
#define GATE_TRAP	0xf
#define DESC_TSS	0x9

static inline void load_gdt(const struct desc_ptr *dtr)
{
	asm volatile("lgdt %0" : : "m"(*dtr));
}

static inline void load_idt(const struct desc_ptr *dtr)
{
	asm volatile("lidt %0" : : "m"(*dtr));
}

static inline void load_tr(unsigned int sel)
{
	asm volatile("ltr %w0" : : "r"(sel));
}

#endif
