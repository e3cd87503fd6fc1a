// SPDX-License-Identifier: GPL-2.0
/*
 * The mount tree: mount(2), umount2(2), pivot_root(2).
 *
 * Each mounted filesystem instance is a struct mount (fs/mount.h)
 * attached at a dentry of its parent mount; that dentry is flagged
 * DCACHE_MOUNTED so the path walk knows to look here (lookup_mnt) and
 * step into the child's root.  "..", at the root of a mount, steps back
 * out to the mount point (follow_up).  The tree holds one reference on
 * every attached mount; each struct path holds another, so umount can
 * tell a busy mount (cwd or open files in it: EBUSY) from an idle one.
 * MNT_DETACH takes the mount out of the tree at once and lets the last
 * reference free it.
 *
 * At boot, init_mount_tree() mounts a tmpfs as "/", the rootfs the
 * initramfs is unpacked into.  There is one mount namespace.
 *
 * pivot_root swaps a process's root mount for another: the old root is
 * moved onto a directory under the new one (put_old) and the new root
 * takes the old root's place in the tree.  As on Linux, rootfs itself
 * cannot be pivoted (it is mounted on nothing), so an initramfs system
 * switches root with MS_MOVE + chroot instead.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/err.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include "mount.h"

static DEFINE_SPINLOCK(mount_lock);
static DEFINE_MUTEX(namespace_sem);	/* serializes changes of the tree */
static LIST_HEAD(mount_list);
static struct mount *ns_root;
static int next_mnt_id = 1;

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt) {
		spin_lock(&mount_lock);
		real_mount(mnt)->mnt_count++;
		spin_unlock(&mount_lock);
	}
	return mnt;
}

