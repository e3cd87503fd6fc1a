/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk: the kernel's log.  A message starts with a level marker
 * (KERN_ERR is "\001" "3"); messages go to a ring buffer first and to the
 * consoles when their level is below console_loglevel.  pr_debug is
 * compiled in and enabled per call site through dynamic debug.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <stdarg.h>

#define KERN_SOH	"\001"
#define KERN_SOH_ASCII	'\001'

#define KERN_EMERG	KERN_SOH "0"	/* system is unusable */
#define KERN_ALERT	KERN_SOH "1"	/* action must be taken immediately */
#define KERN_CRIT	KERN_SOH "2"	/* critical conditions */
#define KERN_ERR	KERN_SOH "3"	/* error conditions */
#define KERN_WARNING	KERN_SOH "4"	/* warning conditions */
#define KERN_NOTICE	KERN_SOH "5"	/* normal but significant condition */
#define KERN_INFO	KERN_SOH "6"	/* informational */
#define KERN_DEBUG	KERN_SOH "7"	/* debug-level messages */
#define KERN_DEFAULT	""		/* the default message level */
#define KERN_CONT	KERN_SOH "c"	/* continues the previous line */

#define LOGLEVEL_EMERG		0
#define LOGLEVEL_ALERT		1
#define LOGLEVEL_CRIT		2
#define LOGLEVEL_ERR		3
#define LOGLEVEL_WARNING	4
#define LOGLEVEL_NOTICE		5
#define LOGLEVEL_INFO		6
#define LOGLEVEL_DEBUG		7

#define CONSOLE_LOGLEVEL_DEFAULT	7	/* everything but debug */
#define MINIMUM_CONSOLE_LOGLEVEL	1	/* syslog(2) may not silence emergencies */

/* syslog(2) actions (dmesg uses READ_ALL, SIZE_BUFFER and CLEAR). */
#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

int do_syslog(int type, char __user *buf, int len);

struct file_operations;
extern const struct file_operations kmsg_fops;	/* /dev/kmsg, 1:11 */
#define CONSOLE_LOGLEVEL_QUIET		4
#define CONSOLE_LOGLEVEL_DEBUG		10	/* everything */
#define MESSAGE_LOGLEVEL_DEFAULT	4

extern int console_loglevel;
extern int default_message_loglevel;	/* for printk() without KERN_<level> */
extern int oops_in_progress;

/* An oops or panic shows everything, whatever loglevel= said. */
static inline void console_verbose(void)
{
	if (console_loglevel)
		console_loglevel = 15;
}

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);
void dump_stack_print_info(const char *log_lvl);

/* /proc/sys/kernel: who may read the log, who sees %pK pointers. */
extern int dmesg_restrict;
extern int kptr_restrict;
bool kptr_restrict_may_see(void);
struct file;
struct seq_file;
int dmesg_restrict_show(struct seq_file *m, void *v);
ssize_t dmesg_restrict_write(struct file *file, const char *buf, size_t count,
			     loff_t *pos);
int kptr_restrict_show(struct seq_file *m, void *v);
ssize_t kptr_restrict_write(struct file *file, const char *buf, size_t count,
			    loff_t *pos);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
/*
 * pr_debug is dynamic debug's (include/linux/dynamic_debug.h): each call
 * site is off until switched on through the dynamic_debug control file
 * or dyndbg=, and then goes to the log at KERN_DEBUG.  The host unit
 * tests, which build lib/ without the kernel, print unconditionally.
 */
#ifdef __HOST_TEST__
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#include <linux/dynamic_debug.h>
#define pr_debug(fmt, ...)	dynamic_pr_debug(fmt, ##__VA_ARGS__)
#endif

#define printk_once(fmt, ...) ({			\
	static bool __print_once;			\
	bool __ret_print_once = !__print_once;		\
	if (!__print_once) {				\
		__print_once = true;			\
		printk(fmt, ##__VA_ARGS__);		\
	}						\
	__ret_print_once; })
#define pr_warn_once(fmt, ...)	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...)	printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/* Formatted log records from sequence number *@seq on (kernel/printk/printk.c). */
size_t log_buf_copy(u64 *seq, char *buf, size_t size);

#endif /* _LINUX_PRINTK_H */
