/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VFS's notification hooks: each operation that inotify or fanotify
 * can report calls one of these after it succeeded.  They are cheap
 * when nobody watches: fsnotify() returns at once unless the inode, its
 * directory or (for fanotify) some mount has a mark.
 */
#ifndef _LINUX_FSNOTIFY_H
#define _LINUX_FSNOTIFY_H

#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/fsnotify_backend.h>

static inline u32 fsnotify_isdir(struct inode *inode)
{
	return S_ISDIR(inode->i_mode) ? FS_ISDIR : 0;
}

/*
 * @mask happened to the name @dentry in directory @dir (create, delete,
 * rename): the directory's marks hear it, with the name.
 */
static inline void fsnotify_name(struct inode *dir, u32 mask, const struct qstr *name,
				 struct inode *child, u32 cookie)
{
	struct fsnotify_event_info info = {
		.mask = mask | (child ? fsnotify_isdir(child) : 0),
		.inode = child, .dir = dir, .name = name, .cookie = cookie,
	};

	fsnotify(&info);
}

/* @mask happened to @inode itself: its own marks hear it. */
static inline void fsnotify_inode(struct inode *inode, u32 mask)
{
	struct fsnotify_event_info info = { .mask = mask | fsnotify_isdir(inode), .inode = inode };

	fsnotify(&info);
}

/*
 * @mask happened to the file at @dentry (@path when known): its own
 * marks hear it, and so do its directory's (with its name).
 */
static inline int fsnotify_dentry_path(struct dentry *dentry, const struct path *path, u32 mask)
{
	struct inode *inode = d_inode(dentry);
	struct fsnotify_event_info info = {
		.mask = mask | fsnotify_isdir(inode), .inode = inode, .path = path,
	};

	if (!IS_ROOT(dentry)) {
		info.dir = d_inode(dentry->d_parent);
		info.name = &dentry->d_name;
	}
	return fsnotify(&info);
}

/* Events about an open file; fanotify's own event fds make none. */
static inline int fsnotify_file(struct file *file, u32 mask)
{
	if (file->f_mode & (FMODE_PATH | FMODE_NONOTIFY) || !file->f_path.dentry)
		return 0;
	return fsnotify_dentry_path(file->f_path.dentry, &file->f_path, mask);
}

/*
 * fanotify permission events, before the open or read happens: the
 * listener may say no (-EPERM).
 */
static inline int fsnotify_open_perm(struct file *file)
{
	return fsnotify_file(file, (file->f_mode & FMODE_EXEC) ?
				   FS_OPEN_PERM | FS_OPEN_EXEC_PERM : FS_OPEN_PERM);
}

static inline int fsnotify_access_perm(struct file *file)
{
	return fsnotify_file(file, FS_ACCESS_PERM);
}

static inline void fsnotify_open(struct file *file)
{
	fsnotify_file(file, (file->f_mode & FMODE_EXEC) ? FS_OPEN | FS_OPEN_EXEC : FS_OPEN);
}

static inline void fsnotify_access(struct file *file)
{
	fsnotify_file(file, FS_ACCESS);
}

static inline void fsnotify_modify(struct file *file)
{
	fsnotify_file(file, FS_MODIFY);
}

static inline void fsnotify_close(struct file *file)
{
	fsnotify_file(file, (file->f_mode & FMODE_WRITE) ? FS_CLOSE_WRITE : FS_CLOSE_NOWRITE);
}

/* notify_change: what the attribute change means to a watcher. */
static inline void fsnotify_change(struct dentry *dentry, unsigned int ia_valid)
{
	u32 mask = 0;

	if (ia_valid & (ATTR_UID | ATTR_GID | ATTR_MODE))
		mask |= FS_ATTRIB;
	if (ia_valid & ATTR_SIZE)
		mask |= FS_MODIFY;
	/* Both times set (utimes, touch) is an attribute change. */
	if ((ia_valid & (ATTR_ATIME | ATTR_MTIME)) == (ATTR_ATIME | ATTR_MTIME))
		mask |= FS_ATTRIB;
	else if (ia_valid & ATTR_ATIME)
		mask |= FS_ACCESS;
	else if (ia_valid & ATTR_MTIME)
		mask |= FS_MODIFY;
	if (mask)
		fsnotify_dentry_path(dentry, NULL, mask);
}

static inline void fsnotify_create(struct inode *dir, struct dentry *dentry)
{
	fsnotify_name(dir, FS_CREATE, &dentry->d_name, d_inode(dentry), 0);
}

/* A new link: the file's link count changed too. */
static inline void fsnotify_link(struct inode *dir, struct inode *inode, struct dentry *new_dentry)
{
	fsnotify_inode(inode, FS_ATTRIB);
	fsnotify_name(dir, FS_CREATE, &new_dentry->d_name, inode, 0);
}

static inline void fsnotify_link_count(struct inode *inode)
{
	fsnotify_inode(inode, FS_ATTRIB);
}

/*
 * The last name of @inode is gone: IN_DELETE_SELF, and its marks go
 * (IN_IGNORED), since nothing can reach it by name any more.
 */
static inline void fsnotify_inoderemove(struct inode *inode)
{
	fsnotify_inode(inode, FS_DELETE_SELF);
	fsnotify_inode_delete(inode);
}

static inline void fsnotify_delete(struct inode *dir, struct inode *inode, struct dentry *dentry)
{
	fsnotify_name(dir, FS_DELETE, &dentry->d_name, inode, 0);
}

/*
 * A rename: MOVED_FROM and MOVED_TO share a cookie; the moved file
 * hears MOVE_SELF; a file replaced at the target loses its name.
 */
static inline void fsnotify_move(struct inode *old_dir, struct inode *new_dir,
				 const struct qstr *old_name, const struct qstr *new_name,
				 struct inode *source, struct inode *target)
{
	u32 cookie = fsnotify_get_cookie();

	struct fsnotify_event_info from = {
		.mask = FS_MOVED_FROM | fsnotify_isdir(source), .inode = source,
		.dir = old_dir, .name = old_name, .cookie = cookie, .other_dir = new_dir,
	};
	struct fsnotify_event_info to = {
		.mask = FS_MOVED_TO | fsnotify_isdir(source), .inode = source,
		.dir = new_dir, .name = new_name, .cookie = cookie, .other_dir = old_dir,
	};

	fsnotify(&from);
	fsnotify(&to);
	if (target)
		fsnotify_link_count(target);
	fsnotify_inode(source, FS_MOVE_SELF);
	/* Linux says it when the replaced name's dentry goes: after the move. */
	if (target && !target->i_nlink)
		fsnotify_inoderemove(target);
}

#endif
