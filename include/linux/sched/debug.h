/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_DEBUG_H
#define _LINUX_SCHED_DEBUG_H

struct pt_regs;

void dump_stack(void);
void show_regs(struct pt_regs *regs);

#endif
