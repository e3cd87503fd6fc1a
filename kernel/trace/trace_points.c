// SPDX-License-Identifier: GPL-2.0
/*
 * The static tracepoints of the scheduler and of interrupts: for each,
 * the record it writes, the fields its format file lists, and how it
 * prints.  Layouts and text follow Linux's events of the same name, so
 * a trace reads the same on both kernels.  The call sites are
 * trace_sched_switch() and friends (include/trace/events/).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/interrupt.h>
#include <trace/events/sched.h>
#include <trace/events/irq.h>
#include "trace.h"

#define EVENT_CALL(sys, ev, fmt)					\
	struct trace_event_call event_##ev = {				\
		.system = #sys, .name = #ev,				\
		.fields = ev##_fields, .nr_fields = ARRAY_SIZE(ev##_fields), \
		.print_fmt = fmt, .print = ev##_print,			\
	}

#define REC(ent, type)	((const struct type *)(ent))

/* ---- sched_switch ---- */

struct sched_switch_entry {
	struct trace_entry ent;
	char prev_comm[TASK_COMM_LEN];
	int prev_pid, prev_prio;
	long prev_state;
	char next_comm[TASK_COMM_LEN];
	int next_pid, next_prio;
};

static const struct ftrace_event_field sched_switch_fields[] = {
	TRACE_ARRAY_FIELD(char, prev_comm, 16, struct sched_switch_entry),
	TRACE_FIELD(pid_t, prev_pid, struct sched_switch_entry, 1),
	TRACE_FIELD(int, prev_prio, struct sched_switch_entry, 1),
	TRACE_FIELD(long, prev_state, struct sched_switch_entry, 1),
	TRACE_ARRAY_FIELD(char, next_comm, 16, struct sched_switch_entry),
	TRACE_FIELD(pid_t, next_pid, struct sched_switch_entry, 1),
	TRACE_FIELD(int, next_prio, struct sched_switch_entry, 1),
};

/* Linux's state letters; 0x100 is its "preempted" bit, printed as R+. */
#define SCHED_STATE_PREEMPTED	0x100

static const char *const state_letters = "SDTtXZPI";

static void sched_switch_print(struct trace_seq *s, const struct trace_entry *ent,
			       struct trace_event_call *call)
{
	const struct sched_switch_entry *e = REC(ent, sched_switch_entry);
	char state[12];
	int i, n = 0;

	for (i = 0; i < 8; i++)
		if (e->prev_state & (1 << i)) {
			if (n)
				state[n++] = '|';
			state[n++] = state_letters[i];
		}
	if (!n)
		state[n++] = 'R';
	if (e->prev_state & SCHED_STATE_PREEMPTED)
		state[n++] = '+';
	state[n] = '\0';
	trace_seq_printf(s, "prev_comm=%.16s prev_pid=%d prev_prio=%d prev_state=%s ==> "
			 "next_comm=%.16s next_pid=%d next_prio=%d",
			 e->prev_comm, e->prev_pid, e->prev_prio, state,
			 e->next_comm, e->next_pid, e->next_prio);
}

EVENT_CALL(sched, sched_switch,
	"\"prev_comm=%s prev_pid=%d prev_prio=%d prev_state=%s%s ==> next_comm=%s next_pid=%d "
	"next_prio=%d\", REC->prev_comm, REC->prev_pid, REC->prev_prio, (REC->prev_state & 0xff) ? "
	"__print_flags(REC->prev_state & 0xff, \"|\", { 0x01, \"S\" }, { 0x02, \"D\" }, "
	"{ 0x04, \"T\" }, { 0x08, \"t\" }, { 0x10, \"X\" }, { 0x20, \"Z\" }, { 0x40, \"P\" }, "
	"{ 0x80, \"I\" }) : \"R\", REC->prev_state & 0x100 ? \"+\" : \"\", REC->next_comm, "
	"REC->next_pid, REC->next_prio");

