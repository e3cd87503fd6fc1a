// SPDX-License-Identifier: GPL-2.0
/*
 * Path-name lookup, and the system calls that create and remove names.
 *
 * A walk starts at the process's root ("/...") or at a directory (cwd,
 * or the dirfd of an *at call) and takes one component at a time:
 *   - the current directory must be searchable (MAY_EXEC);
 *   - "." stays, ".." goes to the parent but never above the process's
 *     root, and leaves a mounted filesystem through its mount point;
 *   - a name is looked up in the dcache, else (parent locked) by the
 *     filesystem's ->lookup;
 *   - a dentry something is mounted on is replaced by the mounted root;
 *   - a symlink in the middle of the path is spliced in: its target
 *     followed by the rest of the path becomes the string still to walk
 *     (from the root for an absolute target), at most 40 of them per
 *     lookup (ELOOP).  This walks iteratively: no recursion, so the
 *     kernel stack does not grow with the depth of links.
 * The last component is handled by the caller's flavour of walk: plain
 * lookup (stat, chdir), parent-and-name (mkdir, unlink, rename, link) or
 * open (O_CREAT, O_EXCL, O_NOFOLLOW ...).
 *
 * Directory operations run with the parent's i_mutex held, so the
 * check "the name does not exist" and the creation are one step; rename
 * also takes the superblock's rename mutex, so two renames cannot race
 * to move a directory under its own child.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/fsnotify.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"
#include "mount.h"

struct nameidata {
	struct path path;		/* where the walk is now */
	struct path root;		/* the process's root: ".." stops here */
	struct qstr last;		/* the last component, after a walk */
	int last_type;
	bool trailing_slash;		/* the name ended in "/" */
	unsigned int flags;
	int total_link_count;
	char *link_buf[2];		/* spliced names, used alternately */
	int link_buf_next;
};

/* ---------- names from user space ---------- */

struct filename *getname_flags(const char __user *filename, unsigned int flags)
{
	struct filename *result = kmalloc(sizeof(*result) + PATH_MAX, GFP_KERNEL);
	long len;

	if (!result)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(result->iname, filename, PATH_MAX);
	if (len < 0) {
		kfree(result);
		return ERR_PTR(len);
	}
	if (len == PATH_MAX) {
		kfree(result);
		return ERR_PTR(-ENAMETOOLONG);
	}
	if (!len && !(flags & LOOKUP_EMPTY)) {
		kfree(result);
		return ERR_PTR(-ENOENT);
	}
	result->name = result->iname;
	return result;
}

struct filename *getname(const char __user *filename)
{
	return getname_flags(filename, 0);
}

struct filename *getname_kernel(const char *filename)
{
	size_t len = strlen(filename);
	struct filename *result;

	if (len >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	result = kmalloc(sizeof(*result) + len + 1, GFP_KERNEL);
	if (!result)
		return ERR_PTR(-ENOMEM);
	memcpy(result->iname, filename, len + 1);
	result->name = result->iname;
	return result;
}

void putname(struct filename *name)
{
	if (!IS_ERR_OR_NULL(name))
		kfree(name);
}

/* ---------- the walk ---------- */

static const char *strchrnul(const char *s, int c)
{
	while (*s && *s != c)
		s++;
	return s;
}

static void nd_init(struct nameidata *nd, unsigned int flags)
{
	memset(nd, 0, sizeof(*nd));
	nd->flags = flags;
	get_fs_root(current->fs, &nd->root);
}

static void nd_done(struct nameidata *nd)
{
	if (nd->path.dentry)
		path_put(&nd->path);
	path_put(&nd->root);
	kfree(nd->link_buf[0]);
	kfree(nd->link_buf[1]);
}

/* The directory a relative name starts from: the cwd or @dfd's file. */
int get_fs_path_at(int dfd, struct path *path)
{
	struct file *f;

	if (dfd == AT_FDCWD) {
		get_fs_pwd(current->fs, path);
		return 0;
	}
	f = fget_raw(dfd);
	if (!f)
		return -EBADF;
	*path = f->f_path;
	path_get(path);
	fput(f);
	return 0;
}

/*
 * openat2's scoped lookups: RESOLVE_BENEATH and RESOLVE_IN_ROOT make the
 * starting directory the root of the walk, so ".." stops there (for
 * BENEATH: fails) and absolute names start there (for BENEATH: fail).
 */
static int nd_start_scoped(struct nameidata *nd, int dfd, const char *name)
{
	int err;

	if ((nd->flags & LOOKUP_BENEATH) && *name == '/')
		return -EXDEV;
	err = get_fs_path_at(dfd, &nd->path);
	if (err)
		return err;
	path_put(&nd->root);
	nd->root = nd->path;
	path_get(&nd->root);
	if (*name && !S_ISDIR(d_inode(nd->path.dentry)->i_mode))
		return -ENOTDIR;
	return 0;
}

static int nd_start(struct nameidata *nd, int dfd, const struct path *base, const char *name)
{
	int err;

	if (!base && (nd->flags & (LOOKUP_BENEATH | LOOKUP_IN_ROOT)))
		return nd_start_scoped(nd, dfd, name);
	if (*name == '/') {
		if (nd->flags & LOOKUP_NO_XDEV) {
			/* Starting over at "/" must not leave the start's mount. */
			struct path start;

			err = get_fs_path_at(dfd, &start);
			if (err)
				return err;
			err = start.mnt != nd->root.mnt ? -EXDEV : 0;
			path_put(&start);
			if (err)
				return err;
		}
		nd->path = nd->root;
		path_get(&nd->path);
		return 0;
	}
	if (base) {
		nd->path = *base;
		path_get(&nd->path);
	} else {
		err = get_fs_path_at(dfd, &nd->path);
		if (err)
			return err;
	}
	/* A dirfd that is not a directory: ENOTDIR, unless the name is empty. */
	if (*name && !S_ISDIR(d_inode(nd->path.dentry)->i_mode))
		return -ENOTDIR;
	return 0;
}

static void nd_set_path(struct nameidata *nd, struct vfsmount *mnt, struct dentry *dentry)
{
	path_put(&nd->path);
	nd->path.mnt = mnt;
	nd->path.dentry = dentry;
}

static int follow_dotdot(struct nameidata *nd)
{
	struct dentry *parent;

	for (;;) {
		if (path_equal(&nd->path, &nd->root))
			return (nd->flags & LOOKUP_BENEATH) ? -EXDEV : 0;
		if (nd->path.dentry != nd->path.mnt->mnt_root)
			break;
		if (nd->flags & LOOKUP_NO_XDEV)
			return -EXDEV;
		if (!follow_up(&nd->path))
			return 0;	/* the top of the tree */
	}
	parent = dget_parent(nd->path.dentry);
	dput(nd->path.dentry);
	nd->path.dentry = parent;
	if (follow_down_mount(&nd->path) && (nd->flags & LOOKUP_NO_XDEV))
		return -EXDEV;
	return 0;
}

/*
 * The cached child @name of @base, or NULL.  One its filesystem no
 * longer vouches for (a /proc/<pid> whose process is gone, still held
 * open) is dropped from the cache: users keep it, lookups miss it.
 */
static struct dentry *lookup_dcache(const struct qstr *name, struct dentry *base)
{
	struct dentry *d = d_lookup(base, name);