void mntput(struct vfsmount *mnt)
{
	struct mount *m;

	if (!mnt)
		return;
	m = real_mount(mnt);
	spin_lock(&mount_lock);
	if (--m->mnt_count > 0) {
		spin_unlock(&mount_lock);
		return;
	}
	spin_unlock(&mount_lock);
	/* Only a detached mount reaches zero: the tree holds attached ones. */
	dput(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	kfree(m->mnt_devname);
	kfree(m);
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

bool __mnt_is_readonly(const struct vfsmount *mnt)
{
	return (mnt->mnt_flags & MNT_READONLY) || (mnt->mnt_sb->s_flags & MS_RDONLY);
}

int mnt_want_write(struct vfsmount *mnt)
{
	return __mnt_is_readonly(mnt) ? -EROFS : 0;
}

/*
 * A mount named @name (the "device" /proc/mounts shows), attached
 * nowhere -- its own parent -- and holding one reference.  The caller
 * gives it a root and a superblock.
 */
static struct mount *alloc_vfsmnt(const char *name)
{
	struct mount *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return NULL;
	m->mnt_devname = kstrdup(name ? name : "none", GFP_KERNEL);
	if (!m->mnt_devname) {
		kfree(m);
		return NULL;
	}
	m->mnt_parent = m;
	m->mnt_count = 1;
	INIT_LIST_HEAD(&m->mnt_mounts);
	INIT_LIST_HEAD(&m->mnt_child);
	INIT_LIST_HEAD(&m->mnt_list);
	spin_lock(&mount_lock);
	m->mnt_id = next_mnt_id++;
	spin_unlock(&mount_lock);
	return m;
}

static void free_vfsmnt(struct mount *m)
{
	kfree(m->mnt_devname);
	kfree(m);
}

/* A mount of @type, not yet attached anywhere, holding one reference. */
static struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				       const char *name, void *data)
{
	struct mount *m = alloc_vfsmnt(name);
	struct dentry *root;

	if (!m)
		return ERR_PTR(-ENOMEM);
	root = type->mount(type, flags, name, data);
	if (IS_ERR(root)) {
		free_vfsmnt(m);
		return ERR_CAST(root);
	}
	m->mnt.mnt_root = root;
	m->mnt.mnt_sb = root->d_sb;
	m->mnt_mountpoint = root;
	return &m->mnt;
}

struct vfsmount *kern_mount(const char *fstype)
{
	struct file_system_type *type = get_fs_type(fstype);

	if (!type)
		return ERR_PTR(-ENODEV);
	return vfs_kern_mount(type, 0, fstype, NULL);
}

/* The mount on top of @path (the most recent one there), with a reference. */
struct vfsmount *lookup_mnt(const struct path *path)
{
	struct mount *parent = real_mount(path->mnt), *child, *found = NULL;

	spin_lock(&mount_lock);
	list_for_each_entry(child, &parent->mnt_mounts, mnt_child)
		if (child->mnt_mountpoint == path->dentry)
			found = child;
	if (found)
		found->mnt_count++;
	spin_unlock(&mount_lock);
	return found ? &found->mnt : NULL;
}

/* Step down through every mount stacked on @path; true if it moved. */
bool follow_down_mount(struct path *path)
{
	bool moved = false;

	while (d_mountpoint(path->dentry)) {
		struct vfsmount *mnt = lookup_mnt(path);

		if (!mnt)
			break;
		dput(path->dentry);
		mntput(path->mnt);
		path->mnt = mnt;
		path->dentry = dget(mnt->mnt_root);
		moved = true;
	}
	return moved;
}

/* From the root of a mount to the dentry it is mounted on; false at the top. */
bool follow_up(struct path *path)
{
	struct mount *m = real_mount(path->mnt), *parent;
	struct dentry *mp;

	spin_lock(&mount_lock);
	parent = m->mnt_parent;
	if (parent == m) {
		spin_unlock(&mount_lock);
		return false;
	}
	parent->mnt_count++;
	mp = m->mnt_mountpoint;
	spin_unlock(&mount_lock);
	mp = dget(mp);
	dput(path->dentry);
	mntput(path->mnt);
	path->mnt = &parent->mnt;
	path->dentry = mp;
	return true;
}

int path_mounted(const struct path *path)
{
	return path->mnt->mnt_root == path->dentry;
}

/* Attach @m (its reference becomes the tree's) on @mp. */
static void attach_mnt(struct mount *m, const struct path *mp)
{
	struct mount *parent = real_mount(mp->mnt);

	mntget(mp->mnt);
	dget(mp->dentry);
	d_set_mounted(mp->dentry, true);
	spin_lock(&mount_lock);
	m->mnt_parent = parent;
	m->mnt_mountpoint = mp->dentry;
	list_add_tail(&m->mnt_child, &parent->mnt_mounts);
	list_add_tail(&m->mnt_list, &mount_list);
	m->mnt_attached = true;
	spin_unlock(&mount_lock);
}

/* Take @m out of the tree; returns the parent path it was on (references for the caller). */
static void detach_mnt(struct mount *m, struct path *old)
{
	struct mount *parent, *other;
	bool still = false;

	spin_lock(&mount_lock);
	parent = m->mnt_parent;
	old->mnt = &parent->mnt;
	old->dentry = m->mnt_mountpoint;
	list_del_init(&m->mnt_child);
	list_del_init(&m->mnt_list);
	m->mnt_parent = m;
	m->mnt_mountpoint = m->mnt.mnt_root;
	m->mnt_attached = false;
	list_for_each_entry(other, &parent->mnt_mounts, mnt_child)
		if (other->mnt_mountpoint == old->dentry)
			still = true;
	spin_unlock(&mount_lock);
	if (!still)
		d_set_mounted(old->dentry, false);
}

int __init init_mount_tree_root(void)
{
	struct vfsmount *mnt = kern_mount("tmpfs");
	struct path root;

	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	ns_root = real_mount(mnt);
	kfree(ns_root->mnt_devname);
	ns_root->mnt_devname = kstrdup("rootfs", GFP_KERNEL);
	ns_root->mnt_attached = true;
	list_add_tail(&ns_root->mnt_list, &mount_list);
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	set_fs_root(current->fs, &root);
	set_fs_pwd(current->fs, &root);
	return 0;
}

static int do_new_mount(const struct path *path, const char *type_name, unsigned long flags,
			const char *name, void *data)
{
	struct file_system_type *type = get_fs_type(type_name);
	struct vfsmount *mnt;

	if (!type)
		return -ENODEV;
	if (!d_inode(path->dentry) || !S_ISDIR(d_inode(path->dentry)->i_mode))
		return -ENOTDIR;
	mnt = vfs_kern_mount(type, flags & MS_RDONLY, name, data);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	if (flags & MS_NOSUID)
		mnt->mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt->mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt->mnt_flags |= MNT_NOEXEC;
	mutex_lock(&namespace_sem);
	if (d_unhashed(path->dentry) && !IS_ROOT(path->dentry)) {
		mutex_unlock(&namespace_sem);
		mntput(mnt);
		return -ENOENT;
	}
	attach_mnt(real_mount(mnt), path);
	mutex_unlock(&namespace_sem);
	return 0;
}

/* MS_BIND: the subtree at @old_name appears again at @path. */
static int do_loopback(const struct path *path, const char *old_name)
{
	struct path old;
	struct mount *m;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	err = -ENOMEM;
	m = alloc_vfsmnt(real_mount(old.mnt)->mnt_devname);
	if (!m)
		goto out;
	m->mnt.mnt_root = dget(old.dentry);
	m->mnt.mnt_sb = old.mnt->mnt_sb;
	m->mnt_mountpoint = m->mnt.mnt_root;
	atomic_inc(&m->mnt.mnt_sb->s_active);
	mutex_lock(&namespace_sem);
	attach_mnt(m, path);
	mutex_unlock(&namespace_sem);
	err = 0;
out:
	path_put(&old);
	return err;
}

static int do_remount(const struct path *path, unsigned long flags)
{
	struct super_block *sb = path->mnt->mnt_sb;

	if (!path_mounted(path))
		return -EINVAL;
	if (flags & MS_RDONLY)
		sb->s_flags |= MS_RDONLY;
	else
		sb->s_flags &= ~MS_RDONLY;
	return 0;
}

static char *copy_mount_string(const void __user *data)
{
	char *s;
	long n;

	if (!data)
		return NULL;
	s = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(s, data, PATH_MAX);
	if (n < 0 || n == PATH_MAX) {
		kfree(s);
		return ERR_PTR(n < 0 ? n : -ENAMETOOLONG);
	}
	return s;
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	char *kdev = NULL, *ktype = NULL;
	struct path path;
	int err;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	kdev = copy_mount_string(dev_name);
	if (IS_ERR(kdev))
		return PTR_ERR(kdev);
	ktype = copy_mount_string(type);
	if (IS_ERR(ktype)) {
		err = PTR_ERR(ktype);
		ktype = NULL;
		goto out;
	}
	err = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &path);
	if (err)
		goto out;
	if (flags & MS_REMOUNT)
		err = do_remount(&path, flags);
	else if (flags & MS_BIND)
		err = do_loopback(&path, kdev);
	else if (flags & MS_MOVE)
		err = -EINVAL;	/* not yet */
	else if (!ktype)
		err = -EINVAL;
	else
		err = do_new_mount(&path, ktype, flags, kdev, NULL);
	path_put(&path);
out:
	kfree(kdev);
	kfree(ktype);
	return err;
}

