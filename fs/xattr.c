// SPDX-License-Identifier: GPL-2.0
/*
 * Extended attributes: small name=value pairs stored beside a file's
 * data, used for file capabilities (security.capability), SELinux labels,
 * overlayfs bookkeeping (trusted.overlay.*) and whatever applications
 * keep under user.*.
 *
 * A name is "namespace.rest".  The VFS decides who may touch which
 * namespace (xattr_permission): trusted.* only CAP_SYS_ADMIN; user.* only
 * on regular files and directories, with the file's read or write
 * permission, and on a sticky directory only its owner may write;
 * security.* and system.* are left to the filesystem.  Then the
 * filesystem's handler for the prefix (sb->s_xattr) does the work; a
 * namespace without a handler is EOPNOTSUPP.
 *
 * The system calls come in three forms: by path (setxattr), by path
 * without following a final symlink (lsetxattr), and by descriptor
 * (fsetxattr); each exists for set, get, list and remove.  Sizes follow
 * Linux: a value is at most XATTR_SIZE_MAX bytes (E2BIG), a name at most
 * XATTR_NAME_MAX (ERANGE), a get or list with size 0 returns the size
 * needed, and one with too small a buffer is ERANGE.
 *
 * simple_xattrs at the end is the in-memory store tmpfs uses.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/xattr.h>

static const char *strcmp_prefix(const char *a, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(a, prefix, n) ? NULL : a + n;
}

/* The handler for @*name, with *@name moved past its prefix. */
static const struct xattr_handler *xattr_resolve_name(struct inode *inode, const char **name)
{
	const struct xattr_handler * const *handlers = inode->i_sb->s_xattr;
	const struct xattr_handler *handler;
	const char *rest;

	if (!handlers)
		return ERR_PTR(-EOPNOTSUPP);
	for (; (handler = *handlers); handlers++) {
		rest = strcmp_prefix(*name, handler->prefix);
		if (!rest)
			continue;
		if (!*rest)
			return ERR_PTR(-EINVAL);	/* "user." names nothing */
		*name = rest;
		return handler;
	}
	return ERR_PTR(-EOPNOTSUPP);
}

const char *xattr_full_name(const struct xattr_handler *handler, const char *name)
{
	return name - strlen(handler->prefix);
}

static int xattr_permission(struct inode *inode, const char *name, int mask)
{
	if (!strncmp(name, XATTR_SECURITY_PREFIX, sizeof(XATTR_SECURITY_PREFIX) - 1) ||
	    !strncmp(name, XATTR_SYSTEM_PREFIX, sizeof(XATTR_SYSTEM_PREFIX) - 1))
		return 0;
	if (!strncmp(name, XATTR_TRUSTED_PREFIX, sizeof(XATTR_TRUSTED_PREFIX) - 1)) {
		if (!capable(CAP_SYS_ADMIN))
			return (mask & MAY_WRITE) ? -EPERM : -ENODATA;
		return 0;
	}
	if (!strncmp(name, XATTR_USER_PREFIX, sizeof(XATTR_USER_PREFIX) - 1)) {
		if (!S_ISREG(inode->i_mode) && !S_ISDIR(inode->i_mode))
			return (mask & MAY_WRITE) ? -EPERM : -ENODATA;
		if (S_ISDIR(inode->i_mode) && (inode->i_mode & S_ISVTX) &&
		    (mask & MAY_WRITE) && !inode_owner_or_capable(inode))
			return -EPERM;
	}
	return inode_permission(inode, mask);
}

ssize_t vfs_getxattr(struct dentry *dentry, const char *name, void *value, size_t size)
{
	struct inode *inode = d_inode(dentry);
	const struct xattr_handler *handler;
	int err = xattr_permission(inode, name, MAY_READ);

	if (err)
		return err;
	handler = xattr_resolve_name(inode, &name);
	if (IS_ERR(handler))
		return PTR_ERR(handler);
	if (!handler->get)
		return -EOPNOTSUPP;
	return handler->get(handler, dentry, inode, name, value, size);
}

