// SPDX-License-Identifier: GPL-2.0
/*
 * The events/ directory: one folder per trace event, grouped by
 * subsystem (events/sched/sched_switch/), each with
 *
 *	enable	0 or 1: is the tracepoint recording?
 *	id	the number its records carry in trace_entry.type
 *	format	the record's layout, field by field, and how it prints
 *	filter	an expression on the fields; records failing it are dropped
 *
 * plus set_event and available_events at the top, which name events as
 * "system:event".  The events themselves are declared where they fire
 * (include/trace/events/) and defined in trace_points.c; the syscall
 * events are made from the syscall table (trace_syscalls.c).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/tracefs.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/uaccess.h>
#include <linux/err.h>
#include "trace.h"

/*
 * Ids are never handed out twice: a record of a removed event (a kprobe
 * event deleted) may still sit in the buffer, and must not print as
 * another event's.
 */
#define TRACE_MAX_EVENTS	4096

static LIST_HEAD(ftrace_events);
static struct trace_event_call *events_by_id[TRACE_MAX_EVENTS];
static int next_event_id = TRACE_FIRST_EVENT_ID;

int trace_add_event_call(struct trace_event_call *call)
{
	if (next_event_id >= TRACE_MAX_EVENTS)
		return -ENOSPC;
	call->id = next_event_id++;
	events_by_id[call->id] = call;
	list_add_tail(&call->list, &ftrace_events);
	return 0;
}

/* event_mutex held; the caller has already taken @call off every tracepoint. */
static void trace_del_event_call(struct trace_event_call *call)
{
	unsigned long flags;

	/* The printer looks ids up with interrupts off: unpublish under the same. */
	local_irq_save(flags);
	events_by_id[call->id] = NULL;
	list_del(&call->list);
	local_irq_restore(flags);
}

struct trace_event_call *trace_find_event(int id)
{
	return id >= 0 && id < TRACE_MAX_EVENTS ? events_by_id[id] : NULL;
}

/* Glob with '*' and '?', as set_event and the filters' ~ take it. */
bool trace_glob_match(const char *pat, const char *str)
{
	if (!*pat)
		return !*str;
	if (*pat == '*')
		return trace_glob_match(pat + 1, str) || (*str && trace_glob_match(pat, str + 1));
	if (!*str)
		return false;
	return (*pat == '?' || *pat == *str) && trace_glob_match(pat + 1, str + 1);
}

/* event_mutex held. */
static void trace_event_enable(struct trace_event_call *call, bool on)
{
	if (!!call->enabled == on)
		return;
	if (call->reg)
		call->reg(call, on);
	WRITE_ONCE(call->enabled, on);
}

/* Turn on or off every event matching @sys:@name (either may be NULL: any). */
static int ftrace_set_clr_event(const char *sys, const char *name, bool on)
{
	struct trace_event_call *call;
	int found = 0;

	mutex_lock(&event_mutex);
	list_for_each_entry(call, &ftrace_events, list) {
		if (sys && !trace_glob_match(sys, call->system))
			continue;
		if (name && !trace_glob_match(name, call->name))
			continue;
		trace_event_enable(call, on);
		found++;
	}
	mutex_unlock(&event_mutex);
	return found ? 0 : -EINVAL;
}

/* One word of set_event: "sched:sched_switch", "sched:*", "sched", "!irq:*". */
static int ftrace_set_event_token(char *tok)
{
	bool on = true;
	char *colon;
	int err;

	if (*tok == '!') {
		on = false;
		tok++;
	}
	colon = strchr(tok, ':');
	if (colon) {
		*colon = '\0';
		return ftrace_set_clr_event(*tok ? tok : NULL,
					    colon[1] ? colon + 1 : NULL, on);
	}
	/* A bare word names an event, or else a whole system, as on Linux. */
	err = ftrace_set_clr_event(NULL, tok, on);
	if (err)
		err = ftrace_set_clr_event(tok, NULL, on);
	return err;
}

