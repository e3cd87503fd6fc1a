// SPDX-License-Identifier: GPL-2.0
/*
 * fanotify's side of the fsnotify core: deciding whether a listener
 * hears an event (its marks' masks, FAN_ONDIR for directories, the
 * ignored masks of its marks on the file and the mount), and queuing
 * it with the path and the pid of the task that caused it.  An event
 * like the last one queued (same file, same task) merges into it.
 * Permission events are never merged; the causing task waits for the
 * answer (fsnotify.c).
 */
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include "fanotify.h"

struct fanotify_event *fanotify_alloc_event(u32 mask, const struct path *path, pid_t pid)
{
	struct fanotify_event *ev = kzalloc(sizeof(*ev), GFP_KERNEL);

	if (!ev)
		return NULL;
	INIT_LIST_HEAD(&ev->pe.fse.list);
	INIT_LIST_HEAD(&ev->pe.wait_link);
	ev->mask = mask;
	ev->pid = pid;
	if (path) {
		ev->path = *path;
		path_get(path);
	}
	return ev;
}

/* What @group's marks on the file, its mount and its filesystem say to ignore. */
static u32 fanotify_ignored(struct fsnotify_group *group, const struct fsnotify_event_info *info)
{
	struct fsnotify_mark *mark;
	u32 ignored = 0;

	if (info->inode) {
		mark = fsnotify_find_inode_mark(info->inode, group);
		if (mark)
			ignored |= mark->ignored_mask;
	}
	mark = info->path->mnt ? fsnotify_find_mnt_mark(info->path->mnt, group) : NULL;
	if (mark)
		ignored |= mark->ignored_mask;
	mark = info->inode ? fsnotify_find_sb_mark(info->inode->i_sb, group) : NULL;
	if (mark)
		ignored |= mark->ignored_mask;
	return ignored;
}

static int fanotify_handle_event(struct fsnotify_group *group, struct fsnotify_mark *mark,
				 const struct fsnotify_event_info *info)
{
	u32 mask = info->mask & mark->mask & (FANOTIFY_PATH_EVENTS | FANOTIFY_PERM_EVENTS);
	struct fanotify_event *ev;
	pid_t pid;

	/* Without file handles only events with a path can be reported. */
	if (!info->path || !mask)
		return 0;
	if ((info->mask & FS_ISDIR) && !(mark->mask & FAN_ONDIR))
		return 0;
	mask &= ~fanotify_ignored(group, info);
	/* (FAN_ONDIR is not said back in fd mode: Linux reports it only with file handles.) */
	if (!mask)
		return 0;

	pid = (group->fanotify_data.flags & FAN_REPORT_TID) ? current->pid : current->tgid;
	ev = fanotify_alloc_event(mask, info->path, pid);
	if (!ev)
		return -ENOMEM;
	/* 0: queued (not merged, not dropped), so a permission event waits for it. */
	if (fsnotify_add_event(group, &ev->pe.fse) == 0 && (mask & FANOTIFY_PERM_EVENTS)) {
		ev->pe.group = group;
		fsnotify_get_group(group);
		list_add_tail(&ev->pe.wait_link, info->perm_events);
	}
	return 0;
}

static void fanotify_free_event(struct fsnotify_group *group, struct fsnotify_event *fse)
{
	struct fanotify_event *ev = FANOTIFY_E(fse);

	if (ev->path.dentry)
		path_put(&ev->path);
	kfree(ev);
}

static void fanotify_free_perm_event(struct fsnotify_perm_event *pe)
{
	fanotify_free_event(pe->group, &pe->fse);
}

static void fanotify_free_mark(struct fsnotify_mark *mark)
{
	kfree(mark);
}

static bool fanotify_merge(struct fsnotify_event *last_fse, struct fsnotify_event *fse)
{
	struct fanotify_event *last = FANOTIFY_E(last_fse), *ev = FANOTIFY_E(fse);

	if ((last->mask | ev->mask) & (FANOTIFY_PERM_EVENTS | FAN_Q_OVERFLOW))
		return false;
	if (last->pid != ev->pid || last->path.dentry != ev->path.dentry ||
	    last->path.mnt != ev->path.mnt)
		return false;
	last->mask |= ev->mask;
	return true;
}

/*
 * The listener is going: every permission event still waiting, queued
 * or read, is allowed, so no task hangs on a listener that is gone.
 */
static void fanotify_shutdown(struct fsnotify_group *group)
{
	struct fsnotify_event *fse, *next;
	unsigned long flags;

	spin_lock_irqsave(&group->notification_lock, flags);
	list_for_each_entry_safe(fse, next, &group->notification_list, list) {
		struct fanotify_event *ev = FANOTIFY_E(fse);

		if (!(ev->mask & FANOTIFY_PERM_EVENTS))
			continue;
		list_del_init(&fse->list);
		group->q_len--;
		ev->pe.response = 0;
		WRITE_ONCE(ev->pe.state, FSNOTIFY_PERM_ANSWERED);
	}
	list_for_each_entry_safe(fse, next, &group->fanotify_data.access_list, list) {
		struct fanotify_event *ev = FANOTIFY_E(fse);

		list_del_init(&fse->list);
		ev->pe.response = 0;
		WRITE_ONCE(ev->pe.state, FSNOTIFY_PERM_ANSWERED);
	}
	spin_unlock_irqrestore(&group->notification_lock, flags);
	wake_up_all(&group->fanotify_data.access_waitq);
}

const struct fsnotify_ops fanotify_fsnotify_ops = {
	.handle_event		= fanotify_handle_event,
	.free_event		= fanotify_free_event,
	.free_perm_event	= fanotify_free_perm_event,
	.free_mark		= fanotify_free_mark,
	.merge			= fanotify_merge,
	.shutdown		= fanotify_shutdown,
};