	if (d && d->d_op && d->d_op->d_revalidate && !d->d_op->d_revalidate(d, 0)) {
		d_drop(d);
		dput(d);
		return NULL;
	}
	return d;
}

/*
 * The child @name of @base, which the caller has locked: from the
 * dcache, or a new dentry the filesystem's ->lookup fills in (negative
 * if the name does not exist).
 */
static struct dentry *lookup_one_locked(const struct qstr *name, struct dentry *base)
{
	struct inode *dir = d_inode(base);
	struct dentry *d, *old;

	if (IS_DEADDIR(dir))
		return ERR_PTR(-ENOENT);
	d = lookup_dcache(name, base);
	if (d)
		return d;
	d = d_alloc(base, name);
	if (!d)
		return ERR_PTR(-ENOMEM);
	old = dir->i_op->lookup ? dir->i_op->lookup(dir, d, 0) : NULL;
	if (IS_ERR(old)) {
		dput(d);
		return old;
	}
	if (old) {
		dput(d);
		d = old;
	}
	return d;
}

struct dentry *lookup_one_len(const char *name, struct dentry *base, int len)
{
	struct qstr q = QSTR_INIT(name, len);

	return lookup_one_locked(&q, base);
}

static struct dentry *lookup_child(const struct qstr *name, struct dentry *base)
{
	struct dentry *d = lookup_dcache(name, base);

	if (d)
		return d;
	inode_lock(d_inode(base));
	d = lookup_one_locked(name, base);
	inode_unlock(d_inode(base));
	return d;
}

const char *vfs_get_link(struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);

	if (inode->i_op->get_link)
		return inode->i_op->get_link(dentry, inode);
	if (inode->i_link)
		return inode->i_link;
	return ERR_PTR(-EINVAL);
}

/*
 * Replace what is left to walk by @link's target followed by "/@rest";
 * the walk continues from the directory that holds the link, or from
 * the root for an absolute target.
 */
