// SPDX-License-Identifier: GPL-2.0
/*
 * The function tracer: which kernel functions are traced, and the
 * handler every traced function calls on entry.
 *
 * The compiler leaves a 5-byte NOP at the start of every function and
 * lists the addresses in __mcount_loc (see FTRACE in the Makefile); at
 * boot they become the records below (struct dyn_ftrace), named through
 * kallsyms for available_filter_functions.  Choosing the "function" or
 * "function_graph" tracer patches the NOPs of the selected functions
 * (set_ftrace_filter, minus set_ftrace_notrace; all when the filter is
 * empty) into calls to ftrace_caller (arch/x86/kernel/ftrace.c), which
 * calls ftrace_handler() here; "nop" patches them back.  While no tracer
 * is on, a function pays for one NOP.
 *
 * The handler must not trace itself: functions it calls that are built
 * with the NOP (a spinlock held by someone else is not among them: the
 * tracer's own code, the locks and lib/ are built without it) would call
 * back in.  A recursion flag stops that; it is one global flag, right for
 * one CPU, per CPU once there are several.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/tracefs.h>
#include <linux/kallsyms.h>
#include <linux/ring_buffer.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <asm/irqflags.h>
#include <asm/sections.h>
#include <asm/ftrace.h>
#include "trace.h"

extern const unsigned long __start_mcount_loc[], __stop_mcount_loc[];

#define FTRACE_FL_FILTER	0x1	/* named by set_ftrace_filter */
#define FTRACE_FL_NOTRACE	0x2	/* named by set_ftrace_notrace */
#define FTRACE_FL_ENABLED	0x4	/* its site is a call now */
#define FTRACE_FL_KPROBE	0x8	/* an enabled kprobe sits on it (trace_kprobe.c) */

struct dyn_ftrace {
	unsigned long ip;
	unsigned long flags;
};

static struct dyn_ftrace *ftrace_records;
static unsigned int ftrace_nr_records;
static unsigned int nr_filtered;		/* records with FTRACE_FL_FILTER */
static DEFINE_MUTEX(ftrace_lock);		/* records, the filters, the tracer */

int ftrace_tracer;				/* enum ftrace_tracer_type; ftrace_lock */
unsigned int ftrace_graph_gen;			/* bumped at each tracer switch */
static int ftrace_recursion;			/* see the top of the file */
static unsigned int nr_kprobe_sites;		/* records with FTRACE_FL_KPROBE */

#define FTRACE_MAX_PIDS	32
static int ftrace_pids[FTRACE_MAX_PIDS];
static int nr_ftrace_pids;

static notrace bool ftrace_tracer_wants(const struct dyn_ftrace *rec, int tracer);
static bool ftrace_records_sorted;	/* by ip, as the linker laid them out */

static notrace struct dyn_ftrace *ftrace_find_record(unsigned long ip)
{
	unsigned int lo = 0, hi = ftrace_nr_records, i;

	if (!ftrace_records_sorted) {
		for (i = 0; i < ftrace_nr_records; i++)
			if (ftrace_records[i].ip == ip)
				return &ftrace_records[i];
		return NULL;
	}
	while (lo < hi) {
		i = lo + (hi - lo) / 2;
		if (ftrace_records[i].ip == ip)
			return &ftrace_records[i];
		if (ftrace_records[i].ip < ip)
			lo = i + 1;
		else
			hi = i;
	}
	return NULL;
}

static notrace bool ftrace_pid_ok(void)
{
	int i, n = READ_ONCE(nr_ftrace_pids);

	if (!n)
		return true;
	for (i = 0; i < n; i++)
		if (READ_ONCE(ftrace_pids[i]) == current->pid)
			return true;
	return false;
}

static notrace void trace_function(unsigned long ip, unsigned long parent_ip)
{
	struct ftrace_entry e;

	e.ip = ip;
	e.parent_ip = parent_ip;
	trace_fill_entry(&e.ent, TRACE_FN);
	ring_buffer_write(global_trace_buffer, &e, sizeof(e));
}

/*
 * Called from ftrace_caller with the function, its caller, where its
 * return address is, and the registers it was entered with.
 */
notrace void ftrace_handler(unsigned long ip, unsigned long parent_ip, unsigned long *parent_slot,
			    struct ftrace_regs *fregs);
notrace void ftrace_handler(unsigned long ip, unsigned long parent_ip, unsigned long *parent_slot,
			    struct ftrace_regs *fregs)
{
	unsigned long flags;

