/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module loader's tracepoints (events/module/): module_load just
 * before a module's init runs, module_free as it goes away.  Recorded in
 * kernel/trace/trace_points_io.c.
 */
#ifndef _TRACE_EVENTS_MODULE_H
#define _TRACE_EVENTS_MODULE_H

#include <linux/trace_events.h>

struct module;

extern struct trace_event_call event_module_load, event_module_free;

void __trace_module_load(struct module *mod);
void __trace_module_free(struct module *mod);

static inline void trace_module_load(struct module *mod)
{
	if (unlikely(READ_ONCE(event_module_load.enabled)))
		__trace_module_load(mod);
}

static inline void trace_module_free(struct module *mod)
{
	if (unlikely(READ_ONCE(event_module_free.enabled)))
		__trace_module_free(mod);
}

#endif