static const char *splice_link(struct nameidata *nd, struct dentry *link, const char *rest,
			       bool slash)
{
	const char *target;
	size_t tlen, rlen = rest ? strlen(rest) : 0;
	char *buf;

	if (++nd->total_link_count > MAXSYMLINKS)
		return ERR_PTR(-ELOOP);
	if (nd->flags & LOOKUP_NO_SYMLINKS)
		return ERR_PTR(-ELOOP);
	/* A mount with nosymfollow (mount_setattr) holds links that lead nowhere. */
	if (nd->path.mnt && (nd->path.mnt->mnt_flags & MNT_NOSYMFOLLOW))
		return ERR_PTR(-ELOOP);
	if ((nd->flags & LOOKUP_NO_MAGICLINKS) && (d_inode(link)->i_flags & S_MAGICLINK))
		return ERR_PTR(-ELOOP);
	if (d_inode(link)->i_op->get_link_path) {
		struct path obj;
		int err = d_inode(link)->i_op->get_link_path(link, &obj);

		if (err)
			return ERR_PTR(err);
		if ((nd->flags & (LOOKUP_BENEATH | LOOKUP_IN_ROOT)) ||
		    ((nd->flags & LOOKUP_NO_XDEV) && obj.mnt != nd->path.mnt)) {
			path_put(&obj);
			return ERR_PTR(-EXDEV);
		}
		nd_set_path(nd, obj.mnt, obj.dentry);
		/* What is left is walked from the object; nothing left: it is the result. */
		return rest ? rest : "";
	}
	target = vfs_get_link(link);
	if (IS_ERR(target))
		return target;
	tlen = strlen(target);
	if (!tlen)
		return ERR_PTR(-ENOENT);
	if (tlen + 1 + rlen + 1 > PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	buf = nd->link_buf[nd->link_buf_next];
	if (!buf) {
		buf = kmalloc(PATH_MAX, GFP_KERNEL);
		if (!buf)
			return ERR_PTR(-ENOMEM);
		nd->link_buf[nd->link_buf_next] = buf;
	}
	nd->link_buf_next ^= 1;
	memcpy(buf, target, tlen);
	buf[tlen] = '\0';
	if (rlen || slash) {
		buf[tlen] = '/';
		memcpy(buf + tlen + 1, rest ? rest : "", rlen + 1);
	}
	if (*buf == '/') {
		if (nd->flags & LOOKUP_BENEATH)
			return ERR_PTR(-EXDEV);
		if ((nd->flags & LOOKUP_NO_XDEV) && nd->path.mnt != nd->root.mnt)
			return ERR_PTR(-EXDEV);
		nd_set_path(nd, mntget(nd->root.mnt), dget(nd->root.dentry));
	}
	return buf;
}

static int may_lookup(struct nameidata *nd)
{
	struct inode *dir = d_inode(nd->path.dentry);

	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	return inode_permission(dir, MAY_EXEC);
}

/*
 * Step from nd->path into @name.  0: moved; 1: @name is a symlink to
 * follow and *@next is the spliced string to walk instead; < 0: error.
 */
static int walk_component(struct nameidata *nd, const struct qstr *name, bool follow,
			  const char *rest, bool slash, const char **next)
{
	struct dentry *d;
	int err;

	err = may_lookup(nd);
	if (err)
		return err;
	if (name->len > NAME_MAX)
		return -ENAMETOOLONG;
	if (name->len == 1 && name->name[0] == '.')
		return 0;
	if (name->len == 2 && name->name[0] == '.' && name->name[1] == '.')
		return follow_dotdot(nd);
	d = lookup_child(name, nd->path.dentry);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (!d->d_inode) {
		dput(d);
		return -ENOENT;
	}
	if (follow && S_ISLNK(d->d_inode->i_mode)) {
		*next = splice_link(nd, d, rest, slash);
		dput(d);
		return IS_ERR(*next) ? PTR_ERR(*next) : 1;
	}
	dput(nd->path.dentry);
	nd->path.dentry = d;
	if (follow_down_mount(&nd->path) && (nd->flags & LOOKUP_NO_XDEV))
		return -EXDEV;
	return 0;
}

static int last_type_of(const struct qstr *q)
{
	if (q->len == 1 && q->name[0] == '.')
		return LAST_DOT;
	if (q->len == 2 && q->name[0] == '.' && q->name[1] == '.')
		return LAST_DOTDOT;
	return LAST_NORM;
}

/*
 * Walk every component of @name but the last, which is left in nd->last
 * (pointing into @name or a splice buffer: valid until nd_done).
 */
static int link_path_walk(struct nameidata *nd, const char *name)
{
	for (;;) {
		const char *end, *rest;
		struct qstr this;
		const char *next;
		int err;

		while (*name == '/')
			name++;
		if (!*name) {
			nd->last_type = LAST_ROOT;
			nd->last.name = "/";
			nd->last.len = 1;
			nd->trailing_slash = false;
			return 0;
		}
		end = strchrnul(name, '/');
		this.name = name;
		this.len = end - name;
		rest = end;
		while (*rest == '/')
			rest++;
		if (!*rest) {
			if (this.len > NAME_MAX)
				return -ENAMETOOLONG;
			nd->last = this;
			nd->last_type = last_type_of(&this);
			nd->trailing_slash = *end == '/';
			return 0;
		}
		err = walk_component(nd, &this, true, rest, false, &next);
		if (err < 0)
			return err;
		name = err ? next : rest;
	}
}

/*
 * The whole walk for lookups that end on an existing name: the last
 * component's symlink is followed when asked (or when a "/" follows it).
 */
static int path_lookupat(struct nameidata *nd, const char *name)
{
	int err;

	for (;;) {
		struct qstr last;
		const char *next;
		bool follow;

		err = link_path_walk(nd, name);
		if (err)
			return err;
		if (nd->last_type == LAST_ROOT)
			break;
		last = nd->last;
		follow = (nd->flags & LOOKUP_FOLLOW) || nd->trailing_slash;
		err = walk_component(nd, &last, follow, NULL, nd->trailing_slash, &next);
		if (err < 0)
			return err;
		if (err == 0)
			break;
		name = next;
	}
	if ((nd->flags & LOOKUP_DIRECTORY || nd->trailing_slash) &&
	    !S_ISDIR(d_inode(nd->path.dentry)->i_mode))
		return -ENOTDIR;
	return 0;
}

static int do_lookup(int dfd, const struct path *base, const char *name, unsigned int flags,
		     struct path *path)
{
	struct nameidata nd;
	int err;

	nd_init(&nd, flags);
	err = nd_start(&nd, dfd, base, name);
	if (!err && *name)
		err = path_lookupat(&nd, name);
	if (!err) {
		*path = nd.path;
		nd.path.dentry = NULL;
	}
	nd_done(&nd);
	return err;
}

int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path)
{
	if (IS_ERR(name))
		return PTR_ERR(name);
	return do_lookup(dfd, NULL, name->name, flags, path);
}

int vfs_path_lookup(const struct path *base, const char *name, unsigned int flags,
		    struct path *path)
{
	return do_lookup(AT_FDCWD, base, name, flags, path);
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	if (!*name)
		return -ENOENT;
	return do_lookup(AT_FDCWD, NULL, name, flags, path);
}

