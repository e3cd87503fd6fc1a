/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/types.h>

#define PID_MAX_DEFAULT	32768

struct task_struct;

extern int pid_max;
extern int last_pid;		/* /proc/sys/kernel/ns_last_pid */
pid_t alloc_pid(struct task_struct *p, pid_t set_tid);
void free_pid(struct task_struct *p);
void exchange_tids(struct task_struct *left, struct task_struct *right);

#endif
