// SPDX-License-Identifier: GPL-2.0
/*
 * fsnotify: the core that inotify and fanotify share.  The VFS reports
 * what happened (<linux/fsnotify.h>); fsnotify() finds the marks that
 * asked for it and gives the event to each mark's group:
 *
 *   - the marks on the object's own inode, without a name;
 *   - for an event about a child (open, read, attrib...) or about a
 *     name in a directory (create, delete, rename), the marks on the
 *     directory, with the child's name, if they ask for children's
 *     events (FS_EVENT_ON_CHILD) or the event is the directory's own;
 *   - with a path, the marks on its mount (fanotify's FAN_MARK_MOUNT).
 *
 * A mark whose group asked for one event only (IN_ONESHOT) is removed
 * once the event is delivered.  Marks hold their inode, so an inode is
 * freed only after its marks went: when its last name is removed
 * (fsnotify_inode_delete) or its filesystem is unmounted
 * (fsnotify_sb_delete, which also reports IN_UNMOUNT).
 */
#include <linux/kernel.h>
#include <linux/fsnotify.h>
#include <linux/fsnotify_backend.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include "../mount.h"

DEFINE_MUTEX(fsnotify_mark_mutex);
unsigned int fsnotify_mnt_marks;
static u32 fsnotify_sync_cookie;

/* A fresh cookie to pair the two halves of one rename. */
u32 fsnotify_get_cookie(void)
{
	u32 c;

	mutex_lock(&fsnotify_mark_mutex);
	c = ++fsnotify_sync_cookie;
	if (!c)
		c = ++fsnotify_sync_cookie;
	mutex_unlock(&fsnotify_mark_mutex);
	return c;
}

/*
 * Hand @info to every mark on @marks that wants it.  @on_child: the
 * marks are a directory's hearing about one of its children.
 */
static void send_to_marks(struct list_head *marks, const struct fsnotify_event_info *info,
			  bool on_child)
{
	struct fsnotify_mark *mark, *next;
	u32 events = info->mask & ALL_FSNOTIFY_EVENTS;

	list_for_each_entry_safe(mark, next, marks, obj_list) {
		/* A write ends fanotify's "ignore this file" unless told otherwise. */
		if ((events & FS_MODIFY) && mark->ignored_mask && !on_child &&
		    !(mark->flags & FSNOTIFY_MARK_FLAG_IGNORED_SURV_MODIFY)) {
			mark->ignored_mask = 0;
		}
		if (on_child && !(mark->mask & FS_EVENT_ON_CHILD))
			continue;
		/* IN_UNMOUNT is heard whatever was asked for (as Linux). */
		if (!(mark->mask & events) && events != FS_UNMOUNT)
			continue;
		mark->group->ops->handle_event(mark->group, mark, info);
		if (mark->flags & FSNOTIFY_MARK_FLAG_DESTROY)
			fsnotify_destroy_mark_locked(mark);
	}
}

/*
 * Wait for the answers to the permission events this operation queued
 * (fsnotify_mark_mutex not held: the listener needs it to go on).
 * Any denial fails the operation.
 */
static int fsnotify_wait_perm(struct list_head *events)
{
	struct fsnotify_perm_event *pe, *next;
	int ret = 0;

	list_for_each_entry_safe(pe, next, events, wait_link) {
		struct fsnotify_group *group = pe->group;

		/* Uninterruptible, as Linux's (killable there): the answer decides. */
		wait_event(group->fanotify_data.access_waitq,
			   READ_ONCE(pe->state) == FSNOTIFY_PERM_ANSWERED);
		if (pe->response && !ret)
			ret = pe->response;
		list_del(&pe->wait_link);
		group->ops->free_perm_event(pe);
		fsnotify_put_group(group);
	}
	return ret;
}

