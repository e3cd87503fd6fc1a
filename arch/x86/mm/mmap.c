// SPDX-License-Identifier: GPL-2.0
/*
 * The x86-64 layout of a new address space, chosen at exec: the stack at
 * the top (fs/exec.c), the mmap area growing down from mmap_base below
 * the stack's room, the program low (or at ELF_ET_DYN_BASE for PIE) with
 * the brk after it.  With PF_RANDOMIZE each of them moves by a random
 * amount, so that an attacker cannot know where anything is
 * (/proc/sys/kernel/randomize_va_space, personality(ADDR_NO_RANDOMIZE)).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/random.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <uapi/linux/personality.h>
#include <asm/elf.h>
#include <asm/processor.h>

/* Linux keeps at least this much between the stack and the mmap area. */
#define MIN_GAP		(128UL << 20)
#define MAX_GAP		(TASK_SIZE / 6 * 5)
#define STACK_GUARD	(256UL << PAGE_SHIFT)

/* Randomization of process layouts; 2 is Linux's default (brk too). */
int randomize_va_space = 2;

static unsigned long random_long(void)
{
	unsigned long v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

/* A page-aligned address in [start, start + range), or @start if none fits. */
unsigned long randomize_page(unsigned long start, unsigned long range)
{
	if (start & ~PAGE_MASK) {
		range -= PAGE_ALIGN(start) - start;
		start = PAGE_ALIGN(start);
	}
	if (start > ULONG_MAX - range)
		range = ULONG_MAX - start;
	range >>= PAGE_SHIFT;
	if (!range)
		return start;
	return start + ((random_long() % range) << PAGE_SHIFT);
}

/* The top of a new program's stack, up to STACK_RND_MASK pages lower. */
unsigned long randomize_stack_top(unsigned long stack_top)
{
	unsigned long rnd = 0;

	if (current->flags & PF_RANDOMIZE)
		rnd = (random_long() & STACK_RND_MASK) << PAGE_SHIFT;
	return PAGE_ALIGN(stack_top) - rnd;
}

/* The random offset of mmap_base (and of a PIE program), page-aligned. */
unsigned long arch_mmap_rnd(void)
{
	return (random_long() & ((1UL << MMAP_RND_BITS) - 1)) << PAGE_SHIFT;
}

/*
 * mmap_base: below the stack, leaving the stack room to grow to its
 * rlimit and to move by its own random offset.
 */
void arch_pick_mmap_layout(struct mm_struct *mm)
{
	unsigned long gap = rlimit(RLIMIT_STACK), rnd = 0;

	if (current->flags & PF_RANDOMIZE)
		rnd = arch_mmap_rnd();
	if (gap > MAX_GAP)
		gap = MAX_GAP;
	gap += STACK_GUARD;
	if (current->flags & PF_RANDOMIZE)
		gap += (STACK_RND_MASK << PAGE_SHIFT);
	if (gap < MIN_GAP)
		gap = MIN_GAP;
	if (gap > MAX_GAP)
		gap = MAX_GAP;
	mm->mmap_base = PAGE_ALIGN(STACK_TOP - gap - rnd);
}

/* The brk starts somewhere in the 32 MiB after the program. */
unsigned long arch_randomize_brk(struct mm_struct *mm)
{
	return randomize_page(mm->brk, 32UL << 20);
}

/* The first stack pointer moves by up to 8 KiB, keeping 16-byte alignment. */
unsigned long arch_align_stack(unsigned long sp)
{
	if (!(current->personality & ADDR_NO_RANDOMIZE) && randomize_va_space)
		sp -= get_random_u32() % 8192;
	return sp & ~0xfUL;
}
