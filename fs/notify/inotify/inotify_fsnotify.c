// SPDX-License-Identifier: GPL-2.0
/*
 * inotify's side of the fsnotify core: turning a delivered event into
 * an inotify record on the group's queue (inotify_handle_event), and
 * IN_IGNORED when a watch goes, for whatever reason (inotify_rm_watch,
 * IN_ONESHOT, the file's last name removed, its filesystem unmounted).
 */
#include <linux/kernel.h>
#include <linux/sched/user.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "inotify.h"

struct inotify_event_info *inotify_alloc_event(u32 mask, int wd, u32 cookie,
					       const struct qstr *name)
{
	int len = name ? name->len : 0;
	struct inotify_event_info *ev = kmalloc(sizeof(*ev) + len + 1, GFP_KERNEL);

	if (!ev)
		return NULL;
	INIT_LIST_HEAD(&ev->fse.list);
	ev->mask = mask;
	ev->wd = wd;
	ev->sync_cookie = cookie;
	ev->name_len = len;
	if (len)
		memcpy(ev->name, name->name, len);
	ev->name[len] = '\0';
	return ev;
}

static int inotify_handle_event(struct fsnotify_group *group, struct fsnotify_mark *mark,
				const struct fsnotify_event_info *info)
{
	struct inotify_inode_mark *i_mark = container_of(mark, struct inotify_inode_mark, fsn_mark);
	struct inotify_event_info *ev;
	u32 mask;

	/* IN_EXCL_UNLINK: no more events about a child once it is unlinked. */
	if ((mark->mask & IN_EXCL_UNLINK) && info->name && info->path &&
	    info->inode && !info->inode->i_nlink)
		return 0;

	mask = (info->mask & mark->mask & ALL_FSNOTIFY_EVENTS) |
	       (info->mask & (FS_ISDIR | FS_UNMOUNT));
	/* inotify never said IN_ISDIR with these two; Linux keeps it that way. */
	if (mask & (IN_MOVE_SELF | IN_DELETE_SELF))
		mask &= ~IN_ISDIR;

	ev = inotify_alloc_event(mask, i_mark->wd, info->cookie, info->name);
	if (!ev)
		return -ENOMEM;		/* Linux drops it too: a queue is no guarantee */
	fsnotify_add_event(group, &ev->fse);

	if (mark->mask & IN_ONESHOT)
		mark->flags |= FSNOTIFY_MARK_FLAG_DESTROY;
	return 0;
}

static void inotify_freeing_mark(struct fsnotify_mark *mark, struct fsnotify_group *group)
{
	struct inotify_inode_mark *i_mark = container_of(mark, struct inotify_inode_mark, fsn_mark);
	struct inotify_event_info *ev = inotify_alloc_event(IN_IGNORED, i_mark->wd, 0, NULL);

	if (ev)
		fsnotify_add_event(group, &ev->fse);
	atomic_dec(&group->inotify_data.user->inotify_watches);
}

static void inotify_free_event(struct fsnotify_group *group, struct fsnotify_event *fse)
{
	kfree(INOTIFY_E(fse));
}

static void inotify_free_mark(struct fsnotify_mark *mark)
{
	kfree(container_of(mark, struct inotify_inode_mark, fsn_mark));
}

static bool inotify_merge(struct fsnotify_event *last_fse, struct fsnotify_event *fse)
{
	struct inotify_event_info *last = INOTIFY_E(last_fse), *ev = INOTIFY_E(fse);

	return last->mask == ev->mask && last->wd == ev->wd &&
	       last->sync_cookie == ev->sync_cookie && last->name_len == ev->name_len &&
	       !memcmp(last->name, ev->name, ev->name_len) && !(ev->mask & IN_Q_OVERFLOW);
}

const struct fsnotify_ops inotify_fsnotify_ops = {
	.handle_event	= inotify_handle_event,
	.freeing_mark	= inotify_freeing_mark,
	.free_event	= inotify_free_event,
	.free_mark	= inotify_free_mark,
	.merge		= inotify_merge,
};
