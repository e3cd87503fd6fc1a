/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Trace events: static tracepoints compiled into the kernel, each a
 * record layout (its fields, listed in events/<sys>/<name>/format) and a
 * way to print it.  A tracepoint costs one load and an untaken branch
 * while its event is off (Linux patches a jump instead: static keys).
 */
#ifndef _LINUX_TRACE_EVENTS_H
#define _LINUX_TRACE_EVENTS_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/compiler.h>

/* The common head of every record, as Linux lays it out (and its format files say). */
struct trace_entry {
	unsigned short type;		/* the event's id */
	unsigned char flags;		/* TRACE_FLAG_* */
	unsigned char preempt_count;
	int pid;
};

#define TRACE_FLAG_IRQS_OFF		0x01
#define TRACE_FLAG_NEED_RESCHED		0x04
#define TRACE_FLAG_HARDIRQ		0x08
#define TRACE_FLAG_SOFTIRQ		0x10

/* One field of a record: what the format file prints and filters compare. */
struct ftrace_event_field {
	const char *type;
	const char *name;
	int offset, size, is_signed;
};

#define TRACE_FIELD(t, n, s, sgn) \
	{ .type = #t, .name = #n, .offset = offsetof(s, n), .size = sizeof(((s *)0)->n), .is_signed = sgn }
#define TRACE_ARRAY_FIELD(t, n, len, s) \
	{ .type = #t " " #n "[" #len "]", .name = #n, .offset = offsetof(s, n), \
	  .size = sizeof(((s *)0)->n), .is_signed = ((t)-1 < (t)0) }

/*
 * A variable-length string inside a record: the field holds (length << 16
 * | offset from the record's start), the bytes follow the fixed part.
 */
#define TRACE_DATA_LOC_FIELD(n, s) \
	{ .type = "__data_loc char[]", .name = #n, .offset = offsetof(s, n), .size = 4, .is_signed = 1 }

static inline u32 trace_data_loc(unsigned int offset, unsigned int len)
{
	return len << 16 | offset;
}

static inline const char *trace_get_str(const void *rec, u32 loc)
{
	return (const char *)rec + (loc & 0xffff);
}

struct trace_seq;
struct event_filter;

struct trace_event_call {
	struct list_head list;		/* all events, in id order */
	const char *system;		/* events/<system>/ */
	const char *name;
	int id;
	int enabled;			/* read without a lock by the tracepoint */
	bool print_whole;		/* print writes the line itself, no "name: " first */
	const struct ftrace_event_field *fields;
	int nr_fields;
	const char *print_fmt;		/* the format file's last line */
	void (*print)(struct trace_seq *s, const struct trace_entry *ent,
		      struct trace_event_call *call);
	struct event_filter *filter;	/* event_mutex; NULL: every record kept */
	void *data;			/* the syscall's metadata, for syscall events */
	void (*reg)(struct trace_event_call *call, bool on);	/* optional, event_mutex held */
	struct dentry *dir;		/* events/<system>/<name>/ */
};

int trace_add_event_call(struct trace_event_call *call);
/* Events made and deleted at run time (kprobe events), with their folders; event_mutex held. */
int trace_add_dynamic_event(struct trace_event_call *call);
void trace_remove_dynamic_event(struct trace_event_call *call);
/* Fill @ent's common fields, apply the filters and copy it into the ring buffer. */
void trace_event_submit(struct trace_event_call *call, struct trace_entry *ent, unsigned int size);
void trace_event_submit_irqs(struct trace_event_call *call, struct trace_entry *ent,
			     unsigned int size, int irqs_were_on);

#endif
