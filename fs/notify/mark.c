// SPDX-License-Identifier: GPL-2.0
/*
 * fsnotify marks: a group's interest in one inode or one mount.  A mark
 * is on its object's list (which fsnotify() walks) and its group's list
 * (which the group's release walks).  An inode mark holds a reference
 * to its inode, so a watched inode stays in memory until the mark goes;
 * a mount mark does not pin its mount (umount must still work), the
 * mount drops its marks when it is freed.
 *
 * The object's i_fsnotify_mask (mnt_fsnotify_mask) is the union of its
 * marks' masks: fsnotify() looks at it first and is done when nobody
 * wants the event.  Everything here runs under fsnotify_mark_mutex.
 */
#include <linux/kernel.h>
#include <linux/fsnotify_backend.h>
#include <linux/mount.h>
#include <linux/string.h>
#include "../mount.h"

void fsnotify_init_mark(struct fsnotify_mark *mark, struct fsnotify_group *group)
{
	memset(mark, 0, sizeof(*mark));
	mark->group = group;
	INIT_LIST_HEAD(&mark->g_list);
	INIT_LIST_HEAD(&mark->obj_list);
}

struct list_head *fsnotify_mnt_marks_list(struct vfsmount *mnt)
{
	return &real_mount(mnt)->mnt_fsnotify_marks;
}

static struct list_head *mark_obj_list(struct fsnotify_mark *mark)
{
	switch (mark->type) {
	case FSNOTIFY_OBJ_TYPE_INODE:
		return &mark->inode->i_fsnotify_marks;
	case FSNOTIFY_OBJ_TYPE_SB:
		return &mark->sb->s_fsnotify_marks;
	default:
		return fsnotify_mnt_marks_list(mark->mnt);
	}
}

/* Recompute the union mask of @mark's object. */
void fsnotify_recalc_mask(struct fsnotify_mark *mark)
{
	struct fsnotify_mark *m;
	u32 mask = 0;

	list_for_each_entry(m, mark_obj_list(mark), obj_list)
		mask |= m->mask;
	if (mark->type == FSNOTIFY_OBJ_TYPE_INODE)
		WRITE_ONCE(mark->inode->i_fsnotify_mask, mask);
	else if (mark->type == FSNOTIFY_OBJ_TYPE_SB)
		WRITE_ONCE(mark->sb->s_fsnotify_mask, mask);
	else
		WRITE_ONCE(real_mount(mark->mnt)->mnt_fsnotify_mask, mask);
}

static void fsnotify_attach(struct fsnotify_mark *mark)
{
	list_add_tail(&mark->obj_list, mark_obj_list(mark));
	list_add_tail(&mark->g_list, &mark->group->marks_list);
	mark->group->nr_marks++;
	mark->flags |= FSNOTIFY_MARK_FLAG_ATTACHED;
	fsnotify_recalc_mask(mark);
}

/* Called with fsnotify_mark_mutex held. */
int fsnotify_add_inode_mark(struct fsnotify_mark *mark, struct inode *inode)
{
	lockdep_assert_held(&fsnotify_mark_mutex);
	mark->type = FSNOTIFY_OBJ_TYPE_INODE;
	mark->inode = ihold(inode);
	fsnotify_attach(mark);
	return 0;
}

int fsnotify_add_mnt_mark(struct fsnotify_mark *mark, struct vfsmount *mnt)
{
	mark->type = FSNOTIFY_OBJ_TYPE_VFSMOUNT;
	mark->mnt = mnt;
	fsnotify_attach(mark);
	fsnotify_mnt_marks++;
	return 0;
}

/* A superblock mark does not pin it: fsnotify_sb_delete drops the marks first. */
int fsnotify_add_sb_mark(struct fsnotify_mark *mark, struct super_block *sb)
{
	mark->type = FSNOTIFY_OBJ_TYPE_SB;
	mark->sb = sb;
	fsnotify_attach(mark);
	return 0;
}

static struct fsnotify_mark *find_mark(struct list_head *list, struct fsnotify_group *group)
{
	struct fsnotify_mark *mark;

	list_for_each_entry(mark, list, obj_list)
		if (mark->group == group)
			return mark;
	return NULL;
}

struct fsnotify_mark *fsnotify_find_inode_mark(struct inode *inode, struct fsnotify_group *group)
{
	return find_mark(&inode->i_fsnotify_marks, group);
}

struct fsnotify_mark *fsnotify_find_mnt_mark(struct vfsmount *mnt, struct fsnotify_group *group)
{
	return find_mark(fsnotify_mnt_marks_list(mnt), group);
}

struct fsnotify_mark *fsnotify_find_sb_mark(struct super_block *sb, struct fsnotify_group *group)
{
	return find_mark(&sb->s_fsnotify_marks, group);
}

/*
 * Take @mark off its object and its group, tell the group (inotify's
 * IN_IGNORED), and free it.  The inode reference goes last: it may be
 * the inode's last.
 */
void fsnotify_destroy_mark_locked(struct fsnotify_mark *mark)
{
	struct fsnotify_group *group = mark->group;
	struct inode *inode = NULL;

	if (!(mark->flags & FSNOTIFY_MARK_FLAG_ATTACHED))
		return;
	mark->flags &= ~FSNOTIFY_MARK_FLAG_ATTACHED;
	list_del_init(&mark->obj_list);
	list_del_init(&mark->g_list);
	group->nr_marks--;
	fsnotify_recalc_mask(mark);
	if (mark->type == FSNOTIFY_OBJ_TYPE_INODE)
		inode = mark->inode;
	else if (mark->type == FSNOTIFY_OBJ_TYPE_VFSMOUNT)
		fsnotify_mnt_marks--;
	if (group->ops->freeing_mark)
		group->ops->freeing_mark(mark, group);
	group->ops->free_mark(mark);
	iput(inode);
}
