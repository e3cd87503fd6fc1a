// SPDX-License-Identifier: GPL-2.0
/*
 * fanotify: a whole-system file access listener (CAP_SYS_ADMIN).
 * fanotify_init makes an fsnotify group behind "anon_inode:[fanotify]";
 * fanotify_mark marks an inode (and, for a directory with
 * FAN_EVENT_ON_CHILD, its children) or a whole mount.  read(2) returns
 * struct fanotify_event_metadata records, each with a new fd open on
 * the file the event is about (opened without generating events
 * itself) and the pid of the task that caused it.
 *
 * With FAN_CLASS_CONTENT a listener may ask for permission events
 * (FAN_OPEN_PERM, FAN_ACCESS_PERM): the opening or reading task waits
 * until the listener writes a struct fanotify_response with FAN_ALLOW
 * or FAN_DENY (the task then gets EPERM) for the event's fd.
 *
 * A mark is on an inode, a mount (FAN_MARK_MOUNT) or a whole filesystem
 * (FAN_MARK_FILESYSTEM: every mount of its superblock).
 *
 * Not here: file-handle reporting (FAN_REPORT_FID and friends: EINVAL),
 * evictable marks, audit.
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
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/asm-generic/ioctls.h>
#include <uapi/linux/capability.h>
#include "fanotify.h"

#define FANOTIFY_DEFAULT_MAX_EVENTS	16384
#define FANOTIFY_DEFAULT_MAX_MARKS	8192
#define FANOTIFY_DEFAULT_MAX_GROUPS	128

#define FANOTIFY_INIT_FLAGS	(FAN_CLOEXEC | FAN_NONBLOCK | FAN_CLASS_CONTENT | \
				 FAN_CLASS_PRE_CONTENT | FAN_UNLIMITED_QUEUE | \
				 FAN_UNLIMITED_MARKS | FAN_REPORT_TID)
/* The open flags an event fd may get. */
#define FANOTIFY_EVENT_F_FLAGS	(O_ACCMODE | O_APPEND | O_NONBLOCK | O_DSYNC | O_NOATIME | \
				 O_LARGEFILE | O_CLOEXEC | __O_SYNC)
#define FANOTIFY_MARK_FLAGS	(FAN_MARK_ADD | FAN_MARK_REMOVE | FAN_MARK_DONT_FOLLOW | \
				 FAN_MARK_ONLYDIR | FAN_MARK_MOUNT | FAN_MARK_IGNORED_MASK | \
				 FAN_MARK_IGNORED_SURV_MODIFY | FAN_MARK_FLUSH | \
				 FAN_MARK_FILESYSTEM)
#define FANOTIFY_MARK_MASK	(FANOTIFY_PATH_EVENTS | FANOTIFY_PERM_EVENTS | \
				 FAN_EVENT_ON_CHILD | FAN_ONDIR)

#define FAN_EVENT_METADATA_LEN	(sizeof(struct fanotify_event_metadata))

static const struct file_operations fanotify_fops;

static bool fanotify_has_events(struct fsnotify_group *group)
{
	return !list_empty(&group->notification_list);
}

/* An fd on the event's file, for the reader: opened without events of its own. */
static int create_fd(struct fsnotify_group *group, struct fanotify_event *ev, struct file **filep)
{
	unsigned int f_flags = group->fanotify_data.f_flags;
	struct file *f;
	int fd;

	if (!ev->path.dentry)
		return FAN_NOFD;
	fd = get_unused_fd_flags(f_flags);
	if (fd < 0)
		return fd;
	f = dentry_open(&ev->path, (f_flags & ~O_CLOEXEC) | __FMODE_NONOTIFY);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	*filep = f;
	return fd;
}

/* Copy one event; the fd is installed only once the record is out. */
static ssize_t copy_event_to_user(struct fsnotify_group *group, struct fanotify_event *ev,
				  char __user *buf)
{
	struct fanotify_event_metadata md = {
		.event_len = FAN_EVENT_METADATA_LEN,
		.vers = FANOTIFY_METADATA_VERSION,
		.metadata_len = FAN_EVENT_METADATA_LEN,
		.mask = ev->mask,
		.pid = ev->pid,
	};
	struct file *f = NULL;
	int fd = create_fd(group, ev, &f);

	if (fd < 0 && fd != FAN_NOFD)
		return fd;
	md.fd = fd;
	if (copy_to_user(buf, &md, sizeof(md))) {
		if (f) {
			fput(f);
			put_unused_fd(fd);
		}
		return -EFAULT;
	}
	if (f)
		fd_install(fd, f);
	ev->pe.fd = fd;
	return sizeof(md);
}

