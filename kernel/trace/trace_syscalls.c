// SPDX-License-Identifier: GPL-2.0
/*
 * The syscalls trace events: events/syscalls/sys_enter_<name> and
 * sys_exit_<name> for every system call the kernel implements, made at
 * boot from the syscall table and from what each SYSCALL_DEFINEn records
 * about its arguments (struct syscall_metadata).  They read, as on Linux,
 *
 *	sys_read(fd: 0x3, buf: 0x7ffd51e0c6a0, count: 0x340)
 *	sys_read -> 0x340
 *
 * do_syscall_64 looks at one counter (how many of these are enabled)
 * before calling in here, so they cost nothing while all are off.
 * Calls with no SYSCALL_DEFINE (unimplemented: -ENOSYS) have no events.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/syscalls.h>
#include <linux/err.h>
#include "trace.h"

extern const struct syscall_metadata *const __start_syscalls_metadata[];
extern const struct syscall_metadata *const __stop_syscalls_metadata[];

int syscall_trace_count;		/* event_mutex to change */

struct syscall_trace_enter {
	struct trace_entry ent;
	int nr;
	unsigned long args[6];
};

struct syscall_trace_exit {
	struct trace_entry ent;
	int nr;
	long ret;
};

/* Per table number: the events, or NULL where the call has none. */
static struct trace_event_call **enter_calls, **exit_calls;
static unsigned int nr_calls;

void trace_sys_enter(struct pt_regs *regs, unsigned long nr)
{
	const unsigned long regargs[6] = { regs->di, regs->si, regs->dx, regs->r10, regs->r8, regs->r9 };
	struct trace_event_call *call;
	struct syscall_trace_enter e;
	const struct syscall_metadata *meta;

	if (nr >= nr_calls || !(call = enter_calls[nr]) || !READ_ONCE(call->enabled))
		return;
	meta = call->data;
	e.nr = nr;
	memset(e.args, 0, sizeof(e.args));
	memcpy(e.args, regargs, sizeof(long) * meta->nb_args);
	trace_event_submit(call, &e.ent, offsetof(struct syscall_trace_enter, args) +
			   sizeof(long) * meta->nb_args);
}

void trace_sys_exit(struct pt_regs *regs, long ret)
{
	unsigned long nr = regs->orig_ax;
	struct trace_event_call *call;
	struct syscall_trace_exit e;

	if (nr >= nr_calls || !(call = exit_calls[nr]) || !READ_ONCE(call->enabled))
		return;
	e.nr = nr;
	e.ret = ret;
	trace_event_submit(call, &e.ent, sizeof(e));
}

static void print_syscall_enter(struct trace_seq *s, const struct trace_entry *ent,
				struct trace_event_call *call)
{
	const struct syscall_trace_enter *e = (const void *)ent;
	const struct syscall_metadata *meta = call->data;
	int i;

	trace_seq_printf(s, "%s(", meta->name);
	for (i = 0; i < meta->nb_args; i++)
		trace_seq_printf(s, "%s%s: 0x%lx", i ? ", " : "", meta->args[i], e->args[i]);
	trace_seq_puts(s, ")");
}

static void print_syscall_exit(struct trace_seq *s, const struct trace_entry *ent,
			       struct trace_event_call *call)
{
	const struct syscall_trace_exit *e = (const void *)ent;
	const struct syscall_metadata *meta = call->data;

	trace_seq_printf(s, "%s -> 0x%lx", meta->name, e->ret);
}

static void syscall_event_reg(struct trace_event_call *call, bool on)
{
	WRITE_ONCE(syscall_trace_count, syscall_trace_count + (on ? 1 : -1));
}

static const struct ftrace_event_field syscall_exit_fields[] = {
	{ "int __syscall_nr", "__syscall_nr", offsetof(struct syscall_trace_exit, nr), 4, 1 },
	{ "long ret", "ret", offsetof(struct syscall_trace_exit, ret), 8, 1 },
};