int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path)
{
	struct filename *f = getname_flags(name, flags);
	int err;

	if (IS_ERR(f))
		return PTR_ERR(f);
	err = filename_lookup(dfd, f, flags, path);
	putname(f);
	return err;
}

/* Walk to the parent of the last component; nd->last names it. */
static int filename_parentat(struct nameidata *nd, int dfd, const char *name)
{
	int err = nd_start(nd, dfd, NULL, name);

	if (err)
		return err;
	return link_path_walk(nd, name);
}

/* ---------- permission rules of the directory operations ---------- */

int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/* In a sticky directory only the owner of the file or of the directory may remove it. */
static bool check_sticky(struct inode *dir, struct inode *inode)
{
	uid_t fsuid = current_fsuid();

	if (!(dir->i_mode & S_ISVTX))
		return false;
	if (inode->i_uid == fsuid || dir->i_uid == fsuid)
		return false;
	return !capable(CAP_FOWNER);
}

static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = d_inode(victim);
	int err;

	if (!inode)
		return -ENOENT;
	err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if (check_sticky(dir, inode))
		return -EPERM;
	if (isdir) {
		if (!S_ISDIR(inode->i_mode))
			return -ENOTDIR;
		if (IS_ROOT(victim))
			return -EBUSY;
	} else if (S_ISDIR(inode->i_mode)) {
		return -EISDIR;
	}
	return 0;
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	mode = (mode & 07777) | S_IFREG;
	err = dir->i_op->create(dir, dentry, mode, excl);
	if (!err)
		fsnotify_create(dir, dentry);
	return err;
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	err = dir->i_op->mkdir(dir, dentry, (mode & 07777) | S_IFDIR);
	if (!err)
		fsnotify_create(dir, dentry);	/* IN_CREATE | IN_ISDIR */
	return err;
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op->mknod)
		return -EPERM;
	err = dir->i_op->mknod(dir, dentry, mode, dev);
	if (!err)
		fsnotify_create(dir, dentry);
	return err;
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	err = dir->i_op->symlink(dir, dentry, oldname);
	if (!err)
		fsnotify_create(dir, dentry);
	return err;
}

int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry)
{
	struct inode *inode = d_inode(old_dentry);
	int err;

	if (!inode)
		return -ENOENT;
	err = may_create(dir, new_dentry);
	if (err)
		return err;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (S_ISDIR(inode->i_mode))
		return -EPERM;
	if (!dir->i_op->link)
		return -EPERM;
	inode_lock(inode);
	if (inode->i_nlink == 0 && !(inode->i_flags & I_LINKABLE))
		err = -ENOENT;	/* unlinked meanwhile: no resurrection */
	else
		err = dir->i_op->link(old_dentry, dir, new_dentry);
	if (!err)
		inode->i_flags &= ~I_LINKABLE;	/* named once: an ordinary file now */
	inode_unlock(inode);
	if (!err)
		fsnotify_link(dir, inode, new_dentry);
	return err;
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode;
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	if (!dir->i_op->rmdir)
		return -EPERM;
	if (d_mountpoint(dentry))
		return -EBUSY;
	inode = ihold(d_inode(dentry));
	inode_lock(inode);
	err = dir->i_op->rmdir(dir, dentry);
	if (!err)
		inode->i_flags |= S_DEAD;
	inode_unlock(inode);
	if (!err) {
		fsnotify_inoderemove(inode);	/* IN_DELETE_SELF, IN_IGNORED */
		d_delete(dentry);
		fsnotify_delete(dir, inode, dentry);
	}
	iput(inode);
	return err;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode;
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op->unlink)
		return -EPERM;
	if (d_mountpoint(dentry))
		return -EBUSY;
	inode = ihold(d_inode(dentry));
	inode_lock(inode);
	err = dir->i_op->unlink(dir, dentry);
	inode_unlock(inode);
	if (!err) {
		/* As Linux: IN_ATTRIB (link count), then at the last link DELETE_SELF. */
		fsnotify_link_count(inode);
		if (!inode->i_nlink)
			fsnotify_inoderemove(inode);
		d_delete(dentry);
		fsnotify_delete(dir, inode, dentry);
	}
	iput(inode);
	return err;
}

/* Is @d at or below @ancestor? (The caller holds the rename mutex: the tree is still.) */
static bool is_subdir(struct dentry *d, struct dentry *ancestor)
{
	lockdep_assert_held(&d->d_sb->s_vfs_rename_mutex);
	for (;;) {
		if (d == ancestor)
			return true;
		if (IS_ROOT(d))
			return false;
		d = d->d_parent;
	}
}

