// SPDX-License-Identifier: GPL-2.0
/*
 * How records read as text: Linux's trace format, column for column,
 *
 *            bash-97      [000] d..2.    41.528170: sched_switch: prev_comm=...
 *
 * (task and pid, CPU, the irqs-off / need-resched / hardirq-softirq /
 * preempt-depth / migrate-disable flags, seconds.microseconds, then the
 * event's own text), so readers written for Linux's trace (trace-cmd
 * style scripts, a learner's book) parse it.
 *
 * Records hold pids, not names: the names come from a small table of
 * recently seen pid -> comm ("saved_cmdlines" on Linux), which is why an
 * old record may print <...> once its task's slot was reused.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ring_buffer.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <asm/smp.h>
#include <asm/irqflags.h>
#include "trace.h"

#define SAVED_CMDLINES	128

struct saved_cmdline {
	int pid;
	char comm[TASK_COMM_LEN];
};

static struct saved_cmdline saved_cmdlines[SAVED_CMDLINES];
static DEFINE_SPINLOCK(cmdline_lock);	/* irqsave: tracepoints run in interrupts */

void trace_save_cmdline(int pid, const char *comm)
{
	struct saved_cmdline *sc = &saved_cmdlines[pid % SAVED_CMDLINES];
	unsigned long flags;

	if (sc->pid == pid && !strncmp(sc->comm, comm, TASK_COMM_LEN))
		return;
	spin_lock_irqsave(&cmdline_lock, flags);
	sc->pid = pid;
	strscpy(sc->comm, comm, TASK_COMM_LEN);
	spin_unlock_irqrestore(&cmdline_lock, flags);
}

static void trace_find_cmdline(int pid, char comm[TASK_COMM_LEN])
{
	struct saved_cmdline *sc = &saved_cmdlines[pid % SAVED_CMDLINES];
	unsigned long flags;

	if (pid == 0) {
		strscpy(comm, "<idle>", TASK_COMM_LEN);
		return;
	}
	spin_lock_irqsave(&cmdline_lock, flags);
	if (sc->pid == pid)
		strscpy(comm, sc->comm, TASK_COMM_LEN);
	else
		strscpy(comm, "<...>", TASK_COMM_LEN);
	spin_unlock_irqrestore(&cmdline_lock, flags);
}

void trace_print_header(struct trace_seq *s, unsigned long entries, unsigned long written)
{
	trace_seq_printf(s, "# tracer: %s\n#\n", trace_current_tracer_name());
	if (ftrace_tracer == TRACER_FUNCTION_GRAPH) {
		trace_seq_puts(s, "# CPU  DURATION                  FUNCTION CALLS\n"
				  "# |     |   |                     |   |   |   |\n");
		return;
	}
	trace_seq_printf(s, "# entries-in-buffer/entries-written: %lu/%lu   #P:%u\n#\n",
			 entries, written < entries ? entries : written, nr_cpu_ids);
	trace_seq_puts(s,
		"#                                _-----=> irqs-off/BH-disabled\n"
		"#                               / _----=> need-resched\n"
		"#                              | / _---=> hardirq/softirq\n"
		"#                              || / _--=> preempt-depth\n"
		"#                              ||| / _-=> migrate-disable\n"
		"#                              |||| /     delay\n"
		"#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
		"#              | |         |   |||||     |         |\n");
}

/* function_graph's columns: CPU, then the duration with Linux's overhead marks, then "|". */
static void graph_print_prefix(struct trace_seq *s, int cpu, bool has_time, u64 ns)
{
	char num[24], mark = ' ';
	u64 us = ns / 1000;

	if (!has_time) {
		trace_seq_printf(s, " %d) %14s|  ", cpu, "");
		return;
	}
	if (us > 1000000)
		mark = '$';
	else if (us > 100000)
		mark = '@';
	else if (us > 10000)
		mark = '*';
	else if (us > 1000)
		mark = '#';
	else if (us > 100)
		mark = '!';
	else if (us > 10)
		mark = '+';
	scnprintf(num, sizeof(num), "%llu.%03llu", us, ns % 1000);
	trace_seq_printf(s, " %d) %c%7s us   |  ", cpu, mark, num);
}

