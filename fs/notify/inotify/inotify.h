/* SPDX-License-Identifier: GPL-2.0 */
/* inotify's records: its mark (with the watch descriptor) and its event. */
#ifndef _FS_NOTIFY_INOTIFY_H
#define _FS_NOTIFY_INOTIFY_H

#include <linux/fsnotify_backend.h>
#include <uapi/linux/inotify.h>

struct inotify_inode_mark {
	struct fsnotify_mark fsn_mark;
	int wd;
};

struct inotify_event_info {
	struct fsnotify_event fse;
	u32 mask;
	int wd;
	u32 sync_cookie;
	int name_len;		/* without the NUL */
	char name[];
};

static inline struct inotify_event_info *INOTIFY_E(struct fsnotify_event *fse)
{
	return container_of(fse, struct inotify_event_info, fse);
}

/* The mark bits inotify keeps beyond the events: they shape delivery. */
#define INOTIFY_MARK_FLAGS	(IN_ONESHOT | IN_EXCL_UNLINK)

extern const struct fsnotify_ops inotify_fsnotify_ops;
struct inotify_event_info *inotify_alloc_event(u32 mask, int wd, u32 cookie,
					       const struct qstr *name);

#endif
