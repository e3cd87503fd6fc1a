/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page-fault tracepoints (events/exceptions/): page_fault_user for a
 * fault taken in user mode, page_fault_kernel for one taken by kernel
 * code (a copy_to_user into a page not yet there, say).  Recorded in
 * kernel/trace/trace_points_io.c.
 */
#ifndef _ASM_X86_TRACE_EXCEPTIONS_H
#define _ASM_X86_TRACE_EXCEPTIONS_H

#include <linux/trace_events.h>

struct pt_regs;

extern struct trace_event_call event_page_fault_user, event_page_fault_kernel;

void __trace_page_fault(struct trace_event_call *call, unsigned long address,
			struct pt_regs *regs, unsigned long error_code);

static inline void trace_page_fault_user(unsigned long address, struct pt_regs *regs,
					 unsigned long error_code)
{
	if (unlikely(READ_ONCE(event_page_fault_user.enabled)))
		__trace_page_fault(&event_page_fault_user, address, regs, error_code);
}

static inline void trace_page_fault_kernel(unsigned long address, struct pt_regs *regs,
					   unsigned long error_code)
{
	if (unlikely(READ_ONCE(event_page_fault_kernel.enabled)))
		__trace_page_fault(&event_page_fault_kernel, address, regs, error_code);
}

#endif
