/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Open files of a process.  Until the VFS exists there are no open
 * files: descriptors 0, 1 and 2 of every process are the console
 * (fs/console_fds.c), so there is nothing to copy at fork or close at exit.
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

struct task_struct;

static inline int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	return 0;
}

static inline void exit_files(struct task_struct *tsk)
{
}

#endif
