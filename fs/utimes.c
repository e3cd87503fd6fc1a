// SPDX-License-Identifier: GPL-2.0
/*
 * utimensat, and the older utimes, futimesat and utime: set a file's
 * access and modification times.  UTIME_NOW and
 * a NULL array mean "now", which anyone with write permission may do;
 * explicit times need ownership (or CAP_FOWNER); UTIME_OMIT leaves a
 * time alone.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

struct __kernel_timespec_ut {
	long long tv_sec;
	long long tv_nsec;
};

static bool nsec_valid(long long nsec)
{
	return nsec == UTIME_OMIT || nsec == UTIME_NOW || (nsec >= 0 && nsec <= 999999999);
}

static int utimes_common(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = d_inode(path->dentry);
	struct iattr attr = { .ia_valid = ATTR_CTIME | ATTR_MTIME | ATTR_ATIME };
	int err = mnt_want_write(path->mnt);

	if (err)
		return err;
	if (times && times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW)
		times = NULL;
	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_ATIME;
		else if (times[0].tv_nsec != UTIME_NOW) {
			attr.ia_atime = times[0];
			attr.ia_valid |= ATTR_ATIME_SET;
		}
		if (times[1].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_MTIME;
		else if (times[1].tv_nsec != UTIME_NOW) {
			attr.ia_mtime = times[1];
			attr.ia_valid |= ATTR_MTIME_SET;
		}
	}
	if (!(attr.ia_valid & (ATTR_ATIME_SET | ATTR_MTIME_SET)) &&
	    !inode_owner_or_capable(inode)) {
		/* Only "now" asked: write permission is enough. */
		err = inode_permission(inode, MAY_WRITE);
		if (err)
			return err;
	}
	if (!(attr.ia_valid & ATTR_ATIME_SET))
		attr.ia_atime = current_time(inode);
	if (!(attr.ia_valid & ATTR_MTIME_SET))
		attr.ia_mtime = current_time(inode);
	/* The check in setattr_prepare needs ownership only for explicit times. */
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

/*
 * The common path of every call: @filename relative to @dfd, or with no
 * name the descriptor @dfd itself (futimens, futimesat(fd, NULL)).
 * @times is already checked, or NULL for "both now".
 */
static int do_utimes(int dfd, const char __user *filename, struct timespec64 *times,
		     int flags)
{
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename && dfd != AT_FDCWD) {
		struct file *f = fget(dfd);

		if (!f)
			return -EBADF;
		err = utimes_common(&f->f_path, times);
		fput(f);
		return err;
	}
	err = user_path_at(dfd, filename,
			   ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW) |
			   ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0), &path);
	if (err)
		return err;
	err = utimes_common(&path, times);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec_ut __user *, utimes, int, flags)
{
	struct __kernel_timespec_ut ut[2];
	struct timespec64 t[2], *tp = NULL;

	if (utimes) {
		if (copy_from_user(ut, utimes, sizeof(ut)))
			return -EFAULT;
		if (!nsec_valid(ut[0].tv_nsec) || !nsec_valid(ut[1].tv_nsec))
			return -EINVAL;
		t[0].tv_sec = ut[0].tv_sec;
		t[0].tv_nsec = ut[0].tv_nsec;
		t[1].tv_sec = ut[1].tv_sec;
		t[1].tv_nsec = ut[1].tv_nsec;
		tp = t;
		if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
			return 0;
	}
	return do_utimes(dfd, filename, tp, flags);
}

/*
 * The older calls: utimes and futimesat take microseconds (struct
 * timeval), utime whole seconds (struct utimbuf).  None knows UTIME_NOW
 * or UTIME_OMIT; a NULL array still means "now".
 */
struct old_timeval_ut {
	long tv_sec;
	long tv_usec;
};

struct old_utimbuf {
	long actime;
	long modtime;
};

static long do_futimesat(int dfd, const char __user *filename,
			 struct old_timeval_ut __user *utimes)
{
	struct old_timeval_ut tv[2];
	struct timespec64 t[2];
	int i;

	if (!utimes)
		return do_utimes(dfd, filename, NULL, 0);
	if (copy_from_user(tv, utimes, sizeof(tv)))
		return -EFAULT;
	for (i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		t[i].tv_sec = tv[i].tv_sec;
		t[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return do_utimes(dfd, filename, t, 0);
}

SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		struct old_timeval_ut __user *, utimes)
{
	return do_futimesat(dfd, filename, utimes);
}

SYSCALL_DEFINE2(utimes, const char __user *, filename, struct old_timeval_ut __user *, utimes)
{
	return do_futimesat(AT_FDCWD, filename, utimes);
}

SYSCALL_DEFINE2(utime, const char __user *, filename, struct old_utimbuf __user *, times)
{
	struct old_utimbuf ub;
	struct timespec64 t[2];

	if (!times)
		return do_utimes(AT_FDCWD, filename, NULL, 0);
	if (copy_from_user(&ub, times, sizeof(ub)))
		return -EFAULT;
	t[0].tv_sec = ub.actime;
	t[0].tv_nsec = 0;
	t[1].tv_sec = ub.modtime;
	t[1].tv_nsec = 0;
	return do_utimes(AT_FDCWD, filename, t, 0);
}
