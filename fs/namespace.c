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
 * initramfs is unpacked into.
 *
 * Mount namespaces: unshare(CLONE_NEWNS) or clone with it gives the
 * process a copy of the whole tree -- a new struct mount for each mount,
 * on the same filesystems and mount points -- and moves its root and cwd
 * into the copy.  Since a mount's children are kept on the mount itself,
 * mounting and unmounting in one copy never shows in the other; there
 * is no propagation between them (every mount is "private").  The tree
 * goes when the last process in the namespace does.
 *
 * pivot_root swaps a process's root mount for another: the old root is
 * moved onto a directory under the new one (put_old) and the new root
 * takes the old root's place in the tree.  As on Linux, rootfs itself
 * cannot be pivoted (it is mounted on nothing), so an initramfs system
 * switches root with MS_MOVE + chroot instead.
 */
#include <linux/kernel.h>
#include <linux/mnt_namespace.h>
#include <linux/nsproxy.h>
#include <linux/refcount.h>
#include <linux/init.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/fsnotify_backend.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/err.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <uapi/linux/sched.h>
#include "mount.h"

static DEFINE_SPINLOCK(mount_lock);
static DEFINE_MUTEX(namespace_sem);	/* serializes changes of the tree */
static LIST_HEAD(mount_list);
static struct mount *ns_root;

struct mnt_namespace {
	refcount_t count;
	struct mount *root;
	unsigned int inum;		/* /proc/PID/ns/mnt */
};

struct mnt_namespace init_mnt_ns = { .count = REFCOUNT_INIT(1) };
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
	fsnotify_mnt_delete(mnt);
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
	m->mnt.mnt_flags = MNT_RELATIME;	/* Linux's default since 2.6.30 */
	INIT_LIST_HEAD(&m->mnt_mounts);
	INIT_LIST_HEAD(&m->mnt_child);
	INIT_LIST_HEAD(&m->mnt_list);
	INIT_LIST_HEAD(&m->mnt_fsnotify_marks);
	INIT_LIST_HEAD(&m->mnt_share);
	INIT_LIST_HEAD(&m->mnt_slave_list);
	INIT_LIST_HEAD(&m->mnt_slave);
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
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
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

/*
 * An automount point that nothing is mounted on yet gets its mount now,
 * as Linux's follow_automount does: /sys/kernel/debug/tracing is tracefs
 * the first time anyone walks into it.  A failure leaves the plain
 * directory, which is what the walk then sees.
 */
static void follow_automount(struct path *path)
{
	struct vfsmount *mnt;

	if (!(path->dentry->d_flags & DCACHE_NEED_AUTOMOUNT) || d_mountpoint(path->dentry) ||
	    !path->dentry->d_op || !path->dentry->d_op->d_automount)
		return;
	mnt = path->dentry->d_op->d_automount(path);
	if (IS_ERR_OR_NULL(mnt))
		return;
	mutex_lock(&namespace_sem);
	if (d_mountpoint(path->dentry) || !real_mount(path->mnt)->mnt_attached)
		mntput(mnt);	/* another walker was first, or the parent went away */
	else
		attach_mnt(real_mount(mnt), path);
	mutex_unlock(&namespace_sem);
}