/* ---- generated text files: build the text at open, hand it out on read ---- */

struct text_file {
	size_t len;
	char buf[];
};

static ssize_t text_file_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	struct text_file *t = f->private_data;

	return t ? simple_read_from_buffer(ubuf, cnt, ppos, t->buf, t->len) : 0;
}

static int text_file_release(struct inode *inode, struct file *f)
{
	vfree(f->private_data);
	return 0;
}

static struct text_file *text_file_alloc(size_t size)
{
	return vzalloc(sizeof(struct text_file) + size);
}

__printf(2, 3) static void text_printf(struct text_file *t, const char *fmt, ...);
static size_t text_cap;		/* of the text_file being built; event_mutex */

static void text_printf(struct text_file *t, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	t->len += vscnprintf(t->buf + t->len, text_cap - t->len, fmt, args);
	va_end(args);
}

/* set_event (enabled) and available_events (all), "system:event" a line. */
static int event_list_open(struct inode *inode, struct file *f, bool only_enabled)
{
	struct trace_event_call *call;
	struct text_file *t;

	if ((f->f_mode & FMODE_WRITE) && only_enabled && (f->f_flags & O_TRUNC))
		ftrace_set_clr_event(NULL, NULL, false);	/* "echo > set_event" */
	if (!(f->f_mode & FMODE_READ))
		return 0;
	t = text_file_alloc(TRACE_MAX_EVENTS * 64);
	if (!t)
		return -ENOMEM;
	mutex_lock(&event_mutex);
	text_cap = TRACE_MAX_EVENTS * 64;
	list_for_each_entry(call, &ftrace_events, list)
		if (!only_enabled || call->enabled)
			text_printf(t, "%s:%s\n", call->system, call->name);
	mutex_unlock(&event_mutex);
	f->private_data = t;
	return 0;
}

static int set_event_open(struct inode *inode, struct file *f)
{
	return event_list_open(inode, f, true);
}

static int available_events_open(struct inode *inode, struct file *f)
{
	return event_list_open(inode, f, false);
}

static ssize_t set_event_write(struct file *f, const char __user *ubuf, size_t cnt,
			       loff_t *ppos)
{
	char *buf, *p, *tok;
	int err = 0;

	if (cnt > PAGE_SIZE)
		return -EINVAL;
	buf = kmalloc(cnt + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, ubuf, cnt)) {
		err = -EFAULT;
		goto out;
	}
	buf[cnt] = '\0';
	p = buf;
	while (!err && (tok = strsep(&p, " \t\n")) != NULL)
		if (*tok)
			err = ftrace_set_event_token(tok);
out:
	kfree(buf);
	if (err)
		return err;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations set_event_fops = {
	.open		= set_event_open,
	.read		= text_file_read,
	.write		= set_event_write,
	.release	= text_file_release,
	.llseek		= default_llseek,
};

static const struct file_operations available_events_fops = {
	.open		= available_events_open,
	.read		= text_file_read,
	.release	= text_file_release,
	.llseek		= default_llseek,
};

/* ---- events/<sys>/<event>/ ---- */

/*
 * An event's files hold its id, not the call: a dynamic event may be
 * deleted while its files are open, and then the id finds nothing
 * (-ENODEV).  event_mutex held.
 */
static struct trace_event_call *event_file_call(struct file *f)
{
	return trace_find_event((int)(long)file_inode(f)->i_private);
}

static ssize_t event_enable_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	struct trace_event_call *call;
	char buf[2] = { '0', '\n' };

	mutex_lock(&event_mutex);
	call = event_file_call(f);
	if (call && call->enabled)
		buf[0] = '1';
	mutex_unlock(&event_mutex);
	if (!call)
		return -ENODEV;
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, 2);
}