static ssize_t fanotify_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct fsnotify_group *group = file->private_data;
	char __user *start = buf;
	ssize_t ret = 0;

	for (;;) {
		struct fsnotify_event *fse;
		struct fanotify_event *ev;
		unsigned long flags;

		spin_lock_irqsave(&group->notification_lock, flags);
		fse = fsnotify_peek_first_event(group);
		if (fse) {
			if (count < FAN_EVENT_METADATA_LEN) {
				spin_unlock_irqrestore(&group->notification_lock, flags);
				ret = -EINVAL;
				break;
			}
			fsnotify_remove_first_event(group);
		}
		spin_unlock_irqrestore(&group->notification_lock, flags);

		if (fse) {
			ev = FANOTIFY_E(fse);
			ret = copy_event_to_user(group, ev, buf);
			if (ev->mask & FANOTIFY_PERM_EVENTS) {
				spin_lock_irqsave(&group->notification_lock, flags);
				if (ret < 0) {
					/* Could not tell the listener: let the task through. */
					ev->pe.response = 0;
					WRITE_ONCE(ev->pe.state, FSNOTIFY_PERM_ANSWERED);
				} else {
					ev->pe.state = FSNOTIFY_PERM_READ;
					list_add_tail(&fse->list, &group->fanotify_data.access_list);
				}
				spin_unlock_irqrestore(&group->notification_lock, flags);
				if (ret < 0)
					wake_up_all(&group->fanotify_data.access_waitq);
			} else {
				fsnotify_destroy_event(group, fse);
			}
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
		if (wait_event_interruptible(group->notification_waitq, fanotify_has_events(group)))
			break;
	}
	if (start != buf && ret != -EFAULT)
		ret = buf - start;
	return ret;
}

/* The answer to a permission event: its fd and FAN_ALLOW or FAN_DENY. */
static ssize_t fanotify_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *pos)
{
	struct fsnotify_group *group = file->private_data;
	struct fanotify_response resp;
	struct fsnotify_event *fse;
	unsigned long flags;
	int ret = -ENOENT;

	if (count < sizeof(resp))
		return -EINVAL;
	if (copy_from_user(&resp, buf, sizeof(resp)))
		return -EFAULT;
	if (resp.fd < 0)
		return -EINVAL;
	switch (resp.response & ~FAN_AUDIT) {
	case FAN_ALLOW:
	case FAN_DENY:
		break;
	default:
		return -EINVAL;
	}
	if (resp.response & FAN_AUDIT)
		return -EINVAL;		/* audit is not here (Linux: only with FAN_ENABLE_AUDIT) */

	spin_lock_irqsave(&group->notification_lock, flags);
	list_for_each_entry(fse, &group->fanotify_data.access_list, list) {
		struct fanotify_event *ev = FANOTIFY_E(fse);

		if (ev->pe.fd != resp.fd)
			continue;
		list_del_init(&fse->list);
		ev->pe.response = resp.response == FAN_DENY ? -EPERM : 0;
		WRITE_ONCE(ev->pe.state, FSNOTIFY_PERM_ANSWERED);
		ret = 0;
		break;
	}
	spin_unlock_irqrestore(&group->notification_lock, flags);
	if (ret)
		return ret;
	wake_up_all(&group->fanotify_data.access_waitq);
	return sizeof(resp);
}

static __poll_t fanotify_poll(struct file *file, poll_table *wait)
{
	struct fsnotify_group *group = file->private_data;

	poll_wait(file, &group->notification_waitq, wait);
	return fanotify_has_events(group) ? POLLIN | POLLRDNORM : 0;
}

static long fanotify_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct fsnotify_group *group = file->private_data;

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user((int)(READ_ONCE(group->q_len) * FAN_EVENT_METADATA_LEN),
			(int __user *)arg);
}

static int fanotify_release(struct inode *ignored, struct file *file)
{
	struct fsnotify_group *group = file->private_data;
	struct user_struct *user = group->fanotify_data.user;

	fsnotify_destroy_group(group);
	atomic_dec(&user->fanotify_groups);
	free_uid(user);
	return 0;
}

static const struct file_operations fanotify_fops = {
	.release	= fanotify_release,
	.read		= fanotify_read,
	.write		= fanotify_write,
	.poll		= fanotify_poll,
	.unlocked_ioctl	= fanotify_ioctl,
	.llseek		= noop_llseek,
};

