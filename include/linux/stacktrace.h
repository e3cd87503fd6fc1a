/* SPDX-License-Identifier: GPL-2.0 */
/* Return addresses of a kernel stack (arch/x86/kernel/stacktrace.c). */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

struct task_struct;

/* Innermost first; 0 for a task that is running (or is current). */
unsigned int stack_trace_save_tsk(struct task_struct *tsk, unsigned long *store,
				  unsigned int size);
/* The caller's own stack, innermost first, less @skipnr frames. */
unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr);
void stack_trace_print(const unsigned long *entries, unsigned int nr, int spaces);

#endif
