// SPDX-License-Identifier: GPL-2.0
/*
 * ftrace's front end: the control files of tracefs (/sys/kernel/tracing,
 * also /sys/kernel/debug/tracing) and the text a learner reads back.
 *
 * Records come from tracepoints (trace_events.c: sched_switch, the
 * syscalls, ...) and from trace_marker, go through the pid and field
 * filters, and land in a per-CPU ring buffer (ring_buffer.c).  Reading
 * "trace" formats a snapshot of the buffer, leaving it intact; reading
 * "trace_pipe" consumes records and waits for new ones.  The text is
 * Linux's (trace_output.c), so what a learner sees matches the books.
 *
 * Tracers: "nop" (events only), "function" and "function_graph"
 * (ftrace.c, trace_functions_graph.c), chosen in current_tracer.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/tracefs.h>
#include <linux/ring_buffer.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/preempt.h>
#include <linux/jiffies.h>
#include <linux/err.h>
#include <asm/smp.h>
#include <asm/irqflags.h>
#include "trace.h"

#define TRACE_BUF_SIZE_DEFAULT	(1408UL * 1024)	/* per CPU, Linux's default */
#define TRACE_MAX_PIDS		64

struct trace_buffer *global_trace_buffer;
struct dentry *trace_root;
DEFINE_MUTEX(event_mutex);	/* events' enable/filter state, the pid list */

/* set_event_pid: read by every tracepoint without the mutex, so changed whole. */
static int event_pids[TRACE_MAX_PIDS];
static int nr_event_pids;

bool trace_ignore_this_task(void)
{
	int i, n = READ_ONCE(nr_event_pids);

	if (!n)
		return false;
	for (i = 0; i < n; i++)
		if (READ_ONCE(event_pids[i]) == current->pid)
			return false;
	return true;
}

void trace_seq_printf(struct trace_seq *s, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	s->len += vscnprintf(s->buf + s->len, sizeof(s->buf) - s->len, fmt, args);
	va_end(args);
}

void trace_seq_puts(struct trace_seq *s, const char *str)
{
	trace_seq_printf(s, "%s", str);
}

static unsigned char tracing_gen_flags(void)
{
	unsigned char f = 0;

	if (irqs_disabled())
		f |= TRACE_FLAG_IRQS_OFF;
	if (test_tsk_thread_flag(current, TIF_NEED_RESCHED))
		f |= TRACE_FLAG_NEED_RESCHED;
	if (in_hardirq())
		f |= TRACE_FLAG_HARDIRQ;
	if (in_serving_softirq())
		f |= TRACE_FLAG_SOFTIRQ;
	return f;
}

void trace_fill_entry(struct trace_entry *ent, unsigned short type)
{
	ent->type = type;
	ent->flags = tracing_gen_flags();
	ent->preempt_count = preempt_count() & 0xff;
	ent->pid = current->pid;
	trace_save_cmdline(current->pid, current->comm);
}

void trace_event_submit(struct trace_event_call *call, struct trace_entry *ent, unsigned int size)
{
	trace_event_submit_irqs(call, ent, size, -1);
}

/*
 * As trace_event_submit, for a probe whose handler runs with interrupts
 * off: @irqs_were_on (0 or 1) says what the probed code had, which is
 * what the record's flags should show.
 */
void trace_event_submit_irqs(struct trace_event_call *call, struct trace_entry *ent,
			     unsigned int size, int irqs_were_on)
{
	struct event_filter *filter;

	if (!global_trace_buffer || trace_ignore_this_task())
		return;
	trace_fill_entry(ent, call->id);
	if (irqs_were_on == 1)
		ent->flags &= ~TRACE_FLAG_IRQS_OFF;
	filter = READ_ONCE(call->filter);
	if (filter && !filter_match_preds(filter, ent))
		return;
	ring_buffer_write(global_trace_buffer, ent, size);
}

/* ---- small files holding one value ---- */