int fsnotify(const struct fsnotify_event_info *info)
{
	struct inode *inode = info->inode, *dir = info->dir;
	u32 events = info->mask & ALL_FSNOTIFY_EVENTS;
	bool dirent = info->name && !(events & FS_EVENTS_POSS_ON_CHILD);
	struct fsnotify_event_info self = *info;
	struct mount *m = NULL;
	LIST_HEAD(perm_events);
	struct super_block *sb = inode ? inode->i_sb : NULL;

	if (info->path && info->path->mnt && READ_ONCE(fsnotify_mnt_marks))
		m = real_mount(info->path->mnt);
	/* Nobody listening: the common case costs a few loads. */
	if (!(dir && (READ_ONCE(dir->i_fsnotify_mask) & events)) &&
	    !(inode && (READ_ONCE(inode->i_fsnotify_mask) & events)) &&
	    !(m && (READ_ONCE(m->mnt_fsnotify_mask) & events)) &&
	    !(sb && (READ_ONCE(sb->s_fsnotify_mask) & events)))
		return 0;

	self.perm_events = &perm_events;
	mutex_lock(&fsnotify_mark_mutex);
	if (dir && (dir->i_fsnotify_mask & events))
		send_to_marks(&dir->i_fsnotify_marks, &self, !dirent);
	if (!dirent) {
		/* (A name event is the directory's own: the child hears nothing.) */
		self.dir = NULL;
		self.name = NULL;
		if (inode && !list_empty(&inode->i_fsnotify_marks))
			send_to_marks(&inode->i_fsnotify_marks, &self, false);
		if (m && !list_empty(&m->mnt_fsnotify_marks))
			send_to_marks(&m->mnt_fsnotify_marks, &self, false);
		if (sb && !list_empty(&sb->s_fsnotify_marks))
			send_to_marks(&sb->s_fsnotify_marks, &self, false);
	}
	mutex_unlock(&fsnotify_mark_mutex);
	if (list_empty(&perm_events))
		return 0;
	return fsnotify_wait_perm(&perm_events);
}

/* @inode has no name left: its marks go (each group says IN_IGNORED). */
void fsnotify_inode_delete(struct inode *inode)
{
	struct fsnotify_mark *mark, *next;

	if (list_empty(&inode->i_fsnotify_marks))
		return;
	mutex_lock(&fsnotify_mark_mutex);
	list_for_each_entry_safe(mark, next, &inode->i_fsnotify_marks, obj_list)
		fsnotify_destroy_mark_locked(mark);
	mutex_unlock(&fsnotify_mark_mutex);
}

/*
 * @sb is being unmounted: every watched inode on it hears IN_UNMOUNT,
 * then loses its marks, so the inodes can be freed with the superblock.
 */
void fsnotify_sb_delete(struct super_block *sb)
{
	struct fsnotify_mark *smark, *snext;
	struct inode *inode;
	bool again;

	mutex_lock(&fsnotify_mark_mutex);
	list_for_each_entry_safe(smark, snext, &sb->s_fsnotify_marks, obj_list)
		fsnotify_destroy_mark_locked(smark);
	mutex_unlock(&fsnotify_mark_mutex);

	do {
		again = false;
		mutex_lock(&fsnotify_mark_mutex);
		list_for_each_entry(inode, &sb->s_inodes, i_sb_list) {
			struct fsnotify_event_info info = { .mask = FS_UNMOUNT, .inode = inode };
			struct fsnotify_mark *mark, *next;

			if (list_empty(&inode->i_fsnotify_marks))
				continue;
			send_to_marks(&inode->i_fsnotify_marks, &info, false);
			/* Dropping the marks may free the inode: start over. */
			list_for_each_entry_safe(mark, next, &inode->i_fsnotify_marks, obj_list)
				fsnotify_destroy_mark_locked(mark);
			again = true;
			break;
		}
		mutex_unlock(&fsnotify_mark_mutex);
	} while (again);
}

/* @mnt is going away: its marks go with it. */
void fsnotify_mnt_delete(struct vfsmount *mnt)
{
	struct mount *m = real_mount(mnt);
	struct fsnotify_mark *mark, *next;

	if (list_empty(&m->mnt_fsnotify_marks))
		return;
	mutex_lock(&fsnotify_mark_mutex);
	list_for_each_entry_safe(mark, next, &m->mnt_fsnotify_marks, obj_list)
		fsnotify_destroy_mark_locked(mark);
	mutex_unlock(&fsnotify_mark_mutex);
}
