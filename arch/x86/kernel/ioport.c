// SPDX-License-Identifier: GPL-2.0
/*
 * I/O port access from user mode: ioperm(2) and iopl(2).
 *
 * The CPU lets user mode run in/out on a port when the port's bit in the
 * TSS I/O permission bitmap is clear (the bitmap starts at the TSS's
 * io_bitmap_base; a base past the segment limit allows nothing).  Each
 * task that asked keeps its own bitmap (thread.io_bitmap), inherited by
 * fork and kept across execve; __switch_to copies the next task's into
 * the CPU's TSS, or moves the base out of reach for a task without one.
 * Only the leading bytes that may allow something are copied (max).
 *
 * iopl(3) is emulated as Linux does since 5.5: every port allowed through
 * the bitmap, but EFLAGS.IOPL stays 0, so cli/sti trap and the #GP
 * handler skips them (traps.c).  Levels 1 and 2 allow nothing, as they
 * never reached ports without IOPL 3.
 * Asking for more access needs CAP_SYS_RAWIO.
 */
#include <linux/kernel.h>
#include <linux/bitmap.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

/* What iopl(3) allows: every port. */
static const unsigned long io_bitmap_all_allowed[IO_BITMAP_LONGS];

/* Load @next's ports into this CPU's TSS.  The running task's, or the next one's at switch. */
void tss_update_io_bitmap(struct task_struct *next)
{
	struct tss_struct *tss = this_cpu_ptr(&cpu_tss_rw);
	const unsigned long *src;
	unsigned int bytes;

	if (next->thread.iopl_emul == 3) {
		src = io_bitmap_all_allowed;
		bytes = IO_BITMAP_BYTES;
	} else if (next->thread.io_bitmap) {
		src = next->thread.io_bitmap->bitmap;
		bytes = next->thread.io_bitmap->max;
	} else {
		tss->x86_tss.io_bitmap_base = IO_BITMAP_OFFSET_INVALID;
		return;
	}
	/* A task's bitmap is all ones past its max: copying that far closes what the last one opened. */
	memcpy(tss->io_bitmap, src, max(bytes, tss->io_bitmap_loaded));
	tss->io_bitmap_loaded = bytes;
	tss->x86_tss.io_bitmap_base = IO_BITMAP_OFFSET_VALID;
}

/* fork: the child gets its own copy of the parent's ports. */
int io_bitmap_copy(struct task_struct *p)
{
	struct io_bitmap *iob = p->thread.io_bitmap;

	if (!iob)
		return 0;
	p->thread.io_bitmap = kmemdup(iob, sizeof(*iob), GFP_KERNEL);
	return p->thread.io_bitmap ? 0 : -ENOMEM;
}

/* The task exits (or its fork failed): its ports go with it. */
void io_bitmap_exit(struct task_struct *tsk)
{
	kfree(tsk->thread.io_bitmap);
	tsk->thread.io_bitmap = NULL;
	tsk->thread.iopl_emul = 0;
	if (tsk == current)
		tss_update_io_bitmap(tsk);
}

/* Bytes of @iob up to the last long that allows a port. */
static unsigned int io_bitmap_max(const struct io_bitmap *iob)
{
	unsigned int i = IO_BITMAP_LONGS;

	while (i && iob->bitmap[i - 1] == ~0UL)
		i--;
	return i * sizeof(long);
}

SYSCALL_DEFINE3(ioperm, unsigned long, from, unsigned long, num, int, turn_on)
{
	struct thread_struct *t = &current->thread;
	struct io_bitmap *iob = t->io_bitmap;

	if (from + num <= from || from + num > IO_BITMAP_BITS)
		return -EINVAL;
	if (turn_on && !capable(CAP_SYS_RAWIO))
		return -EPERM;
	if (!iob) {
		if (!turn_on)
			return 0;
		iob = kmalloc(sizeof(*iob), GFP_KERNEL);
		if (!iob)
			return -ENOMEM;
		memset(iob->bitmap, 0xff, sizeof(iob->bitmap));
		t->io_bitmap = iob;
	}
	if (turn_on)
		bitmap_clear(iob->bitmap, from, num);
	else
		bitmap_set(iob->bitmap, from, num);
	iob->max = io_bitmap_max(iob);
	if (!iob->max) {		/* nothing allowed any more */
		kfree(iob);
		t->io_bitmap = NULL;
	}
	tss_update_io_bitmap(current);
	return 0;
}

SYSCALL_DEFINE1(iopl, unsigned int, level)
{
	struct thread_struct *t = &current->thread;

	if (level > 3)
		return -EINVAL;
	if (level == t->iopl_emul)
		return 0;
	if (level > t->iopl_emul && !capable(CAP_SYS_RAWIO))
		return -EPERM;
	t->iopl_emul = level;
	tss_update_io_bitmap(current);
	return 0;
}
