// SPDX-License-Identifier: GPL-2.0
/*
 * Dynamic debug: switching pr_debug() call sites on and off at run time.
 *
 * Each pr_debug() leaves a struct _ddebug (module, function, file, line,
 * format, flags) in the __dyndbg section; the kernel's are gathered by
 * the linker, a module's arrive with it.  They are grouped here into one
 * table per module.  A query names sites by any of
 *
 *	module <name>   func <name>   file <path>   line <n>[-<m>]   format <text>
 *
 * (names may use * and ? wildcards) and ends with a flags change:
 * +p prints them, -p stops, =p sets exactly; f, l, m, t add the
 * function, line, module or thread id to each message.  Queries come
 * from /sys/kernel/debug/dynamic_debug/control, the dyndbg="..." boot
 * option, and a module's dyndbg= parameter ("insmod m.ko dyndbg=+p", or
 * "m.dyndbg=+p" on the command line).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ctype.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/dynamic_debug.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/cmdline.h>

extern struct _ddebug __start___dyndbg[], __stop___dyndbg[];

struct ddebug_table {
	struct list_head link;
	const char *mod_name;
	unsigned int num_ddebugs;
	struct _ddebug *ddebugs;
};

static LIST_HEAD(ddebug_tables);
static DEFINE_MUTEX(ddebug_lock);

struct ddebug_query {
	const char *filename;
	const char *module;
	const char *function;
	const char *format;
	unsigned int first_lineno, last_lineno;
};

static const struct {
	unsigned int flag;
	char opt_char;
} opt_array[] = {
	{ _DPRINTK_FLAGS_PRINT, 'p' },
	{ _DPRINTK_FLAGS_INCL_MODNAME, 'm' },
	{ _DPRINTK_FLAGS_INCL_FUNCNAME, 'f' },
	{ _DPRINTK_FLAGS_INCL_SOURCENAME, 's' },
	{ _DPRINTK_FLAGS_INCL_LINENO, 'l' },
	{ _DPRINTK_FLAGS_INCL_TID, 't' },
	{ _DPRINTK_FLAGS_NONE, '_' },
};

/* "=pmf" style text for @flags, "_" when none. */
static char *ddebug_describe_flags(unsigned int flags, char *buf)
{
	char *p = buf;

	for (unsigned int i = 0; i < ARRAY_SIZE(opt_array); i++)
		if (opt_array[i].flag && (flags & opt_array[i].flag))
			*p++ = opt_array[i].opt_char;
	if (p == buf)
		*p++ = '_';
	*p = '\0';
	return buf;
}

/* Shell-style * and ? matching, as Linux's match_wildcard. */
static bool match_wildcard(const char *pattern, const char *str)
{
	const char *s = str, *p = pattern, *star_s = NULL, *star_p = NULL;

	while (*s) {
		if (*p == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		}
		if (*p == '?' || *p == *s) {
			p++;
			s++;
			continue;
		}
		if (!star_p)
			return false;
		p = star_p;
		s = ++star_s;
	}
	while (*p == '*')
		p++;
	return !*p;
}

static const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

static bool query_matches(const struct ddebug_query *q, const struct _ddebug *dp)
{
	if (q->module && !match_wildcard(q->module, dp->modname))
		return false;
	if (q->filename && !match_wildcard(q->filename, dp->filename) &&
	    !match_wildcard(q->filename, kbasename(dp->filename)))
		return false;
	if (q->function && !match_wildcard(q->function, dp->function))
		return false;
	if (q->format && !strstr(dp->format, q->format))
		return false;
	if (q->first_lineno && dp->lineno < q->first_lineno)
		return false;
	if (q->last_lineno && dp->lineno > q->last_lineno)
		return false;
	return true;
}

static int ddebug_change_sites(const struct ddebug_query *q, struct _ddebug *sites,
			       unsigned int n, unsigned int flags, unsigned int mask)
{
	int nfound = 0;

	for (unsigned int i = 0; i < n; i++) {
		struct _ddebug *dp = &sites[i];

		if (!query_matches(q, dp))
			continue;
		nfound++;
		dp->flags = (dp->flags & mask) | flags;
	}
	return nfound;
}

/* Set by the dyndbg= early option, before the tables exist: only the kernel's sites. */
static bool ddebug_early;

/* Apply the change to every site @q selects; returns how many matched. */
static int ddebug_change(const struct ddebug_query *q, unsigned int flags, unsigned int mask)
{
	struct ddebug_table *dt;
	int nfound = 0;

	if (ddebug_early)
		return ddebug_change_sites(q, __start___dyndbg, __stop___dyndbg - __start___dyndbg,
					   flags, mask);
	mutex_lock(&ddebug_lock);
	list_for_each_entry(dt, &ddebug_tables, link)
		nfound += ddebug_change_sites(q, dt->ddebugs, dt->num_ddebugs, flags, mask);
	mutex_unlock(&ddebug_lock);
	return nfound;
}