/* @value NULL removes the attribute (with XATTR_REPLACE: it must exist). */
static int __vfs_setxattr(struct dentry *dentry, const char *name, const void *value,
			  size_t size, int flags)
{
	struct inode *inode = d_inode(dentry);
	const struct xattr_handler *handler;
	int err = xattr_permission(inode, name, MAY_WRITE);

	if (err)
		return err;
	handler = xattr_resolve_name(inode, &name);
	if (IS_ERR(handler))
		return PTR_ERR(handler);
	if (!handler->set)
		return -EOPNOTSUPP;
	inode_lock(inode);
	err = handler->set(handler, dentry, inode, name, value, size, flags);
	if (!err)
		inode->i_ctime = current_time(inode);
	inode_unlock(inode);
	return err;
}

int vfs_setxattr(struct dentry *dentry, const char *name, const void *value, size_t size,
		 int flags)
{
	/* An empty value is a value, not a removal. */
	return __vfs_setxattr(dentry, name, size ? value : "", size, flags);
}

int vfs_removexattr(struct dentry *dentry, const char *name)
{
	return __vfs_setxattr(dentry, name, NULL, 0, XATTR_REPLACE);
}

/* A filesystem without ->listxattr has no attributes to show: 0 names. */
ssize_t vfs_listxattr(struct dentry *dentry, char *list, size_t size)
{
	struct inode *inode = d_inode(dentry);

	if (inode->i_op->listxattr)
		return inode->i_op->listxattr(dentry, list, size);
	return 0;
}

/* The attribute name from user space: ERANGE if empty or too long. */
static int import_xattr_name(char *kname, const char __user *name)
{
	long n = strncpy_from_user(kname, name, XATTR_NAME_MAX + 1);

	if (n < 0)
		return n;
	if (n == 0 || n > XATTR_NAME_MAX)
		return -ERANGE;
	return 0;
}

static int setxattr(struct dentry *d, const char __user *name, const void __user *value,
		    size_t size, int flags)
{
	char kname[XATTR_NAME_MAX + 1];
	void *kvalue = NULL;
	int err;

	if (flags & ~(XATTR_CREATE | XATTR_REPLACE))
		return -EINVAL;
	err = import_xattr_name(kname, name);
	if (err)
		return err;
	if (size) {
		if (size > XATTR_SIZE_MAX)
			return -E2BIG;
		kvalue = kmalloc(size, GFP_KERNEL);
		if (!kvalue)
			return -ENOMEM;
		if (copy_from_user(kvalue, value, size)) {
			kfree(kvalue);
			return -EFAULT;
		}
	}
	err = vfs_setxattr(d, kname, kvalue, size, flags);
	kfree(kvalue);
	return err;
}

static ssize_t getxattr(struct dentry *d, const char __user *name, void __user *value,
			size_t size)
{
	char kname[XATTR_NAME_MAX + 1];
	void *kvalue = NULL;
	ssize_t err;

	err = import_xattr_name(kname, name);
	if (err)
		return err;
	if (size) {
		size = min_t(size_t, size, XATTR_SIZE_MAX);
		kvalue = kzalloc(size, GFP_KERNEL);
		if (!kvalue)
			return -ENOMEM;
	}
	err = vfs_getxattr(d, kname, kvalue, size);
	if (err > 0 && size && copy_to_user(value, kvalue, err))
		err = -EFAULT;
	else if (err == -ERANGE && size >= XATTR_SIZE_MAX)
		err = -E2BIG;	/* no buffer could ever be big enough */
	kfree(kvalue);
	return err;
}

static ssize_t listxattr(struct dentry *d, char __user *list, size_t size)
{
	char *klist = NULL;
	ssize_t err;

	if (size) {
		size = min_t(size_t, size, XATTR_LIST_MAX);
		klist = kzalloc(size, GFP_KERNEL);
		if (!klist)
			return -ENOMEM;
	}
	err = vfs_listxattr(d, klist, size);
	if (err > 0 && size && copy_to_user(list, klist, err))
		err = -EFAULT;
	else if (err == -ERANGE && size >= XATTR_LIST_MAX)
		err = -E2BIG;
	kfree(klist);
	return err;
}

