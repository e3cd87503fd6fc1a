/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page cache's tracepoints (events/filemap/): a page entering a
 * file's cache and leaving it.  Recorded in kernel/trace/trace_points_io.c.
 */
#ifndef _TRACE_EVENTS_FILEMAP_H
#define _TRACE_EVENTS_FILEMAP_H

#include <linux/trace_events.h>

struct page;

extern struct trace_event_call event_mm_filemap_add_to_page_cache,
	event_mm_filemap_delete_from_page_cache;

void __trace_mm_filemap(struct trace_event_call *call, struct page *page);

/* @page->mapping and ->index already set. */
static inline void trace_mm_filemap_add_to_page_cache(struct page *page)
{
	if (unlikely(READ_ONCE(event_mm_filemap_add_to_page_cache.enabled)))
		__trace_mm_filemap(&event_mm_filemap_add_to_page_cache, page);
}

/* @page->mapping still set. */
static inline void trace_mm_filemap_delete_from_page_cache(struct page *page)
{
	if (unlikely(READ_ONCE(event_mm_filemap_delete_from_page_cache.enabled)))
		__trace_mm_filemap(&event_mm_filemap_delete_from_page_cache, page);
}

#endif
