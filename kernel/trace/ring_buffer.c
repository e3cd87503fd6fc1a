// SPDX-License-Identifier: GPL-2.0
/*
 * The ring buffer under ftrace: one circular byte array per CPU, into
 * which tracepoints copy fixed-layout records (struct ring_buffer_event:
 * length, timestamp, payload).  When a buffer is full the oldest records
 * are dropped (overwrite mode, Linux's default), so a trace always shows
 * the most recent events; the drops are counted as overruns.
 *
 * Positions are byte counts that only grow (head: oldest record, tail:
 * where the next goes), taken modulo the size; a record never wraps,
 * a filler record covers the bytes left at the end instead.
 *
 * Concurrency: records are written by the CPU the event happened on,
 * from any context including interrupts and the scheduler with its run
 * queue lock held, so a writer only disables interrupts and takes its
 * CPU's raw lock, which nobody holds for long and nothing that sleeps
 * takes.  Linux's buffer is lock-free for writers; this one is not,
 * which is honest for one CPU and cheap enough (an uncontended lock) on
 * several.  Readers take the same lock per record they copy out.
 */
#include <linux/kernel.h>
#include <linux/ring_buffer.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/err.h>
#include <asm/smp.h>

#define RB_ALIGN	8
#define RB_HDR		sizeof(struct ring_buffer_event)

struct ring_buffer_per_cpu {
	spinlock_t lock;
	unsigned char *data;
	unsigned long size;	/* bytes, a multiple of RB_ALIGN */
	u64 head, tail;		/* lock */
	unsigned long entries;	/* records now held */
	unsigned long overrun;	/* records dropped to make room */
};

struct trace_buffer {
	int record_disabled;	/* tracing_on == 0 */
	struct ring_buffer_per_cpu *cpus[NR_CPUS];
};

u64 trace_clock_local(void)
{
	return ktime_get_ns();
}

static int rb_alloc_cpu(struct ring_buffer_per_cpu *c, unsigned long size)
{
	unsigned char *data = vzalloc(size);

	if (!data)
		return -ENOMEM;
	vfree(c->data);
	c->data = data;
	c->size = size;
	c->head = c->tail = 0;
	c->entries = 0;
	return 0;
}

struct trace_buffer *ring_buffer_alloc(unsigned long size)
{
	struct trace_buffer *b = kzalloc(sizeof(*b), GFP_KERNEL);
	unsigned int cpu;

	if (!b)
		return NULL;
	size = ALIGN(size, RB_ALIGN);
	for (cpu = 0; cpu < nr_cpu_ids && cpu < NR_CPUS; cpu++) {
		struct ring_buffer_per_cpu *c = kzalloc(sizeof(*c), GFP_KERNEL);

		if (!c || rb_alloc_cpu(c, size)) {
			kfree(c);
			goto out_free;
		}
		spin_lock_init(&c->lock);
		b->cpus[cpu] = c;
	}
	return b;
out_free:
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (b->cpus[cpu]) {
			vfree(b->cpus[cpu]->data);
			kfree(b->cpus[cpu]);
		}
	kfree(b);
	return NULL;
}

#define for_each_rb_cpu(b, c, cpu) \
	for (cpu = 0; cpu < NR_CPUS; cpu++) if (((c) = (b)->cpus[cpu]) != NULL)

/* Resizing empties the buffer, as on Linux it may lose what is held. */
int ring_buffer_resize(struct trace_buffer *b, unsigned long size)
{
	struct ring_buffer_per_cpu *c;
	unsigned long flags;
	unsigned int cpu;

	size = ALIGN(size, RB_ALIGN);
	if (size < 2 * PAGE_SIZE)
		size = 2 * PAGE_SIZE;
	for_each_rb_cpu(b, c, cpu) {
		unsigned char *data = vzalloc(size), *old;

		if (!data)
			return -ENOMEM;
		spin_lock_irqsave(&c->lock, flags);
		old = c->data;
		c->data = data;
		c->size = size;
		c->head = c->tail = 0;
		c->entries = 0;
		spin_unlock_irqrestore(&c->lock, flags);
		vfree(old);
	}
	return 0;
}

unsigned long ring_buffer_size(struct trace_buffer *b)
{
	return b->cpus[0] ? b->cpus[0]->size : 0;
}

static struct ring_buffer_event *rb_at(struct ring_buffer_per_cpu *c, u64 pos)
{
	return (struct ring_buffer_event *)(c->data + pos % c->size);
}

/* Drop the oldest record (lock held). */
static void rb_drop_head(struct ring_buffer_per_cpu *c)
{
	struct ring_buffer_event *e = rb_at(c, c->head);

	if (!e->pad) {
		c->entries--;
		c->overrun++;
	}
	c->head += e->len;
}

/* Make room for @len bytes at tail, not wrapping; returns where they go (lock held). */
static struct ring_buffer_event *rb_reserve(struct ring_buffer_per_cpu *c, unsigned int len)
{
	unsigned long off = c->tail % c->size;
	struct ring_buffer_event *e;

	if (off + len > c->size) {
		unsigned int fill = c->size - off;

		while (c->tail + fill - c->head > c->size)
			rb_drop_head(c);
		e = rb_at(c, c->tail);
		e->len = fill;
		e->pad = 1;
		c->tail += fill;
	}
	while (c->tail + len - c->head > c->size)
		rb_drop_head(c);
	e = rb_at(c, c->tail);
	c->tail += len;
	return e;
}

