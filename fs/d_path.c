// SPDX-License-Identifier: GPL-2.0
/*
 * From a struct path back to a name: d_path() and getcwd(2).  The name
 * is built right to left by walking d_parent, crossing from the root of
 * each mount to its mount point, and stopping at the process's root.
 * A directory that has been removed gets " (deleted)" after its name;
 * getcwd in one returns ENOENT, as Linux does, and a working directory
 * outside the process's root comes back as "(unreachable)/...".
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "mount.h"

static int prepend(char **p, int *left, const char *s, int len)
{
	if (len > *left)
		return -ENAMETOOLONG;
	*left -= len;
	*p -= len;
	memcpy(*p, s, len);
	return 0;
}

/*
 * Returns 0, a negative errno, or 1 when @path is not below @root (a
 * chroot that left the working directory outside): the name is then
 * the one from the top of the mount tree.
 *
 * The caller holds @path, and each dentry holds its parent, so the chain
 * up is alive; dcache_lock keeps names and parents still while we copy.
 * The mount tree changes only under namespace_sem and a mounted-on
 * dentry is pinned by its mount, so reading mnt_parent here is safe.
 */
static int prepend_path(const struct path *path, const struct path *root, char **p, int *left)
{
	struct path cur = *path;
	int err = 0;

	dcache_lock_acquire();
	for (;;) {
		struct dentry *d = cur.dentry, *parent;

		if (path_equal(&cur, root))
			break;
		if (d == cur.mnt->mnt_root || IS_ROOT(d)) {
			struct mount *m = real_mount(cur.mnt);

			if (m->mnt_parent == m) {
				/* The top of the tree without meeting the root. */
				err = 1;
				break;
			}
			cur.dentry = m->mnt_mountpoint;
			cur.mnt = &m->mnt_parent->mnt;
			continue;
		}
		parent = d->d_parent;
		err = prepend(p, left, d->d_name.name, d->d_name.len);
		if (!err)
			err = prepend(p, left, "/", 1);
		if (err)
			break;
		cur.dentry = parent;
	}
	dcache_lock_release();
	return err;
}

char *d_path(const struct path *path, char *buf, int buflen)
{
	struct path root;
	char *p = buf + buflen;
	int left = buflen, err;

	if (path->dentry->d_op && path->dentry->d_op->d_dname)
		return path->dentry->d_op->d_dname(path->dentry, buf, buflen);
	get_fs_root(current->fs, &root);
	err = prepend(&p, &left, "", 1);
	if (!err && d_unhashed(path->dentry) && !IS_ROOT(path->dentry))
		err = prepend(&p, &left, " (deleted)", 10);
	if (!err)
		err = prepend_path(path, &root, &p, &left);
	if (err > 0)
		err = 0;	/* unreachable: the name from the top, as Linux's d_path */
	if (!err && *p != '/')
		err = prepend(&p, &left, "/", 1);
	path_put(&root);
	return err ? ERR_PTR(err) : p;
}

SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	struct path pwd, root;
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	char *p;
	int left = PATH_MAX, err;
	unsigned long len;

	if (!page)
		return -ENOMEM;
	get_fs_pwd(current->fs, &pwd);
	get_fs_root(current->fs, &root);
	err = -ENOENT;
	if (d_unhashed(pwd.dentry) && !IS_ROOT(pwd.dentry))
		goto out;
	p = page + PATH_MAX;
	err = prepend(&p, &left, "", 1);
	if (!err)
		err = prepend_path(&pwd, &root, &p, &left);
	if (err < 0)
		goto out;
	if (*p != '/')
		prepend(&p, &left, "/", 1);
	/*
	 * Outside the root: not an absolute name, so callers that trust
	 * getcwd (realpath, CVE-2018-1000001) cannot mistake it for one.
	 */
	if (err > 0 && prepend(&p, &left, "(unreachable)", 13)) {
		err = -ENAMETOOLONG;
		goto out;
	}
	len = page + PATH_MAX - p;
	err = -ERANGE;
	if (len > size)
		goto out;
	err = copy_to_user(buf, p, len) ? -EFAULT : (int)len;
out:
	path_put(&pwd);
	path_put(&root);
	kfree(page);
	return err;
}
