/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OOM killer (mm/oom_kill.c): when a page fault finds no free page,
 * one process is killed so that the others can go on.
 */
#ifndef _LINUX_OOM_H
#define _LINUX_OOM_H

#include <linux/types.h>

struct task_struct;

/* /proc/<pid>/oom_score_adj: added to the badness, per mille of memory. */
#define OOM_SCORE_ADJ_MIN	(-1000)		/* never chosen */
#define OOM_SCORE_ADJ_MAX	1000
/* /proc/<pid>/oom_adj, the older interface: -17 exempts, 15 is the most. */
#define OOM_DISABLE		(-17)
#define OOM_ADJUST_MIN		(-16)
#define OOM_ADJUST_MAX		15

long oom_badness(struct task_struct *p, unsigned long totalpages);
unsigned long oom_total_pages(void);
bool out_of_memory(void);
/* Orders above this may fail rather than have the OOM killer run for them. */
#define PAGE_ALLOC_COSTLY_ORDER	3
bool alloc_pages_may_oom(gfp_t gfp, unsigned int order, long waits);
void pagefault_out_of_memory(void);

#endif
