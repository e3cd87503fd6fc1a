/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A task's System V semaphore undo state (ipc/sem.c): the adjustments
 * its SEM_UNDO operations left, applied when the last task sharing the
 * list exits.  clone(CLONE_SYSVSEM) shares the list (threads do).
 */
#ifndef _LINUX_SEM_H
#define _LINUX_SEM_H

struct task_struct;
struct sem_undo_list;

struct sysv_sem {
	struct sem_undo_list *undo_list;
};

int copy_semundo(unsigned long clone_flags, struct task_struct *tsk);
void exit_sem(struct task_struct *tsk);

#endif
