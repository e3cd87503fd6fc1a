/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Extended attributes (fs/xattr.c): name=value pairs beside a file's
 * data.  A name is "namespace.rest"; a filesystem lists one
 * xattr_handler per namespace it supports in sb->s_xattr, and the VFS
 * picks the handler by prefix.  simple_xattrs is the in-memory store a
 * filesystem without disk (tmpfs) keeps per inode.
 */
#ifndef _LINUX_XATTR_H
#define _LINUX_XATTR_H

#include <linux/fs.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <uapi/linux/xattr.h>

struct xattr_handler {
	const char *prefix;			/* "user." ... */
	int flags;				/* the filesystem's own use (ext2: the name index) */
	/* May the names be listed to this caller? NULL: always. */
	bool (*list)(struct dentry *dentry);
	/* @name is the part after the prefix.  Returns the size or -errno. */
	int (*get)(const struct xattr_handler *handler, struct dentry *dentry,
		   struct inode *inode, const char *name, void *buffer, size_t size);
	/* @value NULL: remove.  i_mutex held. */
	int (*set)(const struct xattr_handler *handler, struct dentry *dentry,
		   struct inode *inode, const char *name, const void *value,
		   size_t size, int flags);
};

/* The full name ("user.x") of a handler's @name ("x"): it points into one string. */
const char *xattr_full_name(const struct xattr_handler *handler, const char *name);

/* Locking: lock guards the list; values are replaced, never changed in place. */
struct simple_xattrs {
	struct list_head head;
	spinlock_t lock;
};

struct simple_xattr {
	struct list_head list;
	char *name;
	size_t size;
	char value[];
};

void simple_xattrs_init(struct simple_xattrs *xattrs);
void simple_xattrs_free(struct simple_xattrs *xattrs);
int simple_xattr_get(struct simple_xattrs *xattrs, const char *name, void *buffer,
		     size_t size);
int simple_xattr_set(struct simple_xattrs *xattrs, const char *name, const void *value,
		     size_t size, int flags);
ssize_t simple_xattr_list(struct inode *inode, struct simple_xattrs *xattrs, char *buffer,
			  size_t size);

ssize_t vfs_getxattr(struct dentry *dentry, const char *name, void *value, size_t size);
int vfs_setxattr(struct dentry *dentry, const char *name, const void *value, size_t size,
		 int flags);
ssize_t vfs_listxattr(struct dentry *dentry, char *list, size_t size);
int vfs_removexattr(struct dentry *dentry, const char *name);

#endif