static int removexattr(struct dentry *d, const char __user *name)
{
	char kname[XATTR_NAME_MAX + 1];
	int err = import_xattr_name(kname, name);

	if (err)
		return err;
	return vfs_removexattr(d, kname);
}

/*
 * The path and descriptor forms around the four operations.  The path
 * is resolved first, as in Linux, so a missing file is ENOENT whatever
 * the other arguments.
 */
enum xattr_op { XA_SET, XA_GET, XA_LIST, XA_REMOVE };

struct xattr_args {
	const char __user *name;
	void __user *value;
	size_t size;
	int flags;
};

static long xattr_on(const struct path *path, enum xattr_op op, const struct xattr_args *a)
{
	long err;

	switch (op) {
	case XA_SET:
	case XA_REMOVE:
		err = mnt_want_write(path->mnt);
		if (err)
			return err;
		return op == XA_SET ? setxattr(path->dentry, a->name, a->value, a->size, a->flags)
				    : removexattr(path->dentry, a->name);
	case XA_GET:
		return getxattr(path->dentry, a->name, a->value, a->size);
	default:
		return listxattr(path->dentry, a->value, a->size);
	}
}

static long path_xattr(const char __user *pathname, unsigned int lookup, enum xattr_op op,
		       const struct xattr_args *a)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, pathname, lookup, &path);

	if (err)
		return err;
	err = xattr_on(&path, op, a);
	path_put(&path);
	return err;
}

static long fd_xattr(int fd, enum xattr_op op, const struct xattr_args *a)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = xattr_on(&f->f_path, op, a);
	fput(f);
	return err;
}

SYSCALL_DEFINE5(setxattr, const char __user *, pathname, const char __user *, name,
		const void __user *, value, size_t, size, int, flags)
{
	struct xattr_args a = { name, (void __user *)value, size, flags };

	return path_xattr(pathname, LOOKUP_FOLLOW, XA_SET, &a);
}

SYSCALL_DEFINE5(lsetxattr, const char __user *, pathname, const char __user *, name,
		const void __user *, value, size_t, size, int, flags)
{
	struct xattr_args a = { name, (void __user *)value, size, flags };

	return path_xattr(pathname, 0, XA_SET, &a);
}

SYSCALL_DEFINE5(fsetxattr, int, fd, const char __user *, name,
		const void __user *, value, size_t, size, int, flags)
{
	struct xattr_args a = { name, (void __user *)value, size, flags };

	return fd_xattr(fd, XA_SET, &a);
}

SYSCALL_DEFINE4(getxattr, const char __user *, pathname, const char __user *, name,
		void __user *, value, size_t, size)
{
	struct xattr_args a = { name, value, size, 0 };

	return path_xattr(pathname, LOOKUP_FOLLOW, XA_GET, &a);
}

SYSCALL_DEFINE4(lgetxattr, const char __user *, pathname, const char __user *, name,
		void __user *, value, size_t, size)
{
	struct xattr_args a = { name, value, size, 0 };

	return path_xattr(pathname, 0, XA_GET, &a);
}

SYSCALL_DEFINE4(fgetxattr, int, fd, const char __user *, name, void __user *, value,
		size_t, size)
{
	struct xattr_args a = { name, value, size, 0 };

	return fd_xattr(fd, XA_GET, &a);
}

SYSCALL_DEFINE3(listxattr, const char __user *, pathname, char __user *, list, size_t, size)
{
	struct xattr_args a = { NULL, list, size, 0 };

	return path_xattr(pathname, LOOKUP_FOLLOW, XA_LIST, &a);
}

SYSCALL_DEFINE3(llistxattr, const char __user *, pathname, char __user *, list, size_t, size)
{
	struct xattr_args a = { NULL, list, size, 0 };

	return path_xattr(pathname, 0, XA_LIST, &a);
}

SYSCALL_DEFINE3(flistxattr, int, fd, char __user *, list, size_t, size)
{
	struct xattr_args a = { NULL, list, size, 0 };

	return fd_xattr(fd, XA_LIST, &a);
}

