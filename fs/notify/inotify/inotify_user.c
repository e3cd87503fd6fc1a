// SPDX-License-Identifier: GPL-2.0
/*
 * inotify: watch files and directories for changes through a file
 * descriptor.  inotify_init1 makes an fsnotify group behind an
 * "anon_inode:inotify" file; inotify_add_watch puts a mark on an inode
 * and returns its watch descriptor (wd); each event the VFS reports on
 * a watched inode becomes a struct inotify_event (wd, mask, cookie and,
 * for an event about a directory's child, the child's name) that
 * read(2) returns in order.
 *
 * Limits, under /proc/sys/fs/inotify: max_queued_events (then one
 * IN_Q_OVERFLOW), max_user_instances (inotify files per user: EMFILE),
 * max_user_watches (marks per user: ENOSPC).
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/user.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/asm-generic/ioctls.h>
#include <linux/inotify.h>
#include "inotify.h"

int inotify_max_queued_events = 16384;
int inotify_max_user_instances = 128;
int inotify_max_user_watches = 8192;

/* Every bit inotify_add_watch understands. */
#define ALL_INOTIFY_BITS	(IN_ALL_EVENTS | IN_UNMOUNT | IN_Q_OVERFLOW | IN_IGNORED | \
				 IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK | \
				 IN_MASK_CREATE | IN_MASK_ADD | IN_ISDIR | IN_ONESHOT)

static const struct file_operations inotify_fops;

/* The bytes read(2) takes for @fse: the record and its padded name. */
static size_t event_size(struct fsnotify_event *fse)
{
	struct inotify_event_info *ev = INOTIFY_E(fse);
	size_t name = ev->name_len ? ALIGN(ev->name_len + 1, sizeof(struct inotify_event)) : 0;

	return sizeof(struct inotify_event) + name;
}

static ssize_t copy_event_to_user(struct fsnotify_event *fse, char __user *buf)
{
	struct inotify_event_info *ev = INOTIFY_E(fse);
	size_t size = event_size(fse);
	struct inotify_event rec = {
		.wd = ev->wd,
		.mask = ev->mask,
		.cookie = ev->sync_cookie,
		.len = size - sizeof(struct inotify_event),
	};

	if (copy_to_user(buf, &rec, sizeof(rec)))
		return -EFAULT;
	buf += sizeof(rec);
	if (rec.len) {
		/* The name, then NULs to the record boundary. */
		if (copy_to_user(buf, ev->name, ev->name_len) ||
		    clear_user(buf + ev->name_len, rec.len - ev->name_len))
			return -EFAULT;
	}
	return size;
}

static bool inotify_has_events(struct fsnotify_group *group)
{
	return !list_empty(&group->notification_list);
}

/*
 * Whole events only: a buffer too small for the first is EINVAL; we
 * block (unless O_NONBLOCK) only while nothing was copied.
 */
static ssize_t inotify_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct fsnotify_group *group = file->private_data;
	char __user *start = buf;
	ssize_t ret = 0;

	for (;;) {
		struct fsnotify_event *fse;
		unsigned long flags;

		spin_lock_irqsave(&group->notification_lock, flags);
		fse = fsnotify_peek_first_event(group);
		if (fse) {
			if (event_size(fse) > count) {
				spin_unlock_irqrestore(&group->notification_lock, flags);
				ret = -EINVAL;
				break;
			}
			fsnotify_remove_first_event(group);
		}
		spin_unlock_irqrestore(&group->notification_lock, flags);

		if (fse) {
			ret = copy_event_to_user(fse, buf);
			fsnotify_destroy_event(group, fse);
			if (ret < 0)
				break;
			buf += ret;
			count -= ret;
			continue;
		}
		if (start != buf)
			break;
		ret = -EAGAIN;
		if (file->f_flags & O_NONBLOCK)
			break;
		ret = -ERESTARTSYS;
		if (wait_event_interruptible(group->notification_waitq, inotify_has_events(group)))
			break;
	}
	if (start != buf && ret != -EFAULT)
		ret = buf - start;
	return ret;
}