/* Lantern's state bits -> Linux's reported ones (its TASK_REPORT). */
static long sched_report_state(struct task_struct *p, bool preempt)
{
	long st = READ_ONCE(p->state), out = 0;

	if (preempt)
		return SCHED_STATE_PREEMPTED;
	if (st & TASK_INTERRUPTIBLE)
		out |= 0x01;
	if (st & TASK_UNINTERRUPTIBLE)
		out |= 0x02;
	if (st & __TASK_STOPPED)
		out |= 0x04;
	if (st & __TASK_TRACED)
		out |= 0x08;
	if (st & (TASK_DEAD | EXIT_DEAD))
		out |= 0x10;
	if (st & EXIT_ZOMBIE)
		out |= 0x20;
	if (st & TASK_PARKED)
		out |= 0x40;
	return out;
}

void __trace_sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct sched_switch_entry e;

	memcpy(e.prev_comm, prev->comm, TASK_COMM_LEN);
	e.prev_pid = prev->pid;
	e.prev_prio = prev->prio;
	e.prev_state = sched_report_state(prev, preempt);
	memcpy(e.next_comm, next->comm, TASK_COMM_LEN);
	e.next_pid = next->pid;
	e.next_prio = next->prio;
	trace_event_submit(&event_sched_switch, &e.ent, sizeof(e));
}

/* ---- sched_wakeup ---- */

struct sched_wakeup_entry {
	struct trace_entry ent;
	char comm[TASK_COMM_LEN];
	int pid, prio, target_cpu;
};

static const struct ftrace_event_field sched_wakeup_fields[] = {
	TRACE_ARRAY_FIELD(char, comm, 16, struct sched_wakeup_entry),
	TRACE_FIELD(pid_t, pid, struct sched_wakeup_entry, 1),
	TRACE_FIELD(int, prio, struct sched_wakeup_entry, 1),
	TRACE_FIELD(int, target_cpu, struct sched_wakeup_entry, 1),
};

static void sched_wakeup_print(struct trace_seq *s, const struct trace_entry *ent,
			       struct trace_event_call *call)
{
	const struct sched_wakeup_entry *e = REC(ent, sched_wakeup_entry);

	trace_seq_printf(s, "comm=%.16s pid=%d prio=%d target_cpu=%03d",
			 e->comm, e->pid, e->prio, e->target_cpu);
}

EVENT_CALL(sched, sched_wakeup,
	"\"comm=%s pid=%d prio=%d target_cpu=%03d\", REC->comm, REC->pid, REC->prio, "
	"REC->target_cpu");

void __trace_sched_wakeup(struct task_struct *p)
{
	struct sched_wakeup_entry e;

	memcpy(e.comm, p->comm, TASK_COMM_LEN);
	e.pid = p->pid;
	e.prio = p->prio;
	e.target_cpu = 0;	/* one run queue */
	trace_event_submit(&event_sched_wakeup, &e.ent, sizeof(e));
}

/* ---- sched_process_fork / exec / exit ---- */

struct sched_process_fork_entry {
	struct trace_entry ent;
	char parent_comm[TASK_COMM_LEN];
	int parent_pid;
	char child_comm[TASK_COMM_LEN];
	int child_pid;
};

static const struct ftrace_event_field sched_process_fork_fields[] = {
	TRACE_ARRAY_FIELD(char, parent_comm, 16, struct sched_process_fork_entry),
	TRACE_FIELD(pid_t, parent_pid, struct sched_process_fork_entry, 1),
	TRACE_ARRAY_FIELD(char, child_comm, 16, struct sched_process_fork_entry),
	TRACE_FIELD(pid_t, child_pid, struct sched_process_fork_entry, 1),
};

static void sched_process_fork_print(struct trace_seq *s, const struct trace_entry *ent,
				     struct trace_event_call *call)
{
	const struct sched_process_fork_entry *e = REC(ent, sched_process_fork_entry);

	trace_seq_printf(s, "comm=%.16s pid=%d child_comm=%.16s child_pid=%d",
			 e->parent_comm, e->parent_pid, e->child_comm, e->child_pid);
}

