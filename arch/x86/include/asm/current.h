/* SPDX-License-Identifier: GPL-2.0 */
/* `current`: the task running on this CPU, one %gs-relative load away. */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

#include <asm/percpu.h>

struct task_struct;
DECLARE_PER_CPU(struct task_struct *, current_task);

static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}

#define current get_current()

#endif