/* Split @buf into words, honouring "double" or 'single' quotes. */
static int ddebug_tokenize(char *buf, char *words[], int maxwords)
{
	int nwords = 0;

	while (*buf) {
		char *end;

		buf = skip_spaces(buf);
		if (!*buf)
			break;
		if (*buf == '#')	/* a comment: the rest of the line */
			break;
		if (*buf == '"' || *buf == '\'') {
			int quote = *buf++;

			end = strchr(buf, quote);
			if (!end)
				return -EINVAL;	/* unclosed quote */
		} else {
			for (end = buf; *end && !isspace(*end); end++)
				;
		}
		if (nwords == maxwords)
			return -EINVAL;
		words[nwords++] = buf;
		if (!*end)
			break;
		*end = '\0';
		buf = end + 1;
	}
	return nwords;
}

static int parse_lineno(const char *str, unsigned int *val)
{
	if (!*str) {
		*val = 0;
		return 0;
	}
	return kstrtouint(str, 10, val) ? -EINVAL : 0;
}

static int parse_linerange(struct ddebug_query *q, char *first)
{
	char *last = strchr(first, '-');

	if (q->first_lineno || q->last_lineno)
		return -EINVAL;		/* "line" given twice */
	if (last)
		*last++ = '\0';
	if (parse_lineno(first, &q->first_lineno))
		return -EINVAL;
	if (last) {
		if (parse_lineno(last, &q->last_lineno))
			return -EINVAL;
		if (q->last_lineno && q->last_lineno < q->first_lineno)
			return -EINVAL;
	} else {
		q->last_lineno = q->first_lineno;
	}
	return 0;
}

static int check_set(const char **dest, char *src)
{
	if (*dest)
		return -EINVAL;		/* keyword given twice */
	*dest = src;
	return 0;
}

static int ddebug_parse_query(char *words[], int nwords, struct ddebug_query *q,
			      const char *modname)
{
	int rc = 0;

	if (nwords % 2)
		return -EINVAL;		/* keywords come in pairs */
	for (int i = 0; i < nwords && !rc; i += 2) {
		char *kw = words[i], *arg = words[i + 1];

		if (!strcmp(kw, "func"))
			rc = check_set(&q->function, arg);
		else if (!strcmp(kw, "file"))
			rc = check_set(&q->filename, arg);
		else if (!strcmp(kw, "module"))
			rc = check_set(&q->module, arg);
		else if (!strcmp(kw, "format"))
			rc = check_set(&q->format, arg);
		else if (!strcmp(kw, "line"))
			rc = parse_linerange(q, arg);
		else
			rc = -EINVAL;
	}
	/* A module's own dyndbg= may not reach other modules. */
	if (!rc && modname) {
		if (q->module && strcmp(q->module, modname))
			return -EINVAL;
		q->module = modname;
	}
	return rc;
}

static int ddebug_parse_flags(const char *str, unsigned int *flagsp, unsigned int *maskp)
{
	unsigned int flags = 0;
	int op = *str++;

	if (op != '+' && op != '-' && op != '=')
		return -EINVAL;
	for (; *str; str++) {
		unsigned int i;

		for (i = 0; i < ARRAY_SIZE(opt_array); i++)
			if (*str == opt_array[i].opt_char) {
				flags |= opt_array[i].flag;
				break;
			}
		if (i == ARRAY_SIZE(opt_array))
			return -EINVAL;
	}
	switch (op) {
	case '=':
		*maskp = 0;
		*flagsp = flags;
		break;
	case '+':
		*maskp = ~0U;
		*flagsp = flags;
		break;
	case '-':
		*maskp = ~flags;
		*flagsp = 0;
		break;
	}
	return 0;
}

static int ddebug_exec_query(char *query, const char *modname)
{
	struct ddebug_query q = { 0 };
	unsigned int flags = 0, mask = 0;
	char *words[9];
	int nwords = ddebug_tokenize(query, words, ARRAY_SIZE(words));

	if (nwords <= 0)
		return nwords ? nwords : -EINVAL;
	/* The last word is the flags change. */
	if (ddebug_parse_flags(words[nwords - 1], &flags, &mask))
		return -EINVAL;
	if (ddebug_parse_query(words, nwords - 1, &q, modname))
		return -EINVAL;
	return ddebug_change(&q, flags, mask);
}