/* Copy a short user write into @buf as a trimmed string. */
static ssize_t trace_get_user_string(char *buf, size_t size, const char __user *ubuf, size_t cnt)
{
	if (cnt >= size)
		return -EINVAL;
	if (copy_from_user(buf, ubuf, cnt))
		return -EFAULT;
	buf[cnt] = '\0';
	return 0;
}

static ssize_t tracing_on_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	char buf[4];
	int len = scnprintf(buf, sizeof(buf), "%d\n",
			    ring_buffer_record_is_on(global_trace_buffer));

	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t tracing_on_write(struct file *f, const char __user *ubuf, size_t cnt,
				loff_t *ppos)
{
	char buf[32];
	unsigned long val;
	ssize_t err = trace_get_user_string(buf, sizeof(buf), ubuf, cnt);

	if (err)
		return err;
	if (kstrtoul(strim(buf), 10, &val))
		return -EINVAL;
	if (val)
		ring_buffer_record_on(global_trace_buffer);
	else
		ring_buffer_record_off(global_trace_buffer);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations tracing_on_fops = {
	.read	= tracing_on_read,
	.write	= tracing_on_write,
	.llseek	= default_llseek,
};

static ssize_t buffer_size_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	char buf[32];
	int len = scnprintf(buf, sizeof(buf), "%lu\n",
			    ring_buffer_size(global_trace_buffer) >> 10);

	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t buffer_size_write(struct file *f, const char __user *ubuf, size_t cnt,
				 loff_t *ppos)
{
	char buf[32];
	unsigned long kb;
	ssize_t err = trace_get_user_string(buf, sizeof(buf), ubuf, cnt);

	if (err)
		return err;
	if (kstrtoul(strim(buf), 10, &kb) || !kb)
		return -EINVAL;
	if (kb > 64 * 1024)	/* 64 MiB a CPU: beyond it a typo eats the machine */
		return -ENOMEM;
	err = ring_buffer_resize(global_trace_buffer, kb << 10);
	if (err)
		return err;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations buffer_size_fops = {
	.read	= buffer_size_read,
	.write	= buffer_size_write,
	.llseek	= default_llseek,
};

static const char *const tracer_names[] = {
	[TRACER_NOP]		= "nop",
	[TRACER_FUNCTION]	= "function",
	[TRACER_FUNCTION_GRAPH]	= "function_graph",
};

const char *trace_current_tracer_name(void)
{
	return tracer_names[READ_ONCE(ftrace_tracer)];
}

static ssize_t current_tracer_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	char buf[32];
	int len = scnprintf(buf, sizeof(buf), "%s\n", trace_current_tracer_name());

	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

/* Changing the tracer empties the buffer, as on Linux: old and new records do not mix. */
static ssize_t current_tracer_write(struct file *f, const char __user *ubuf, size_t cnt,
				    loff_t *ppos)
{
	char buf[64];
	unsigned int i;
	ssize_t err = trace_get_user_string(buf, sizeof(buf), ubuf, cnt);

	if (err)
		return err;
	strim(buf);
	for (i = 0; i < ARRAY_SIZE(tracer_names); i++)
		if (!strcmp(buf, tracer_names[i]))
			break;
	if (i == ARRAY_SIZE(tracer_names) || (i != TRACER_NOP && !ftrace_available()))
		return -EINVAL;		/* not in available_tracers */
	if (i != (unsigned int)READ_ONCE(ftrace_tracer)) {
		err = ftrace_set_tracer(i);
		if (err)
			return err;
		ring_buffer_reset(global_trace_buffer);
	}
	*ppos += cnt;
	return cnt;
}

static const struct file_operations current_tracer_fops = {
	.read	= current_tracer_read,
	.write	= current_tracer_write,
	.llseek	= default_llseek,
};

static ssize_t available_tracers_read(struct file *f, char __user *ubuf, size_t cnt,
				      loff_t *ppos)
{
	const char *list = ftrace_available() ? "function_graph function nop\n" : "nop\n";

	return simple_read_from_buffer(ubuf, cnt, ppos, list, strlen(list));
}

static const struct file_operations available_tracers_fops = {
	.read	= available_tracers_read,
	.llseek	= default_llseek,
};

/*
 * Every clock here is the same nanosecond counter (sched_clock: the TSC),
 * which on one CPU is local, global and monotonic at once; the names are
 * accepted so scripts that pick one keep working.
 */
static const char *const trace_clocks[] = { "local", "global", "mono", "boot" };
static unsigned int trace_clock_id;

static ssize_t trace_clock_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	char buf[64];
	int len = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(trace_clocks); i++)
		len += scnprintf(buf + len, sizeof(buf) - len, i == trace_clock_id ? "[%s]%s" : "%s%s",
				 trace_clocks[i], i + 1 < ARRAY_SIZE(trace_clocks) ? " " : "\n");
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t trace_clock_write(struct file *f, const char __user *ubuf, size_t cnt,
				 loff_t *ppos)
{
	char buf[32];
	unsigned int i;
	ssize_t err = trace_get_user_string(buf, sizeof(buf), ubuf, cnt);

	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(trace_clocks); i++)
		if (!strcmp(strim(buf), trace_clocks[i]))
			break;
	if (i == ARRAY_SIZE(trace_clocks))
		return -EINVAL;
	trace_clock_id = i;
	ring_buffer_reset(global_trace_buffer);	/* old and new stamps do not compare */
	*ppos += cnt;
	return cnt;
}

