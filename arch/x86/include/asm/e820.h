/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_E820_H
#define _ASM_X86_E820_H

#include <asm/bootparam.h>

extern struct e820_table *e820_table;

void e820__memory_setup(void);
u64 e820__total_ram(void);
u64 e820__end_of_ram(void);
/* Tell memblock which ranges are RAM. */
void e820__memblock_setup(void);
/* The map as the top level of iomem_resource (/proc/iomem). */
void e820__reserve_resources(void);

#endif
