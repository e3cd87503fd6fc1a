// SPDX-License-Identifier: GPL-2.0
/*
 * Small helpers built on kmalloc: copies of strings and buffers that the
 * caller frees with kfree(); and the random offsets exec uses to lay out
 * a new address space (the arch part is arch/x86/mm/mmap.c).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <asm/elf.h>
#include <asm/processor.h>
#include <linux/slab.h>
#include <linux/string.h>

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

/* At most @max characters of @s, always NUL-terminated. */
char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

/* Randomization of process layouts; 2 is Linux's default (brk too). */
int randomize_va_space = 2;

static unsigned long get_random_long(void)
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
	return start + ((get_random_long() % range) << PAGE_SHIFT);
}

/* The top of a new program's stack, up to STACK_RND_MASK pages lower. */
unsigned long randomize_stack_top(unsigned long stack_top)
{
	unsigned long rnd = 0;

	if (current->flags & PF_RANDOMIZE)
		rnd = (get_random_long() & STACK_RND_MASK) << PAGE_SHIFT;
	return PAGE_ALIGN(stack_top) - rnd;
}