static const struct file_operations trace_clock_fops = {
	.read	= trace_clock_read,
	.write	= trace_clock_write,
	.llseek	= default_llseek,
};

/* trace_marker: user space writes a line into the trace, between the kernel's events. */
static ssize_t trace_marker_write(struct file *f, const char __user *ubuf, size_t cnt,
				  loff_t *ppos)
{
	struct print_entry *e;
	size_t len = min_t(size_t, cnt, 1024);	/* longer writes are cut, as on Linux */

	if (!ring_buffer_record_is_on(global_trace_buffer))
		return -EBADF;	/* Linux's answer: as if not open for writing */
	e = kmalloc(sizeof(*e) + len + 2, GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	if (copy_from_user(e->buf, ubuf, len)) {
		kfree(e);
		return -EFAULT;
	}
	if (!len || e->buf[len - 1] != '\n')
		e->buf[len++] = '\n';
	e->buf[len] = '\0';
	trace_fill_entry(&e->ent, TRACE_PRINT);
	ring_buffer_write(global_trace_buffer, e, sizeof(*e) + len + 1);
	kfree(e);
	return cnt;
}

static const struct file_operations trace_marker_fops = {
	.write	= trace_marker_write,
	.llseek	= noop_llseek,
};

/* set_event_pid: only these tasks' events are recorded; writing nothing clears it. */
static ssize_t event_pid_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	char *buf = kmalloc(TRACE_MAX_PIDS * 12 + 1, GFP_KERNEL);
	int i, len = 0;
	ssize_t ret;

	if (!buf)
		return -ENOMEM;
	mutex_lock(&event_mutex);
	for (i = 0; i < nr_event_pids; i++)
		len += scnprintf(buf + len, TRACE_MAX_PIDS * 12 + 1 - len, "%d\n", event_pids[i]);
	mutex_unlock(&event_mutex);
	ret = simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
	kfree(buf);
	return ret;
}

static int event_pid_open(struct inode *inode, struct file *f)
{
	/* "echo > set_event_pid" (O_TRUNC) starts a new list, ">>" adds to it. */
	if ((f->f_mode & FMODE_WRITE) && (f->f_flags & O_TRUNC)) {
		mutex_lock(&event_mutex);
		WRITE_ONCE(nr_event_pids, 0);
		mutex_unlock(&event_mutex);
	}
	return 0;
}

