// SPDX-License-Identifier: GPL-2.0
/*
 * A group's event queue.  Events are appended as they happen and read
 * from the front.  An event equal to the last one queued merges into it
 * (a program writing a file in small pieces makes one IN_MODIFY, not a
 * thousand).  A full queue (max_events) takes one more event only: the
 * group's preallocated overflow event (IN_Q_OVERFLOW), after which
 * everything is dropped until the reader catches up.
 */
#include <linux/kernel.h>
#include <linux/fsnotify_backend.h>
#include <linux/poll.h>
#include <linux/sched.h>

/* Returns 0 if queued, 1 if merged or dropped (then @event is freed). */
int fsnotify_add_event(struct fsnotify_group *group, struct fsnotify_event *event)
{
	struct list_head *list = &group->notification_list;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&group->notification_lock, flags);
	if (group->shutdown) {
		ret = 1;
		goto drop;
	}
	if (group->q_len >= group->max_events) {
		ret = 1;
		/* Already said "overflow", or nothing to say it with. */
		if (!group->overflow_event || !list_empty(&group->overflow_event->list))
			goto drop;
		spin_unlock_irqrestore(&group->notification_lock, flags);
		group->ops->free_event(group, event);
		spin_lock_irqsave(&group->notification_lock, flags);
		event = group->overflow_event;
	} else if (!list_empty(list) && group->ops->merge &&
		   group->ops->merge(list_last_entry(list, struct fsnotify_event, list), event)) {
		ret = 1;
		goto drop;
	}
	group->q_len++;
	list_add_tail(&event->list, list);
	spin_unlock_irqrestore(&group->notification_lock, flags);
	wake_up_poll(&group->notification_waitq, POLLIN | POLLRDNORM);
	return ret;

drop:
	spin_unlock_irqrestore(&group->notification_lock, flags);
	group->ops->free_event(group, event);
	return ret;
}

/* The caller holds notification_lock. */
struct fsnotify_event *fsnotify_peek_first_event(struct fsnotify_group *group)
{
	lockdep_assert_held(&group->notification_lock);
	if (list_empty(&group->notification_list))
		return NULL;
	return list_first_entry(&group->notification_list, struct fsnotify_event, list);
}

/* The caller holds notification_lock. */
struct fsnotify_event *fsnotify_remove_first_event(struct fsnotify_group *group)
{
	struct fsnotify_event *event = fsnotify_peek_first_event(group);

	lockdep_assert_held(&group->notification_lock);
	if (event) {
		list_del_init(&event->list);
		group->q_len--;
	}
	return event;
}

/* The overflow event belongs to the group: it is only taken off the queue. */
void fsnotify_destroy_event(struct fsnotify_group *group, struct fsnotify_event *event)
{
	if (event == group->overflow_event)
		return;
	group->ops->free_event(group, event);
}

void fsnotify_flush_notify(struct fsnotify_group *group)
{
	struct fsnotify_event *event;
	unsigned long flags;

	spin_lock_irqsave(&group->notification_lock, flags);
	while ((event = fsnotify_remove_first_event(group)) != NULL) {
		spin_unlock_irqrestore(&group->notification_lock, flags);
		fsnotify_destroy_event(group, event);
		spin_lock_irqsave(&group->notification_lock, flags);
	}
	spin_unlock_irqrestore(&group->notification_lock, flags);
}
