// SPDX-License-Identifier: GPL-2.0
/* statfs, fstatfs: the numbers of the filesystem a path lies on (->statfs). */
#include <linux/kernel.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/kdev_t.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_VALID	0x0020	/* f_flags is filled in */

static int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;
	int err;

	memset(buf, 0, sizeof(*buf));
	if (!sb->s_op->statfs)
		return -ENOSYS;
	err = sb->s_op->statfs(path->dentry, buf);
	if (err)
		return err;
	if (!buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
	buf->f_flags = ST_VALID;
	if (__mnt_is_readonly(path->mnt))
		buf->f_flags |= ST_RDONLY;
	if (path->mnt->mnt_flags & MNT_NOSUID)
		buf->f_flags |= ST_NOSUID;
	if (path->mnt->mnt_flags & MNT_NODEV)
		buf->f_flags |= ST_NODEV;
	if (path->mnt->mnt_flags & MNT_NOEXEC)
		buf->f_flags |= ST_NOEXEC;
	return 0;
}

static int do_statfs_native(const struct kstatfs *st, struct statfs __user *p)
{
	struct statfs buf;

	memset(&buf, 0, sizeof(buf));
	buf.f_type = st->f_type;
	buf.f_bsize = st->f_bsize;
	buf.f_blocks = st->f_blocks;
	buf.f_bfree = st->f_bfree;
	buf.f_bavail = st->f_bavail;
	buf.f_files = st->f_files;
	buf.f_ffree = st->f_ffree;
	buf.f_namelen = st->f_namelen;
	buf.f_frsize = st->f_frsize;
	buf.f_flags = st->f_flags;
	return copy_to_user(p, &buf, sizeof(buf)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
	struct kstatfs st;
	struct path path;
	int err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = vfs_statfs(&path, &st);
	path_put(&path);
	return err ? err : do_statfs_native(&st, buf);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct file *f = fget_raw(fd);
	struct kstatfs st;
	int err;

	if (!f)
		return -EBADF;
	err = vfs_statfs(&f->f_path, &st);
	fput(f);
	return err ? err : do_statfs_native(&st, buf);
}

/* ustat(2): free blocks and inodes of the filesystem on device @dev. */
struct ustat {
	int f_tfree;
	unsigned long f_tinode;
	char f_fname[6];
	char f_fpack[6];
};

SYSCALL_DEFINE2(ustat, unsigned int, dev, struct ustat __user *, ubuf)
{
	struct super_block *sb = user_get_super(new_decode_dev(dev));
	struct kstatfs st;
	struct ustat tmp;
	int err;

	if (!sb)
		return -EINVAL;
	memset(&st, 0, sizeof(st));
	err = sb->s_op->statfs ? sb->s_op->statfs(sb->s_root, &st) : -ENOSYS;
	deactivate_super(sb);
	if (err)
		return err;
	memset(&tmp, 0, sizeof(tmp));
	tmp.f_tfree = st.f_bfree;
	tmp.f_tinode = st.f_ffree;
	return copy_to_user(ubuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}
