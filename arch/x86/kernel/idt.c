// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt descriptor table: for each of the 256 vectors, which
 * entry stub runs, at which privilege user code may raise it with "int"
 * (only int3 and into), and whether it gets a stack of its own from the
 * TSS's interrupt-stack table (double fault, NMI, debug, machine check:
 * the events that may arrive when the current stack cannot be trusted).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/desc.h>
#include <asm/irq_vectors.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/traps.h>

static gate_desc idt_table[NR_VECTORS] __aligned(4096);

static const struct desc_ptr idt_descr = {
	.size = sizeof(idt_table) - 1,
	.address = (unsigned long)idt_table,
};

struct idt_data {
	unsigned int vector;
	const void *addr;
	u8 dpl;
	u8 ist;		/* 0 = current stack, else IST slot + 1 */
};

#define INTG(_vector, _addr)		{ _vector, _addr, 0, 0 }
#define SYSG(_vector, _addr)		{ _vector, _addr, 3, 0 }
#define ISTG(_vector, _addr, _ist)	{ _vector, _addr, 0, (_ist) + 1 }

static const struct idt_data def_idts[] __initconst = {
	INTG(X86_TRAP_DE,	asm_exc_divide_error),
	/* Not IST: a user #DB may schedule or exit on its way back. */
	INTG(X86_TRAP_DB,	asm_exc_debug),
	ISTG(X86_TRAP_NMI,	asm_exc_nmi, IST_INDEX_NMI),
	SYSG(X86_TRAP_BP,	asm_exc_int3),
	SYSG(X86_TRAP_OF,	asm_exc_overflow),
	INTG(X86_TRAP_BR,	asm_exc_bounds),
	INTG(X86_TRAP_UD,	asm_exc_invalid_op),
	INTG(X86_TRAP_NM,	asm_exc_device_not_available),
	ISTG(X86_TRAP_DF,	asm_exc_double_fault, IST_INDEX_DF),
	INTG(X86_TRAP_OLD_MF,	asm_exc_coproc_segment_overrun),
	INTG(X86_TRAP_TS,	asm_exc_invalid_tss),
	INTG(X86_TRAP_NP,	asm_exc_segment_not_present),
	INTG(X86_TRAP_SS,	asm_exc_stack_segment),
	INTG(X86_TRAP_GP,	asm_exc_general_protection),
	INTG(X86_TRAP_PF,	asm_exc_page_fault),
	INTG(X86_TRAP_SPURIOUS,	asm_exc_spurious_interrupt_bug),
	INTG(X86_TRAP_MF,	asm_exc_coprocessor_error),
	INTG(X86_TRAP_AC,	asm_exc_alignment_check),
	ISTG(X86_TRAP_MC,	asm_exc_machine_check, IST_INDEX_MCE),
	INTG(X86_TRAP_XF,	asm_exc_simd_coprocessor_error),
	INTG(X86_TRAP_VE,	asm_exc_virtualization),
	INTG(X86_TRAP_CP,	asm_exc_control_protection),
};

static void idt_set_gate(unsigned int vector, const void *addr, u8 dpl, u8 ist)
{
	unsigned long a = (unsigned long)addr;
	gate_desc *g = &idt_table[vector];

	g->offset_low = a & 0xffff;
	g->segment = __KERNEL_CS;
	g->bits.ist = ist;
	g->bits.zero = 0;
	g->bits.type = GATE_INTERRUPT;	/* interrupts off on entry, always */
	g->bits.dpl = dpl;
	g->bits.p = 1;
	g->offset_middle = (a >> 16) & 0xffff;
	g->offset_high = a >> 32;
	g->reserved = 0;
}

void __init trap_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(def_idts); i++)
		idt_set_gate(def_idts[i].vector, def_idts[i].addr, def_idts[i].dpl,
			     def_idts[i].ist);
	for (i = FIRST_EXTERNAL_VECTOR; i < NR_VECTORS; i++)
		idt_set_gate(i, irq_entries_start + 16 * (i - FIRST_EXTERNAL_VECTOR),
			     0, 0);
	load_idt(&idt_descr);
}

/* Secondary CPUs share the boot CPU's table (smpboot.c). */
void load_current_idt(void)
{
	load_idt(&idt_descr);
}
