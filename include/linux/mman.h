/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <uapi/linux/mman.h>

/*
 * vm.overcommit_memory: how much address space a program may reserve
 * beyond the memory there is (mm/util.c, __vm_enough_memory).
 */
#define OVERCOMMIT_GUESS	0	/* refuse only what could never fit */
#define OVERCOMMIT_ALWAYS	1	/* refuse nothing */
#define OVERCOMMIT_NEVER	2	/* strict accounting: not in Lantern yet */

extern int sysctl_overcommit_memory;
extern int sysctl_overcommit_ratio;

struct mm_struct;
/* 0 if @pages more of committed memory may be promised, else -ENOMEM. */
int __vm_enough_memory(struct mm_struct *mm, long pages);

#endif