int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	struct inode *source = d_inode(old_dentry), *target = d_inode(new_dentry);
	bool is_dir = S_ISDIR(source->i_mode);
	bool new_is_dir = target && S_ISDIR(target->i_mode);
	char *old_name;
	int err;

	if (source == target)
		return 0;	/* two names of one file: nothing to do, as POSIX says */
	err = may_delete(old_dir, old_dentry, is_dir);
	if (err)
		return err;
	if (!target)
		err = may_create(new_dir, new_dentry);
	else if (flags & RENAME_EXCHANGE)
		err = may_delete(new_dir, new_dentry, new_is_dir);
	else
		err = may_delete(new_dir, new_dentry, is_dir);
	if (err)
		return err;
	if (!old_dir->i_op->rename)
		return -EPERM;
	/* A directory moving elsewhere rewrites its "..": it must be writable. */
	if (new_dir != old_dir) {
		if (is_dir && (err = inode_permission(source, MAY_WRITE)))
			return err;
		if ((flags & RENAME_EXCHANGE) && new_is_dir &&
		    (err = inode_permission(target, MAY_WRITE)))
			return err;
	}
	if (d_mountpoint(old_dentry) || d_mountpoint(new_dentry))
		return -EBUSY;
	if (target)
		inode_lock(target);
	err = old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry, flags);
	if (target) {
		if (!err && !(flags & RENAME_EXCHANGE) && new_is_dir)
			target->i_flags |= S_DEAD;
		inode_unlock(target);
	}
	if (err)
		return err;
	/* The names as they were: d_move changes old_dentry's. */
	old_name = kmalloc(old_dentry->d_name.len + 1, GFP_KERNEL);
	if (old_name) {
		memcpy(old_name, old_dentry->d_name.name, old_dentry->d_name.len);
		old_name[old_dentry->d_name.len] = '\0';
	}
	if (target)
		ihold(target);
	if (flags & RENAME_EXCHANGE)
		d_exchange(old_dentry, new_dentry);
	else
		d_move(old_dentry, new_dentry);
	if (old_name) {
		struct qstr oname = QSTR_INIT(old_name, strlen(old_name));

		if (flags & RENAME_EXCHANGE) {
			/* Each moved the other's way: two renames to report. */
			fsnotify_move(old_dir, new_dir, &oname, &old_dentry->d_name, source, NULL);
			fsnotify_move(new_dir, old_dir, &old_dentry->d_name, &oname, target, NULL);
		} else {
			fsnotify_move(old_dir, new_dir, &oname, &old_dentry->d_name, source, target);
		}
		kfree(old_name);
	}
	iput(target);
	return 0;
}

/* ---------- creating names: mknod, mkdir, symlink, link ---------- */

/*
 * Look up the parent of @name, lock it, and return a negative dentry for
 * the new name (EEXIST if it exists).  A trailing "/" is allowed only
 * when making a directory (LOOKUP_DIRECTORY).
 */
struct dentry *filename_create(int dfd, struct filename *name, struct path *path,
			       unsigned int lookup_flags)
{
	struct nameidata nd;
	struct dentry *d;
	int err;

	if (IS_ERR(name))
		return ERR_CAST(name);
	nd_init(&nd, lookup_flags);
	err = filename_parentat(&nd, dfd, name->name);
	if (err)
		goto out;
	err = -EEXIST;
	if (nd.last_type != LAST_NORM)
		goto out;
	err = may_lookup(&nd);
	if (err)
		goto out;
	err = mnt_want_write(nd.path.mnt);
	inode_lock(d_inode(nd.path.dentry));
	d = lookup_one_locked(&nd.last, nd.path.dentry);
	if (IS_ERR(d)) {
		err = PTR_ERR(d);
		goto unlock;
	}
	if (d->d_inode) {
		err = -EEXIST;
		goto put;
	}
	if (nd.trailing_slash && !(lookup_flags & LOOKUP_DIRECTORY)) {
		err = -ENOENT;
		goto put;
	}
	if (err)	/* EROFS, reported after EEXIST as Linux does */
		goto put;
	*path = nd.path;
	nd.path.dentry = NULL;
	nd_done(&nd);
	return d;
put:
	dput(d);
unlock:
	inode_unlock(d_inode(nd.path.dentry));
out:
	nd_done(&nd);
	return ERR_PTR(err);
}

struct dentry *kern_path_create(int dfd, const char *name, struct path *path,
				unsigned int lookup_flags)
{
	struct filename *f = getname_kernel(name);
	struct dentry *d = filename_create(dfd, f, path, lookup_flags);

	putname(f);
	return d;
}

void done_path_create(struct path *path, struct dentry *dentry)
{
	dput(dentry);
	inode_unlock(d_inode(path->dentry));
	path_put(path);
}

static int do_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev)
{
	struct filename *name = getname(filename);
	struct dentry *dentry;
	struct path path;
	int err;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		putname(name);
		return -EPERM;
	default:
		putname(name);
		return -EINVAL;
	}
	dentry = filename_create(dfd, name, &path, 0);
	putname(name);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	mode = (mode & S_IFMT) | (mode & 07777 & ~current_umask());
	err = security_path_mknod(&path, dentry, mode);
	if (err)
		;
	else if (S_ISREG(mode))
		err = vfs_create(d_inode(path.dentry), dentry, mode, true);
	else
		err = vfs_mknod(d_inode(path.dentry), dentry, mode, new_decode_dev(dev));
	done_path_create(&path, dentry);
	return err;
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(dfd, filename, mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, filename, mode, dev);
}

static int do_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	struct filename *name = getname(pathname);
	struct dentry *dentry;
	struct path path;
	int err;

	dentry = filename_create(dfd, name, &path, LOOKUP_DIRECTORY);
	putname(name);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = security_path_mkdir(&path, dentry);
	if (!err)
		err = vfs_mkdir(d_inode(path.dentry), dentry, mode & ~current_umask() & 07777);
	done_path_create(&path, dentry);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(dfd, pathname, mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

static int do_symlinkat(const char __user *oldname, int newdfd, const char __user *newname)
{
	struct filename *from = getname(oldname), *to;
	struct dentry *dentry;
	struct path path;
	int err;

	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	dentry = filename_create(newdfd, to, &path, 0);
	putname(to);
	err = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		err = security_path_symlink(&path, dentry);
		if (!err)
			err = vfs_symlink(d_inode(path.dentry), dentry, from->name);
		done_path_create(&path, dentry);
	}
	putname(from);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_symlinkat(oldname, newdfd, newname);
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return do_symlinkat(oldname, AT_FDCWD, newname);
}