	if (READ_ONCE(ftrace_recursion))
		return;
	WRITE_ONCE(ftrace_recursion, 1);
	local_irq_save(flags);
	/* A site a kprobe turned on is the tracer's only if its filters say so. */
	if (ftrace_tracer != TRACER_NOP && ftrace_pid_ok() && !trace_ignore_this_task() &&
	    (!READ_ONCE(nr_kprobe_sites) ||
	     ftrace_tracer_wants(ftrace_find_record(ip), ftrace_tracer))) {
		if (ftrace_tracer == TRACER_FUNCTION)
			trace_function(ip, parent_ip);
		else if (ftrace_tracer == TRACER_FUNCTION_GRAPH)
			ftrace_graph_entry(ip, parent_slot);
	}
	if (READ_ONCE(nr_kprobe_sites))
		kprobe_ftrace_handler(ip, parent_slot, fregs, flags);
	local_irq_restore(flags);
	WRITE_ONCE(ftrace_recursion, 0);
}

/* Used by the graph tracer's return hook, which is not entered through ftrace_handler. */
notrace bool ftrace_recursion_enter(void)
{
	if (READ_ONCE(ftrace_recursion))
		return false;
	WRITE_ONCE(ftrace_recursion, 1);
	return true;
}

notrace void ftrace_recursion_exit(void)
{
	WRITE_ONCE(ftrace_recursion, 0);
}

static notrace bool ftrace_tracer_wants(const struct dyn_ftrace *rec, int tracer)
{
	if (!rec || tracer == TRACER_NOP || (rec->flags & FTRACE_FL_NOTRACE))
		return false;
	return !nr_filtered || (rec->flags & FTRACE_FL_FILTER);
}

static bool ftrace_record_wanted(const struct dyn_ftrace *rec, int tracer)
{
	return (rec->flags & FTRACE_FL_KPROBE) || ftrace_tracer_wants(rec, tracer);
}

/*
 * Bring every site in line with the tracer and the filters (ftrace_lock
 * held).  The world stops for the batch: interrupts off here, the other
 * CPUs held (arch/x86/kernel/ftrace.c).
 */
static int ftrace_update_sites(int tracer)
{
	unsigned long flags;
	unsigned int i;
	int bad = 0, err;

	err = ftrace_modify_prepare();
	if (err)
		return err;
	local_irq_save(flags);
	ftrace_stop_other_cpus();
	for (i = 0; i < ftrace_nr_records; i++) {
		struct dyn_ftrace *rec = &ftrace_records[i];
		bool want = ftrace_record_wanted(rec, tracer);

		if (want == !!(rec->flags & FTRACE_FL_ENABLED))
			continue;
		if (ftrace_modify_site(rec->ip, want)) {
			bad++;
			continue;
		}
		rec->flags ^= FTRACE_FL_ENABLED;
	}
	ftrace_modify_done();
	ftrace_release_other_cpus();
	local_irq_restore(flags);
	ftrace_modify_post();
	if (bad)
		pr_warn("ftrace: %d call sites did not hold the expected bytes; left alone\n", bad);
	return 0;
}

int ftrace_set_tracer(int tracer)
{
	if (tracer != TRACER_NOP && !ftrace_nr_records)
		return -EINVAL;		/* built with FTRACE=0 */
	int err;

	mutex_lock(&ftrace_lock);
	/* Off first: the handler must never see a half-switched tracer. */
	err = ftrace_update_sites(TRACER_NOP);
	if (!err) {
		/* Returns still hooked by the last session are not this one's. */
		WRITE_ONCE(ftrace_graph_gen, ftrace_graph_gen + 1);
		WRITE_ONCE(ftrace_tracer, tracer);
		err = ftrace_update_sites(tracer);
	}
	mutex_unlock(&ftrace_lock);
	return err;
}


/* Does the function at @ip start with a patchable fentry site? */
bool ftrace_location(unsigned long ip)
{
	return ftrace_find_record(ip) != NULL;
}

/*
 * KPROBES_ON_FTRACE: an enabled kprobe on a function's first instruction
 * turns its fentry site into a call to ftrace_caller, tracer or not, and
 * ftrace_handler passes the hit to kprobe_ftrace_handler().
 */
int ftrace_set_kprobe_site(unsigned long ip, bool on)
{
	struct dyn_ftrace *rec;
	int err;

	mutex_lock(&ftrace_lock);
	rec = ftrace_find_record(ip);
	if (!rec) {
		mutex_unlock(&ftrace_lock);
		return -ENOENT;
	}
	if (on == !!(rec->flags & FTRACE_FL_KPROBE)) {
		mutex_unlock(&ftrace_lock);
		return 0;
	}
	rec->flags ^= FTRACE_FL_KPROBE;
	if (on)
		WRITE_ONCE(nr_kprobe_sites, nr_kprobe_sites + 1);
	err = ftrace_update_sites(ftrace_tracer);
	if (!on)
		WRITE_ONCE(nr_kprobe_sites, nr_kprobe_sites - 1);
	mutex_unlock(&ftrace_lock);
	return err;
}

