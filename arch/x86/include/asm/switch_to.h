/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

struct task_struct;

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);

/* After this, "last" is the task that ran before us on this CPU. */
#define switch_to(prev, next, last) \
	do { ((last) = __switch_to_asm((prev), (next))); } while (0)

void ret_from_fork(void);

#endif
