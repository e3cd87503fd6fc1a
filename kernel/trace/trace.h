/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of kernel/trace/ share; not an interface for the rest of the kernel. */
#ifndef _KERNEL_TRACE_H
#define _KERNEL_TRACE_H

#include <linux/types.h>
#include <linux/trace_events.h>
#include <linux/mutex.h>

struct dentry;
struct trace_buffer;

/* Internal record types, below the first event id as Linux's TRACE_* are. */
enum trace_type {
	TRACE_FN = 1,			/* the function tracer */
	TRACE_PRINT = 5,		/* trace_marker writes */
	TRACE_GRAPH_RET = 11,		/* function_graph: a return */
	TRACE_GRAPH_ENT = 12,		/* function_graph: an entry */
	TRACE_FIRST_EVENT_ID = 32,
};

enum ftrace_tracer_type { TRACER_NOP, TRACER_FUNCTION, TRACER_FUNCTION_GRAPH };

struct ftrace_entry {
	struct trace_entry ent;
	unsigned long ip, parent_ip;
};

struct ftrace_graph_ent_entry {
	struct trace_entry ent;
	unsigned long func;
	int depth;
};

struct ftrace_graph_ret_entry {
	struct trace_entry ent;
	unsigned long func;
	int depth;
	u64 calltime, rettime;
};

struct print_entry {
	struct trace_entry ent;
	char buf[];			/* NUL-terminated */
};

/* A line being formatted: what trace, trace_pipe and format files build. */
struct trace_seq {
	size_t len;
	char buf[1024];
};

__printf(2, 3) void trace_seq_printf(struct trace_seq *s, const char *fmt, ...);
void trace_seq_puts(struct trace_seq *s, const char *str);

extern struct trace_buffer *global_trace_buffer;
extern struct dentry *trace_root;
extern struct mutex event_mutex;

/* Who may record: the pids of set_event_pid (none listed: everyone). */
bool trace_ignore_this_task(void);
void trace_fill_entry(struct trace_entry *ent, unsigned short type);
const char *trace_current_tracer_name(void);

/* ftrace.c, trace_functions_graph.c */
extern int ftrace_tracer;
extern unsigned int ftrace_graph_gen;
int ftrace_set_tracer(int tracer);
bool ftrace_available(void);
int ftrace_init_tracefs(struct dentry *root);
bool ftrace_recursion_enter(void);
void ftrace_recursion_exit(void);
void ftrace_graph_entry(unsigned long ip, unsigned long *parent_slot);
bool ftrace_push_return_trace(unsigned long ip, unsigned long *parent_slot, int kretprobe);
bool ftrace_location(unsigned long ip);
int ftrace_set_kprobe_site(unsigned long ip, bool on);
void ftrace_for_each_site(int (*fn)(unsigned long ip, void *data), void *data);
int init_kprobe_trace(struct dentry *root);
struct ftrace_regs;
/* trace_kprobe.c: a hit of an enabled kprobe's site; interrupts off, @flags as they were. */
void kprobe_ftrace_handler(unsigned long ip, unsigned long *parent_slot, struct ftrace_regs *fregs,
			   unsigned long flags);
/* trace_kprobe.c: the function at @func returned @retval to @ret_ip; interrupts off. */
void kretprobe_trace_func(int id, unsigned long func, unsigned long ret_ip, unsigned long retval,
			  unsigned long flags);

/* trace_output.c */
void trace_print_header(struct trace_seq *s, unsigned long entries, unsigned long written);
/* @next: the record after @event, or NULL: lets function_graph print a leaf call on one line. */
bool trace_print_entry(struct trace_seq *s, const void *event, const void *next);
void trace_save_cmdline(int pid, const char *comm);

/* trace_events.c */
struct trace_event_call *trace_find_event(int id);
struct trace_event_call *trace_find_event_by_name(const char *sys, const char *name);
const struct ftrace_event_field *trace_find_event_field(struct trace_event_call *call,
							  const char *name);
bool trace_glob_match(const char *pat, const char *str);
int trace_events_init(struct dentry *root);

/* trace_events_filter.c */
int create_event_filter(struct trace_event_call *call, const char *str, struct event_filter **out);
void free_event_filter(struct event_filter *filter);
bool filter_match_preds(struct event_filter *filter, const void *rec);
const char *event_filter_string(struct event_filter *filter);

/* trace_points.c: sched, irq, softirq */
int init_trace_points(void);
int init_trace_points_io(void);

/* trace_syscalls.c */
int init_syscall_events(void);

#endif