/* Step down through every mount stacked on @path; true if it moved. */
bool follow_down_mount(struct path *path)
{
	bool moved = false;

	follow_automount(path);
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

/*
 * The mount table changed: /proc/PID/mounts pollers see POLLPRI (as
 * Linux's touch_mnt_namespace; one namespace here, so one counter).
 */
unsigned long mnt_ns_event;
DECLARE_WAIT_QUEUE_HEAD(mnt_ns_poll);

static void touch_mnt_namespace(void)
{
	WRITE_ONCE(mnt_ns_event, mnt_ns_event + 1);
	wake_up_interruptible(&mnt_ns_poll);
}

/* Attach @m (its reference becomes the tree's) on @mp. */
void attach_mnt(struct mount *m, const struct path *mp)
{
	struct mount *parent = real_mount(mp->mnt);

	mntget(mp->mnt);
	dget(mp->dentry);
	d_set_mounted(mp->dentry, true);
	spin_lock(&mount_lock);
	m->mnt_parent = parent;
	m->mnt_ns = parent->mnt_ns;
	m->mnt_mountpoint = mp->dentry;
	list_add_tail(&m->mnt_child, &parent->mnt_mounts);
	list_add_tail(&m->mnt_list, &mount_list);
	m->mnt_attached = true;
	spin_unlock(&mount_lock);
	touch_mnt_namespace();
}

/* Take @m out of the tree; returns the parent path it was on (references for the caller). */
void detach_mnt(struct mount *m, struct path *old)
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
	/* Another mount on the dentry, in this tree or another namespace's copy? */
	list_for_each_entry(other, &mount_list, mnt_list)
		if (other->mnt_mountpoint == old->dentry && other->mnt_parent != other)
			still = true;
	spin_unlock(&mount_lock);
	touch_mnt_namespace();
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
	ns_root->mnt_ns = &init_mnt_ns;
	init_mnt_ns.root = ns_root;
	init_mnt_ns.inum = ns_alloc_inum();
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
	int err;

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
	if (flags & MS_NOATIME)
		mnt->mnt_flags = (mnt->mnt_flags & ~MNT_RELATIME) | MNT_NOATIME;
	else if (flags & MS_STRICTATIME)
		mnt->mnt_flags &= ~MNT_RELATIME;
	if (flags & MS_NODIRATIME)
		mnt->mnt_flags |= MNT_NODIRATIME;
	mutex_lock(&namespace_sem);
	if (d_unhashed(path->dentry) && !IS_ROOT(path->dentry)) {
		mutex_unlock(&namespace_sem);
		mntput(mnt);
		return -ENOENT;
	}
	err = propagate_mnt(real_mount(path->mnt), path->dentry, real_mount(mnt));
	attach_mnt(real_mount(mnt), path);
	mutex_unlock(&namespace_sem);
	return err;
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
	err = -EINVAL;
	if (real_mount(old.mnt)->mnt_unbindable)
		goto out;
	err = -ENOMEM;
	m = alloc_vfsmnt(real_mount(old.mnt)->mnt_devname);
	if (!m)
		goto out;
	m->mnt.mnt_root = dget(old.dentry);
	m->mnt.mnt_sb = old.mnt->mnt_sb;
	m->mnt.mnt_flags = old.mnt->mnt_flags;	/* nosuid, ro, ... come along */
	m->mnt_mountpoint = m->mnt.mnt_root;
	atomic_inc(&m->mnt.mnt_sb->s_active);
	mutex_lock(&namespace_sem);
	/* A bind of a shared mount is its peer; of a slave, a slave of the same master. */
	clone_propagation(m, real_mount(old.mnt));
	err = propagate_mnt(real_mount(path->mnt), path->dentry, m);
	attach_mnt(m, path);
	mutex_unlock(&namespace_sem);
out:
	path_put(&old);
	return err;
}

/*
 * MS_MOVE: the mount at @old_name moves to @path, with everything
 * mounted below it.  switch_root (Debian's initramfs, busybox) moves the
 * real root onto "/" this way before it chroots into it.
 */
static int do_move_mount(const struct path *path, const char *old_name)
{
	struct path old, oldmp;
	struct mount *m, *p;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	m = real_mount(old.mnt);
	err = -EINVAL;
	mutex_lock(&namespace_sem);
	if (!path_mounted(&old) || !m->mnt_attached || m->mnt_parent == m)
		goto out_unlock;
	/* Not into itself or below: the tree would become a loop. */
	for (p = real_mount(path->mnt); ; p = p->mnt_parent) {
		if (p == m) {
			err = -ELOOP;
			goto out_unlock;
		}
		if (p->mnt_parent == p)
			break;
	}
	detach_mnt(m, &oldmp);
	attach_mnt(m, path);
	mutex_unlock(&namespace_sem);
	path_put(&oldmp);	/* the old mountpoint's references, which the tree held */
	path_put(&old);
	return 0;
out_unlock:
	mutex_unlock(&namespace_sem);
	path_put(&old);
	return err;
}

/* Exactly one propagation type (MS_REC and MS_SILENT aside), or 0. */
static int propagation_type(unsigned long flags)
{
	int type = flags & ~(MS_REC | MS_SILENT);

	if (type != MS_SHARED && type != MS_PRIVATE && type != MS_SLAVE && type != MS_UNBINDABLE)
		return 0;
	return type;
}

/* Apply @type to @m and, with @rec, every mount below it.  namespace_sem held. */
static int change_type_tree(struct mount *m, int type, bool rec)
{
	struct mount *child;
	int err = change_mnt_propagation(m, type);

	if (err || !rec)
		return err;
	list_for_each_entry(child, &m->mnt_mounts, mnt_child) {
		err = change_type_tree(child, type, true);
		if (err)
			return err;
	}
	return 0;
}

/* mount --make-{shared,slave,private,unbindable} (and r-: MS_REC) on a mount's root. */
static int do_change_type(const struct path *path, unsigned long flags)
{
	int type = propagation_type(flags), err;

	if (!path_mounted(path) || !type)
		return -EINVAL;
	mutex_lock(&namespace_sem);
	err = change_type_tree(real_mount(path->mnt), type, flags & MS_REC);
	mutex_unlock(&namespace_sem);
	touch_mnt_namespace();
	return err;
}

