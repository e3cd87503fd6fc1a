// SPDX-License-Identifier: GPL-2.0
/*
 * stat, fstat, lstat, newfstatat, statx, readlink: reading a file's
 * attributes.  The filesystem fills a struct kstat (->getattr, or the
 * inode's fields by default); each system call copies it out in its own
 * user-space layout.
 */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "mount.h"

int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int flags)
{
	struct inode *inode = d_inode(path->dentry);

	memset(stat, 0, sizeof(*stat));
	stat->result_mask = STATX_BASIC_STATS;
	stat->mnt_id = real_mount(path->mnt)->mnt_id;
	if (inode->i_op->getattr)
		return inode->i_op->getattr(path, stat, request_mask, flags);
	generic_fillattr(inode, stat);
	return 0;
}

static int vfs_statx(int dfd, const char __user *filename, int flags, struct kstat *stat,
		     u32 request_mask)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags = 0;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = vfs_getattr(&path, stat, request_mask, flags);
	path_put(&path);
	return err;
}

static int vfs_fstat(unsigned int fd, struct kstat *stat)
{
	struct file *f = fget_raw(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_getattr(&f->f_path, stat, STATX_BASIC_STATS, 0);
	fput(f);
	return err;
}

static int cp_new_stat(const struct kstat *stat, struct stat __user *statbuf)
{
	struct stat tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = new_encode_dev(stat->dev);
	tmp.st_ino = stat->ino;
	tmp.st_nlink = stat->nlink;
	tmp.st_mode = stat->mode;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_rdev = new_encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	tmp.st_blksize = stat->blksize;
	tmp.st_blocks = stat->blocks;
	tmp.st_atime = stat->atime.tv_sec;
	tmp.st_atime_nsec = stat->atime.tv_nsec;
	tmp.st_mtime = stat->mtime.tv_sec;
	tmp.st_mtime_nsec = stat->mtime.tv_nsec;
	tmp.st_ctime = stat->ctime.tv_sec;
	tmp.st_ctime_nsec = stat->ctime.tv_nsec;
	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(newstat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_statx(AT_FDCWD, filename, 0, &stat, STATX_BASIC_STATS);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(newlstat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_statx(AT_FDCWD, filename, AT_SYMLINK_NOFOLLOW, &stat, STATX_BASIC_STATS);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct kstat stat;
	int err = vfs_statx(dfd, filename, flag, &stat, STATX_BASIC_STATS);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstat(fd, &stat);

	return err ? err : cp_new_stat(&stat, statbuf);
}

static void statx_time(struct statx_timestamp *to, const struct timespec64 *from)
{
	to->tv_sec = from->tv_sec;
	to->tv_nsec = from->tv_nsec;
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct statx tmp;
	struct kstat stat;
	int err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	err = vfs_statx(dfd, filename, flags, &stat, mask);
	if (err)
		return err;
	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = stat.result_mask | STATX_MNT_ID;
	tmp.stx_blksize = stat.blksize;
	tmp.stx_nlink = stat.nlink;
	tmp.stx_uid = stat.uid;
	tmp.stx_gid = stat.gid;
	tmp.stx_mode = stat.mode;
	tmp.stx_ino = stat.ino;
	tmp.stx_size = stat.size;
	tmp.stx_blocks = stat.blocks;
	statx_time(&tmp.stx_atime, &stat.atime);
	statx_time(&tmp.stx_btime, &stat.btime);
	statx_time(&tmp.stx_ctime, &stat.ctime);
	statx_time(&tmp.stx_mtime, &stat.mtime);
	tmp.stx_rdev_major = MAJOR(stat.rdev);
	tmp.stx_rdev_minor = MINOR(stat.rdev);
	tmp.stx_dev_major = MAJOR(stat.dev);
	tmp.stx_dev_minor = MINOR(stat.dev);
	tmp.stx_mnt_id = stat.mnt_id;
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

static int do_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct path path;
	const char *link;
	int err, len;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, pathname, LOOKUP_EMPTY, &path);
	if (err)
		return err;
	if (!S_ISLNK(d_inode(path.dentry)->i_mode)) {
		char first = 1;

		/* Linux: "" names the dirfd itself, and that is no link: ENOENT. */
		err = !get_user(first, pathname) && !first ? -ENOENT : -EINVAL;
		goto out;
	}
	link = vfs_get_link(path.dentry);
	err = PTR_ERR(link);
	if (IS_ERR(link))
		goto out;
	len = min_t(int, strlen(link), bufsiz);
	err = copy_to_user(buf, link, len) ? -EFAULT : len;
out:
	path_put(&path);
	return err;
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat(dfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