/* Queries separated by ';' or newlines; returns the sites matched or the last error. */
int ddebug_exec_queries(char *query, const char *modname)
{
	int nfound = 0, errs = 0, exitcode = 0, rc;
	char *split;

	while (query) {
		split = strpbrk(query, ";\n");
		if (split)
			*split++ = '\0';
		query = skip_spaces(query);
		if (*query && *query != '#') {
			rc = ddebug_exec_query(query, modname);
			if (rc < 0) {
				errs++;
				exitcode = rc;
			} else {
				nfound += rc;
			}
		}
		query = split;
	}
	return errs ? exitcode : nfound;
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */

static char *dynamic_emit_prefix(const struct _ddebug *desc, char *buf, size_t size)
{
	int n = 0, after_tid;

	/* The thread id carries its own space; the fields after it end in ':'. */
	if (desc->flags & _DPRINTK_FLAGS_INCL_TID) {
		if (in_interrupt())
			n += scnprintf(buf + n, size - n, "<intr> ");
		else
			n += scnprintf(buf + n, size - n, "[%d] ", task_pid_nr(current));
	}
	after_tid = n;
	if (desc->flags & _DPRINTK_FLAGS_INCL_MODNAME)
		n += scnprintf(buf + n, size - n, "%s:", desc->modname);
	if (desc->flags & _DPRINTK_FLAGS_INCL_FUNCNAME)
		n += scnprintf(buf + n, size - n, "%s:", desc->function);
	if (desc->flags & _DPRINTK_FLAGS_INCL_SOURCENAME)
		n += scnprintf(buf + n, size - n, "%s:", kbasename(desc->filename));
	if (desc->flags & _DPRINTK_FLAGS_INCL_LINENO)
		n += scnprintf(buf + n, size - n, "%d:", desc->lineno);
	if (n > after_tid)
		scnprintf(buf + n, size - n, " ");
	else if (!n)
		buf[0] = '\0';
	return buf;
}

static void dynamic_emit(const struct _ddebug *descriptor, const char *dev_prefix,
			 const char *fmt, va_list args)
{
	char prefix[KSYM_NAME_LEN + MODULE_NAME_LEN + 48];
	char msg[512];

	vscnprintf(msg, sizeof(msg), fmt, args);
	printk(KERN_DEBUG "%s%s%s", dynamic_emit_prefix(descriptor, prefix, sizeof(prefix)),
	       dev_prefix, msg);
}

void __dynamic_pr_debug(struct _ddebug *descriptor, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	dynamic_emit(descriptor, "", fmt, args);
	va_end(args);
}
EXPORT_SYMBOL(__dynamic_pr_debug);

/* dev_dbg: the message starts "<driver or class> <device>: ", as dev_printk's do. */
void __dynamic_dev_dbg(struct _ddebug *descriptor, const struct device *dev,
		       const char *fmt, ...)
{
	char dev_prefix[MODULE_NAME_LEN + 72];
	va_list args;

	scnprintf(dev_prefix, sizeof(dev_prefix), "%s %s: ", dev_driver_string(dev),
		  dev_name(dev));
	va_start(args, fmt);
	dynamic_emit(descriptor, dev_prefix, fmt, args);
	va_end(args);
}
EXPORT_SYMBOL(__dynamic_dev_dbg);

/* ------------------------------------------------------------------ */
/* Tables                                                              */

static int ddebug_add_module(struct _ddebug *tab, unsigned int n, const char *name)
{
	struct ddebug_table *dt = kzalloc(sizeof(*dt), GFP_KERNEL);

	if (!dt)
		return -ENOMEM;
	dt->mod_name = name;
	dt->num_ddebugs = n;
	dt->ddebugs = tab;
	mutex_lock(&ddebug_lock);
	list_add_tail(&dt->link, &ddebug_tables);
	mutex_unlock(&ddebug_lock);
	return 0;
}

static void ddebug_remove_module(const char *mod_name)
{
	struct ddebug_table *dt, *tmp;

	mutex_lock(&ddebug_lock);
	list_for_each_entry_safe(dt, tmp, &ddebug_tables, link) {
		if (dt->mod_name == mod_name) {
			list_del(&dt->link);
			kfree(dt);
		}
	}
	mutex_unlock(&ddebug_lock);
}

void dynamic_debug_setup(struct module *mod)
{
	if (mod->num_dyndbg)
		ddebug_add_module(mod->dyndbg, mod->num_dyndbg, mod->name);
}

void dynamic_debug_remove(struct module *mod)
{
	ddebug_remove_module(mod->name);
}

/* A module's dyndbg= parameter: @val is a query, or nothing for "+p". */
int ddebug_module_param(struct module *mod, const char *val)
{
	char *q = kstrdup(val && *val ? val : "+p", GFP_KERNEL);
	int ret;

	if (!q)
		return -ENOMEM;
	ret = ddebug_exec_queries(q, mod->name);
	kfree(q);
	return ret < 0 ? ret : 0;
}

/* ------------------------------------------------------------------ */
/* The control file                                                    */

static void ddebug_escape(struct seq_file *m, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\n': seq_puts(m, "\\n"); break;
		case '\t': seq_puts(m, "\\t"); break;
		case '\r': seq_puts(m, "\\r"); break;
		case '"': seq_puts(m, "\\\""); break;
		default: seq_putc(m, *s);
		}
	}
}