SYSCALL_DEFINE2(fanotify_init, unsigned int, flags, unsigned int, event_f_flags)
{
	struct user_struct *user = current_cred()->user;
	struct fsnotify_group *group;
	struct fanotify_event *overflow;
	int fd;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (flags & ~FANOTIFY_INIT_FLAGS)
		return -EINVAL;
	if ((flags & FAN_ALL_CLASS_BITS) == FAN_ALL_CLASS_BITS)
		return -EINVAL;
	if (event_f_flags & ~FANOTIFY_EVENT_F_FLAGS)
		return -EINVAL;
	switch (event_f_flags & O_ACCMODE) {
	case O_RDONLY:
	case O_RDWR:
	case O_WRONLY:
		break;
	default:
		return -EINVAL;
	}
	if (atomic_inc_return(&user->fanotify_groups) > FANOTIFY_DEFAULT_MAX_GROUPS) {
		fd = -EMFILE;
		goto out_dec;
	}
	group = fsnotify_alloc_group(&fanotify_fsnotify_ops);
	if (IS_ERR(group)) {
		fd = PTR_ERR(group);
		goto out_dec;
	}
	group->fanotify_data.flags = flags;
	group->fanotify_data.f_flags = event_f_flags;
	INIT_LIST_HEAD(&group->fanotify_data.access_list);
	init_waitqueue_head(&group->fanotify_data.access_waitq);
	group->max_events = (flags & FAN_UNLIMITED_QUEUE) ? UINT_MAX : FANOTIFY_DEFAULT_MAX_EVENTS;
	group->fanotify_data.max_marks = (flags & FAN_UNLIMITED_MARKS) ? INT_MAX :
					 FANOTIFY_DEFAULT_MAX_MARKS;
	overflow = fanotify_alloc_event(FAN_Q_OVERFLOW, NULL, -1);
	if (!overflow) {
		fd = -ENOMEM;
		goto out_group;
	}
	group->overflow_event = &overflow->pe.fse;
	group->fanotify_data.user = get_uid(user);

	fd = anon_inode_getfd("[fanotify]", &fanotify_fops, group,
			      ((flags & FAN_CLOEXEC) ? O_CLOEXEC : 0) |
			      ((flags & FAN_NONBLOCK) ? O_NONBLOCK : 0) | O_RDWR);
	if (fd >= 0)
		return fd;
	free_uid(user);
out_group:
	fsnotify_destroy_group(group);
out_dec:
	atomic_dec(&user->fanotify_groups);
	return fd;
}

/* The group's mark on the object @flags name (inode, mount or filesystem). */
static struct fsnotify_mark *fanotify_find_mark(struct fsnotify_group *group,
						const struct path *path, unsigned int flags)
{
	if (flags & FAN_MARK_MOUNT)
		return fsnotify_find_mnt_mark(path->mnt, group);
	if (flags & FAN_MARK_FILESYSTEM)
		return fsnotify_find_sb_mark(path->dentry->d_sb, group);
	return fsnotify_find_inode_mark(d_inode(path->dentry), group);
}

/* Add to (or, with FAN_MARK_IGNORED_MASK, to the ignored mask of) a mark. */
static int fanotify_add_mark(struct fsnotify_group *group, const struct path *path,
			     unsigned int flags, u32 mask)
{
	struct fsnotify_mark *mark;
	int ret = 0;

	mutex_lock(&fsnotify_mark_mutex);
	mark = fanotify_find_mark(group, path, flags);
	if (!mark) {
		ret = -ENOSPC;
		if ((int)group->nr_marks >= group->fanotify_data.max_marks)
			goto out;
		ret = -ENOMEM;
		mark = kzalloc(sizeof(*mark), GFP_KERNEL);
		if (!mark)
			goto out;
		fsnotify_init_mark(mark, group);
		if (flags & FAN_MARK_MOUNT)
			fsnotify_add_mnt_mark(mark, path->mnt);
		else if (flags & FAN_MARK_FILESYSTEM)
			fsnotify_add_sb_mark(mark, path->dentry->d_sb);
		else
			fsnotify_add_inode_mark(mark, d_inode(path->dentry));
		ret = 0;
	}
	if (flags & FAN_MARK_IGNORED_MASK) {
		mark->ignored_mask |= mask;
		if (flags & FAN_MARK_IGNORED_SURV_MODIFY)
			mark->flags |= FSNOTIFY_MARK_FLAG_IGNORED_SURV_MODIFY;
	} else {
		mark->mask |= mask;
	}
	fsnotify_recalc_mask(mark);
out:
	mutex_unlock(&fsnotify_mark_mutex);
	return ret;
}