static __poll_t inotify_poll(struct file *file, poll_table *wait)
{
	struct fsnotify_group *group = file->private_data;

	poll_wait(file, &group->notification_waitq, wait);
	return inotify_has_events(group) ? POLLIN | POLLRDNORM : 0;
}

static long inotify_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct fsnotify_group *group = file->private_data;
	struct fsnotify_event *fse;
	unsigned long flags;
	int bytes = 0;

	if (cmd != FIONREAD)
		return -EINVAL;		/* as Linux (not ENOTTY) */
	spin_lock_irqsave(&group->notification_lock, flags);
	list_for_each_entry(fse, &group->notification_list, list)
		bytes += event_size(fse);
	spin_unlock_irqrestore(&group->notification_lock, flags);
	return put_user(bytes, (int __user *)arg);
}

static int inotify_release(struct inode *ignored, struct file *file)
{
	struct fsnotify_group *group = file->private_data;
	struct user_struct *user = group->inotify_data.user;

	fsnotify_destroy_group(group);
	atomic_dec(&user->inotify_devs);
	free_uid(user);
	return 0;
}

/* What a watch asked for, as Linux shows it: the events and the flags. */
static u32 inotify_user_mask(struct fsnotify_mark *mark)
{
	return mark->mask & (IN_ALL_EVENTS | INOTIFY_MARK_FLAGS);
}

static void inotify_show_fdinfo(struct seq_file *m, struct file *f)
{
	struct fsnotify_group *group = f->private_data;
	struct fsnotify_mark *mark;

	mutex_lock(&fsnotify_mark_mutex);
	list_for_each_entry(mark, &group->marks_list, g_list) {
		struct inotify_inode_mark *im = container_of(mark, struct inotify_inode_mark,
							     fsn_mark);

		seq_printf(m, "inotify wd:%x ino:%lx sdev:%x mask:%x ignored_mask:0\n",
			   im->wd, mark->inode->i_ino, (unsigned int)mark->inode->i_sb->s_dev,
			   inotify_user_mask(mark));
	}
	mutex_unlock(&fsnotify_mark_mutex);
}

static const struct file_operations inotify_fops = {
	.release	= inotify_release,
	.read		= inotify_read,
	.poll		= inotify_poll,
	.unlocked_ioctl	= inotify_ioctl,
	.llseek		= noop_llseek,
	.show_fdinfo	= inotify_show_fdinfo,
};

static int do_inotify_init(int flags)
{
	struct user_struct *user = current_cred()->user;
	struct fsnotify_group *group;
	struct inotify_event_info *overflow;
	int fd;

	if (flags & ~(IN_CLOEXEC | IN_NONBLOCK))
		return -EINVAL;
	if (atomic_inc_return(&user->inotify_devs) > inotify_max_user_instances) {
		fd = -EMFILE;
		goto out_dec;
	}
	group = fsnotify_alloc_group(&inotify_fsnotify_ops);
	if (IS_ERR(group)) {
		fd = PTR_ERR(group);
		goto out_dec;
	}
	overflow = inotify_alloc_event(IN_Q_OVERFLOW, -1, 0, NULL);
	if (!overflow) {
		fd = -ENOMEM;
		goto out_group;
	}
	group->overflow_event = &overflow->fse;
	group->max_events = inotify_max_queued_events;
	group->inotify_data.user = get_uid(user);

	fd = anon_inode_getfd("inotify", &inotify_fops, group,
			      O_RDONLY | (flags & (IN_CLOEXEC | IN_NONBLOCK)));
	if (fd >= 0)
		return fd;
	free_uid(user);
out_group:
	fsnotify_destroy_group(group);
out_dec:
	atomic_dec(&user->inotify_devs);
	return fd;
}

SYSCALL_DEFINE1(inotify_init1, int, flags)
{
	return do_inotify_init(flags);
}

SYSCALL_DEFINE0(inotify_init)
{
	return do_inotify_init(0);
}

