// SPDX-License-Identifier: GPL-2.0
/*
 * dnotify: the oldest of Linux's file-change interfaces, and the
 * simplest.  fcntl(fd, F_NOTIFY, DN_CREATE | DN_MODIFY ...) on a
 * directory asks for a signal whenever one of those things happens in
 * it: SIGIO, or the signal F_SETSIG chose, which then carries the
 * descriptor in si_fd.  Without DN_MULTISHOT a watch fires once.  A
 * watch belongs to its (descriptor, files table) pair and ends when that
 * descriptor is closed.
 *
 * It is a small client of the fsnotify core: one group for the whole
 * system, one mark per watched directory, and on the mark a list of the
 * watches (struct dnotify_struct), one per descriptor.  The mark's mask
 * is the union of its watches' events, so fsnotify() only calls us when
 * somebody wants the event.
 *
 * How events translate (as Linux 6.1): a rename inside the directory is
 * DN_RENAME; a name moved out of it is DN_DELETE, moved in DN_CREATE.
 */
#include <linux/kernel.h>
#include <linux/dnotify.h>
#include <linux/err.h>
#include <uapi/linux/fcntl.h>
#include <linux/fsnotify_backend.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct dnotify_struct {
	struct dnotify_struct *dn_next;
	unsigned long dn_mask;		/* DN_* (DN_MULTISHOT included) */
	int dn_fd;			/* what si_fd says */
	struct file *dn_filp;
	fl_owner_t dn_owner;		/* the files table that asked */
};

struct dnotify_mark {
	struct fsnotify_mark fsn_mark;
	struct dnotify_struct *dn;
};

#define DN_EVENTS	(DN_ACCESS | DN_MODIFY | DN_CREATE | DN_DELETE | DN_RENAME | DN_ATTRIB)

static struct fsnotify_group *dnotify_group;	/* made on first use */

static struct dnotify_mark *to_dn_mark(struct fsnotify_mark *mark)
{
	return container_of(mark, struct dnotify_mark, fsn_mark);
}

/* The fsnotify events that can make any of @dn_mask's signals. */
static u32 dn_to_fsnotify(unsigned long dn_mask)
{
	u32 mask = FS_EVENT_ON_CHILD;

	if (dn_mask & DN_ACCESS)
		mask |= FS_ACCESS;
	if (dn_mask & DN_MODIFY)
		mask |= FS_MODIFY;
	if (dn_mask & DN_ATTRIB)
		mask |= FS_ATTRIB;
	if (dn_mask & DN_CREATE)
		mask |= FS_CREATE | FS_MOVED_TO;
	if (dn_mask & DN_DELETE)
		mask |= FS_DELETE | FS_MOVED_FROM;
	if (dn_mask & DN_RENAME)
		mask |= FS_MOVED_FROM;	/* the in-place half */
	return mask;
}

/* Which DN_* event @info is, for a watch on the directory @dir. */
static unsigned long fsnotify_to_dn(const struct fsnotify_event_info *info)
{
	u32 m = info->mask;

	if (m & FS_MOVED_FROM)
		return info->other_dir == info->dir ? DN_RENAME : DN_DELETE;
	if (m & FS_MOVED_TO)
		return info->other_dir == info->dir ? 0 : DN_CREATE;
	return (m & FS_ACCESS ? DN_ACCESS : 0) | (m & FS_MODIFY ? DN_MODIFY : 0) |
	       (m & FS_ATTRIB ? DN_ATTRIB : 0) | (m & FS_CREATE ? DN_CREATE : 0) |
	       (m & FS_DELETE ? DN_DELETE : 0);
}

/* The mark's mask follows its watches; no watch left, no mark. */
static void dnotify_recalc(struct dnotify_mark *dn_mark)
{
	unsigned long dn_mask = 0;
	struct dnotify_struct *dn;

	for (dn = dn_mark->dn; dn; dn = dn->dn_next)
		dn_mask |= dn->dn_mask;
	dn_mark->fsn_mark.mask = dn_to_fsnotify(dn_mask);
	fsnotify_recalc_mask(&dn_mark->fsn_mark);
}

/* Called under fsnotify_mark_mutex. */
static int dnotify_handle_event(struct fsnotify_group *group, struct fsnotify_mark *mark,
				const struct fsnotify_event_info *info)
{
	struct dnotify_mark *dn_mark = to_dn_mark(mark);
	struct dnotify_struct *dn, **prev;
	unsigned long event;

	(void)group;
	/* Something in the directory, or the directory itself: nothing else. */
	if (!info->dir && !(info->mask & FS_ISDIR))
		return 0;
	event = fsnotify_to_dn(info);
	if (!event)
		return 0;
	prev = &dn_mark->dn;
	while ((dn = *prev)) {
		if (!(dn->dn_mask & event)) {
			prev = &dn->dn_next;
			continue;
		}
		send_sigio(&dn->dn_filp->f_owner, dn->dn_fd, POLL_MSG);
		if (dn->dn_mask & DN_MULTISHOT) {
			prev = &dn->dn_next;
			continue;
		}
		*prev = dn->dn_next;
		kfree(dn);
	}
	if (!dn_mark->dn)
		mark->flags |= FSNOTIFY_MARK_FLAG_DESTROY;
	else
		dnotify_recalc(dn_mark);
	return 0;
}