/* The enter event's fields and print fmt: its arguments, named as the source names them. */
static int syscall_enter_describe(struct trace_event_call *call, const struct syscall_metadata *m)
{
	struct ftrace_event_field *f = kcalloc(m->nb_args + 1, sizeof(*f), GFP_KERNEL);
	char *fmt = kmalloc(512, GFP_KERNEL);
	int i, len = 0;

	if (!f || !fmt) {
		kfree(f);
		kfree(fmt);
		return -ENOMEM;
	}
	f[0] = (struct ftrace_event_field){ "int __syscall_nr", "__syscall_nr",
		offsetof(struct syscall_trace_enter, nr), 4, 1 };
	len += scnprintf(fmt + len, 512 - len, "\"");
	for (i = 0; i < m->nb_args; i++) {
		f[i + 1] = (struct ftrace_event_field){ m->types[i], m->args[i],
			offsetof(struct syscall_trace_enter, args[i]), sizeof(long), 0 };
		len += scnprintf(fmt + len, 512 - len, "%s%s: 0x%%08lx", i ? ", " : "", m->args[i]);
	}
	len += scnprintf(fmt + len, 512 - len, "\"");
	for (i = 0; i < m->nb_args; i++)
		len += scnprintf(fmt + len, 512 - len, ", ((unsigned long)(REC->%s))", m->args[i]);
	call->fields = f;
	call->nr_fields = m->nb_args + 1;
	call->print_fmt = fmt;
	return 0;
}

static struct trace_event_call *syscall_event_alloc(const struct syscall_metadata *m, bool enter)
{
	struct trace_event_call *call = kzalloc(sizeof(*call), GFP_KERNEL);
	char *name = kmalloc(strlen(m->name) + 8, GFP_KERNEL);

	if (!call || !name)
		goto out_free;
	/* m->name is "sys_<call>": the event is sys_enter_<call> / sys_exit_<call>. */
	sprintf(name, "sys_%s_%s", enter ? "enter" : "exit", m->name + 4);
	call->system = "syscalls";
	call->name = name;
	call->data = (void *)m;
	call->print_whole = true;
	call->reg = syscall_event_reg;
	if (enter) {
		call->print = print_syscall_enter;
		if (syscall_enter_describe(call, m))
			goto out_free;
	} else {
		call->print = print_syscall_exit;
		call->fields = syscall_exit_fields;
		call->nr_fields = ARRAY_SIZE(syscall_exit_fields);
		call->print_fmt = "\"0x%lx\", REC->ret";
	}
	if (trace_add_event_call(call))
		goto out_free;
	return call;
out_free:
	kfree(name);
	kfree(call);
	return NULL;
}

static const struct syscall_metadata *find_syscall_meta(sys_call_ptr_t fn)
{
	const struct syscall_metadata *const *p;

	for (p = __start_syscalls_metadata; p < __stop_syscalls_metadata; p++)
		if ((*p)->fn == fn)
			return *p;
	return NULL;
}

int __init init_syscall_events(void)
{
	unsigned int nr;

	nr_calls = syscall_table_size();
	enter_calls = kcalloc(nr_calls, sizeof(*enter_calls), GFP_KERNEL);
	exit_calls = kcalloc(nr_calls, sizeof(*exit_calls), GFP_KERNEL);
	if (!enter_calls || !exit_calls) {
		nr_calls = 0;
		return -ENOMEM;
	}
	for (nr = 0; nr < nr_calls; nr++) {
		sys_call_ptr_t fn = syscall_table_entry(nr);
		const struct syscall_metadata *m = fn ? find_syscall_meta(fn) : NULL;

		unsigned int i;

		/* Two numbers for one function (an alias) make one pair of events. */
		for (i = 0; m && i < nr; i++)
			if (enter_calls[i] && enter_calls[i]->data == m)
				m = NULL;
		if (!m)
			continue;
		enter_calls[nr] = syscall_event_alloc(m, true);
		exit_calls[nr] = syscall_event_alloc(m, false);
	}
	return 0;
}
