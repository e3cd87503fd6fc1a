// SPDX-License-Identifier: GPL-2.0
/*
 * Opening and closing files, and the calls that change a file's
 * attributes by name or descriptor: open/openat/creat/close, access,
 * chdir/fchdir/chroot, chmod, chown, truncate.
 *
 * open = walk the path (fs/namei.c, which also creates with O_CREAT),
 * check the permission the flags ask for, then dentry_open(): a struct
 * file pointing at the dentry and mount, with the inode's
 * file_operations, whose ->open (a device driver's, say) may still
 * refuse.  Only then is a descriptor installed.
 */
#include <linux/kernel.h>
#include <linux/dnotify.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/filelock.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/fsnotify.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/falloc.h>
#include "internal.h"

static fmode_t open_fmode(int flags)
{
	fmode_t mode = FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;

	if (flags & O_PATH)
		return FMODE_PATH;
	if (flags & __FMODE_EXEC)
		mode |= FMODE_EXEC;
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		mode |= FMODE_READ;
		break;
	case O_WRONLY:
		mode |= FMODE_WRITE;
		break;
	case O_RDWR:
		mode |= FMODE_READ | FMODE_WRITE;
		break;
	}
	return mode;
}

/*
 * f_flags while the file is being opened: not O_CLOEXEC (a property of
 * the descriptor, kept in the fd table).  The creation flags stay until
 * ->open has seen them (O_NOCTTY for a tty, O_TRUNC for tracefs's
 * "echo > trace"); F_GETFL never shows them (OPEN_ONLY_FLAGS).
 */
#define OPEN_ONLY_FLAGS	(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC)

static unsigned int open_file_flags(int flags)
{
	return flags & ~(O_CLOEXEC | __FMODE_NONOTIFY | __FMODE_EXEC);
}

struct file *dentry_open(const struct path *path, int flags)
{
	struct inode *inode = d_inode(path->dentry);
	struct file *f = alloc_empty_file(open_file_flags(flags), open_fmode(flags));
	int err;

	if (IS_ERR(f))
		return f;
	f->f_path = *path;
	path_get(path);
	f->f_inode = inode;
	f->f_mapping = inode->i_mapping;
	f->f_op = inode->i_fop;
	if (f->f_mode & FMODE_PATH) {
		f->f_flags &= ~OPEN_ONLY_FLAGS;
		return f;
	}
	if (flags & __FMODE_NONOTIFY)
		f->f_mode |= FMODE_NONOTIFY;
	if (!f->f_op && !S_ISDIR(inode->i_mode)) {
		err = -ENXIO;	/* a socket: it is not opened by path */
		f->f_mode |= FMODE_PATH;
		goto out;
	}
	/* Operations a module provides keep it loaded while the file is open. */
	if (f->f_op && !try_module_get(f->f_op->owner)) {
		err = -ENODEV;
		f->f_mode |= FMODE_PATH;
		goto out;
	}
	/* A security module (Landlock) may refuse it, */
	err = security_file_open(f);
	if (err)
		goto out_put;
	/* and so may a fanotify listener. */
	err = fsnotify_open_perm(f);
	if (err)
		goto out_put;
	/* Leases: their holders hear of this open first (and may make it wait). */
	if (S_ISREG(inode->i_mode)) {
		err = break_lease(inode, flags);
		if (err)
			goto out_put;
	}
	/* A running program's file may not be opened for writing. */
	if ((f->f_mode & FMODE_WRITE) && S_ISREG(inode->i_mode)) {
		err = get_write_access(inode);
		if (err)
			goto out_put;
		f->f_mode |= FMODE_WRITER;
	}
	if (f->f_op && f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err)
			goto out_put;
	}
	f->f_flags &= ~OPEN_ONLY_FLAGS;
	return f;
out_put:
	/* ->open may have swapped f_op (a character device): put what is there now. */
	if (f->f_op)
		module_put(f->f_op->owner);
	f->f_mode |= FMODE_PATH;	/* no ->release for an open that failed */
out:
	fput(f);
	return ERR_PTR(err);
}

struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct filename *name = getname_kernel(filename);
	struct file *f = do_filp_open(AT_FDCWD, name, flags, mode);

	putname(name);
	return f;
}

/*
 * @id (a files_struct) drops a descriptor of @filp: its POSIX locks on
 * the file go with it, even if other descriptors still point there.
 */
