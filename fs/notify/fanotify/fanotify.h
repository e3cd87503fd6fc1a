/* SPDX-License-Identifier: GPL-2.0 */
/* fanotify's event record and what its two files share. */
#ifndef _FS_NOTIFY_FANOTIFY_H
#define _FS_NOTIFY_FANOTIFY_H

#include <linux/fsnotify_backend.h>
#include <linux/path.h>
#include <uapi/linux/fanotify.h>

/*
 * One event.  Every event carries the fields of a permission event; only
 * permission events use them (a task waits on those, see fsnotify.c).
 */
struct fanotify_event {
	struct fsnotify_perm_event pe;
	u32 mask;
	struct path path;	/* held; none for the overflow event */
	pid_t pid;
};

static inline struct fanotify_event *FANOTIFY_E(struct fsnotify_event *fse)
{
	return container_of(fse, struct fanotify_event, pe.fse);
}

/* The events a listener can be told about without file handles. */
#define FANOTIFY_PATH_EVENTS	(FAN_ACCESS | FAN_MODIFY | FAN_CLOSE | FAN_OPEN | FAN_OPEN_EXEC)
#define FANOTIFY_PERM_EVENTS	(FAN_OPEN_PERM | FAN_ACCESS_PERM | FAN_OPEN_EXEC_PERM)

extern const struct fsnotify_ops fanotify_fsnotify_ops;
struct fanotify_event *fanotify_alloc_event(u32 mask, const struct path *path, pid_t pid);

#endif
