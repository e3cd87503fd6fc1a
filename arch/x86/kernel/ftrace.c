// SPDX-License-Identifier: GPL-2.0
/*
 * Patching the fentry sites of the function tracer.  Each traced function
 * starts with a 5-byte NOP (0f 1f 44 00 00, from gcc's -mnop-mcount, so
 * the boot needs no patching); enabling a site makes it "call
 * ftrace_caller", disabling it makes it the NOP again.
 *
 * Kernel text is mapped read-only and executable in both its views (the
 * kernel image and the direct map).  text_poke() writes through a third,
 * temporary one: ftrace_modify_prepare() maps the text's pages again,
 * writable and not executable, with vmap(); ftrace_modify_post() removes
 * that mapping, so no writable view of the text outlives a batch.
 * A five-byte store is not atomic for a CPU that may be executing it, so
 * the caller stops the world: interrupts off on this CPU for the whole
 * batch, and every other online CPU held in ftrace_hold_cpu() (a
 * function-call IPI that spins with interrupts off until the batch is
 * done), so no context anywhere can run a half-written instruction.  The
 * serializing CPUID after it makes each CPU refetch the bytes it may have
 * prefetched.  Linux avoids stopping the others with its int3 dance
 * (breakpoint first, tail, then the first byte) - text_poke_bp.
 *
 * The held CPUs cannot answer TLB-flush IPIs, so the writable alias is
 * mapped before they are held and unmapped after they are let go.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/smp.h>
#include <asm/special_insns.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/ftrace.h>

static const unsigned char ftrace_nop[MCOUNT_INSN_SIZE] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 };

static char *text_alias;

static int ftrace_cpus_held;	/* CPUs spinning in ftrace_hold_cpu() */
static int ftrace_release;

static notrace void ftrace_hold_cpu(void *info)
{
	__atomic_add_fetch(&ftrace_cpus_held, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&ftrace_release, __ATOMIC_ACQUIRE))
		cpu_relax();
	sync_core();
	__atomic_sub_fetch(&ftrace_cpus_held, 1, __ATOMIC_SEQ_CST);
}

/* Interrupts off: every other online CPU spins in ftrace_hold_cpu() on return. */
notrace void ftrace_stop_other_cpus(void)
{
	int others = num_online_cpus() - 1;

	if (others <= 0)
		return;
	__atomic_store_n(&ftrace_release, 0, __ATOMIC_SEQ_CST);
	smp_call_function(ftrace_hold_cpu, NULL, 0);
	while (__atomic_load_n(&ftrace_cpus_held, __ATOMIC_ACQUIRE) < others)
		cpu_relax();
}

notrace void ftrace_release_other_cpus(void)
{
	if (num_online_cpus() <= 1)
		return;
	__atomic_store_n(&ftrace_release, 1, __ATOMIC_RELEASE);
	while (__atomic_load_n(&ftrace_cpus_held, __ATOMIC_ACQUIRE) > 0)
		cpu_relax();
}		/* the writable view of _text.._etext, during a batch */

int ftrace_modify_prepare(void)
{
	unsigned long start = (unsigned long)_text & PAGE_MASK;
	unsigned int i, n = (PAGE_ALIGN((unsigned long)_etext) - start) >> PAGE_SHIFT;
	struct page **pages = kmalloc_array(n, sizeof(*pages), GFP_KERNEL);

	if (!pages)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		pages[i] = virt_to_page(__va(__pa_symbol(start + ((unsigned long)i << PAGE_SHIFT))));
	text_alias = vmap(pages, n, VM_MAP, PAGE_KERNEL);
	kfree(pages);
	return text_alias ? 0 : -ENOMEM;
}

void ftrace_modify_post(void)
{
	vunmap(text_alias);
	text_alias = NULL;
}

static notrace void text_poke(unsigned long addr, const void *bytes, size_t len)
{
	memcpy(text_alias + (addr - ((unsigned long)_text & PAGE_MASK)), bytes, len);
}

static notrace void ftrace_call_insn(unsigned long ip, unsigned char insn[MCOUNT_INSN_SIZE])
{
	int rel = (int)((unsigned long)ftrace_caller - (ip + MCOUNT_INSN_SIZE));

	insn[0] = 0xe8;
	memcpy(insn + 1, &rel, 4);
}

/*
 * Turn the site at @ip on (a call) or off (the NOP).  The bytes there must
 * be what the other state leaves, or the record is wrong and nothing is
 * written: -EINVAL.  Interrupts must be off (see above).
 */
notrace int ftrace_modify_site(unsigned long ip, bool enable)
{
	unsigned char call[MCOUNT_INSN_SIZE];
	const unsigned char *old, *new;

	if (ip < (unsigned long)_stext || ip + MCOUNT_INSN_SIZE > (unsigned long)_etext)
		return -EINVAL;
	ftrace_call_insn(ip, call);
	old = enable ? ftrace_nop : call;
	new = enable ? call : ftrace_nop;
	if (memcmp((const void *)ip, old, MCOUNT_INSN_SIZE))
		return memcmp((const void *)ip, new, MCOUNT_INSN_SIZE) ? -EINVAL : 0;
	text_poke(ip, new, MCOUNT_INSN_SIZE);
	return 0;
}

notrace void ftrace_modify_done(void)
{
	sync_core();
}