/* mount_setattr's MOUNT_ATTR_* as MNT_* flags; -EINVAL for a bit it does not know. */
static int attr_to_mnt_flags(u64 attr, int *flags)
{
	static const struct { u64 attr; int mnt; } map[] = {
		{ MOUNT_ATTR_RDONLY, MNT_READONLY }, { MOUNT_ATTR_NOSUID, MNT_NOSUID },
		{ MOUNT_ATTR_NODEV, MNT_NODEV }, { MOUNT_ATTR_NOEXEC, MNT_NOEXEC },
		{ MOUNT_ATTR_NODIRATIME, MNT_NODIRATIME },
		{ MOUNT_ATTR_NOSYMFOLLOW, MNT_NOSYMFOLLOW },
	};
	unsigned int i;

	*flags = 0;
	for (i = 0; i < ARRAY_SIZE(map); i++) {
		if (attr & map[i].attr) {
			*flags |= map[i].mnt;
			attr &= ~map[i].attr;
		}
	}
	return (attr & ~(MOUNT_ATTR__ATIME | MOUNT_ATTR_IDMAP)) ? -EINVAL : 0;
}

struct mount_kattr {
	int set, clr;
	int propagation;
	bool recurse;
};

/* The checks Linux makes of a struct mount_attr, in its order. */
static int build_mount_kattr(const struct mount_attr *attr, struct mount_kattr *k)
{
	struct file *file;

	switch (attr->propagation) {
	case 0: case MS_UNBINDABLE: case MS_PRIVATE: case MS_SLAVE: case MS_SHARED:
		k->propagation = attr->propagation;
		break;
	default:
		return -EINVAL;
	}
	if ((attr->attr_set | attr->attr_clr) >> 32)
		return -EINVAL;
	if (attr_to_mnt_flags(attr->attr_set, &k->set) || attr_to_mnt_flags(attr->attr_clr, &k->clr))
		return -EINVAL;
	if (attr->attr_clr & MOUNT_ATTR__ATIME) {
		/* Changing atime: clear the whole field, set one value. */
		if ((attr->attr_clr & MOUNT_ATTR__ATIME) != MOUNT_ATTR__ATIME)
			return -EINVAL;
		k->clr |= MNT_RELATIME | MNT_NOATIME;
		switch (attr->attr_set & MOUNT_ATTR__ATIME) {
		case MOUNT_ATTR_RELATIME:
			k->set |= MNT_RELATIME;
			break;
		case MOUNT_ATTR_NOATIME:
			k->set |= MNT_NOATIME;
			break;
		case MOUNT_ATTR_STRICTATIME:
			break;
		default:
			return -EINVAL;
		}
	} else if (attr->attr_set & MOUNT_ATTR__ATIME) {
		return -EINVAL;
	}
	if (attr->attr_set & MOUNT_ATTR_IDMAP) {
		/* ID-mapped mounts need a user namespace, and there are none. */
		if (attr->userns_fd > INT_MAX)
			return -EINVAL;
		file = fget(attr->userns_fd);
		if (!file)
			return -EBADF;
		fput(file);
		return -EINVAL;
	}
	if (attr->attr_clr & MOUNT_ATTR_IDMAP)
		return -EINVAL;
	return 0;
}

static void apply_kattr(struct mount *m, const struct mount_kattr *k)
{
	struct mount *child;

	m->mnt.mnt_flags = (m->mnt.mnt_flags & ~k->clr) | k->set;
	if (k->propagation)
		change_mnt_propagation(m, k->propagation);
	if (k->recurse)
		list_for_each_entry(child, &m->mnt_mounts, mnt_child)
			apply_kattr(child, k);
}

/*
 * mount_setattr: change a mount's flags (read-only, nosuid, nodev,
 * noexec, atime, nosymfollow) and propagation, with AT_RECURSIVE for the
 * mounts below it too; the path must be a mount's root.
 */
SYSCALL_DEFINE5(mount_setattr, int, dfd, const char __user *, path, unsigned int, flags,
		struct mount_attr __user *, uattr, size_t, usize)
{
	struct mount_attr attr = { 0 };
	struct mount_kattr k = { .recurse = flags & AT_RECURSIVE };
	unsigned int lookup = LOOKUP_FOLLOW;
	struct path target;
	size_t i;
	int err;