/* The mark's mask from add_watch's: events, flags, and children for a directory. */
static u32 inotify_arg_to_mask(struct inode *inode, u32 arg)
{
	u32 mask = arg & (IN_ALL_EVENTS | INOTIFY_MARK_FLAGS);

	if (S_ISDIR(inode->i_mode))
		mask |= FS_EVENT_ON_CHILD;
	return mask;
}

static int inotify_update_watch(struct fsnotify_group *group, struct inode *inode, u32 arg)
{
	struct user_struct *user = group->inotify_data.user;
	struct inotify_inode_mark *im;
	struct fsnotify_mark *mark;
	u32 mask = inotify_arg_to_mask(inode, arg);
	int ret;

	mutex_lock(&fsnotify_mark_mutex);
	mark = fsnotify_find_inode_mark(inode, group);
	if (mark) {
		ret = -EEXIST;
		if (arg & IN_MASK_CREATE)
			goto out;
		if (arg & IN_MASK_ADD)
			mask |= mark->mask;
		mark->mask = mask;
		fsnotify_recalc_mask(mark);
		ret = container_of(mark, struct inotify_inode_mark, fsn_mark)->wd;
		goto out;
	}

	ret = -ENOSPC;
	if (atomic_inc_return(&user->inotify_watches) > inotify_max_user_watches)
		goto out_dec;
	ret = -ENOMEM;
	im = kzalloc(sizeof(*im), GFP_KERNEL);
	if (!im)
		goto out_dec;
	fsnotify_init_mark(&im->fsn_mark, group);
	im->fsn_mark.mask = mask;
	/* Watch descriptors count up and are not reused soon (as Linux's idr_alloc_cyclic). */
	if (++group->inotify_data.last_wd <= 0)
		group->inotify_data.last_wd = 1;
	im->wd = group->inotify_data.last_wd;
	fsnotify_add_inode_mark(&im->fsn_mark, inode);
	ret = im->wd;
	goto out;

out_dec:
	atomic_dec(&user->inotify_watches);
out:
	mutex_unlock(&fsnotify_mark_mutex);
	return ret;
}

SYSCALL_DEFINE3(inotify_add_watch, int, fd, const char __user *, pathname, u32, mask)
{
	unsigned int flags = 0;
	struct file *file;
	struct path path;
	int ret;

	if (!(mask & ALL_INOTIFY_BITS))
		return -EINVAL;
	if ((mask & IN_MASK_ADD) && (mask & IN_MASK_CREATE))
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = -EINVAL;
	if (file->f_op != &inotify_fops)
		goto out_fput;
	if (!(mask & IN_DONT_FOLLOW))
		flags |= LOOKUP_FOLLOW;
	if (mask & IN_ONLYDIR)
		flags |= LOOKUP_DIRECTORY;
	ret = user_path_at(AT_FDCWD, pathname, flags, &path);
	if (ret)
		goto out_fput;
	/* Watching is reading: the file must be readable by the caller. */
	ret = inode_permission(d_inode(path.dentry), MAY_READ);
	if (!ret)
		ret = inotify_update_watch(file->private_data, d_inode(path.dentry), mask);
	path_put(&path);
out_fput:
	fput(file);
	return ret;
}

SYSCALL_DEFINE2(inotify_rm_watch, int, fd, __s32, wd)
{
	struct fsnotify_group *group;
	struct fsnotify_mark *mark;
	struct file *file;
	int ret;

	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = -EINVAL;
	if (file->f_op != &inotify_fops)
		goto out_fput;
	group = file->private_data;
	mutex_lock(&fsnotify_mark_mutex);
	list_for_each_entry(mark, &group->marks_list, g_list) {
		if (container_of(mark, struct inotify_inode_mark, fsn_mark)->wd == wd) {
			fsnotify_destroy_mark_locked(mark);
			ret = 0;
			break;
		}
	}
	mutex_unlock(&fsnotify_mark_mutex);
out_fput:
	fput(file);
	return ret;
}