static int fanotify_remove_mark(struct fsnotify_group *group, const struct path *path,
				unsigned int flags, u32 mask)
{
	struct fsnotify_mark *mark;
	int ret = -ENOENT;

	mutex_lock(&fsnotify_mark_mutex);
	mark = fanotify_find_mark(group, path, flags);
	if (!mark)
		goto out;
	if (flags & FAN_MARK_IGNORED_MASK)
		mark->ignored_mask &= ~mask;
	else
		mark->mask &= ~mask;
	/* Nothing left to want or to ignore: the mark goes. */
	if (!(mark->mask & ~FAN_EVENT_ON_CHILD & ~FAN_ONDIR) && !mark->ignored_mask)
		fsnotify_destroy_mark_locked(mark);
	else
		fsnotify_recalc_mask(mark);
	ret = 0;
out:
	mutex_unlock(&fsnotify_mark_mutex);
	return ret;
}

/* FAN_MARK_FLUSH: every mark of one kind (inode, mount or filesystem). */
static void fanotify_flush(struct fsnotify_group *group, enum fsnotify_obj_type type)
{
	struct fsnotify_mark *mark, *next;

	mutex_lock(&fsnotify_mark_mutex);
	list_for_each_entry_safe(mark, next, &group->marks_list, g_list)
		if (mark->type == type)
			fsnotify_destroy_mark_locked(mark);
	mutex_unlock(&fsnotify_mark_mutex);
}

/* The object: @pathname under @dfd, or @dfd itself when there is no name. */
static int fanotify_find_path(int dfd, const char __user *pathname, struct path *path,
			      unsigned int flags)
{
	unsigned int lookup = 0;
	int ret;

	if (!pathname) {
		struct file *f = fget(dfd);

		if (!f)
			return -EBADF;
		ret = -ENOTDIR;
		if (!(flags & FAN_MARK_ONLYDIR) || S_ISDIR(file_inode(f)->i_mode)) {
			*path = f->f_path;
			path_get(path);
			ret = 0;
		}
		fput(f);
		return ret;
	}
	if (!(flags & FAN_MARK_DONT_FOLLOW))
		lookup |= LOOKUP_FOLLOW;
	if (flags & FAN_MARK_ONLYDIR)
		lookup |= LOOKUP_DIRECTORY;
	ret = user_path_at(dfd, pathname, lookup, path);
	if (ret)
		return ret;
	/* Watching is reading. */
	ret = inode_permission(d_inode(path->dentry), MAY_READ);
	if (ret)
		path_put(path);
	return ret;
}

SYSCALL_DEFINE5(fanotify_mark, int, fanotify_fd, unsigned int, flags, __u64, mask,
		int, dfd, const char __user *, pathname)
{
	struct fsnotify_group *group;
	struct file *file;
	struct path path;
	int ret;

	if (flags & ~FANOTIFY_MARK_FLAGS)
		return -EINVAL;
	if ((flags & FAN_MARK_MOUNT) && (flags & FAN_MARK_FILESYSTEM))
		return -EINVAL;
	switch (flags & (FAN_MARK_ADD | FAN_MARK_REMOVE | FAN_MARK_FLUSH)) {
	case FAN_MARK_ADD:
	case FAN_MARK_REMOVE:
		if (!mask)
			return -EINVAL;
		break;
	case FAN_MARK_FLUSH:
		if (flags & ~(FAN_MARK_MOUNT | FAN_MARK_FILESYSTEM | FAN_MARK_FLUSH))
			return -EINVAL;
		break;
	default:
		return -EINVAL;
	}
	if (mask & ~(u64)FANOTIFY_MARK_MASK)
		return -EINVAL;

	file = fget(fanotify_fd);
	if (!file)
		return -EBADF;
	ret = -EINVAL;
	if (file->f_op != &fanotify_fops)
		goto out_fput;
	group = file->private_data;
	/* Permission events need a listener class that may answer them. */
	if ((mask & FANOTIFY_PERM_EVENTS) &&
	    !(group->fanotify_data.flags & (FAN_CLASS_CONTENT | FAN_CLASS_PRE_CONTENT)))
		goto out_fput;
	if (flags & FAN_MARK_FLUSH) {
		fanotify_flush(group, (flags & FAN_MARK_MOUNT) ? FSNOTIFY_OBJ_TYPE_VFSMOUNT :
				      (flags & FAN_MARK_FILESYSTEM) ? FSNOTIFY_OBJ_TYPE_SB :
				      FSNOTIFY_OBJ_TYPE_INODE);
		ret = 0;
		goto out_fput;
	}
	ret = fanotify_find_path(dfd, pathname, &path, flags);
	if (ret)
		goto out_fput;
	if (flags & FAN_MARK_ADD)
		ret = fanotify_add_mark(group, &path, flags, mask);
	else
		ret = fanotify_remove_mark(group, &path, flags, mask);
	path_put(&path);
out_fput:
	fput(file);
	return ret;
}