int filp_close(struct file *filp, fl_owner_t id)
{
	int err = 0;

	if (!(filp->f_mode & FMODE_PATH)) {
		if (filp->f_op && filp->f_op->flush)
			err = filp->f_op->flush(filp);
		dnotify_flush(filp, id);
		locks_remove_posix(filp, id);
	}
	fput(filp);
	return err;
}

long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct filename *name;
	struct file *f;
	int fd;

	if (!(flags & (O_CREAT | __O_TMPFILE)))
		mode = 0;
	/* The kernel's own open flags are not the caller's to set (Linux drops them too). */
	flags &= ~(__FMODE_EXEC | __FMODE_NONOTIFY);
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		f = do_filp_open(dfd, name, flags, mode);
		if (IS_ERR(f)) {
			put_unused_fd(fd);
			fd = PTR_ERR(f);
		} else {
			fd_install(fd, f);
			fsnotify_open(f);
		}
	}
	putname(name);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags | O_LARGEFILE, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(dfd, filename, flags | O_LARGEFILE, mode);
}

/* openat2(2)'s argument; later versions may only grow it (copy_struct_from_user). */
struct open_how {
	u64 flags;
	u64 mode;
	u64 resolve;
};

#define RESOLVE_NO_XDEV		0x01
#define RESOLVE_NO_MAGICLINKS	0x02
#define RESOLVE_NO_SYMLINKS	0x04
#define RESOLVE_BENEATH		0x08
#define RESOLVE_IN_ROOT		0x10
#define RESOLVE_CACHED		0x20
#define VALID_RESOLVE_FLAGS	(RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS | \
				 RESOLVE_BENEATH | RESOLVE_IN_ROOT | RESOLVE_CACHED)
#define VALID_OPEN_FLAGS	(O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | \
				 O_NONBLOCK | O_DSYNC | FASYNC | O_DIRECT | O_LARGEFILE | \
				 O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH | \
				 __O_SYNC | __O_TMPFILE)
#define O_PATH_FLAGS		(O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)

/*
 * A structure user space may pass at any size: smaller than the first
 * version is EINVAL, larger is fine if the bytes this kernel does not
 * know are zero (else E2BIG), so old kernels refuse what they cannot do.
 */
static int copy_struct_from_user(void *dst, size_t ksize, const void __user *src, size_t usize)
{
	size_t size = min(ksize, usize), i;
	char c;

	if (usize > PAGE_SIZE)
		return -E2BIG;
	for (i = ksize; i < usize; i++) {
		if (get_user(c, (const char __user *)src + i))
			return -EFAULT;
		if (c)
			return -E2BIG;
	}
	memset(dst, 0, ksize);
	return copy_from_user(dst, src, size) ? -EFAULT : 0;
}

/*
 * openat2: openat with its flags checked strictly (an unknown bit, a
 * mode without O_CREAT or O_TMPFILE, O_PATH with other flags: EINVAL,
 * where openat ignores them) and RESOLVE_* rules for the walk: no
 * symlinks, no /proc magic links, no mount crossing, stay beneath the
 * directory, or treat it as the root.
 */
SYSCALL_DEFINE4(openat2, int, dfd, const char __user *, filename, struct open_how __user *, uhow,
		size_t, usize)
{
	unsigned int lookup_flags = 0;
	struct open_how how;
	struct filename *name;
	struct file *f;
	int err, fd, flags;

	if (usize < sizeof(how))
		return -EINVAL;
	err = copy_struct_from_user(&how, sizeof(how), uhow, usize);
	if (err)
		return err;
	if (how.flags & ~(u64)VALID_OPEN_FLAGS)
		return -EINVAL;
	if (how.resolve & ~(u64)VALID_RESOLVE_FLAGS)
		return -EINVAL;
	if (how.mode & ~(u64)(S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO))
		return -EINVAL;
	if (how.mode && !(how.flags & (O_CREAT | __O_TMPFILE)))
		return -EINVAL;
	if ((how.flags & O_PATH) && (how.flags & ~(u64)O_PATH_FLAGS))
		return -EINVAL;
	if ((how.resolve & RESOLVE_BENEATH) && (how.resolve & RESOLVE_IN_ROOT))
		return -EINVAL;
	/* Everything is in memory, but creating or truncating is not a cached lookup. */
	if ((how.resolve & RESOLVE_CACHED) && (how.flags & (O_TRUNC | O_CREAT | __O_TMPFILE)))
		return -EAGAIN;
	flags = how.flags | O_LARGEFILE;
	if (how.resolve & RESOLVE_NO_XDEV)
		lookup_flags |= LOOKUP_NO_XDEV;
	if (how.resolve & RESOLVE_NO_MAGICLINKS)
		lookup_flags |= LOOKUP_NO_MAGICLINKS;
	if (how.resolve & RESOLVE_NO_SYMLINKS)
		lookup_flags |= LOOKUP_NO_SYMLINKS;
	if (how.resolve & RESOLVE_BENEATH)
		lookup_flags |= LOOKUP_BENEATH;
	if (how.resolve & RESOLVE_IN_ROOT)
		lookup_flags |= LOOKUP_IN_ROOT;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		f = do_filp_open_flags(dfd, name, flags, how.mode, lookup_flags);
		if (IS_ERR(f)) {
			put_unused_fd(fd);
			fd = PTR_ERR(f);
		} else {
			fd_install(fd, f);
		}
	}
	putname(name);
	return fd;
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC | O_LARGEFILE, mode);
}