static int read_bool(const char __user *ubuf, size_t cnt, bool *val)
{
	char buf[8];

	if (!cnt || cnt >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, cnt))
		return -EFAULT;
	buf[cnt] = '\0';
	strim(buf);
	if (strcmp(buf, "0") && strcmp(buf, "1"))
		return -EINVAL;
	*val = buf[0] == '1';
	return 0;
}

static ssize_t event_enable_write(struct file *f, const char __user *ubuf, size_t cnt,
				  loff_t *ppos)
{
	struct trace_event_call *call;
	bool on;
	int err = read_bool(ubuf, cnt, &on);

	if (err)
		return err;

	mutex_lock(&event_mutex);
	call = event_file_call(f);
	if (call)
		trace_event_enable(call, on);
	mutex_unlock(&event_mutex);
	if (!call)
		return -ENODEV;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations event_enable_fops = {
	.read	= event_enable_read,
	.write	= event_enable_write,
	.llseek	= default_llseek,
};

/* events/<sys>/enable and events/enable: 0, 1, or X when mixed. */
static ssize_t system_enable_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	const char *sys = file_inode(f)->i_private;
	struct trace_event_call *call;
	int state = -1;
	char buf[2];

	mutex_lock(&event_mutex);
	list_for_each_entry(call, &ftrace_events, list) {
		if (sys && strcmp(sys, call->system))
			continue;
		if (state == -1)
			state = !!call->enabled;
		else if (state != !!call->enabled)
			state = 2;
	}
	mutex_unlock(&event_mutex);
	buf[0] = state == 2 ? 'X' : state == 1 ? '1' : '0';
	buf[1] = '\n';
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, 2);
}

static ssize_t system_enable_write(struct file *f, const char __user *ubuf, size_t cnt,
				   loff_t *ppos)
{
	const char *sys = file_inode(f)->i_private;
	bool on;
	int err = read_bool(ubuf, cnt, &on);

	if (err)
		return err;
	ftrace_set_clr_event(sys, NULL, on);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations system_enable_fops = {
	.read	= system_enable_read,
	.write	= system_enable_write,
	.llseek	= default_llseek,
};

static ssize_t event_id_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	char buf[16];
	int len = scnprintf(buf, sizeof(buf), "%d\n", (int)(long)file_inode(f)->i_private);

	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static const struct file_operations event_id_fops = {
	.read	= event_id_read,
	.llseek	= default_llseek,
};

static const struct ftrace_event_field common_fields[] = {
	{ "unsigned short common_type", "common_type", 0, 2, 0 },
	{ "unsigned char common_flags", "common_flags", 2, 1, 0 },
	{ "unsigned char common_preempt_count", "common_preempt_count", 3, 1, 0 },
	{ "int common_pid", "common_pid", 4, 4, 1 },
};

const struct ftrace_event_field *trace_find_event_field(struct trace_event_call *call,
							  const char *name)
{
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(common_fields); i++)
		if (!strcmp(common_fields[i].name, name))
			return &common_fields[i];
	for (i = 0; i < call->nr_fields; i++)
		if (!strcmp(call->fields[i].name, name))
			return &call->fields[i];
	return NULL;
}

/* A field's declaration as the format file gives it: "int pid", "char comm[16]". */
static void print_field(struct text_file *t, const struct ftrace_event_field *fl)
{
	if (!strncmp(fl->type, "__data_loc ", 11))
		text_printf(t, "\tfield:%s %s;", fl->type, fl->name);
	else if (strchr(fl->type, ' ') && strchr(fl->type, '['))
		text_printf(t, "\tfield:%s;", fl->type);
	else if (!strcmp(fl->type + strlen(fl->type) - strlen(fl->name), fl->name) &&
		 strlen(fl->type) > strlen(fl->name))
		text_printf(t, "\tfield:%s;", fl->type);
	else
		text_printf(t, "\tfield:%s %s;", fl->type, fl->name);
	text_printf(t, "\toffset:%d;\tsize:%d;\tsigned:%d;\n", fl->offset, fl->size, fl->is_signed);
}