static ssize_t event_pid_write(struct file *f, const char __user *ubuf, size_t cnt,
			       loff_t *ppos)
{
	char buf[256], *p, *tok;
	ssize_t err = trace_get_user_string(buf, sizeof(buf), ubuf, cnt);
	int pid, n;

	if (err)
		return err;
	mutex_lock(&event_mutex);
	n = nr_event_pids;
	p = buf;
	while ((tok = strsep(&p, " \t\n")) != NULL) {
		if (!*tok)
			continue;
		if (kstrtoint(tok, 10, &pid) || pid < 0) {
			err = -EINVAL;
			break;
		}
		if (n == TRACE_MAX_PIDS) {
			err = -ENOSPC;
			break;
		}
		WRITE_ONCE(event_pids[n++], pid);
	}
	if (!err)
		WRITE_ONCE(nr_event_pids, n);	/* published after the pids it counts */
	mutex_unlock(&event_mutex);
	if (err)
		return err;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations event_pid_fops = {
	.open	= event_pid_open,
	.read	= event_pid_read,
	.write	= event_pid_write,
	.llseek	= default_llseek,
};

/* ---- trace: the whole buffer as text, without consuming it ---- */

struct trace_iterator {
	void *snap;		/* ring_buffer_snapshot() */
	size_t snap_len, snap_pos;
	struct trace_seq seq;	/* the line being handed out */
	size_t seq_pos;
	bool header_done;
	unsigned long entries, written;
};

static int tracing_open(struct inode *inode, struct file *f)
{
	struct trace_iterator *it;

	/* "echo > trace" (O_TRUNC) empties the buffer. */
	if ((f->f_mode & FMODE_WRITE) && (f->f_flags & O_TRUNC))
		ring_buffer_reset(global_trace_buffer);
	if (!(f->f_mode & FMODE_READ))
		return 0;
	it = kzalloc(sizeof(*it), GFP_KERNEL);
	if (!it)
		return -ENOMEM;
	it->entries = ring_buffer_entries(global_trace_buffer);
	/* As Linux counts it: what is held plus what was overwritten. */
	it->written = it->entries + ring_buffer_overruns(global_trace_buffer);
	it->snap = ring_buffer_snapshot(global_trace_buffer, &it->snap_len);
	if (!it->snap) {
		kfree(it);
		return -ENOMEM;
	}
	f->private_data = it;
	return 0;
}

static int tracing_release(struct inode *inode, struct file *f)
{
	struct trace_iterator *it = f->private_data;

	if (it) {
		vfree(it->snap);
		kfree(it);
	}
	return 0;
}

/* Fill it->seq with the next line(s); false at the end. */
static bool trace_next_text(struct trace_iterator *it)
{
	const struct ring_buffer_event *ev, *next;

	it->seq.len = 0;
	it->seq_pos = 0;
	if (!it->header_done) {
		it->header_done = true;
		trace_print_header(&it->seq, it->entries, it->written);
		return true;
	}
	if (it->snap_pos >= it->snap_len)
		return false;
	ev = it->snap + it->snap_pos;
	it->snap_pos += ev->len;
	next = it->snap_pos < it->snap_len ? it->snap + it->snap_pos : NULL;
	if (trace_print_entry(&it->seq, ev, next))
		it->snap_pos += next->len;	/* printed together with ev */
	return true;
}

static ssize_t tracing_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	struct trace_iterator *it = f->private_data;
	size_t done = 0;

	while (done < cnt) {
		size_t n;

		if (it->seq_pos == it->seq.len && !trace_next_text(it))
			break;
		n = min(cnt - done, it->seq.len - it->seq_pos);
		if (copy_to_user(ubuf + done, it->seq.buf + it->seq_pos, n))
			return done ? (ssize_t)done : -EFAULT;
		it->seq_pos += n;
		done += n;
	}
	*ppos += done;
	return done;
}

static ssize_t tracing_write(struct file *f, const char __user *ubuf, size_t cnt, loff_t *ppos)
{
	return cnt;	/* the open already emptied it */
}