/* ---------- truncate ---------- */

int do_truncate(struct dentry *dentry, loff_t length, unsigned int time_attrs)
{
	struct inode *inode = d_inode(dentry);
	struct iattr attr = { .ia_valid = ATTR_SIZE | time_attrs, .ia_size = length };
	int err;

	if (length < 0)
		return -EINVAL;
	attr.ia_mtime = attr.ia_ctime = current_time(inode);
	inode_lock(inode);
	err = notify_change(dentry, &attr);
	inode_unlock(inode);
	return err;
}

int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = d_inode(path->dentry);
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	err = mnt_want_write(path->mnt);
	if (err)
		return err;
	err = inode_permission(inode, MAY_WRITE);
	if (err)
		return err;
	/* Not a running program (ETXTBSY), nor may one start meanwhile. */
	err = get_write_access(inode);
	if (err)
		return err;
	err = do_truncate(path->dentry, length, ATTR_MTIME | ATTR_CTIME);
	put_write_access(inode);
	return err;
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct path p;
	int err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, &p);
	if (err)
		return err;
	err = vfs_truncate(&p, length);
	path_put(&p);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	struct file *f;
	int err;

	if ((long)length < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = -EINVAL;
	if (S_ISREG(file_inode(f)->i_mode) && (f->f_mode & FMODE_WRITE))
		err = (f->f_flags & O_APPEND) ? -EPERM
					      : do_truncate(f->f_path.dentry, length,
							    ATTR_MTIME | ATTR_CTIME);
	else if (S_ISDIR(file_inode(f)->i_mode) && (f->f_mode & FMODE_WRITE))
		err = -EISDIR;
	fput(f);
	return err;
}

/* ---------- access ---------- */

/*
 * access() asks with the real IDs, not the effective ones: run the
 * check under a copy of the credentials with fsuid/fsgid = uid/gid (and
 * no capabilities unless the real user is root), as Linux does.
 */
static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	const struct cred *old = current->cred;
	struct cred *override = NULL;
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	struct inode *inode;
	int res;

	if (mode & ~7)
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	if (!(flags & AT_EACCESS) && (old->fsuid != old->uid || old->fsgid != old->gid ||
				      (old->uid != 0 && old->cap_effective))) {
		override = prepare_creds();
		if (!override)
			return -ENOMEM;
		override->fsuid = override->uid;
		override->fsgid = override->gid;
		if (override->uid != 0)
			override->cap_effective = 0;
		else
			override->cap_effective = override->cap_permitted;
		current->cred = override;
	}
	res = user_path_at(dfd, filename, lookup_flags, &path);
	if (res)
		goto out;
	inode = d_inode(path.dentry);
	if (mode & MAY_EXEC && S_ISREG(inode->i_mode) && (path.mnt->mnt_flags & MNT_NOEXEC))
		res = -EACCES;
	else if (mode)
		res = inode_permission(inode, mode | MAY_ACCESS);
	if (!res && (mode & MAY_WRITE) && !S_ISCHR(inode->i_mode) && !S_ISBLK(inode->i_mode))
		res = mnt_want_write(path.mnt);
	path_put(&path);
out:
	if (override) {
		current->cred = old;
		put_cred(override);
	}
	return res;
}

