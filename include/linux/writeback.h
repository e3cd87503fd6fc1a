/* SPDX-License-Identifier: GPL-2.0 */
/* The flusher's tunables (mm/page-writeback.c), /proc/sys/vm/dirty_*_centisecs. */
#ifndef _LINUX_WRITEBACK_H
#define _LINUX_WRITEBACK_H

extern int dirty_writeback_interval;	/* how often the flusher wakes */
extern int dirty_expire_interval;	/* how old dirty data gets before it is written */

/* fs/drop_caches.c: /proc/sys/vm/drop_caches */
extern int sysctl_drop_caches;
void drop_caches_changed(void);

#endif