	if (flags & ~(AT_EMPTY_PATH | AT_RECURSIVE | AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT))
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	if (usize < MOUNT_ATTR_SIZE_VER0)
		return -EINVAL;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	/* A later, bigger struct is fine while the part we do not know is zero. */
	for (i = sizeof(attr); i < usize; i++) {
		u8 c;

		if (get_user(c, (u8 __user *)uattr + i))
			return -EFAULT;
		if (c)
			return -E2BIG;
	}
	if (copy_from_user(&attr, uattr, min(usize, sizeof(attr))))
		return -EFAULT;
	if (!attr.attr_set && !attr.attr_clr && !attr.propagation)
		return 0;	/* nothing to do: not even the path is looked at */
	err = build_mount_kattr(&attr, &k);
	if (err)
		return err;
	err = security_sb_mount();
	if (err)
		return err;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_at(dfd, path, lookup, &target);
	if (err)
		return err;
	err = -EINVAL;
	if (path_mounted(&target) && real_mount(target.mnt)->mnt_attached) {
		mutex_lock(&namespace_sem);
		apply_kattr(real_mount(target.mnt), &k);
		mutex_unlock(&namespace_sem);
		touch_mnt_namespace();
		err = 0;
	}
	path_put(&target);
	return err;
}

static int do_remount(const struct path *path, unsigned long flags)
{
	struct super_block *sb = path->mnt->mnt_sb;

	if (!path_mounted(path))
		return -EINVAL;
	if (sb->s_op && sb->s_op->remount_fs) {
		int err = sb->s_op->remount_fs(sb, flags & MS_RDONLY);

		if (err)
			return err;
	}
	if (flags & MS_RDONLY)
		sb->s_flags |= MS_RDONLY;
	else
		sb->s_flags &= ~MS_RDONLY;
	touch_mnt_namespace();
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
	err = security_sb_mount();
	if (err)
		return err;
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
	else if (flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
		err = do_change_type(&path, flags);
	else if (flags & MS_MOVE)
		err = do_move_mount(&path, kdev);
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
	err = security_sb_umount();
	if (err)
		return err;
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
	if (m == ns_root || m == m->mnt_ns->root ||
	    (!(flags & MNT_DETACH) && mount_busy(m))) {
		mutex_unlock(&namespace_sem);
		goto out;
	}
	/* MNT_DETACH: children stay mounted on it and go when it goes. */
	propagate_umount(m);
	change_mnt_propagation(m, MS_PRIVATE);
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
bool dentry_below(struct dentry *dentry, struct dentry *ancestor)
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
	err = security_sb_pivotroot();
	if (err)
		return err;
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
	/* Nothing here may propagate: the move could not be repeated on peers. */
	if (old_mnt->mnt_group_id || new_mnt->mnt_parent->mnt_group_id ||
	    root_mnt->mnt_parent->mnt_group_id)
		goto out;
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
	struct mnt_namespace *ns = task_nsproxy(current)->mnt_ns;
	struct mount *m;
	int err = 0;

	mutex_lock(&namespace_sem);
	list_for_each_entry(m, &mount_list, mnt_list) {
		if (m->mnt_ns != ns)
			continue;
		err = show(m, arg);
		if (err)
			break;
	}
	mutex_unlock(&namespace_sem);
	return err;
}

/*
 * Mount from inside the kernel (the root filesystem at boot): @dir_name is
 * a kernel string, as in Linux's init_mount.
 */
int init_mount(const char *dev_name, const char *dir_name, const char *type_page,
	       unsigned long flags)
{
	struct path path;
	int err = kern_path(dir_name, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = do_new_mount(&path, type_page, flags, dev_name, NULL);
	path_put(&path);
	return err;
}

/*
 * Mount namespaces
 */

/* A new mount of the same filesystem, root and flags as @old, attached nowhere. */
struct mount *clone_mnt(struct mount *old)
{
	struct mount *m = alloc_vfsmnt(old->mnt_devname);

	if (!m)
		return NULL;
	m->mnt.mnt_root = dget(old->mnt.mnt_root);
	m->mnt.mnt_sb = old->mnt.mnt_sb;
	m->mnt.mnt_flags = old->mnt.mnt_flags;
	m->mnt_mountpoint = m->mnt.mnt_root;
	atomic_inc(&m->mnt.mnt_sb->s_active);
	return m;
}

/* Copy the mounts below @old onto @new, depth first.  namespace_sem held. */
static int copy_children(struct mount *old, struct mount *new)
{
	struct mount *child, *copy;
	struct path mp;
	int err;

	list_for_each_entry(child, &old->mnt_mounts, mnt_child) {
		copy = clone_mnt(child);
		if (!copy)
			return -ENOMEM;
		clone_propagation(copy, child);	/* peers across the namespaces, as Linux */
		mp.mnt = &new->mnt;
		mp.dentry = child->mnt_mountpoint;
		attach_mnt(copy, &mp);
		err = copy_children(child, copy);
		if (err)
			return err;
	}
	return 0;
}

/* The mount of the copy at @new that stands where @target is under @old. */
static struct mount *find_twin(struct mount *old, struct mount *new, struct mount *target)
{
	struct mount *oc, *nc, *found;

	if (old == target)
		return new;
	nc = list_first_entry(&new->mnt_mounts, struct mount, mnt_child);
	list_for_each_entry(oc, &old->mnt_mounts, mnt_child) {
		if (&nc->mnt_child == &new->mnt_mounts)
			break;
		found = find_twin(oc, nc, target);
		if (found)
			return found;
		nc = list_next_entry(nc, mnt_child);
	}
	return NULL;
}

/* Unmount every mount of @ns, children first.  namespace_sem held. */
static void umount_tree(struct mnt_namespace *ns)
{
	struct list_head *pos, *prev;
	struct mount *m;
	struct path old;

	for (pos = mount_list.prev; pos != &mount_list; pos = prev) {
		prev = pos->prev;
		m = list_entry(pos, struct mount, mnt_list);
		if (m->mnt_ns != ns)
			continue;
		change_mnt_propagation(m, MS_PRIVATE);
		if (m == ns->root) {
			spin_lock(&mount_lock);
			list_del_init(&m->mnt_list);
			m->mnt_attached = false;
			spin_unlock(&mount_lock);
			mntput(&m->mnt);
			continue;
		}
		detach_mnt(m, &old);
		path_put(&old);
		mntput(&m->mnt);
	}
}

/* Move one of @fs's paths into the copied tree. */
static void fs_path_to_copy(struct path *p, struct mnt_namespace *old, struct mnt_namespace *new)
{
	struct mount *twin;

	if (!p->mnt || real_mount(p->mnt)->mnt_ns != old)
		return;
	twin = find_twin(old->root, new->root, real_mount(p->mnt));
	if (!twin)
		return;
	mntget(&twin->mnt);
	mntput(p->mnt);
	p->mnt = &twin->mnt;
}

struct mnt_namespace *copy_mnt_ns(unsigned long flags, struct mnt_namespace *ns,
				  struct fs_struct *fs)
{
	struct mnt_namespace *new;
	struct mount *root;
	int err;

	if (!(flags & CLONE_NEWNS)) {
		get_mnt_ns(ns);
		return ns;
	}
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return ERR_PTR(-ENOMEM);
	refcount_set(&new->count, 1);
	new->inum = ns_alloc_inum();
	mutex_lock(&namespace_sem);
	root = clone_mnt(ns->root);
	if (!root) {
		mutex_unlock(&namespace_sem);
		kfree(new);
		return ERR_PTR(-ENOMEM);
	}
	clone_propagation(root, ns->root);
	root->mnt_ns = new;
	root->mnt_attached = true;
	new->root = root;
	spin_lock(&mount_lock);
	list_add_tail(&root->mnt_list, &mount_list);
	spin_unlock(&mount_lock);
	err = copy_children(ns->root, root);
	if (err) {
		umount_tree(new);
		mutex_unlock(&namespace_sem);
		kfree(new);
		return ERR_PTR(err);
	}
	/* @fs is the new task's own (CLONE_FS is refused with CLONE_NEWNS). */
	spin_lock(&fs->lock);
	fs_path_to_copy(&fs->root, ns, new);
	fs_path_to_copy(&fs->pwd, ns, new);
	spin_unlock(&fs->lock);
	mutex_unlock(&namespace_sem);
	return new;
}

void get_mnt_ns(struct mnt_namespace *ns)
{
	refcount_inc(&ns->count);
}

void put_mnt_ns(struct mnt_namespace *ns)
{
	if (!refcount_dec_and_test(&ns->count))
		return;
	mutex_lock(&namespace_sem);
	umount_tree(ns);
	mutex_unlock(&namespace_sem);
	kfree(ns);
}

unsigned int mnt_ns_inum(struct mnt_namespace *ns)
{
	return ns->inum;
}

/* setns into @ns: root and cwd become its root (and whatever is mounted there). */
void mntns_install(struct fs_struct *fs, struct mnt_namespace *ns)
{
	struct path root = { .mnt = &ns->root->mnt, .dentry = ns->root->mnt.mnt_root };

	path_get(&root);
	follow_down_mount(&root);
	set_fs_root(fs, &root);
	set_fs_pwd(fs, &root);
	path_put(&root);
}
