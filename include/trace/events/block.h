/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The block layer's request tracepoints (events/block/).  Lantern's
 * queues carry bios, not requests, so a bio is the request here:
 * block_rq_insert when submit_bio hands it to the disk's queue,
 * block_rq_issue when the driver puts it on the device, block_rq_complete
 * when the device says it is done.  Recorded in kernel/trace/trace_points_io.c.
 */
#ifndef _TRACE_EVENTS_BLOCK_H
#define _TRACE_EVENTS_BLOCK_H

#include <linux/trace_events.h>

struct bio;

extern struct trace_event_call event_block_rq_insert, event_block_rq_issue,
	event_block_rq_complete;

void __trace_block_rq(struct trace_event_call *call, struct bio *bio);
void __trace_block_rq_complete(struct bio *bio);

/* "RWBS": Linux's letters for a request's operation and flags, into @rwbs[8]. */
void blk_fill_rwbs(char *rwbs, unsigned int opf);

static inline void trace_block_rq_insert(struct bio *bio)
{
	if (unlikely(READ_ONCE(event_block_rq_insert.enabled)))
		__trace_block_rq(&event_block_rq_insert, bio);
}

static inline void trace_block_rq_issue(struct bio *bio)
{
	if (unlikely(READ_ONCE(event_block_rq_issue.enabled)))
		__trace_block_rq(&event_block_rq_issue, bio);
}

static inline void trace_block_rq_complete(struct bio *bio)
{
	if (unlikely(READ_ONCE(event_block_rq_complete.enabled)))
		__trace_block_rq_complete(bio);
}

#endif
