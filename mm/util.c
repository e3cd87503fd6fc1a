// SPDX-License-Identifier: GPL-2.0
/*
 * Small helpers built on kmalloc: copies of strings and buffers that the
 * caller frees with kfree().  And the overcommit policy: mmap and brk
 * only reserve address space, so whether a reservation of private
 * writable memory may exceed what RAM and swap could ever back is a
 * policy, vm.overcommit_memory.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/swap.h>

int sysctl_overcommit_memory = OVERCOMMIT_GUESS;
int sysctl_overcommit_ratio = 50;	/* percent of RAM, for OVERCOMMIT_NEVER */

/*
 * Linux's heuristic (GUESS): one reservation larger than all of RAM plus
 * swap can never be backed, so it fails at once; anything smaller is
 * allowed and the OOM killer answers if it is all used.
 * OVERCOMMIT_NEVER's accounting is not here: the sysctl
 * refuses 2 (proc_sysctl.c).
 */
int __vm_enough_memory(struct mm_struct *mm, long pages)
{
	(void)mm;
	if (READ_ONCE(sysctl_overcommit_memory) == OVERCOMMIT_ALWAYS)
		return 0;
	if (pages > (long)totalram_pages() + READ_ONCE(total_swap_pages))
		return -ENOMEM;
	return 0;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}
EXPORT_SYMBOL(kstrdup);

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
EXPORT_SYMBOL(kstrndup);

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kmemdup);