SYSCALL_DEFINE2(removexattr, const char __user *, pathname, const char __user *, name)
{
	struct xattr_args a = { name, NULL, 0, 0 };

	return path_xattr(pathname, LOOKUP_FOLLOW, XA_REMOVE, &a);
}

SYSCALL_DEFINE2(lremovexattr, const char __user *, pathname, const char __user *, name)
{
	struct xattr_args a = { name, NULL, 0, 0 };

	return path_xattr(pathname, 0, XA_REMOVE, &a);
}

SYSCALL_DEFINE2(fremovexattr, int, fd, const char __user *, name)
{
	struct xattr_args a = { name, NULL, 0, 0 };

	return fd_xattr(fd, XA_REMOVE, &a);
}

/* The in-memory store: a short list per inode, searched by full name. */

void simple_xattrs_init(struct simple_xattrs *xattrs)
{
	INIT_LIST_HEAD(&xattrs->head);
	spin_lock_init(&xattrs->lock);
}

static void simple_xattr_free(struct simple_xattr *x)
{
	kfree(x->name);
	kfree(x);
}

void simple_xattrs_free(struct simple_xattrs *xattrs)
{
	struct simple_xattr *x, *next;

	list_for_each_entry_safe(x, next, &xattrs->head, list)
		simple_xattr_free(x);
	INIT_LIST_HEAD(&xattrs->head);
}

static struct simple_xattr *simple_xattr_find(struct simple_xattrs *xattrs, const char *name)
{
	struct simple_xattr *x;

	list_for_each_entry(x, &xattrs->head, list)
		if (!strcmp(x->name, name))
			return x;
	return NULL;
}

int simple_xattr_get(struct simple_xattrs *xattrs, const char *name, void *buffer,
		     size_t size)
{
	struct simple_xattr *x;
	int ret = -ENODATA;

	spin_lock(&xattrs->lock);
	x = simple_xattr_find(xattrs, name);
	if (x) {
		ret = x->size;
		if (size) {
			if (size < x->size)
				ret = -ERANGE;
			else
				memcpy(buffer, x->value, x->size);
		}
	}
	spin_unlock(&xattrs->lock);
	return ret;
}

int simple_xattr_set(struct simple_xattrs *xattrs, const char *name, const void *value,
		     size_t size, int flags)
{
	struct simple_xattr *new = NULL, *old;
	int err = 0;

	if (value) {
		new = kmalloc(sizeof(*new) + size, GFP_KERNEL);
		if (!new)
			return -ENOSPC;
		new->name = kstrdup(name, GFP_KERNEL);
		if (!new->name) {
			kfree(new);
			return -ENOSPC;
		}
		new->size = size;
		memcpy(new->value, value, size);
	}
	spin_lock(&xattrs->lock);
	old = simple_xattr_find(xattrs, name);
	if (old && (flags & XATTR_CREATE)) {
		err = -EEXIST;
	} else if (!old && (flags & XATTR_REPLACE)) {
		err = -ENODATA;
	} else {
		if (old)
			list_del(&old->list);
		if (new)
			list_add_tail(&new->list, &xattrs->head);
		new = NULL;
	}
	spin_unlock(&xattrs->lock);
	if (!err && old)
		simple_xattr_free(old);
	if (new)
		simple_xattr_free(new);
	return err;
}

ssize_t simple_xattr_list(struct inode *inode, struct simple_xattrs *xattrs, char *buffer,
			  size_t size)
{
	struct simple_xattr *x;
	ssize_t used = 0;
	/* trusted.* names are shown only to whom may read them. */
	bool trusted_ok = capable(CAP_SYS_ADMIN);

	(void)inode;
	spin_lock(&xattrs->lock);
	list_for_each_entry(x, &xattrs->head, list) {
		size_t len = strlen(x->name) + 1;

		if (!trusted_ok &&
		    !strncmp(x->name, XATTR_TRUSTED_PREFIX, sizeof(XATTR_TRUSTED_PREFIX) - 1))
			continue;
		if (buffer) {
			if ((size_t)used + len > size) {
				used = -ERANGE;
				break;
			}
			memcpy(buffer + used, x->name, len);
		}
		used += len;
	}
	spin_unlock(&xattrs->lock);
	return used;
}