static int do_linkat(int olddfd, const char __user *oldname, int newdfd,
		     const char __user *newname, int flags)
{
	unsigned int how = 0;
	struct path old_path, new_path;
	struct filename *to;
	struct dentry *dentry;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_FOLLOW)
		how |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH) {
		if (!capable(CAP_DAC_READ_SEARCH))
			return -ENOENT;
		how |= LOOKUP_EMPTY;
	}
	err = user_path_at(olddfd, oldname, how, &old_path);
	if (err)
		return err;
	to = getname(newname);
	dentry = filename_create(newdfd, to, &new_path, 0);
	putname(to);
	err = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out;
	err = -EXDEV;
	if (old_path.mnt != new_path.mnt)
		goto out_dput;
	err = security_path_link(old_path.dentry, &new_path, dentry);
	if (err)
		goto out_dput;
	err = vfs_link(old_path.dentry, d_inode(new_path.dentry), dentry);
out_dput:
	done_path_create(&new_path, dentry);
out:
	path_put(&old_path);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	return do_linkat(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* ---------- removing names: rmdir, unlink ---------- */

static int do_remove(int dfd, const char __user *pathname, bool dir)
{
	struct filename *name = getname(pathname);
	struct nameidata nd;
	struct dentry *d;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	nd_init(&nd, 0);
	err = filename_parentat(&nd, dfd, name->name);
	if (err)
		goto out;
	switch (nd.last_type) {
	case LAST_DOTDOT:
		err = dir ? -ENOTEMPTY : -EISDIR;
		goto out;
	case LAST_DOT:
		err = dir ? -EINVAL : -EISDIR;
		goto out;
	case LAST_ROOT:
		err = dir ? -EBUSY : -EISDIR;
		goto out;
	}
	err = may_lookup(&nd);
	if (err)
		goto out;
	inode_lock(d_inode(nd.path.dentry));
	d = lookup_one_locked(&nd.last, nd.path.dentry);
	err = PTR_ERR(d);
	if (IS_ERR(d))
		goto unlock;
	if (!d->d_inode)
		err = -ENOENT;
	else if (!dir && nd.trailing_slash)
		err = S_ISDIR(d->d_inode->i_mode) ? -EISDIR : -ENOTDIR;
	else
		err = mnt_want_write(nd.path.mnt);
	if (!err)
		err = dir ? security_path_rmdir(&nd.path, d) : security_path_unlink(&nd.path, d);
	if (!err)
		err = dir ? vfs_rmdir(d_inode(nd.path.dentry), d)
			  : vfs_unlink(d_inode(nd.path.dentry), d);
	dput(d);
unlock:
	inode_unlock(d_inode(nd.path.dentry));
out:
	nd_done(&nd);
	putname(name);
	return err;
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_remove(AT_FDCWD, pathname, true);
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_remove(AT_FDCWD, pathname, false);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_remove(dfd, pathname, flag & AT_REMOVEDIR);
}

/* ---------- rename ---------- */

static void lock_rename(struct inode *a, struct inode *b)
{
	mutex_lock(&a->i_sb->s_vfs_rename_mutex);
	if (a == b) {
		inode_lock(a);
	} else if (a < b) {
		inode_lock(a);
		inode_lock(b);
	} else {
		inode_lock(b);
		inode_lock(a);
	}
}

static void unlock_rename(struct inode *a, struct inode *b)
{
	inode_unlock(a);
	if (a != b)
		inode_unlock(b);
	mutex_unlock(&a->i_sb->s_vfs_rename_mutex);
}

static int rename_checks(struct nameidata *o, struct nameidata *n, unsigned int flags)
{
	if (o->last_type != LAST_NORM)
		return -EBUSY;
	if (n->last_type != LAST_NORM)
		return (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
	if (o->path.mnt != n->path.mnt)
		return -EXDEV;
	return mnt_want_write(o->path.mnt);
}

static int do_renameat2(int olddfd, const char __user *oldname, int newdfd,
			const char __user *newname, unsigned int flags)
{
	struct filename *from, *to;
	struct nameidata o, n;
	struct dentry *od = NULL, *nd_ = NULL;
	struct inode *odir, *ndir;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_EXCHANGE) && (flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)))
		return -EINVAL;
	/*
	 * RENAME_WHITEOUT leaves a device node 0/0 at the old name; since
	 * Linux 5.8 that needs no CAP_MKNOD (a whiteout opens no device).
	 */
	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	if (IS_ERR(to)) {
		putname(from);
		return PTR_ERR(to);
	}
	nd_init(&o, 0);
	nd_init(&n, 0);
	err = filename_parentat(&o, olddfd, from->name);
	if (!err)
		err = filename_parentat(&n, newdfd, to->name);
	if (!err)
		err = rename_checks(&o, &n, flags);
	if (!err)
		err = may_lookup(&o);
	if (!err)
		err = may_lookup(&n);
	if (err)
		goto out;
	odir = d_inode(o.path.dentry);
	ndir = d_inode(n.path.dentry);
	lock_rename(odir, ndir);
	od = lookup_one_locked(&o.last, o.path.dentry);
	if (IS_ERR(od)) {
		err = PTR_ERR(od);
		od = NULL;
		goto unlock;
	}
	err = -ENOENT;
	if (!od->d_inode)
		goto unlock;
	nd_ = lookup_one_locked(&n.last, n.path.dentry);
	if (IS_ERR(nd_)) {
		err = PTR_ERR(nd_);
		nd_ = NULL;
		goto unlock;
	}
	err = -ENOENT;
	if ((flags & RENAME_EXCHANGE) && !nd_->d_inode)
		goto unlock;
	err = -EEXIST;
	if ((flags & RENAME_NOREPLACE) && nd_->d_inode)
		goto unlock;
	err = -ENOTDIR;
	if (!S_ISDIR(od->d_inode->i_mode) && (o.trailing_slash || n.trailing_slash))
		goto unlock;
	if ((flags & RENAME_EXCHANGE) && !S_ISDIR(nd_->d_inode->i_mode) &&
	    (o.trailing_slash || n.trailing_slash))
		goto unlock;
	/* Source an ancestor of the target: EINVAL; the reverse: ENOTEMPTY. */
	err = -EINVAL;
	if (od != nd_ && is_subdir(n.path.dentry, od))
		goto unlock;
	err = (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	if (od != nd_ && nd_->d_inode && is_subdir(o.path.dentry, nd_))
		goto unlock;
	err = security_path_rename(&o.path, od, &n.path, nd_, flags);
	if (err)
		goto unlock;
	err = vfs_rename(odir, od, ndir, nd_, flags);
unlock:
	dput(nd_);
	dput(od);
	unlock_rename(odir, ndir);
out:
	nd_done(&o);
	nd_done(&n);
	putname(from);
	putname(to);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* ---------- open ---------- */

static int acc_mode_of(int flags)
{
	static const int modes[4] = { MAY_READ, MAY_WRITE, MAY_READ | MAY_WRITE,
				      MAY_READ | MAY_WRITE };
	int mask = modes[flags & O_ACCMODE];

	if (flags & O_TRUNC)
		mask |= MAY_WRITE;
	if (flags & O_APPEND)
		mask |= MAY_APPEND;
	return mask;
}

/* May the caller open what @path names with @flags?  @created: it just made it. */
static int may_open(const struct path *path, int flags, bool created)
{
	struct inode *inode = d_inode(path->dentry);
	int acc = acc_mode_of(flags);
	int err;

	if (flags & O_PATH)
		return 0;
	switch (inode->i_mode & S_IFMT) {
	case S_IFLNK:
		return -ELOOP;
	case S_IFDIR:
		if (acc & MAY_WRITE)
			return -EISDIR;
		break;
	case S_IFCHR:
	case S_IFBLK:
		if (path->mnt->mnt_flags & MNT_NODEV)
			return -EACCES;
		flags &= ~O_TRUNC;
		break;
	case S_IFIFO:
	case S_IFSOCK:
		flags &= ~O_TRUNC;
		break;
	}
	if (!created) {
		err = inode_permission(inode, acc);
		if (err)
			return err;
	}
	if ((acc & MAY_WRITE) && !S_ISCHR(inode->i_mode) && !S_ISBLK(inode->i_mode) &&
	    !S_ISFIFO(inode->i_mode) && !S_ISSOCK(inode->i_mode)) {
		err = mnt_want_write(path->mnt);
		if (err)
			return err;
	}
	/* Not updating atime hides reads from the owner: only the owner may. */
	if ((flags & O_NOATIME) && !inode_owner_or_capable(inode))
		return -EPERM;
	return 0;
}

/*
 * O_CREAT: find or make the last component under its locked parent.
 * Returns 0 with @path set, or 1 when it is a symlink to follow
 * (*@next holds the spliced name to walk from nd->path).
 */
static int open_last_create(struct nameidata *nd, int flags, umode_t mode, struct path *path,
			    bool *created, const char **next)
{
	struct inode *dir = d_inode(nd->path.dentry);
	struct dentry *d;
	int err;

	if (nd->last_type != LAST_NORM) {
		/* ".", "..", "/": something that exists; O_EXCL comes first, as Linux. */
		if (flags & O_EXCL)
			return -EEXIST;
		if (nd->last_type != LAST_ROOT || S_ISDIR(d_inode(nd->path.dentry)->i_mode))
			return -EISDIR;
		/* Where a magic link (/proc/PID/fd/N) led: that object is opened. */
		*path = nd->path;
		path_get(path);
		return 0;
	}
	if (nd->trailing_slash)
		return -EISDIR;
	err = may_lookup(nd);
	if (err)
		return err;
	inode_lock(dir);
	d = lookup_one_locked(&nd->last, nd->path.dentry);
	if (IS_ERR(d)) {
		inode_unlock(dir);
		return PTR_ERR(d);
	}
	if (!d->d_inode) {
		err = mnt_want_write(nd->path.mnt);
		if (!err)
			err = security_path_mknod(&nd->path, d, S_IFREG);
		if (!err)
			err = vfs_create(dir, d, mode & ~current_umask(), flags & O_EXCL);
		inode_unlock(dir);
		if (err) {
			dput(d);
			return err;
		}
		*created = true;
		path->mnt = mntget(nd->path.mnt);
		path->dentry = d;
		return 0;
	}
	inode_unlock(dir);
	err = -EEXIST;
	if (flags & O_EXCL)
		goto out_dput;
	if (S_ISLNK(d->d_inode->i_mode)) {
		err = -ELOOP;
		if (flags & O_NOFOLLOW)
			goto out_dput;
		*next = splice_link(nd, d, NULL, false);
		err = IS_ERR(*next) ? PTR_ERR(*next) : 1;
		goto out_dput;
	}
	path->mnt = mntget(nd->path.mnt);
	path->dentry = d;
	if (follow_down_mount(path) && (nd->flags & LOOKUP_NO_XDEV)) {
		path_put(path);
		return -EXDEV;
	}
	if (S_ISDIR(d_inode(path->dentry)->i_mode)) {
		path_put(path);
		return -EISDIR;
	}
	return 0;
out_dput:
	dput(d);
	return err;
}

static int open_path(struct nameidata *nd, const char *name, int flags, umode_t mode,
		     struct path *path, bool *created)
{
	int err;

	if (!(flags & O_CREAT)) {
		nd->flags |= (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
		if (flags & O_DIRECTORY)
			nd->flags |= LOOKUP_DIRECTORY;
		err = path_lookupat(nd, name);
		if (err)
			return err;
		*path = nd->path;
		nd->path.dentry = NULL;
		nd->path.mnt = NULL;
		return 0;
	}
	for (;;) {
		const char *next = NULL;

		err = link_path_walk(nd, name);
		if (err)
			return err;
		err = open_last_create(nd, flags, mode, path, created, &next);
		if (err <= 0)
			return err;
		name = next;
	}
}

/* O_TRUNC: not on a running program (ETXTBSY), as the open itself would say. */
static int handle_truncate(struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);
	int err = get_write_access(inode);

	if (err)
		return err;
	err = do_truncate(dentry, 0, ATTR_MTIME | ATTR_CTIME);
	put_write_access(inode);
	return err;
}

/*
 * Open what @path already names (open_by_handle_at): the checks and
 * steps do_filp_open does after its walk.
 */
struct file *do_file_open_path(const struct path *path, int flags)
{
	int err;

	if (flags & O_PATH)
		flags &= O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
	if ((flags & O_DIRECTORY) && !S_ISDIR(d_inode(path->dentry)->i_mode))
		return ERR_PTR(-ENOTDIR);
	err = may_open(path, flags, false);
	if (err)
		return ERR_PTR(err);
	if ((flags & O_TRUNC) && S_ISREG(d_inode(path->dentry)->i_mode)) {
		err = handle_truncate(path->dentry);
		if (err)
			return ERR_PTR(err);
	}
	return dentry_open(path, flags);
}

struct file *do_filp_open(int dfd, struct filename *name, int flags, umode_t mode)
{
	return do_filp_open_flags(dfd, name, flags, mode, 0);
}

/*
 * O_TMPFILE: @nd walked to a directory; make a regular file there with
 * no name (nlink 0: it goes with its last close), unless linkat names it
 * later, which O_EXCL forbids.
 */
static struct file *do_tmpfile(struct nameidata *nd, int flags, umode_t mode)
{
	static const struct qstr anon = QSTR_INIT("/", 1);	/* no lookup can match it */
	struct inode *dir = d_inode(nd->path.dentry), *inode;
	struct dentry *child;
	struct path path;
	struct file *f;
	int err;

	err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return ERR_PTR(err);
	err = mnt_want_write(nd->path.mnt);
	if (err)
		return ERR_PTR(err);
	if (!dir->i_op->tmpfile)
		return ERR_PTR(-EOPNOTSUPP);
	inode_lock(dir);
	child = d_alloc(nd->path.dentry, &anon);
	if (child)
		d_drop(child);
	inode_unlock(dir);
	if (!child)
		return ERR_PTR(-ENOMEM);
	err = dir->i_op->tmpfile(dir, child, S_IFREG | (mode & 07777 & ~current_umask()));
	if (err) {
		dput(child);
		return ERR_PTR(err);
	}
	inode = d_inode(child);
	if (!(flags & O_EXCL))
		inode->i_flags |= I_LINKABLE;
	path.mnt = nd->path.mnt;
	path.dentry = child;
	f = dentry_open(&path, flags & ~(__O_TMPFILE | O_DIRECTORY | O_CREAT | O_EXCL));
	dput(child);
	return f;
}

/* do_filp_open with extra LOOKUP_ flags (openat2's RESOLVE_*). */
struct file *do_filp_open_flags(int dfd, struct filename *name, int flags, umode_t mode,
				unsigned int lookup_flags)
{
	struct nameidata nd;
	struct path path = { NULL, NULL };
	struct file *f;
	bool created = false;
	int err;

	if (IS_ERR(name))
		return ERR_CAST(name);
	if (flags & O_PATH)
		flags &= O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
	if (flags & __O_TMPFILE) {
		/* O_TMPFILE includes O_DIRECTORY, and the file must be writable. */
		if (!(flags & O_DIRECTORY) || (flags & O_ACCMODE) == O_RDONLY ||
		    (flags & O_PATH))
			return ERR_PTR(-EINVAL);
		nd_init(&nd, lookup_flags | LOOKUP_FOLLOW | LOOKUP_DIRECTORY);
		err = nd_start(&nd, dfd, NULL, name->name);
		if (!err)
			err = path_lookupat(&nd, name->name);
		f = err ? ERR_PTR(err) : do_tmpfile(&nd, flags, mode);
		nd_done(&nd);
		return f;
	}
	nd_init(&nd, lookup_flags);
	err = nd_start(&nd, dfd, NULL, name->name);
	if (!err)
		err = open_path(&nd, name->name, flags, mode, &path, &created);
	nd_done(&nd);
	if (err)
		return ERR_PTR(err);
	err = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(d_inode(path.dentry)->i_mode))
		goto out;
	err = may_open(&path, flags, created);
	if (err)
		goto out;
	if ((flags & O_TRUNC) && !created && S_ISREG(d_inode(path.dentry)->i_mode)) {
		err = handle_truncate(path.dentry);
		if (err)
			goto out;
	}
	f = dentry_open(&path, flags);
	path_put(&path);
	return f;
out:
	path_put(&path);
	return ERR_PTR(err);
}