EVENT_CALL(sched, sched_process_fork,
	"\"comm=%s pid=%d child_comm=%s child_pid=%d\", REC->parent_comm, REC->parent_pid, "
	"REC->child_comm, REC->child_pid");

void __trace_sched_process_fork(struct task_struct *parent, struct task_struct *child)
{
	struct sched_process_fork_entry e;

	memcpy(e.parent_comm, parent->comm, TASK_COMM_LEN);
	e.parent_pid = parent->pid;
	memcpy(e.child_comm, child->comm, TASK_COMM_LEN);
	e.child_pid = child->pid;
	trace_event_submit(&event_sched_process_fork, &e.ent, sizeof(e));
}

struct sched_process_exec_entry {
	struct trace_entry ent;
	char filename[64];	/* Linux keeps the whole path (__data_loc); here the first 63 bytes */
	int pid, old_pid;
};

static const struct ftrace_event_field sched_process_exec_fields[] = {
	TRACE_ARRAY_FIELD(char, filename, 64, struct sched_process_exec_entry),
	TRACE_FIELD(pid_t, pid, struct sched_process_exec_entry, 1),
	TRACE_FIELD(pid_t, old_pid, struct sched_process_exec_entry, 1),
};

static void sched_process_exec_print(struct trace_seq *s, const struct trace_entry *ent,
				     struct trace_event_call *call)
{
	const struct sched_process_exec_entry *e = REC(ent, sched_process_exec_entry);

	trace_seq_printf(s, "filename=%.64s pid=%d old_pid=%d", e->filename, e->pid, e->old_pid);
}

EVENT_CALL(sched, sched_process_exec,
	"\"filename=%s pid=%d old_pid=%d\", REC->filename, REC->pid, REC->old_pid");

void __trace_sched_process_exec(struct task_struct *p, int old_pid, const char *filename)
{
	struct sched_process_exec_entry e;

	strscpy(e.filename, filename, sizeof(e.filename));
	e.pid = p->pid;
	e.old_pid = old_pid;
	trace_event_submit(&event_sched_process_exec, &e.ent, sizeof(e));
}

struct sched_process_exit_entry {
	struct trace_entry ent;
	char comm[TASK_COMM_LEN];
	int pid, prio;
};

static const struct ftrace_event_field sched_process_exit_fields[] = {
	TRACE_ARRAY_FIELD(char, comm, 16, struct sched_process_exit_entry),
	TRACE_FIELD(pid_t, pid, struct sched_process_exit_entry, 1),
	TRACE_FIELD(int, prio, struct sched_process_exit_entry, 1),
};

static void sched_process_exit_print(struct trace_seq *s, const struct trace_entry *ent,
				     struct trace_event_call *call)
{
	const struct sched_process_exit_entry *e = REC(ent, sched_process_exit_entry);

	trace_seq_printf(s, "comm=%.16s pid=%d prio=%d", e->comm, e->pid, e->prio);
}

EVENT_CALL(sched, sched_process_exit,
	"\"comm=%s pid=%d prio=%d\", REC->comm, REC->pid, REC->prio");

void __trace_sched_process_exit(struct task_struct *p)
{
	struct sched_process_exit_entry e;

	memcpy(e.comm, p->comm, TASK_COMM_LEN);
	e.pid = p->pid;
	e.prio = p->prio;
	trace_event_submit(&event_sched_process_exit, &e.ent, sizeof(e));
}

/* ---- irq_handler_entry / exit ---- */

struct irq_handler_entry_entry {
	struct trace_entry ent;
	int irq;
	char name[32];		/* Linux: __data_loc char[] name */
};

static const struct ftrace_event_field irq_handler_entry_fields[] = {
	TRACE_FIELD(int, irq, struct irq_handler_entry_entry, 1),
	TRACE_ARRAY_FIELD(char, name, 32, struct irq_handler_entry_entry),
};