static int event_format_open(struct inode *inode, struct file *f)
{
	struct trace_event_call *call;
	struct text_file *t = text_file_alloc(8192);
	unsigned int i;

	if (!t)
		return -ENOMEM;
	mutex_lock(&event_mutex);
	call = event_file_call(f);
	if (!call) {
		mutex_unlock(&event_mutex);
		vfree(t);
		return -ENODEV;
	}
	text_cap = 8192;
	text_printf(t, "name: %s\nID: %d\nformat:\n", call->name, call->id);
	for (i = 0; i < ARRAY_SIZE(common_fields); i++)
		print_field(t, &common_fields[i]);
	text_printf(t, "\n");
	for (i = 0; i < (unsigned int)call->nr_fields; i++)
		print_field(t, &call->fields[i]);
	text_printf(t, "\nprint fmt: %s\n", call->print_fmt);
	mutex_unlock(&event_mutex);
	f->private_data = t;
	return 0;
}

static const struct file_operations event_format_fops = {
	.open		= event_format_open,
	.read		= text_file_read,
	.release	= text_file_release,
	.llseek		= default_llseek,
};

static ssize_t event_filter_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	struct trace_event_call *call;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t ret;
	int len;

	if (!buf)
		return -ENOMEM;
	mutex_lock(&event_mutex);
	call = event_file_call(f);
	len = scnprintf(buf, PAGE_SIZE, "%s\n", !call ? "" :
			call->filter ? event_filter_string(call->filter) : "none");
	mutex_unlock(&event_mutex);
	if (!call) {
		kfree(buf);
		return -ENODEV;
	}
	ret = simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
	kfree(buf);
	return ret;
}

/*
 * A new filter replaces the old one whole.  The old one is freed at
 * once: a tracepoint reads call->filter with interrupts off, and on one
 * CPU nothing can be inside it while we run.  (SMP will need RCU here.)
 */
