/* SPDX-License-Identifier: GPL-2.0 */
/* What the rest of the kernel calls in the futex code (kernel/futex/). */
#ifndef _LINUX_FUTEX_H
#define _LINUX_FUTEX_H

struct task_struct;

/* The thread's mm is going (exit, exec): robust and PI locks it holds. */
void futex_exit_release(struct task_struct *tsk);

#endif