static void irq_handler_entry_print(struct trace_seq *s, const struct trace_entry *ent,
				    struct trace_event_call *call)
{
	const struct irq_handler_entry_entry *e = REC(ent, irq_handler_entry_entry);

	trace_seq_printf(s, "irq=%d name=%.32s", e->irq, e->name);
}

EVENT_CALL(irq, irq_handler_entry, "\"irq=%d name=%s\", REC->irq, REC->name");

void __trace_irq_handler_entry(int irq, const char *name)
{
	struct irq_handler_entry_entry e;

	e.irq = irq;
	strscpy(e.name, name ? name : "", sizeof(e.name));
	trace_event_submit(&event_irq_handler_entry, &e.ent, sizeof(e));
}

struct irq_handler_exit_entry {
	struct trace_entry ent;
	int irq, ret;
};

static const struct ftrace_event_field irq_handler_exit_fields[] = {
	TRACE_FIELD(int, irq, struct irq_handler_exit_entry, 1),
	TRACE_FIELD(int, ret, struct irq_handler_exit_entry, 1),
};

static void irq_handler_exit_print(struct trace_seq *s, const struct trace_entry *ent,
				   struct trace_event_call *call)
{
	const struct irq_handler_exit_entry *e = REC(ent, irq_handler_exit_entry);

	trace_seq_printf(s, "irq=%d ret=%s", e->irq, e->ret ? "handled" : "unhandled");
}

EVENT_CALL(irq, irq_handler_exit,
	"\"irq=%d ret=%s\", REC->irq, REC->ret ? \"handled\" : \"unhandled\"");

void __trace_irq_handler_exit(int irq, int ret)
{
	struct irq_handler_exit_entry e;

	e.irq = irq;
	e.ret = ret;
	trace_event_submit(&event_irq_handler_exit, &e.ent, sizeof(e));
}

/* ---- softirq_entry / exit ---- */

struct softirq_entry_entry {
	struct trace_entry ent;
	unsigned int vec;
};

static const struct ftrace_event_field softirq_entry_fields[] = {
	TRACE_FIELD(unsigned int, vec, struct softirq_entry_entry, 0),
};
#define softirq_exit_fields softirq_entry_fields

static void softirq_entry_print(struct trace_seq *s, const struct trace_entry *ent,
				struct trace_event_call *call)
{
	unsigned int vec = REC(ent, softirq_entry_entry)->vec;

	trace_seq_printf(s, "vec=%u [action=%s]", vec,
			 vec < NR_SOFTIRQS ? softirq_to_name[vec] : "?");
}
#define softirq_exit_print softirq_entry_print

#define SOFTIRQ_FMT "\"vec=%u [action=%s]\", REC->vec, __print_symbolic(REC->vec, " \
	"{ 0, \"HI\" }, { 1, \"TIMER\" }, { 2, \"NET_TX\" }, { 3, \"NET_RX\" }, " \
	"{ 4, \"BLOCK\" }, { 5, \"IRQ_POLL\" }, { 6, \"TASKLET\" }, { 7, \"SCHED\" }, " \
	"{ 8, \"HRTIMER\" }, { 9, \"RCU\" })"
EVENT_CALL(irq, softirq_entry, SOFTIRQ_FMT);
EVENT_CALL(irq, softirq_exit, SOFTIRQ_FMT);

void __trace_softirq(struct trace_event_call *call, unsigned int vec)
{
	struct softirq_entry_entry e;

	e.vec = vec;
	trace_event_submit(call, &e.ent, sizeof(e));
}

/* Registered system by system: events/ makes each system's folder once. */
static struct trace_event_call *const static_events[] = {
	&event_irq_handler_entry, &event_irq_handler_exit,
	&event_softirq_entry, &event_softirq_exit,
	&event_sched_switch, &event_sched_wakeup, &event_sched_process_fork,
	&event_sched_process_exec, &event_sched_process_exit,
};

int init_trace_points(void)
{
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(static_events); i++) {
		err = trace_add_event_call(static_events[i]);
		if (err)
			return err;
	}
	return 0;
}