static ssize_t event_filter_write(struct file *f, const char __user *ubuf, size_t cnt,
				  loff_t *ppos)
{
	struct trace_event_call *call;
	struct event_filter *filter = NULL, *old;
	char *buf;
	int err;

	if (cnt >= PAGE_SIZE)
		return -EINVAL;
	buf = kmalloc(cnt + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	err = -EFAULT;
	if (copy_from_user(buf, ubuf, cnt))
		goto out;
	buf[cnt] = '\0';
	strim(buf);
	mutex_lock(&event_mutex);
	call = event_file_call(f);
	err = call ? 0 : -ENODEV;
	if (call && strcmp(buf, "0") && *buf)	/* "0" or nothing clears it */
		err = create_event_filter(call, buf, &filter);
	if (!err && call) {
		old = call->filter;
		WRITE_ONCE(call->filter, filter);
		free_event_filter(old);
	}
	mutex_unlock(&event_mutex);
out:
	kfree(buf);
	if (err)
		return err;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations event_filter_fops = {
	.read	= event_filter_read,
	.write	= event_filter_write,
	.llseek	= default_llseek,
};

static struct dentry *event_create_dir(struct dentry *sys_dir, struct trace_event_call *call)
{
	struct dentry *d = tracefs_create_dir(call->name, sys_dir);
	void *id = (void *)(long)call->id;

	if (IS_ERR(d))
		return d;
	tracefs_create_file("enable", 0644, d, id, &event_enable_fops);
	tracefs_create_file("id", 0444, d, id, &event_id_fops);
	tracefs_create_file("format", 0444, d, id, &event_format_fops);
	tracefs_create_file("filter", 0644, d, id, &event_filter_fops);
	return d;
}

/*
 * events/<system>/: made when its first event is.  A system's record
 * (and the name its enable file points at) stays once made, so an open
 * enable file never sees it freed; only the folder goes when the last
 * dynamic event of the system does.
 */
struct event_subsystem {
	struct list_head list;
	const char *name;
	struct dentry *dir;		/* NULL while it has no events */
};

static LIST_HEAD(event_subsystems);	/* event_mutex */
static struct dentry *events_dir;

static struct dentry *event_system_dir(const char *sys)
{
	struct event_subsystem *es;
	struct dentry *d;

	list_for_each_entry(es, &event_subsystems, list)
		if (!strcmp(es->name, sys))
			goto found;
	es = kzalloc(sizeof(*es), GFP_KERNEL);
	if (!es)
		return ERR_PTR(-ENOMEM);
	es->name = kstrdup(sys, GFP_KERNEL);
	if (!es->name) {
		kfree(es);
		return ERR_PTR(-ENOMEM);
	}
	list_add_tail(&es->list, &event_subsystems);
found:
	if (es->dir)
		return es->dir;
	d = tracefs_create_dir(sys, events_dir);
	if (IS_ERR(d))
		return d;
	tracefs_create_file("enable", 0644, d, (void *)es->name, &system_enable_fops);
	es->dir = d;
	return d;
}

/* Add @call (its name, system, fields and print set) with its folder; event_mutex held. */
int trace_add_dynamic_event(struct trace_event_call *call)
{
	struct dentry *sys_dir;
	int err;

	if (!events_dir)
		return -ENODEV;
	sys_dir = event_system_dir(call->system);
	if (IS_ERR(sys_dir))
		return PTR_ERR(sys_dir);
	err = trace_add_event_call(call);
	if (err)
		return err;
	call->dir = event_create_dir(sys_dir, call);
	if (IS_ERR(call->dir)) {
		err = PTR_ERR(call->dir);
		trace_del_event_call(call);
		return err;
	}
	return 0;
}

/*
 * Take @call away, folder and all; event_mutex held and @call disabled.
 * Its filter is freed here; the call itself is the caller's to free.
 */
void trace_remove_dynamic_event(struct trace_event_call *call)
{
	struct trace_event_call *other;
	struct event_subsystem *es;

	trace_del_event_call(call);
	tracefs_remove(call->dir);
	free_event_filter(call->filter);
	call->filter = NULL;
	list_for_each_entry(other, &ftrace_events, list)
		if (!strcmp(other->system, call->system))
			return;
	list_for_each_entry(es, &event_subsystems, list)
		if (!strcmp(es->name, call->system) && es->dir) {
			tracefs_remove(es->dir);
			es->dir = NULL;
		}
}

/* Is there an event @sys/@name?  event_mutex held. */
struct trace_event_call *trace_find_event_by_name(const char *sys, const char *name)
{
	struct trace_event_call *call;

	list_for_each_entry(call, &ftrace_events, list)
		if ((!sys || !strcmp(call->system, sys)) && !strcmp(call->name, name))
			return call;
	return NULL;
}

int trace_events_init(struct dentry *root)
{
	struct trace_event_call *call;
	struct dentry *sys_dir;
	int err;

	err = init_trace_points();
	if (!err)
		err = init_trace_points_io();
	if (!err)
		err = init_syscall_events();
	if (err)
		pr_err("trace events: %d registering events\n", err);
	tracefs_create_file("set_event", 0644, root, NULL, &set_event_fops);
	tracefs_create_file("available_events", 0444, root, NULL, &available_events_fops);
	events_dir = tracefs_create_dir("events", root);
	if (IS_ERR(events_dir)) {
		err = PTR_ERR(events_dir);
		events_dir = NULL;
		return err;
	}
	tracefs_create_file("enable", 0644, events_dir, NULL, &system_enable_fops);
	mutex_lock(&event_mutex);
	list_for_each_entry(call, &ftrace_events, list) {
		sys_dir = event_system_dir(call->system);
		if (IS_ERR(sys_dir)) {
			mutex_unlock(&event_mutex);
			return PTR_ERR(sys_dir);
		}
		call->dir = event_create_dir(sys_dir, call);
	}
	mutex_unlock(&event_mutex);
	return 0;
}