/*
 * Busy: something mounted below it, or references beyond the tree's and
 * the caller's (cwd, root, open files inside it).
 */
static bool mount_busy(struct mount *m)
{
	return !list_empty(&m->mnt_mounts) || m->mnt_count > 2;
}

/* Linux names the entry sys_umount; the table (umount2, 166) points at that. */
SYSCALL_DEFINE2(umount, char __user *, name, int, flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path, old;
	struct mount *m;
	int err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if ((flags & MNT_EXPIRE) && (flags & (MNT_FORCE | MNT_DETACH)))
		return -EINVAL;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (flags & UMOUNT_NOFOLLOW)
		lookup_flags = 0;
	err = user_path_at(AT_FDCWD, name, lookup_flags, &path);
	if (err)
		return err;
	m = real_mount(path.mnt);
	err = -EINVAL;
	if (!path_mounted(&path) || !m->mnt_attached)
		goto out;
	if (flags & MNT_EXPIRE) {
		err = -EAGAIN;	/* expiry marks are not kept: never expired */
		goto out;
	}
	mutex_lock(&namespace_sem);
	err = -EBUSY;
	if (m == ns_root || (!(flags & MNT_DETACH) && mount_busy(m))) {
		mutex_unlock(&namespace_sem);
		goto out;
	}
	/* MNT_DETACH: children stay mounted on it and go when it goes. */
	detach_mnt(m, &old);
	mutex_unlock(&namespace_sem);
	path_put(&old);		/* the mount point and parent references */
	mntput(&m->mnt);	/* the tree's reference */
	err = 0;
out:
	path_put(&path);
	return err;
}

/* Is @dentry at or below @ancestor in the same filesystem? */
static bool dentry_below(struct dentry *dentry, struct dentry *ancestor)
{
	for (;;) {
		if (dentry == ancestor)
			return true;
		if (IS_ROOT(dentry))
			return false;
		dentry = dentry->d_parent;
	}
}