static void dnotify_free_mark(struct fsnotify_mark *mark)
{
	struct dnotify_mark *dn_mark = to_dn_mark(mark);
	struct dnotify_struct *dn;

	while ((dn = dn_mark->dn)) {
		dn_mark->dn = dn->dn_next;
		kfree(dn);
	}
	kfree(dn_mark);
}

static void dnotify_free_event(struct fsnotify_group *group, struct fsnotify_event *event)
{
	(void)group;
	(void)event;	/* dnotify queues nothing: the signal is the event */
}

static const struct fsnotify_ops dnotify_fsnotify_ops = {
	.handle_event	= dnotify_handle_event,
	.free_event	= dnotify_free_event,
	.free_mark	= dnotify_free_mark,
};

/*
 * The descriptor is being closed: the watches it set through this files
 * table go.  Cheap for the common case of a directory nobody watches.
 */
void dnotify_flush(struct file *filp, fl_owner_t id)
{
	struct inode *inode = file_inode(filp);
	struct fsnotify_mark *mark;
	struct dnotify_mark *dn_mark;
	struct dnotify_struct *dn, **prev;

	if (!READ_ONCE(dnotify_group) || !S_ISDIR(inode->i_mode) ||
	    list_empty(&inode->i_fsnotify_marks))
		return;
	mutex_lock(&fsnotify_mark_mutex);
	mark = fsnotify_find_inode_mark(inode, dnotify_group);
	if (!mark)
		goto out;
	dn_mark = to_dn_mark(mark);
	prev = &dn_mark->dn;
	while ((dn = *prev)) {
		if (dn->dn_owner == id && dn->dn_filp == filp) {
			*prev = dn->dn_next;
			kfree(dn);
			break;
		}
		prev = &dn->dn_next;
	}
	if (!dn_mark->dn)
		fsnotify_destroy_mark_locked(mark);
	else
		dnotify_recalc(dn_mark);
out:
	mutex_unlock(&fsnotify_mark_mutex);
}

static struct fsnotify_group *dnotify_get_group(void)
{
	struct fsnotify_group *group;

	mutex_lock(&fsnotify_mark_mutex);
	group = dnotify_group;
	mutex_unlock(&fsnotify_mark_mutex);
	if (group)
		return group;
	group = fsnotify_alloc_group(&dnotify_fsnotify_ops);
	if (IS_ERR(group))
		return group;
	mutex_lock(&fsnotify_mark_mutex);
	if (dnotify_group) {
		mutex_unlock(&fsnotify_mark_mutex);
		fsnotify_put_group(group);	/* somebody was faster */
		return dnotify_group;
	}
	WRITE_ONCE(dnotify_group, group);
	mutex_unlock(&fsnotify_mark_mutex);
	return group;
}

int fcntl_dirnotify(int fd, struct file *filp, unsigned long arg)
{
	struct inode *inode = file_inode(filp);
	fl_owner_t id = current->files;
	struct fsnotify_group *group;
	struct fsnotify_mark *mark;
	struct dnotify_mark *dn_mark = NULL;
	struct dnotify_struct *dn, *new_dn;
	unsigned int mask = arg & (DN_EVENTS | DN_MULTISHOT);

	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	/* No event asked for: the watch this descriptor had ends. */
	if (!(mask & DN_EVENTS)) {
		dnotify_flush(filp, id);
		return 0;
	}
	group = dnotify_get_group();
	if (IS_ERR(group))
		return PTR_ERR(group);
	new_dn = kzalloc(sizeof(*new_dn), GFP_KERNEL);
	if (!new_dn)
		return -ENOMEM;

	mutex_lock(&fsnotify_mark_mutex);
	mark = fsnotify_find_inode_mark(inode, group);
	if (mark) {
		dn_mark = to_dn_mark(mark);
		for (dn = dn_mark->dn; dn; dn = dn->dn_next) {
			if (dn->dn_owner == id && dn->dn_filp == filp) {
				/* Asking again adds to what this descriptor watches. */
				dn->dn_fd = fd;
				dn->dn_mask |= mask;
				kfree(new_dn);
				goto recalc;
			}
		}
	} else {
		dn_mark = kzalloc(sizeof(*dn_mark), GFP_KERNEL);
		if (!dn_mark) {
			mutex_unlock(&fsnotify_mark_mutex);
			kfree(new_dn);
			return -ENOMEM;
		}
		fsnotify_init_mark(&dn_mark->fsn_mark, group);
		fsnotify_add_inode_mark(&dn_mark->fsn_mark, inode);
	}
	new_dn->dn_mask = mask;
	new_dn->dn_fd = fd;
	new_dn->dn_filp = filp;
	new_dn->dn_owner = id;
	new_dn->dn_next = dn_mark->dn;
	dn_mark->dn = new_dn;
recalc:
	dnotify_recalc(dn_mark);
	mutex_unlock(&fsnotify_mark_mutex);
	/* The signal goes to the process that set the watch (Linux overrides F_SETOWN too). */
	__f_setown(filp, current->tgid, FOWN_TGID);
	return 0;
}
