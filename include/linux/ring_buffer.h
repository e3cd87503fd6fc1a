/* SPDX-License-Identifier: GPL-2.0 */
/* The tracing ring buffer: per-CPU, overwriting, timestamped records (kernel/trace/ring_buffer.c). */
#ifndef _LINUX_RING_BUFFER_H
#define _LINUX_RING_BUFFER_H

#include <linux/types.h>

/* One record: its length (header included, 8-aligned), when, and the payload. */
struct ring_buffer_event {
	u32 len;
	u16 pad;		/* 1: filler to the end of the buffer, not a record */
	u16 cpu;		/* where it was recorded */
	u64 ts;			/* trace_clock_local(), ns */
	unsigned char data[];
};

struct trace_buffer;

struct trace_buffer *ring_buffer_alloc(unsigned long size);
int ring_buffer_resize(struct trace_buffer *buffer, unsigned long size);
unsigned long ring_buffer_size(struct trace_buffer *buffer);
int ring_buffer_write(struct trace_buffer *buffer, const void *data, unsigned int len);
void ring_buffer_record_on(struct trace_buffer *buffer);
void ring_buffer_record_off(struct trace_buffer *buffer);
bool ring_buffer_record_is_on(struct trace_buffer *buffer);
void ring_buffer_reset(struct trace_buffer *buffer);
unsigned long ring_buffer_entries(struct trace_buffer *buffer);
unsigned long ring_buffer_overruns(struct trace_buffer *buffer);
bool ring_buffer_empty(struct trace_buffer *buffer);
/* Copy out and remove the oldest record of all CPUs; its length, 0 if none, -ENOSPC if @size is short. */
int ring_buffer_consume(struct trace_buffer *buffer, void *out, unsigned int size, int *cpu);
/* A copy of every record now held, oldest first, as one array of events (vfree it). */
void *ring_buffer_snapshot(struct trace_buffer *buffer, size_t *len);
u64 trace_clock_local(void);

#endif