/* An entry followed at once by its own return is a leaf: "func();" on one line. */
static bool graph_print(struct trace_seq *s, const struct ring_buffer_event *ev,
			const struct ring_buffer_event *next)
{
	const struct trace_entry *ent = (const void *)ev->data;

	if (ent->type == TRACE_GRAPH_ENT) {
		const struct ftrace_graph_ent_entry *e = (const void *)ent;
		const struct ftrace_graph_ret_entry *r = next ? (const void *)next->data : NULL;

		if (r && r->ent.type == TRACE_GRAPH_RET && r->ent.pid == ent->pid &&
		    r->func == e->func && r->depth == e->depth) {
			graph_print_prefix(s, ev->cpu, true, r->rettime - r->calltime);
			trace_seq_printf(s, "%*s%ps();\n", e->depth * 2, "", (void *)e->func);
			return true;
		}
		graph_print_prefix(s, ev->cpu, false, 0);
		trace_seq_printf(s, "%*s%ps() {\n", e->depth * 2, "", (void *)e->func);
	} else {
		const struct ftrace_graph_ret_entry *r = (const void *)ent;

		graph_print_prefix(s, ev->cpu, true, r->rettime - r->calltime);
		trace_seq_printf(s, "%*s} /* %ps */\n", r->depth * 2, "", (void *)r->func);
	}
	return false;
}

static void trace_print_context(struct trace_seq *s, const struct trace_entry *ent, int cpu,
				u64 ts)
{
	char comm[TASK_COMM_LEN];
	unsigned char f = ent->flags;
	char hs = '.';

	trace_find_cmdline(ent->pid, comm);
	if ((f & TRACE_FLAG_HARDIRQ) && (f & TRACE_FLAG_SOFTIRQ))
		hs = 'H';
	else if (f & TRACE_FLAG_HARDIRQ)
		hs = 'h';
	else if (f & TRACE_FLAG_SOFTIRQ)
		hs = 's';
	trace_seq_printf(s, "%16s-%-7d [%03d] %c%c%c%c. %5llu.%06llu: ", comm, ent->pid, cpu,
			 (f & TRACE_FLAG_IRQS_OFF) ? 'd' : '.',
			 (f & TRACE_FLAG_NEED_RESCHED) ? 'N' : '.', hs,
			 ent->preempt_count ? "0123456789abcdef"[min_t(unsigned int, ent->preempt_count, 15)] : '.',
			 ts / 1000000000ULL, (ts % 1000000000ULL) / 1000);
}

bool trace_print_entry(struct trace_seq *s, const void *event, const void *next)
{
	const struct ring_buffer_event *ev = event;
	const struct trace_entry *ent = (const void *)ev->data;
	struct trace_event_call *call;
	unsigned long flags;

	if (ent->type == TRACE_GRAPH_ENT || ent->type == TRACE_GRAPH_RET)
		return graph_print(s, ev, next);
	trace_print_context(s, ent, ev->cpu, ev->ts);
	if (ent->type == TRACE_FN) {
		const struct ftrace_entry *f = (const void *)ent;

		trace_seq_printf(s, "%ps <-%ps\n", (void *)f->ip, (void *)f->parent_ip);
		return false;
	}
	if (ent->type == TRACE_PRINT) {
		trace_seq_printf(s, "tracing_mark_write: %s", ((const struct print_entry *)ent)->buf);
		return false;
	}
	/*
	 * A kprobe event may be deleted meanwhile: it is unpublished, then
	 * freed after a grace period, and with interrupts off here (an RCU
	 * read section) the call found stays whole until printed.
	 */
	local_irq_save(flags);
	call = trace_find_event(ent->type);
	if (!call) {
		local_irq_restore(flags);
		trace_seq_printf(s, "Unknown type %d\n", ent->type);
		return false;
	}
	if (!call->print_whole)
		trace_seq_printf(s, "%s: ", call->name);
	call->print(s, ent, call);
	local_irq_restore(flags);
	trace_seq_puts(s, "\n");
	return false;
}