static int ddebug_proc_show(struct seq_file *m, void *v)
{
	struct ddebug_table *dt;
	char flagsbuf[10];

	seq_puts(m, "# filename:lineno [module]function flags format\n");
	mutex_lock(&ddebug_lock);
	list_for_each_entry(dt, &ddebug_tables, link) {
		for (unsigned int i = 0; i < dt->num_ddebugs; i++) {
			const struct _ddebug *dp = &dt->ddebugs[i];

			seq_printf(m, "%s:%u [%s]%s =%s \"", dp->filename, dp->lineno, dt->mod_name,
				   dp->function, ddebug_describe_flags(dp->flags, flagsbuf));
			ddebug_escape(m, dp->format);
			seq_puts(m, "\"\n");
		}
	}
	mutex_unlock(&ddebug_lock);
	return 0;
}

static int ddebug_proc_open(struct inode *inode, struct file *file)
{
	return single_open(file, ddebug_proc_show, NULL);
}

#define USER_BUF_PAGE	4096

static ssize_t ddebug_proc_write(struct file *file, const char __user *ubuf, size_t len,
				 loff_t *offp)
{
	char *tmpbuf;
	int ret;

	if (len == 0)
		return 0;
	if (len > USER_BUF_PAGE - 1)
		return -E2BIG;
	tmpbuf = kmalloc(len + 1, GFP_KERNEL);
	if (!tmpbuf)
		return -ENOMEM;
	if (copy_from_user(tmpbuf, ubuf, len)) {
		kfree(tmpbuf);
		return -EFAULT;
	}
	tmpbuf[len] = '\0';
	ret = ddebug_exec_queries(tmpbuf, NULL);
	kfree(tmpbuf);
	if (ret < 0)
		return ret;
	*offp += len;
	return len;
}

static const struct file_operations ddebug_proc_fops = {
	.open		= ddebug_proc_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
	.write		= ddebug_proc_write,
};

/* ------------------------------------------------------------------ */
/* Boot                                                                */

/*
 * dyndbg="query": applied as an early option, over the kernel's sites
 * straight from the section, so even pr_debug()s of early boot (before
 * any initcall) can be switched on.
 */
static int __init ddebug_setup_query(char *str)
{
	ddebug_early = true;
	if (ddebug_exec_queries(str, NULL) < 0)
		pr_warn("dyndbg: invalid query in dyndbg=\n");
	ddebug_early = false;
	return 0;
}
early_param("dyndbg", ddebug_setup_query);

/* "name.dyndbg=query" on the command line, for built-in code named @name. */
static int __init ddebug_boot_param(char *param, char *val, const char *doing, void *arg)
{
	char *dot = strchr(param, '.');
	char *q;

	if (!dot || strcmp(dot + 1, "dyndbg"))
		return 0;
	*dot = '\0';
	q = kstrdup(val && *val ? val : "+p", GFP_KERNEL);
	if (q) {
		ddebug_exec_queries(q, param);
		kfree(q);
	}
	return 0;
}

static int __init dynamic_debug_init(void)
{
	struct _ddebug *iter, *start = __start___dyndbg;
	unsigned int n = 0;
	char *cmdline;

	/* Consecutive sites of one module make one table. */
	for (iter = __start___dyndbg; iter < __stop___dyndbg; iter++) {
		if (strcmp(iter->modname, start->modname)) {
			ddebug_add_module(start, n, start->modname);
			start = iter;
			n = 0;
		}
		n++;
	}
	if (n)
		ddebug_add_module(start, n, start->modname);

	cmdline = kstrdup(saved_command_line, GFP_KERNEL);
	if (cmdline) {
		parse_args("dyndbg params", cmdline, ddebug_boot_param, NULL);
		kfree(cmdline);
	}
	return 0;
}
core_initcall(dynamic_debug_init);

static int __init dynamic_debug_init_control(void)
{
	struct dentry *dir = debugfs_create_dir("dynamic_debug", NULL);

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	debugfs_create_file("control", 0644, dir, NULL, &ddebug_proc_fops);
	return 0;
}
fs_initcall(dynamic_debug_init_control);
