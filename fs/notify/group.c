// SPDX-License-Identifier: GPL-2.0
/*
 * fsnotify groups: one per inotify or fanotify file.  A group is made
 * with its back end's operations and goes when its file is released:
 * first its marks (so no new event can arrive), then its queue.
 */
#include <linux/kernel.h>
#include <linux/fsnotify_backend.h>
#include <linux/slab.h>

struct fsnotify_group *fsnotify_alloc_group(const struct fsnotify_ops *ops)
{
	struct fsnotify_group *group = kzalloc(sizeof(*group), GFP_KERNEL);

	if (!group)
		return ERR_PTR(-ENOMEM);
	group->ops = ops;
	atomic_set(&group->refcnt, 1);
	spin_lock_init(&group->notification_lock);
	INIT_LIST_HEAD(&group->notification_list);
	init_waitqueue_head(&group->notification_waitq);
	INIT_LIST_HEAD(&group->marks_list);
	return group;
}

void fsnotify_destroy_group(struct fsnotify_group *group)
{
	struct fsnotify_mark *mark, *next;
	unsigned long flags;

	/* No IN_IGNORED for a group that is going: nobody would read it. */
	spin_lock_irqsave(&group->notification_lock, flags);
	group->shutdown = true;
	spin_unlock_irqrestore(&group->notification_lock, flags);

	mutex_lock(&fsnotify_mark_mutex);
	list_for_each_entry_safe(mark, next, &group->marks_list, g_list)
		fsnotify_destroy_mark_locked(mark);
	mutex_unlock(&fsnotify_mark_mutex);

	/* Tasks waiting for answers nobody will give are let through. */
	if (group->ops->shutdown)
		group->ops->shutdown(group);
	fsnotify_flush_notify(group);
	fsnotify_put_group(group);
}

void fsnotify_get_group(struct fsnotify_group *group)
{
	atomic_inc(&group->refcnt);
}

void fsnotify_put_group(struct fsnotify_group *group)
{
	if (!atomic_dec_and_test(&group->refcnt))
		return;
	if (group->overflow_event)
		group->ops->free_event(group, group->overflow_event);
	kfree(group);
}
