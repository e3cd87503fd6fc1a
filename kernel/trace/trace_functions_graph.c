// SPDX-License-Identifier: GPL-2.0
/*
 * The function_graph tracer: each traced function's entry and its
 * return, so a trace shows calls nested in calls with the time each
 * took:
 *
 *	 0)               |  do_syscall_64() {
 *	 0)   0.550 us    |    __x64_sys_getppid();
 *	 0)   2.113 us    |  }
 *
 * On entry (ftrace_handler -> ftrace_graph_entry) the function's return
 * address on the stack is saved on the task's ret_stack and replaced by
 * return_to_handler (arch/x86/kernel/ftrace_64.S), so the function's
 * ret lands there; ftrace_return_to_handler() pops the saved address,
 * records the return with the time since entry, and the trampoline
 * jumps to where the function should have gone.  Past
 * FTRACE_RETFUNC_DEPTH nested calls, entries are not hooked.
 *
 * A backtrace taken inside a hooked function shows return_to_handler
 * in place of the real callers, as on Linux without its unwinder fixups.
 *
 * Return probes (kprobe_events "r:") hook returns the same way, with
 * their event's id in the ret_stack entry; both may hook one call, each
 * pushing an entry, and the returns unwind them in order.
 */
#include <linux/kernel.h>
#include <linux/ring_buffer.h>
#include <linux/sched.h>
#include <asm/irqflags.h>
#include <asm/ftrace.h>
#include "trace.h"

/*
 * Make the function at @ip return through return_to_handler; false when
 * the task's ret_stack is full.  Interrupts are off (ftrace_handler).
 */
notrace bool ftrace_push_return_trace(unsigned long ip, unsigned long *parent_slot,
				      int kretprobe)
{
	struct task_struct *t = current;
	struct ftrace_ret_stack *rs;

	if (t->curr_ret_stack >= FTRACE_RETFUNC_DEPTH)
		return false;
	rs = &t->ret_stack[t->curr_ret_stack++];
	rs->ret = *parent_slot;
	rs->func = ip;
	rs->calltime = trace_clock_local();
	rs->kretprobe = kretprobe;
	rs->graph_gen = READ_ONCE(ftrace_graph_gen);
	*parent_slot = (unsigned long)return_to_handler;
	return true;
}

/* Interrupts are off (ftrace_handler). */
notrace void ftrace_graph_entry(unsigned long ip, unsigned long *parent_slot)
{
	struct task_struct *t = current;
	struct ftrace_graph_ent_entry e;

	if (!ftrace_push_return_trace(ip, parent_slot, 0))
		return;
	e.func = ip;
	e.depth = t->curr_ret_stack - 1;
	trace_fill_entry(&e.ent, TRACE_GRAPH_ENT);
	ring_buffer_write(global_trace_buffer, &e, sizeof(e));
}

/*
 * From return_to_handler with the function's %rax: record the return
 * (or run the return probe), hand back the real return address.
 */
notrace unsigned long ftrace_return_to_handler(unsigned long retval);
notrace unsigned long ftrace_return_to_handler(unsigned long retval)
{
	struct task_struct *t = current;
	struct ftrace_graph_ret_entry e;
	struct ftrace_ret_stack *rs;
	unsigned long flags, ret;

	local_irq_save(flags);
	rs = &t->ret_stack[--t->curr_ret_stack];
	ret = rs->ret;
	e.func = rs->func;
	e.depth = t->curr_ret_stack;
	e.calltime = rs->calltime;
	if (rs->kretprobe) {
		unsigned long caller = ret;
		int i = t->curr_ret_stack;

		/* Hooked by the graph tracer too: the real caller is further down. */
		while (caller == (unsigned long)return_to_handler && i > 0)
			caller = t->ret_stack[--i].ret;
		if (ftrace_recursion_enter()) {
			kretprobe_trace_func(rs->kretprobe, rs->func, caller, retval, flags);
			ftrace_recursion_exit();
		}
	} else if (READ_ONCE(ftrace_tracer) == TRACER_FUNCTION_GRAPH &&
		   rs->graph_gen == READ_ONCE(ftrace_graph_gen) && ftrace_recursion_enter()) {
		/*
		 * A task asleep in a hooked function (schedule()) returns long
		 * after the tracer changed: its return belongs to no trace.
		 */
		e.rettime = trace_clock_local();
		trace_fill_entry(&e.ent, TRACE_GRAPH_RET);
		ring_buffer_write(global_trace_buffer, &e, sizeof(e));
		ftrace_recursion_exit();
	}
	local_irq_restore(flags);
	return ret;
}