static const struct file_operations tracing_fops = {
	.open		= tracing_open,
	.read		= tracing_read,
	.write		= tracing_write,
	.release	= tracing_release,
	.llseek		= noop_llseek,
};

/* ---- trace_pipe: consume records, waiting for them ---- */

#define TRACE_PIPE_REC_MAX	2048

struct trace_pipe_state {
	struct trace_seq seq;
	size_t seq_pos;
	unsigned char rec[TRACE_PIPE_REC_MAX];
};

static int tracing_pipe_open(struct inode *inode, struct file *f)
{
	struct trace_pipe_state *st = kzalloc(sizeof(*st), GFP_KERNEL);

	if (!st)
		return -ENOMEM;
	f->private_data = st;
	return stream_open(inode, f);
}

static int tracing_pipe_release(struct inode *inode, struct file *f)
{
	kfree(f->private_data);
	return 0;
}

/*
 * Wait for a record.  Writers cannot wake us: they run inside the
 * scheduler with its lock held, where a wake_up would take it again.
 * Linux defers that wake-up to an irq_work; here the reader looks again
 * every 10 ms, which costs nothing while tracing is idle and bounds the
 * delay a learner sees.
 */
static int tracing_wait_pipe(struct file *f)
{
	while (ring_buffer_empty(global_trace_buffer)) {
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (signal_pending(current))
			return -ERESTARTSYS;
		schedule_timeout_interruptible(msecs_to_jiffies(10) ?: 1);
	}
	return 0;
}

static ssize_t tracing_pipe_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	struct trace_pipe_state *st = f->private_data;
	size_t done = 0;
	int cpu = 0, len, err;

	if (st->seq_pos == st->seq.len) {
		err = tracing_wait_pipe(f);
		if (err)
			return err;
	}
	while (done < cnt) {
		size_t n;

		if (st->seq_pos == st->seq.len) {
			len = ring_buffer_consume(global_trace_buffer, st->rec, sizeof(st->rec), &cpu);
			if (len <= 0)
				break;
			st->seq.len = st->seq_pos = 0;
			trace_print_entry(&st->seq, st->rec, NULL);
			continue;
		}
		n = min(cnt - done, st->seq.len - st->seq_pos);
		if (copy_to_user(ubuf + done, st->seq.buf + st->seq_pos, n))
			return done ? (ssize_t)done : -EFAULT;
		st->seq_pos += n;
		done += n;
	}
	return done;
}

static const struct file_operations tracing_pipe_fops = {
	.open		= tracing_pipe_open,
	.read		= tracing_pipe_read,
	.release	= tracing_pipe_release,
	.llseek		= no_llseek,
};

static void __init trace_create_file(const char *name, umode_t mode,
				     const struct file_operations *fops)
{
	tracefs_create_file(name, mode, trace_root, NULL, fops);
}

static int __init tracer_init_tracefs(void)
{
	int err;

	global_trace_buffer = ring_buffer_alloc(TRACE_BUF_SIZE_DEFAULT);
	if (!global_trace_buffer)
		return -ENOMEM;
	trace_create_file("trace", 0644, &tracing_fops);
	trace_create_file("trace_pipe", 0444, &tracing_pipe_fops);
	trace_create_file("tracing_on", 0644, &tracing_on_fops);
	trace_create_file("buffer_size_kb", 0644, &buffer_size_fops);
	trace_create_file("current_tracer", 0644, &current_tracer_fops);
	trace_create_file("available_tracers", 0444, &available_tracers_fops);
	trace_create_file("trace_clock", 0644, &trace_clock_fops);
	trace_create_file("trace_marker", 0222, &trace_marker_fops);
	trace_create_file("set_event_pid", 0644, &event_pid_fops);
	ftrace_init_tracefs(trace_root);
	err = trace_events_init(trace_root);
	if (!err)
		err = init_kprobe_trace(trace_root);
	return err;
}
fs_initcall(tracer_init_tracefs);