#define FALLOC_FL_SUPPORTED_MASK	(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE | \
					 FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_ZERO_RANGE | \
					 FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE)

/*
 * fallocate: make sure the bytes [offset, offset + len) have storage (or,
 * with FALLOC_FL_PUNCH_HOLE, give it back).  The checks every filesystem
 * shares are here, in Linux's order; which modes exist is the
 * filesystem's ->fallocate business (EOPNOTSUPP for the others).
 */
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);
	loff_t end;

	if (offset < 0 || len <= 0)
		return -EINVAL;
	if (mode & ~FALLOC_FL_SUPPORTED_MASK)
		return -EOPNOTSUPP;
	/* Punching keeps the size by definition; zeroing is not punching. */
	if ((mode & FALLOC_FL_PUNCH_HOLE) && (mode & FALLOC_FL_ZERO_RANGE))
		return -EOPNOTSUPP;
	if ((mode & FALLOC_FL_PUNCH_HOLE) && !(mode & FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;
	/* Collapse and insert shift the whole tail: nothing else with them. */
	if ((mode & FALLOC_FL_COLLAPSE_RANGE) && (mode & ~FALLOC_FL_COLLAPSE_RANGE))
		return -EINVAL;
	if ((mode & FALLOC_FL_INSERT_RANGE) && (mode & ~FALLOC_FL_INSERT_RANGE))
		return -EINVAL;
	if ((mode & FALLOC_FL_UNSHARE_RANGE) &&
	    (mode & ~(FALLOC_FL_UNSHARE_RANGE | FALLOC_FL_KEEP_SIZE)))
		return -EINVAL;
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (S_ISFIFO(inode->i_mode))
		return -ESPIPE;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) && !S_ISBLK(inode->i_mode))
		return -ENODEV;
	if (check_add_overflow(offset, len, &end) || end > inode->i_sb->s_maxbytes)
		return -EFBIG;
	if (!file->f_op->fallocate)
		return -EOPNOTSUPP;
	return file->f_op->fallocate(file, mode, offset, len);
}

SYSCALL_DEFINE4(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_fallocate(f, mode, offset, len);
	fput(f);
	return err;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

/* ---------- chdir, fchdir, chroot ---------- */

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct path path;
	int err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = inode_permission(d_inode(path.dentry), MAY_EXEC);
	if (!err)
		set_fs_pwd(current->fs, &path);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget_raw(fd);
	int err;

	if (!f)
		return -EBADF;
	err = -ENOTDIR;
	if (S_ISDIR(file_inode(f)->i_mode)) {
		err = inode_permission(file_inode(f), MAY_EXEC);
		if (!err)
			set_fs_pwd(current->fs, &f->f_path);
	}
	fput(f);
	return err;
}

SYSCALL_DEFINE1(chroot, const char __user *, filename)
{
	struct path path;
	int err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = inode_permission(d_inode(path.dentry), MAY_EXEC);
	if (!err && !capable(CAP_SYS_CHROOT))
		err = -EPERM;
	if (!err)
		set_fs_root(current->fs, &path);
	path_put(&path);
	return err;
}

/* ---------- chmod, chown ---------- */

static int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = d_inode(path->dentry);
	struct iattr attr;
	int err = mnt_want_write(path->mnt);

	if (err)
		return err;
	inode_lock(inode);
	attr.ia_mode = (mode & 07777) | (inode->i_mode & ~07777);
	attr.ia_valid = ATTR_MODE | ATTR_CTIME;
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

static int do_fchmodat(int dfd, const char __user *filename, umode_t mode, unsigned int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags = 0;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	if (S_ISLNK(d_inode(path.dentry)->i_mode))
		err = -EOPNOTSUPP;	/* symlink modes mean nothing on Linux */
	else
		err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(fchmodat2, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, flags)
{
	return do_fchmodat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = chmod_common(&f->f_path, mode);
	fput(f);
	return err;
}

static int chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct inode *inode = d_inode(path->dentry);
	struct iattr attr = { .ia_valid = ATTR_CTIME };
	int err = mnt_want_write(path->mnt);

	if (err)
		return err;
	if (user != (uid_t)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = group;
	}
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

static int do_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group,
		       int flag)
{
	unsigned int lookup_flags;
	struct path path;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	lookup_flags = (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	if (flag & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = chown_common(&path, user, group);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user,
		gid_t, group, int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = chown_common(&f->f_path, user, group);
	fput(f);
	return err;
}