int ring_buffer_write(struct trace_buffer *b, const void *data, unsigned int len)
{
	struct ring_buffer_per_cpu *c;
	struct ring_buffer_event *e;
	unsigned int total = ALIGN(RB_HDR + len, RB_ALIGN);
	unsigned long flags;

	if (READ_ONCE(b->record_disabled))
		return -EBUSY;
	local_irq_save(flags);
	c = b->cpus[smp_processor_id()];
	if (!c || total > c->size / 2) {
		local_irq_restore(flags);
		return -E2BIG;
	}
	spin_lock(&c->lock);
	e = rb_reserve(c, total);
	e->len = total;
	e->pad = 0;
	e->cpu = smp_processor_id();
	e->ts = trace_clock_local();
	memcpy(e->data, data, len);
	c->entries++;
	spin_unlock(&c->lock);
	local_irq_restore(flags);
	return 0;
}

void ring_buffer_record_on(struct trace_buffer *b)
{
	WRITE_ONCE(b->record_disabled, 0);
}

void ring_buffer_record_off(struct trace_buffer *b)
{
	WRITE_ONCE(b->record_disabled, 1);
}

bool ring_buffer_record_is_on(struct trace_buffer *b)
{
	return !READ_ONCE(b->record_disabled);
}

void ring_buffer_reset(struct trace_buffer *b)
{
	struct ring_buffer_per_cpu *c;
	unsigned long flags;
	unsigned int cpu;

	for_each_rb_cpu(b, c, cpu) {
		spin_lock_irqsave(&c->lock, flags);
		c->head = c->tail = 0;
		c->entries = c->overrun = 0;
		spin_unlock_irqrestore(&c->lock, flags);
	}
}

unsigned long ring_buffer_entries(struct trace_buffer *b)
{
	struct ring_buffer_per_cpu *c;
	unsigned long n = 0;
	unsigned int cpu;

	for_each_rb_cpu(b, c, cpu)
		n += READ_ONCE(c->entries);
	return n;
}

unsigned long ring_buffer_overruns(struct trace_buffer *b)
{
	struct ring_buffer_per_cpu *c;
	unsigned long n = 0;
	unsigned int cpu;

	for_each_rb_cpu(b, c, cpu)
		n += READ_ONCE(c->overrun);
	return n;
}

bool ring_buffer_empty(struct trace_buffer *b)
{
	return ring_buffer_entries(b) == 0;
}

/* Skip fillers at the head; the oldest real record or NULL (lock held). */
static struct ring_buffer_event *rb_peek(struct ring_buffer_per_cpu *c)
{
	while (c->head != c->tail) {
		struct ring_buffer_event *e = rb_at(c, c->head);

		if (!e->pad)
			return e;
		c->head += e->len;
	}
	return NULL;
}

int ring_buffer_consume(struct trace_buffer *b, void *out, unsigned int size, int *cpu_out)
{
	struct ring_buffer_per_cpu *c, *best = NULL;
	struct ring_buffer_event *e;
	unsigned long flags;
	unsigned int cpu;
	u64 best_ts = 0;
	int ret = 0;

	/* Oldest across CPUs by timestamp; a record may only be consumed under its lock. */
	for_each_rb_cpu(b, c, cpu) {
		spin_lock_irqsave(&c->lock, flags);
		e = rb_peek(c);
		if (e && (!best || e->ts < best_ts)) {
			best = c;
			best_ts = e->ts;
			*cpu_out = cpu;
		}
		spin_unlock_irqrestore(&c->lock, flags);
	}
	if (!best)
		return 0;
	spin_lock_irqsave(&best->lock, flags);
	e = rb_peek(best);
	if (!e) {
		ret = 0;	/* overwritten meanwhile: the caller asks again */
	} else if (e->len > size) {
		ret = -ENOSPC;
	} else {
		memcpy(out, e, e->len);
		ret = e->len;
		best->head += e->len;
		best->entries--;
	}
	spin_unlock_irqrestore(&best->lock, flags);
	return ret;
}

/*
 * Copy each CPU's records out (under its lock, so never torn), then merge
 * them by time into one array.  The trace file reads this snapshot, which
 * is why it shows one consistent picture even while tracing goes on.
 */
void *ring_buffer_snapshot(struct trace_buffer *b, size_t *len)
{
	unsigned char *copies[NR_CPUS] = { NULL }, *out = NULL;
	size_t used[NR_CPUS] = { 0 }, pos[NR_CPUS] = { 0 }, total = 0, n = 0;
	struct ring_buffer_per_cpu *c;
	unsigned long flags;
	unsigned int cpu;

	for_each_rb_cpu(b, c, cpu) {
		unsigned char *buf = vmalloc(c->size + 1);
		u64 p;

		if (!buf)
			goto out;
		spin_lock_irqsave(&c->lock, flags);
		for (p = c->head; p != c->tail; p += rb_at(c, p)->len) {
			struct ring_buffer_event *e = rb_at(c, p);

			if (e->pad)
				continue;
			memcpy(buf + used[cpu], e, e->len);
			used[cpu] += e->len;
		}
		spin_unlock_irqrestore(&c->lock, flags);
		copies[cpu] = buf;
		total += used[cpu];
	}
	out = vmalloc(total + 1);
	if (!out)
		goto out;
	while (n < total) {
		struct ring_buffer_event *ev;
		int best = -1;

		for (cpu = 0; cpu < NR_CPUS; cpu++) {
			struct ring_buffer_event *e = (void *)(copies[cpu] + pos[cpu]);

			if (!copies[cpu] || pos[cpu] >= used[cpu])
				continue;
			if (best < 0 || e->ts < ((struct ring_buffer_event *)
						 (copies[best] + pos[best]))->ts)
				best = cpu;
		}
		if (best < 0)
			break;
		ev = (void *)(copies[best] + pos[best]);
		memcpy(out + n, ev, ev->len);
		n += ev->len;
		pos[best] += ev->len;
	}
	*len = n;
out:
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		vfree(copies[cpu]);
	return out;
}