/*
 * Can (@m, @dentry) be reached from @root by walking down the tree?
 * Climb mount points until @root's mount, then compare dentries.
 * namespace_sem held, so the mounts do not move.
 */
static bool is_path_reachable(struct mount *m, struct dentry *dentry, const struct path *root)
{
	while (&m->mnt != root->mnt && m->mnt_parent != m) {
		dentry = m->mnt_mountpoint;
		m = m->mnt_parent;
	}
	return &m->mnt == root->mnt && dentry_below(dentry, root->dentry);
}

/*
 * After pivot_root: every process whose root or cwd was @old now has
 * @new instead (Linux's chroot_fs_refs), so a shell's "/" follows the
 * switch.  The old references are dropped after the task list lock, as
 * the last one may free a mount.
 */
static void chroot_fs_refs(const struct path *old, const struct path *new)
{
	struct task_struct *p;
	int count = 0;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		struct fs_struct *fs;

		task_lock(p);
		fs = p->fs;
		if (fs) {
			spin_lock(&fs->lock);
			if (fs->root.dentry == old->dentry && fs->root.mnt == old->mnt) {
				path_get(new);
				fs->root = *new;
				count++;
			}
			if (fs->pwd.dentry == old->dentry && fs->pwd.mnt == old->mnt) {
				path_get(new);
				fs->pwd = *new;
				count++;
			}
			spin_unlock(&fs->lock);
		}
		task_unlock(p);
	}
	spin_unlock_irq(&tasklist_lock);
	while (count--)
		path_put(old);
}

SYSCALL_DEFINE2(pivot_root, const char __user *, new_root, const char __user *, put_old)
{
	struct path new, old, root, root_parent, ex_parent;
	struct mount *new_mnt, *root_mnt, *old_mnt;
	int err;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	err = user_path_at(AT_FDCWD, new_root, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &new);
	if (err)
		return err;
	err = user_path_at(AT_FDCWD, put_old, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &old);
	if (err)
		goto out_new;
	get_fs_root(current->fs, &root);
	mutex_lock(&namespace_sem);
	new_mnt = real_mount(new.mnt);
	root_mnt = real_mount(root.mnt);
	old_mnt = real_mount(old.mnt);
	/* Linux's order of checks, so each bad call gets Linux's errno. */
	err = -EINVAL;
	if (!root_mnt->mnt_attached || !new_mnt->mnt_attached)
		goto out;
	err = -ENOENT;
	if (d_unhashed(new.dentry) && !IS_ROOT(new.dentry))
		goto out;
	err = -EBUSY;
	if (new_mnt == root_mnt || old_mnt == root_mnt)
		goto out;	/* a loop: the old root cannot go under itself */
	err = -EINVAL;
	if (!path_mounted(&root) || root_mnt->mnt_parent == root_mnt)
		goto out;	/* a chroot inside a mount, or rootfs */
	if (!path_mounted(&new) || new_mnt->mnt_parent == new_mnt)
		goto out;
	if (!is_path_reachable(old_mnt, old.dentry, &new))
		goto out;	/* put_old must be under new_root */
	if (!is_path_reachable(new_mnt, new.dentry, &root))
		goto out;	/* new_root must be under the current root */
	/*
	 * new_root leaves its mount point; the old root leaves its own and
	 * goes onto put_old; new_root takes the old root's place.  The
	 * tree's references to both mounts carry over.
	 */
	detach_mnt(new_mnt, &ex_parent);
	detach_mnt(root_mnt, &root_parent);
	attach_mnt(root_mnt, &old);
	attach_mnt(new_mnt, &root_parent);
	mutex_unlock(&namespace_sem);
	path_put(&ex_parent);
	path_put(&root_parent);
	chroot_fs_refs(&root, &new);
	err = 0;
	goto out_root;
out:
	mutex_unlock(&namespace_sem);
out_root:
	path_put(&root);
	path_put(&old);
out_new:
	path_put(&new);
	return err;
}

/*
 * Call @show on every attached mount, oldest first (/proc/mounts).
 * namespace_sem keeps the tree still; @show must not sleep on the tree.
 */
int iterate_mounts(int (*show)(struct mount *m, void *arg), void *arg)
{
	struct mount *m;
	int err = 0;

	mutex_lock(&namespace_sem);
	list_for_each_entry(m, &mount_list, mnt_list) {
		err = show(m, arg);
		if (err)
			break;
	}
	mutex_unlock(&namespace_sem);
	return err;
}