/* Call @fn with each fentry site's address until it returns non-zero. */
void ftrace_for_each_site(int (*fn)(unsigned long ip, void *data), void *data)
{
	unsigned int i;

	mutex_lock(&ftrace_lock);
	for (i = 0; i < ftrace_nr_records; i++)
		if (fn(ftrace_records[i].ip, data))
			break;
	mutex_unlock(&ftrace_lock);
}

bool ftrace_available(void)
{
	return ftrace_nr_records != 0;
}

static const char *ftrace_rec_name(const struct dyn_ftrace *rec, char *buf)
{
	unsigned long size, off;

	return kallsyms_lookup(rec->ip, &size, &off, NULL, buf);
}

/* ---- set_ftrace_filter, set_ftrace_notrace, available_filter_functions ---- */

struct ftrace_text {
	size_t len, cap;
	char *buf;
};

static int ftrace_text_open(struct file *f, unsigned long only_flag, bool all)
{
	struct ftrace_text *t = kzalloc(sizeof(*t), GFP_KERNEL);
	char name[KSYM_NAME_LEN];
	unsigned int i;

	if (!t)
		return -ENOMEM;
	t->cap = all ? (size_t)ftrace_nr_records * 48 + 1 : 64 * 1024;
	t->buf = vmalloc(t->cap);
	if (!t->buf) {
		kfree(t);
		return -ENOMEM;
	}
	mutex_lock(&ftrace_lock);
	for (i = 0; i < ftrace_nr_records; i++) {
		const struct dyn_ftrace *rec = &ftrace_records[i];

		if (!all && !(rec->flags & only_flag))
			continue;
		if (!ftrace_rec_name(rec, name))
			continue;
		t->len += scnprintf(t->buf + t->len, t->cap - t->len, "%s\n", name);
	}
	mutex_unlock(&ftrace_lock);
	f->private_data = t;
	return 0;
}

static ssize_t ftrace_text_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	struct ftrace_text *t = f->private_data;

	return t ? simple_read_from_buffer(ubuf, cnt, ppos, t->buf, t->len) : 0;
}

static int ftrace_text_release(struct inode *inode, struct file *f)
{
	struct ftrace_text *t = f->private_data;

	if (t) {
		vfree(t->buf);
		kfree(t);
	}
	return 0;
}

static int available_functions_open(struct inode *inode, struct file *f)
{
	return ftrace_text_open(f, 0, true);
}

static const struct file_operations available_functions_fops = {
	.open		= available_functions_open,
	.read		= ftrace_text_read,
	.release	= ftrace_text_release,
	.llseek		= default_llseek,
};

/* Mark the records whose names match @glob; how many matched. */
static int ftrace_match_records(const char *glob, unsigned long flag, bool clear)
{
	char name[KSYM_NAME_LEN];
	unsigned int i;
	int found = 0;

	for (i = 0; i < ftrace_nr_records; i++) {
		struct dyn_ftrace *rec = &ftrace_records[i];

		if (!ftrace_rec_name(rec, name) || !trace_glob_match(glob, name))
			continue;
		found++;
		if (clear)
			rec->flags &= ~flag;
		else
			rec->flags |= flag;
	}
	return found;
}

static void ftrace_recount(void)
{
	unsigned int i;

	nr_filtered = 0;
	for (i = 0; i < ftrace_nr_records; i++)
		if (ftrace_records[i].flags & FTRACE_FL_FILTER)
			nr_filtered++;
}

static void ftrace_clear_flag(unsigned long flag)
{
	unsigned int i;

	for (i = 0; i < ftrace_nr_records; i++)
		ftrace_records[i].flags &= ~flag;
}

static unsigned long ftrace_file_flag(struct file *f)
{
	return (unsigned long)file_inode(f)->i_private;
}

static int ftrace_filter_open(struct inode *inode, struct file *f)
{
	unsigned long flag = ftrace_file_flag(f);

	/* "echo x > set_ftrace_filter" (O_TRUNC) replaces the list, ">>" adds to it. */
	if ((f->f_mode & FMODE_WRITE) && (f->f_flags & O_TRUNC)) {
		mutex_lock(&ftrace_lock);
		ftrace_clear_flag(flag);
		ftrace_recount();
		ftrace_update_sites(ftrace_tracer);
		mutex_unlock(&ftrace_lock);
	}
	if (!(f->f_mode & FMODE_READ))
		return 0;
	return ftrace_text_open(f, flag, false);
}

