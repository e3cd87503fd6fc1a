// SPDX-License-Identifier: GPL-2.0
/*
 * Landlock's file-system checks.  An access to a path is allowed when,
 * for every layer of the caller's domain that governs it, some rule on
 * the path or on a directory above it allows it.  The walk goes up
 * through d_parent, jumps from a mount's root to where it is mounted
 * (the mount point itself is hidden, so its rules do not count), and
 * stops at the real root: a chroot does not shorten it.
 *
 * Creating and removing names is an access to the parent directory
 * (MAKE_REG, REMOVE_DIR, ...); opening is an access to the file
 * (READ_FILE or READ_DIR, WRITE_FILE, EXECUTE for exec).  Moving a name
 * to another directory (link, rename) needs REFER on both directories,
 * which no ruleset grants unless a rule says so, and may not give the
 * file accesses it did not have where it was: otherwise EXDEV, so that
 * mv falls back to copying.  Files of internal file systems (pipes,
 * sockets, anonymous inodes) have no path to walk and are not checked.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/path.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <uapi/linux/stat.h>
#include "landlock.h"

/* What each layer grants on @path: the union of its rules from @path to the root. */
static void collect_access(const struct landlock_domain *dom, const struct path *path,
			   u64 *granted)
{
	struct path walk = *path;
	struct dentry *parent;
	unsigned int i;

	memset(granted, 0, sizeof(*granted) * dom->num_layers);
	path_get(&walk);
	for (;;) {
		struct inode *inode = d_inode(walk.dentry);

		if (inode)
			for (i = 0; i < dom->num_layers; i++)
				granted[i] |= landlock_find_access(dom->layers[i], inode);
		while (walk.dentry == walk.mnt->mnt_root) {
			if (!follow_up(&walk))
				goto out;	/* the real root */
		}
		if (IS_ROOT(walk.dentry))
			break;		/* a disconnected tree: nothing above */
		parent = dget_parent(walk.dentry);
		dput(walk.dentry);
		walk.dentry = parent;
	}
out:
	path_put(&walk);
}

static bool is_internal(const struct path *path)
{
	return path->mnt->mnt_sb->s_flags & SB_NOUSER;
}

/* 0 if every layer that governs an access of @access allows it on @path. */
static int check_access_path(const struct landlock_domain *dom, const struct path *path,
			     u64 access)
{
	u64 granted[LANDLOCK_MAX_NUM_LAYERS];
	unsigned int i;
	bool governed = false;

	if (!dom || !access || is_internal(path))
		return 0;
	for (i = 0; i < dom->num_layers; i++)
		governed |= !!(dom->layers[i]->handled_access_fs & access);
	if (!governed)
		return 0;
	collect_access(dom, path, granted);
	for (i = 0; i < dom->num_layers; i++) {
		u64 need = access & dom->layers[i]->handled_access_fs;

		if ((granted[i] & need) != need)
			return -EACCES;
	}
	return 0;
}

static const struct landlock_domain *current_domain(void)
{
	return current_cred()->landlock;
}

static u64 make_access(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFLNK:
		return LANDLOCK_ACCESS_FS_MAKE_SYM;
	case S_IFDIR:
		return LANDLOCK_ACCESS_FS_MAKE_DIR;
	case S_IFCHR:
		return LANDLOCK_ACCESS_FS_MAKE_CHAR;
	case S_IFBLK:
		return LANDLOCK_ACCESS_FS_MAKE_BLOCK;
	case S_IFIFO:
		return LANDLOCK_ACCESS_FS_MAKE_FIFO;
	case S_IFSOCK:
		return LANDLOCK_ACCESS_FS_MAKE_SOCK;
	default:
		return LANDLOCK_ACCESS_FS_MAKE_REG;
	}
}

static u64 remove_access(const struct dentry *dentry)
{
	const struct inode *inode = d_inode(dentry);

	return inode && S_ISDIR(inode->i_mode) ? LANDLOCK_ACCESS_FS_REMOVE_DIR
					      : LANDLOCK_ACCESS_FS_REMOVE_FILE;
}

int landlock_file_open(struct file *file)
{
	bool is_dir = S_ISDIR(file_inode(file)->i_mode);
	u64 access = 0;

	if (file->f_mode & FMODE_READ)
		access |= is_dir ? LANDLOCK_ACCESS_FS_READ_DIR : LANDLOCK_ACCESS_FS_READ_FILE;
	if (file->f_mode & FMODE_WRITE)
		access |= LANDLOCK_ACCESS_FS_WRITE_FILE;
	if (file->f_mode & FMODE_EXEC)
		access |= LANDLOCK_ACCESS_FS_EXECUTE;
	return check_access_path(current_domain(), &file->f_path, access);
}

int landlock_path_mknod(const struct path *dir, umode_t mode)
{
	return check_access_path(current_domain(), dir, make_access(mode));
}

int landlock_path_remove(const struct path *dir, struct dentry *dentry)
{
	return check_access_path(current_domain(), dir, remove_access(dentry));
}

/*
 * Reparenting @dentry from @old_dir to @new_dir: REFER on both, and in
 * each layer what the new place grants must not exceed what the old
 * one did.  Within one directory nothing changes and REFER is not needed.
 */
static int check_refer(const struct landlock_domain *dom, const struct path *old_dir,
		       const struct path *new_dir)
{
	u64 old_granted[LANDLOCK_MAX_NUM_LAYERS], new_granted[LANDLOCK_MAX_NUM_LAYERS];
	unsigned int i;

	if (!dom || (old_dir->mnt == new_dir->mnt && old_dir->dentry == new_dir->dentry))
		return 0;
	collect_access(dom, old_dir, old_granted);
	collect_access(dom, new_dir, new_granted);
	for (i = 0; i < dom->num_layers; i++) {
		u64 handled = dom->layers[i]->handled_access_fs;

		if (!(old_granted[i] & new_granted[i] & LANDLOCK_ACCESS_FS_REFER))
			return -EXDEV;
		if ((new_granted[i] & handled) & ~(old_granted[i] & handled))
			return -EXDEV;
	}
	return 0;
}

int landlock_path_link(struct dentry *old_dentry, const struct path *new_dir)
{
	const struct landlock_domain *dom = current_domain();
	struct path old_dir = { .mnt = new_dir->mnt, .dentry = old_dentry->d_parent };
	int err;

	if (!dom)
		return 0;
	err = check_access_path(dom, new_dir, make_access(d_inode(old_dentry)->i_mode));
	if (!err)
		err = check_refer(dom, &old_dir, new_dir);
	return err;
}

int landlock_path_rename(const struct path *old_dir, struct dentry *old_dentry,
			 const struct path *new_dir, struct dentry *new_dentry, bool exchange)
{
	const struct landlock_domain *dom = current_domain();
	umode_t mode = d_inode(old_dentry)->i_mode;
	int err;

	if (!dom)
		return 0;
	err = check_access_path(dom, old_dir, remove_access(old_dentry));
	if (!err)
		err = check_access_path(dom, new_dir, make_access(mode));
	if (!err && d_inode(new_dentry))
		err = check_access_path(dom, new_dir, remove_access(new_dentry));
	if (!err && exchange)
		err = check_access_path(dom, old_dir, make_access(d_inode(new_dentry)->i_mode));
	if (!err)
		err = check_refer(dom, old_dir, new_dir);
	if (!err && exchange)
		err = check_refer(dom, new_dir, old_dir);
	return err;
}

/* A sandboxed process may not change the mount tree it is confined by. */
int landlock_sb_mount(void)
{
	return current_domain() ? -EPERM : 0;
}
