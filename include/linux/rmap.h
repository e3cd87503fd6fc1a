/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The reverse map: from a physical page to the PTEs that map it
 * (mm/rmap.c).  Reclaim needs it both to age a page (were any of its
 * mappings used lately?) and to evict one (clear every PTE first).
 */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

#include <linux/types.h>
#include <linux/mm_types.h>

/* PTEs mapping @page found young (and made old); their areas' flags in *vm_flags. */
int page_referenced(struct page *page, unsigned long *vm_flags);
/* Clear every PTE mapping @page (locked); true if none is left. */
bool try_to_unmap(struct page *page);

#endif /* _LINUX_RMAP_H */