static ssize_t ftrace_filter_write(struct file *f, const char __user *ubuf, size_t cnt,
				   loff_t *ppos)
{
	unsigned long flag = ftrace_file_flag(f);
	char *buf, *p, *tok;
	int err = 0;

	if (cnt > PAGE_SIZE)
		return -EINVAL;
	buf = kmalloc(cnt + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, ubuf, cnt)) {
		kfree(buf);
		return -EFAULT;
	}
	buf[cnt] = '\0';
	mutex_lock(&ftrace_lock);
	p = buf;
	while ((tok = strsep(&p, " \t\n")) != NULL) {
		bool clear = *tok == '!';

		if (!*tok)
			continue;
		if (!ftrace_match_records(tok + clear, flag, clear)) {
			err = -EINVAL;	/* names no traceable function */
			break;
		}
	}
	ftrace_recount();
	ftrace_update_sites(ftrace_tracer);
	mutex_unlock(&ftrace_lock);
	kfree(buf);
	if (err)
		return err;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations ftrace_filter_fops = {
	.open		= ftrace_filter_open,
	.read		= ftrace_text_read,
	.write		= ftrace_filter_write,
	.release	= ftrace_text_release,
	.llseek		= default_llseek,
};

/* set_ftrace_pid: only these tasks' functions are traced. */
static int ftrace_pid_open(struct inode *inode, struct file *f)
{
	if ((f->f_mode & FMODE_WRITE) && (f->f_flags & O_TRUNC))
		WRITE_ONCE(nr_ftrace_pids, 0);
	return 0;
}

static ssize_t ftrace_pid_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	char buf[FTRACE_MAX_PIDS * 12 + 16];
	int i, len = 0, n = READ_ONCE(nr_ftrace_pids);

	if (!n)
		len = scnprintf(buf, sizeof(buf), "no pid\n");
	for (i = 0; i < n; i++)
		len += scnprintf(buf + len, sizeof(buf) - len, "%d\n", ftrace_pids[i]);
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t ftrace_pid_write(struct file *f, const char __user *ubuf, size_t cnt,
				loff_t *ppos)
{
	char buf[256], *p, *tok;
	int pid, n, err = 0;

	if (cnt >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, cnt))
		return -EFAULT;
	buf[cnt] = '\0';
	mutex_lock(&ftrace_lock);
	n = nr_ftrace_pids;
	p = buf;
	while ((tok = strsep(&p, " \t\n")) != NULL) {
		if (!*tok)
			continue;
		if (kstrtoint(tok, 10, &pid) || pid < 0) {
			err = -EINVAL;
			break;
		}
		if (n == FTRACE_MAX_PIDS) {
			err = -ENOSPC;
			break;
		}
		WRITE_ONCE(ftrace_pids[n++], pid);
	}
	if (!err)
		WRITE_ONCE(nr_ftrace_pids, n);
	mutex_unlock(&ftrace_lock);
	if (err)
		return err;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations ftrace_pid_fops = {
	.open	= ftrace_pid_open,
	.read	= ftrace_pid_read,
	.write	= ftrace_pid_write,
	.llseek	= default_llseek,
};

int __init ftrace_init_tracefs(struct dentry *root)
{
	const unsigned long *p;
	unsigned int n = 0;

	ftrace_records = vzalloc((__stop_mcount_loc - __start_mcount_loc + 1) *
				 sizeof(*ftrace_records));
	if (!ftrace_records)
		return -ENOMEM;
	/* Only sites in the kernel's text: anything else (an empty build) is not ours. */
	for (p = __start_mcount_loc; p < __stop_mcount_loc; p++)
		if (*p >= (unsigned long)_stext && *p < (unsigned long)_etext)
			ftrace_records[n++].ip = *p;
	ftrace_nr_records = n;
	ftrace_records_sorted = true;
	while (n-- > 1)
		if (ftrace_records[n - 1].ip >= ftrace_records[n].ip)
			ftrace_records_sorted = false;
	tracefs_create_file("available_filter_functions", 0444, root, NULL,
			    &available_functions_fops);
	tracefs_create_file("set_ftrace_filter", 0644, root, (void *)FTRACE_FL_FILTER,
			    &ftrace_filter_fops);
	tracefs_create_file("set_ftrace_notrace", 0644, root, (void *)FTRACE_FL_NOTRACE,
			    &ftrace_filter_fops);
	tracefs_create_file("set_ftrace_pid", 0644, root, NULL, &ftrace_pid_fops);
	return 0;
}
